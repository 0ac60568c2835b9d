package afterstop

import (
	"sync"
	"time"
)

type Report struct {
	Jobs     int
	Finished int
}

type Runner struct {
	queueMu sync.Mutex
	queue   []string
	doneMu  sync.Mutex
	done    []string
	quit    chan struct{}
	wg      sync.WaitGroup
}

func NewRunner() *Runner {
	return &Runner{quit: make(chan struct{})}
}

func (r *Runner) Enqueue(job string) {
	r.queueMu.Lock()
	r.queue = append(r.queue, job)
	r.queueMu.Unlock()
}

func (r *Runner) Start(poll time.Duration) {
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		t := time.NewTicker(poll)
		defer t.Stop()
		for {
			select {
			case <-r.quit:
				return
			case <-t.C:
				r.step()
			}
		}
	}()
}

func (r *Runner) step() {
	r.queueMu.Lock()
	defer r.queueMu.Unlock()
	if len(r.queue) == 0 {
		return
	}
	job := r.queue[0]
	r.queue = r.queue[1:]
	r.doneMu.Lock()
	r.done = append(r.done, job)
	r.doneMu.Unlock()
}

func (r *Runner) Shutdown() {
	close(r.quit)
	r.wg.Wait()
}

func (r *Runner) Finished() int {
	r.doneMu.Lock()
	defer r.doneMu.Unlock()
	return len(r.done)
}
