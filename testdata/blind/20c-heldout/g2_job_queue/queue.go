// GOOD: every requester selects on the same q.ctx.Done() that makes the run loop return, so no send or reply wait can block after Close.
package g2_job_queue

import (
	"context"
	"errors"
	"fmt"
)

// ErrClosed is returned by requests made after the queue has shut down.
var ErrClosed = errors.New("job queue closed")

// Job is a unit of work with a caller-chosen name.
type Job struct {
	Name string
	Run  func() error
}

type submitReq struct {
	job   Job
	reply chan int
}

type statusReq struct {
	id    int
	reply chan string
}

// Queue runs submitted jobs one at a time in submission order.
type Queue struct {
	ctx      context.Context
	cancel   context.CancelFunc
	submits  chan submitReq
	statuses chan statusReq
}

// NewQueue starts the queue loop under parent.
func NewQueue(parent context.Context) *Queue {
	ctx, cancel := context.WithCancel(parent)
	q := &Queue{ctx: ctx, cancel: cancel, submits: make(chan submitReq), statuses: make(chan statusReq)}
	go q.run()
	return q
}

func (q *Queue) run() {
	state := make(map[int]string)
	nextID := 0
	for {
		select {
		case <-q.ctx.Done():
			return
		case r := <-q.submits:
			nextID++
			if err := r.job.Run(); err != nil {
				state[nextID] = fmt.Sprintf("%s: failed: %v", r.job.Name, err)
			} else {
				state[nextID] = r.job.Name + ": done"
			}
			r.reply <- nextID
		case r := <-q.statuses:
			r.reply <- state[r.id]
		}
	}
}

// Submit runs job on the queue and returns its id.
func (q *Queue) Submit(ctx context.Context, job Job) (int, error) {
	r := submitReq{job: job, reply: make(chan int, 1)}
	select {
	case q.submits <- r:
	case <-q.ctx.Done():
		return 0, ErrClosed
	case <-ctx.Done():
		return 0, ctx.Err()
	}
	select {
	case id := <-r.reply:
		return id, nil
	case <-q.ctx.Done():
		return 0, ErrClosed
	}
}

// Status reports what happened to job id.
func (q *Queue) Status(id int) (string, error) {
	r := statusReq{id: id, reply: make(chan string, 1)}
	select {
	case q.statuses <- r:
	case <-q.ctx.Done():
		return "", ErrClosed
	}
	select {
	case s := <-r.reply:
		return s, nil
	case <-q.ctx.Done():
		return "", ErrClosed
	}
}

// Close stops the queue loop; later requests fail with ErrClosed.
func (q *Queue) Close() { q.cancel() }
