// Package teardown: writes a Close makes once the object's goroutines
// have ended.
package teardown

import (
	"sort"
	"sync"
	"time"
)

// Watcher's goroutines all run under wg.Go; MustClose stops them and
// waits, then drops the state. Clients do not use it during Close.
type Watcher struct {
	mu      sync.Mutex
	changed []string
	days    []int
	stop    chan struct{}
	wg      sync.WaitGroup
}

func NewWatcher() *Watcher {
	w := &Watcher{stop: make(chan struct{})}
	w.wg.Go(w.poll)
	w.wg.Go(func() { w.trim(1000) })
	return w
}

func (w *Watcher) poll() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			w.mu.Lock()
			w.changed = append(w.changed, "f")
			w.days = append(w.days, len(w.days))
			w.mu.Unlock()
		}
	}
}

func (w *Watcher) trim(max int) {
	for {
		select {
		case <-w.stop:
			return
		case <-time.After(time.Minute):
		}
		w.mu.Lock()
		if n := len(w.changed); n > max {
			w.changed = w.changed[n-max:]
		}
		i := sort.Search(len(w.days), func(i int) bool { return w.days[i] >= 7 })
		w.days = w.days[i:]
		w.mu.Unlock()
	}
}

func (w *Watcher) Changed() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.changed...)
}

func (w *Watcher) MustClose() {
	close(w.stop)
	w.wg.Wait()
	w.changed = nil
	w.days = nil
}

// Flusher's Close waits for the loop, but the reporter goroutine,
// started with a plain go statement and not counted, may still be
// reading the buffer.
type Flusher struct {
	mu   sync.Mutex
	buf  []byte
	stop chan struct{}
	wg   sync.WaitGroup
}

func NewFlusher() *Flusher {
	f := &Flusher{stop: make(chan struct{})}
	f.wg.Add(1)
	go f.loop()
	go f.report()
	return f
}

func (f *Flusher) loop() {
	defer f.wg.Done()
	for {
		select {
		case <-f.stop:
			return
		case <-time.After(time.Second):
			f.mu.Lock()
			f.buf = f.buf[:0]
			f.mu.Unlock()
		}
	}
}

func (f *Flusher) report() {
	for {
		select {
		case <-f.stop:
			return
		case <-time.After(time.Second):
			f.mu.Lock()
			_ = len(f.buf)
			f.mu.Unlock()
		}
	}
}

func (f *Flusher) Write(p []byte) {
	f.mu.Lock()
	f.buf = append(f.buf, p...)
	f.mu.Unlock()
}

func (f *Flusher) Close() {
	close(f.stop)
	f.wg.Wait()
	f.buf = nil // want `write to f.buf without holding f.mu`
}

// Pool's workers are counted with Add before each go statement and
// marked Done when they return; Close waits for them, then drops the
// queue.
type Pool struct {
	mu    sync.Mutex
	queue []func()
	quit  chan struct{}
	wg    sync.WaitGroup
}

func NewPool(n int) *Pool {
	p := &Pool{quit: make(chan struct{})}
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go p.work()
	}
	return p
}

func (p *Pool) work() {
	defer p.wg.Done()
	for {
		select {
		case <-p.quit:
			return
		case <-time.After(time.Millisecond):
		}
		p.mu.Lock()
		var job func()
		if len(p.queue) > 0 {
			job, p.queue = p.queue[0], p.queue[1:]
		}
		p.mu.Unlock()
		if job != nil {
			job()
		}
	}
}

func (p *Pool) Submit(job func()) {
	p.mu.Lock()
	p.queue = append(p.queue, job)
	p.mu.Unlock()
}

func (p *Pool) Close() {
	close(p.quit)
	p.wg.Wait()
	p.queue = nil
}

func (p *Pool) Len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.queue)
}
