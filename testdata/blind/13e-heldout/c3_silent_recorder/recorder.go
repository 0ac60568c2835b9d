package recorder

import (
	"errors"
	"runtime"
	"sync"
	"time"
)

var errStarted = errors.New("recorder: Start may only be called once")

type Sample struct {
	At         time.Time
	Goroutines int
	HeapBytes  uint64
}

// Recorder periodically samples runtime statistics.
type Recorder struct {
	mu       sync.Mutex
	state    int
	interval time.Duration
	samples  chan Sample
	quit     chan struct{}
	dropped  int
}

const (
	idle = iota
	running
	stopped
)

func (r *Recorder) Start(interval time.Duration, buffer int) (<-chan Sample, error) {
	r.mu.Lock()
	st := r.state
	if st == idle {
		r.state = running
	}
	r.mu.Unlock()
	if st != idle {
		return nil, errStarted
	}

	r.interval = interval
	r.samples = make(chan Sample, buffer)
	r.quit = make(chan struct{})

	go r.loop()
	return r.samples, nil
}

func (r *Recorder) loop() {
	t := time.NewTicker(r.interval)
	defer t.Stop()
	defer close(r.samples)
	for {
		select {
		case <-r.quit:
			return
		case now := <-t.C:
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			s := Sample{At: now, Goroutines: runtime.NumGoroutine(), HeapBytes: ms.HeapAlloc}
			select {
			case r.samples <- s:
			default:
				r.mu.Lock()
				r.dropped++
				r.mu.Unlock()
			}
		}
	}
}

func (r *Recorder) Dropped() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.dropped
}

func (r *Recorder) Stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.state == running {
		close(r.quit)
		r.state = stopped
	}
}
