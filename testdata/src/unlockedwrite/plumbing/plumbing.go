// Package plumbing: types that implement heap.Interface or
// sort.Interface on themselves. Their Push, Pop and Swap write the
// slice without a lock, and are called only by container/heap and sort
// from the package's calls: those hold the lock, so the writes do.
package plumbing

import (
	"container/heap"
	"sort"
	"sync"
	"time"
)

type item struct {
	at  time.Time
	job func()
}

// Scheduler runs jobs at their time. Every heap operation holds mu.
type Scheduler struct {
	items  []item
	mu     sync.Mutex
	wake   chan struct{}
	closed bool
}

func (s *Scheduler) Len() int           { return len(s.items) }
func (s *Scheduler) Less(i, j int) bool { return s.items[i].at.Before(s.items[j].at) }
func (s *Scheduler) Swap(i, j int)      { s.items[i], s.items[j] = s.items[j], s.items[i] }
func (s *Scheduler) Push(x any)         { s.items = append(s.items, x.(item)) }
func (s *Scheduler) Pop() any {
	n := len(s.items)
	x := s.items[n-1]
	s.items = s.items[:n-1]
	return x
}

func NewScheduler() *Scheduler {
	s := &Scheduler{wake: make(chan struct{}, 1)}
	go s.loop()
	return s
}

func (s *Scheduler) Schedule(at time.Time, job func()) {
	s.mu.Lock()
	heap.Push(s, item{at, job})
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *Scheduler) Close() {
	s.mu.Lock()
	s.closed = true
	s.items = nil
	s.mu.Unlock()
}

func (s *Scheduler) loop() {
	for {
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return
		}
		if len(s.items) > 0 && !time.Now().Before(s.items[0].at) {
			it := heap.Pop(s).(item)
			s.mu.Unlock()
			it.job()
			continue
		}
		s.mu.Unlock()
		select {
		case <-s.wake:
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// Table keeps rows sorted by sort.Sort under its lock.
type Table struct {
	mu   sync.Mutex
	rows []int
}

func (t *Table) Len() int           { return len(t.rows) }
func (t *Table) Less(i, j int) bool { return t.rows[i] < t.rows[j] }
func (t *Table) Swap(i, j int)      { t.rows[i], t.rows[j] = t.rows[j], t.rows[i] }

func (t *Table) Insert(v int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.rows = append(t.rows, v)
	sort.Sort(t)
}

func (t *Table) Min() (int, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.rows) == 0 {
		return 0, false
	}
	return t.rows[0], true
}

// Queue's Flush pops without the lock while its drain goroutine pops
// with it: the plumbing runs where heap.Pop is, unlocked there.
type Queue struct {
	mu    sync.Mutex
	items []int
}

func (q *Queue) Len() int           { return len(q.items) }
func (q *Queue) Less(i, j int) bool { return q.items[i] < q.items[j] }
func (q *Queue) Swap(i, j int)      { q.items[i], q.items[j] = q.items[j], q.items[i] }
func (q *Queue) Push(x any)         { q.items = append(q.items, x.(int)) }
func (q *Queue) Pop() any {
	n := len(q.items)
	x := q.items[n-1]
	q.items = q.items[:n-1]
	return x
}

func NewQueue() *Queue {
	q := &Queue{}
	go q.drain()
	return q
}

func (q *Queue) Add(v int) {
	q.mu.Lock()
	heap.Push(q, v)
	q.mu.Unlock()
}

func (q *Queue) drain() {
	for {
		q.mu.Lock()
		if q.Len() > 0 {
			heap.Pop(q)
		}
		q.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
}

// Flush empties the queue, forgetting the lock.
func (q *Queue) Flush() {
	for q.Len() > 0 {
		heap.Pop(q) // want `call of heap.Pop writes q.items \(q.items\) without holding q.mu`
	}
}
