package upload

import (
	"sync"
	"time"
)

// retryTimers fires fn(key) after a backoff, once per scheduled key.
type retryTimers struct {
	fn func(key string)

	mu       sync.Mutex
	shutdown bool
	timers   map[string]*time.Timer
	active   sync.WaitGroup
}

func newRetryTimers(fn func(string)) *retryTimers {
	return &retryTimers{fn: fn, timers: make(map[string]*time.Timer)}
}

func (r *retryTimers) schedule(key string, after time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.shutdown {
		return
	}
	if old, ok := r.timers[key]; ok {
		old.Stop()
	}
	r.timers[key] = time.AfterFunc(after, func() { r.fire(key) })
}

func (r *retryTimers) fire(key string) {
	r.mu.Lock()
	if r.shutdown {
		r.mu.Unlock()
		return
	}
	delete(r.timers, key)
	r.active.Add(1)
	r.mu.Unlock()

	defer r.active.Done()
	r.fn(key)
}

// stop cancels pending timers, prevents new firings and waits for
// firings already running.
func (r *retryTimers) stop() {
	r.mu.Lock()
	r.shutdown = true
	for k, t := range r.timers {
		t.Stop()
		delete(r.timers, k)
	}
	r.mu.Unlock()
	r.active.Wait()
}
