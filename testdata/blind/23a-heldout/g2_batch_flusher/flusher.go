// Correct: the stop case calls drainAndClose, which closes f.in, so the next receive sees !ok and the loop returns.
package g2_batch_flusher

import (
	"sync"
	"time"
)

// Flusher collects items and hands them to a sink in batches.
type Flusher struct {
	in    chan string
	stop  chan struct{}
	once  sync.Once
	sink  func([]string)
	every time.Duration

	mu      sync.Mutex
	closed  bool
	pending []string
	dropped int
}

// NewFlusher starts a flusher that writes to sink every interval.
func NewFlusher(sink func([]string), every time.Duration) *Flusher {
	f := &Flusher{
		in:    make(chan string, 64),
		stop:  make(chan struct{}),
		sink:  sink,
		every: every,
	}
	go f.run()
	return f
}

func (f *Flusher) run() {
	t := time.NewTicker(f.every)
	defer t.Stop()
	for {
		select {
		case s, ok := <-f.in:
			if !ok {
				f.flush()
				return
			}
			f.mu.Lock()
			f.pending = append(f.pending, s)
			f.mu.Unlock()
		case <-t.C:
			f.flush()
		case <-f.stop:
			drainAndClose(f)
		}
	}
}

// drainAndClose marks the flusher closed and closes the input channel;
// Add never sends after closed is set because both hold f.mu.
func drainAndClose(f *Flusher) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return
	}
	f.closed = true
	close(f.in)
}

func (f *Flusher) flush() {
	f.mu.Lock()
	batch := f.pending
	f.pending = nil
	f.mu.Unlock()
	if len(batch) > 0 {
		f.sink(batch)
	}
}

// Add queues s; it is dropped if the buffer is full or the flusher stopped.
func (f *Flusher) Add(s string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return false
	}
	select {
	case f.in <- s:
		return true
	default:
		f.dropped++
		return false
	}
}

// Stop asks the flusher to flush what it has and exit.
func (f *Flusher) Stop() {
	f.once.Do(func() { close(f.stop) })
}
