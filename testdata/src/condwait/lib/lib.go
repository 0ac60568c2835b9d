// Package lib holds a Cond-based queue and waiting helpers used from
// another package: their facts say which functions only wait.
package lib

import "sync"

// Queue is a blocking FIFO guarded by mu; cond is tied to mu in New.
type Queue struct {
	mu     sync.Mutex
	cond   *sync.Cond
	items  []int
	closed bool
}

func New() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Lock()   { q.mu.Lock() }
func (q *Queue) Unlock() { q.mu.Unlock() }

// WaitLocked waits once for a change; the caller holds the lock and
// re-checks in a loop.
func (q *Queue) WaitLocked() { // want WaitLocked:"waiter"
	q.cond.Wait()
}

// AwaitChange is a waiter too: it waits as its last act.
func (q *Queue) AwaitChange() { // want AwaitChange:"waiter"
	if !q.closed {
		q.WaitLocked()
	}
}

// Empty reports whether the queue is empty; the caller holds the lock.
func (q *Queue) Empty() bool { return len(q.items) == 0 }

// Pop takes the first item; the caller holds the lock.
func (q *Queue) Pop() int {
	x := q.items[0]
	q.items = q.items[1:]
	return x
}

// Get is correct: a loop re-checks.
func (q *Queue) Get() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.cond.Wait()
	}
	if len(q.items) == 0 {
		return 0, false
	}
	return q.Pop(), true
}

// TryGetOnce is wrong: it assumes one wake-up means an item.
func (q *Queue) TryGetOnce() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		q.cond.Wait() // want `sync.Cond.Wait called under if`
	}
	return q.Pop()
}

func (q *Queue) Put(x int) {
	q.mu.Lock()
	q.items = append(q.items, x)
	q.mu.Unlock()
	q.cond.Signal()
}
