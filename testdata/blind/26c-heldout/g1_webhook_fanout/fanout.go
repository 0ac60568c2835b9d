// Correct: each delivery Resets the timer and the post-select drain is skipped when the select already received from t.C (timedOut), so it never waits on an empty channel.
package g1_webhook_fanout

import (
	"log"
	"sync"
	"time"
)

// Hook is one registered webhook endpoint with its own send queue.
type Hook struct {
	URL   string
	queue chan []byte
}

// Fanout copies every published body to every hook, giving each hook at
// most timeout to accept it.
type Fanout struct {
	hooks   []*Hook
	in      chan []byte
	timeout time.Duration

	mu       sync.Mutex
	timeouts map[string]int

	stop     chan struct{}
	stopped  chan struct{}
	stopOnce sync.Once
}

// NewFanout starts the fan-out goroutine for the given hooks.
func NewFanout(hooks []*Hook, timeout time.Duration) *Fanout {
	f := &Fanout{
		hooks:    hooks,
		in:       make(chan []byte, 16),
		timeout:  timeout,
		timeouts: make(map[string]int),
		stop:     make(chan struct{}),
		stopped:  make(chan struct{}),
	}
	go f.loop()
	return f
}

// NewHook creates a hook whose worker reads from Queue.
func NewHook(url string, depth int) *Hook {
	return &Hook{URL: url, queue: make(chan []byte, depth)}
}

// Queue is read by the hook's HTTP worker.
func (h *Hook) Queue() <-chan []byte { return h.queue }

// Publish enqueues body for all hooks.
func (f *Fanout) Publish(body []byte) {
	select {
	case f.in <- body:
	case <-f.stop:
	}
}

// Timeouts reports how many deliveries to url timed out.
func (f *Fanout) Timeouts(url string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.timeouts[url]
}

// Stop ends the fan-out loop.
func (f *Fanout) Stop() {
	f.stopOnce.Do(func() { close(f.stop) })
	<-f.stopped
}

func (f *Fanout) loop() {
	defer close(f.stopped)
	t := time.NewTimer(time.Hour)
	t.Stop()
	defer t.Stop()
	for {
		select {
		case body := <-f.in:
			for _, h := range f.hooks {
				if !f.deliver(t, h, body) {
					return
				}
			}
		case <-f.stop:
			return
		}
	}
}

// deliver offers body to h for at most f.timeout. It reports false if the
// fan-out is stopping.
func (f *Fanout) deliver(t *time.Timer, h *Hook, body []byte) bool {
	t.Reset(f.timeout)
	timedOut := false
	select {
	case h.queue <- body:
	case <-t.C:
		timedOut = true
		f.mu.Lock()
		f.timeouts[h.URL]++
		f.mu.Unlock()
		log.Printf("webhook %s: delivery timed out after %v", h.URL, f.timeout)
	case <-f.stop:
		return false
	}
	if !t.Stop() && !timedOut {
		<-t.C
	}
	return true
}
