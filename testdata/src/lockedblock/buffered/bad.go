package buffered

import (
	"sync"
	"time"
)

// Record sends on a one-slot channel while holding s.mu. The loop
// drains the channel, but in its ticker case it locks s.mu: once a
// send has filled the slot while the loop is in that case, the next
// Record blocks holding s.mu and the loop blocks on s.mu.
type stats struct {
	mu     sync.Mutex
	counts map[string]int
	events chan string
}

func newStats() *stats {
	s := &stats{counts: make(map[string]int), events: make(chan string, 1)}
	go s.loop()
	return s
}

func (s *stats) Record(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts[name]++
	s.events <- name // want `send on s.events while holding s.mu: once its buffer is full, the goroutine that receives from it must lock s.mu first \(deadlock\)`
}

func (s *stats) loop() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case name := <-s.events:
			_ = name
		case <-t.C:
			s.mu.Lock()
			s.counts = make(map[string]int)
			s.mu.Unlock()
		}
	}
}

// Push holds q.mu while notify sends on the buffered wake channel; the
// receiver locks q.mu after each wake-up, before it receives again.
type queue struct {
	mu    sync.Mutex
	items []int
	wake  chan struct{}
}

func newQueue() *queue {
	q := &queue{wake: make(chan struct{}, 4)}
	go q.drain()
	return q
}

func (q *queue) Push(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.notify()
	q.mu.Unlock()
}

func (q *queue) notify() {
	q.wake <- struct{}{} // want `send on q.wake while holding q.mu: once its buffer is full, the goroutine that receives from it must lock q.mu first \(deadlock\)`
}

func (q *queue) drain() {
	for range q.wake {
		q.mu.Lock()
		q.items = q.items[:0]
		q.mu.Unlock()
	}
}
