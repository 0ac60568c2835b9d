// Correct: the heap is a local of run() and is only ever touched by that goroutine; other goroutines talk to it through channels, and mu guards only the stats.
package g2_delay_loop_owned

import (
	"container/heap"
	"sync"
	"time"
)

type delayed struct {
	at  time.Time
	val string
}

type delayHeap []delayed

func (h delayHeap) Len() int           { return len(h) }
func (h delayHeap) Less(i, j int) bool { return h[i].at.Before(h[j].at) }
func (h delayHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *delayHeap) Push(x any)        { *h = append(*h, x.(delayed)) }
func (h *delayHeap) Pop() any {
	old := *h
	d := old[len(old)-1]
	*h = old[:len(old)-1]
	return d
}

// DelayQueue releases values on Out once their delay has elapsed.
type DelayQueue struct {
	in    chan delayed
	lenq  chan chan int
	Out   chan string
	quit  chan struct{}
	mu    sync.Mutex
	added int
	fired int
}

func NewDelayQueue() *DelayQueue {
	q := &DelayQueue{
		in:   make(chan delayed),
		lenq: make(chan chan int),
		Out:  make(chan string, 16),
		quit: make(chan struct{}),
	}
	go q.run()
	return q
}

func (q *DelayQueue) Add(val string, d time.Duration) {
	q.mu.Lock()
	q.added++
	q.mu.Unlock()
	select {
	case q.in <- delayed{at: time.Now().Add(d), val: val}:
	case <-q.quit:
	}
}

func (q *DelayQueue) Len() int {
	reply := make(chan int)
	select {
	case q.lenq <- reply:
		return <-reply
	case <-q.quit:
		return 0
	}
}

func (q *DelayQueue) run() {
	var h delayHeap
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		if h.Len() > 0 {
			timer.Reset(time.Until(h[0].at))
		} else {
			timer.Reset(time.Hour)
		}
		select {
		case d := <-q.in:
			heap.Push(&h, d)
		case reply := <-q.lenq:
			reply <- h.Len()
		case <-timer.C:
			now := time.Now()
			for h.Len() > 0 && !h[0].at.After(now) {
				d := heap.Pop(&h).(delayed)
				q.Out <- d.val
				q.mu.Lock()
				q.fired++
				q.mu.Unlock()
			}
		case <-q.quit:
			return
		}
	}
}

func (q *DelayQueue) Stats() (added, fired int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.added, q.fired
}

func (q *DelayQueue) Close() { close(q.quit) }
