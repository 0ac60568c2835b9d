package thumbs

import (
	"errors"
	"sync"
	"time"
)

type Task struct {
	Src   string
	Dst   string
	Width int
}

var ErrBusy = errors.New("thumbs: renderer busy")

type Renderer struct {
	mu        sync.Mutex
	accepted  int
	completed int
	failed    map[string]error

	tasks   chan Task
	maxWait time.Duration
}

func NewRenderer(maxWait time.Duration) *Renderer {
	r := &Renderer{tasks: make(chan Task), maxWait: maxWait, failed: make(map[string]error)}
	go r.work()
	return r
}

func (r *Renderer) Submit(t Task) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, bad := r.failed[t.Src]; bad {
		return errors.New("thumbs: source previously failed: " + t.Src)
	}
	timer := time.NewTimer(r.maxWait)
	defer timer.Stop()
	select {
	case r.tasks <- t:
		r.accepted++
		return nil
	case <-timer.C:
		return ErrBusy
	}
}

func (r *Renderer) work() {
	for t := range r.tasks {
		err := render(t)
		r.finish(t, err)
	}
}

func (r *Renderer) finish(t Task, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		r.failed[t.Src] = err
		return
	}
	r.completed++
}
