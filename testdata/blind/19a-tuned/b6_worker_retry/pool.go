package b6_worker_retry

import (
	"container/heap"
	"sync"
	"time"
)

type Job struct {
	Name     string
	Priority int
	Run      func() error
	tries    int
}

type jobQueue struct{ jobs []*Job }

func (q *jobQueue) Len() int           { return len(q.jobs) }
func (q *jobQueue) Less(i, j int) bool { return q.jobs[i].Priority > q.jobs[j].Priority }
func (q *jobQueue) Swap(i, j int)      { q.jobs[i], q.jobs[j] = q.jobs[j], q.jobs[i] }
func (q *jobQueue) Push(x any)         { q.jobs = append(q.jobs, x.(*Job)) }
func (q *jobQueue) Pop() any {
	n := len(q.jobs) - 1
	j := q.jobs[n]
	q.jobs[n] = nil
	q.jobs = q.jobs[:n]
	return j
}

// Pool runs jobs highest-priority first on a fixed set of workers and
// retries failed jobs with a backoff.
type Pool struct {
	mu      sync.Mutex
	cond    *sync.Cond
	queue   jobQueue
	closed  bool
	backoff time.Duration
	wg      sync.WaitGroup
}

func NewPool(workers int, backoff time.Duration) *Pool {
	p := &Pool{backoff: backoff}
	p.cond = sync.NewCond(&p.mu)
	for i := 0; i < workers; i++ {
		p.wg.Add(1)
		go p.worker()
	}
	return p
}

func (p *Pool) Submit(j *Job) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	heap.Push(&p.queue, j)
	p.cond.Signal()
}

func (p *Pool) retryLater(j *Job) {
	j.tries++
	time.AfterFunc(p.backoff*time.Duration(j.tries), func() {
		heap.Push(&p.queue, j) // BAD: timer goroutine pushes without p.mu while workers pop under it
		p.cond.Signal()
	})
}

func (p *Pool) worker() {
	defer p.wg.Done()
	for {
		p.mu.Lock()
		for p.queue.Len() == 0 && !p.closed {
			p.cond.Wait()
		}
		if p.closed && p.queue.Len() == 0 {
			p.mu.Unlock()
			return
		}
		j := heap.Pop(&p.queue).(*Job)
		p.mu.Unlock()

		if err := j.Run(); err != nil && j.tries < 3 {
			p.retryLater(j)
		}
	}
}

func (p *Pool) Close() {
	p.mu.Lock()
	p.closed = true
	p.cond.Broadcast()
	p.mu.Unlock()
	p.wg.Wait()
}
