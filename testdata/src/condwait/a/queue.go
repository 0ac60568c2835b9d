// Package a holds condwait's own cases: Conds in struct fields and
// embedded, helpers, goroutines, RWMutex readers and generics.
package a

import (
	"sync"

	"condwait/lib"
)

// queue keeps its Cond in a field, tied to mu by newQueue.
type queue struct {
	mu      sync.Mutex
	cond    *sync.Cond
	items   []string
	closed  bool
	dormant bool
}

func newQueue() *queue {
	q := new(queue)
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *queue) Put(s string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, s)
	q.cond.Signal()
}

// Get is the idiom: silent.
func (q *queue) Get() (string, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.cond.Wait()
	}
	if len(q.items) == 0 {
		return "", false
	}
	s := q.items[0]
	q.items = q.items[1:]
	return s, true
}

// GetIf checks once: another consumer may empty the queue first.
func (q *queue) GetIf() string {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		q.cond.Wait() // want `sync.Cond.Wait called under if`
	}
	s := q.items[0]
	q.items = q.items[1:]
	return s
}

// GetBreak leaves the loop after one wake-up.
func (q *queue) GetBreak() string {
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		if len(q.items) == 0 {
			q.cond.Wait() // want `sync.Cond.Wait called under if`
			break
		}
		break
	}
	return q.items[0]
}

// GetContinue goes back to the loop head after waiting: silent.
func (q *queue) GetContinue() string {
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		if len(q.items) == 0 {
			q.cond.Wait()
			continue
		}
		s := q.items[0]
		q.items = q.items[1:]
		return s
	}
}

// GetBreakFirst checks before waiting, at the loop level: silent.
func (q *queue) GetBreakFirst() string {
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		if len(q.items) > 0 {
			break
		}
		q.cond.Wait()
	}
	return q.items[0]
}

// drainLoop re-locks per round; the inner loop re-checks: silent.
func (q *queue) drainLoop(handle func(string)) {
	for {
		q.mu.Lock()
		for len(q.items) == 0 {
			q.cond.Wait()
		}
		s := q.items[0]
		q.items = q.items[1:]
		q.mu.Unlock()
		handle(s)
	}
}

// pollOnce ends the loop body after the if: the loop re-checks.
func (q *queue) pollOnce() {
	q.mu.Lock()
	defer q.mu.Unlock()
	for !q.closed {
		if len(q.items) == 0 {
			q.cond.Wait()
		}
	}
}

// waitLocked is a waiter: its callers must loop. Helper called with
// the lock held: nothing known at entry, silent.
func (q *queue) waitLocked() { // want waitLocked:"waiter"
	q.cond.Wait()
}

func (q *queue) GetViaHelper() string {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.waitLocked()
	}
	return q.items[0]
}

func (q *queue) GetViaHelperIf() string {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		q.waitLocked() // want `\(\*queue\)\.waitLocked \(which waits on a sync.Cond\) called under if`
	}
	return q.items[0]
}

// WaitClosedUnlocked releases the lock, then waits: Wait panics.
func (q *queue) WaitClosedUnlocked() {
	q.mu.Lock()
	n := len(q.items)
	q.mu.Unlock()
	_ = n
	for !q.closed {
		q.cond.Wait() // want `sync.Cond.Wait called without holding the Cond's lock`
	}
}

// relock hides the lock operation in a call: silent.
func (q *queue) relock() { q.mu.Lock() }

func (q *queue) WaitAfterRelock() {
	q.mu.Lock()
	q.mu.Unlock()
	q.relock()
	for !q.closed {
		q.cond.Wait()
	}
	q.mu.Unlock()
}

// Remote uses the queue of package lib through its waiters (facts).
func Remote(q *lib.Queue) int {
	q.Lock()
	defer q.Unlock()
	if q.Empty() {
		q.WaitLocked() // want `\(\*Queue\)\.WaitLocked \(which waits on a sync.Cond\) called under if`
	}
	return q.Pop()
}

func RemoteLoop(q *lib.Queue) int {
	q.Lock()
	defer q.Unlock()
	for q.Empty() {
		q.AwaitChange()
	}
	return q.Pop()
}

// RemoteIfUnlock waits under if, then only unlocks and returns: silent,
// and a waiter itself.
func RemoteIfUnlock(q *lib.Queue) { // want RemoteIfUnlock:"waiter"
	q.Lock()
	if q.Empty() {
		q.AwaitChange()
	}
	q.Unlock()
}

func RemoteNoLoop(q *lib.Queue) int {
	q.Lock()
	defer q.Unlock()
	q.AwaitChange() // one wait, no predicate: silent
	return q.Pop()
}

// keepalive waits for an event, not for its condition: after a wake-up
// it pings whatever the state and loops back to re-check (grpc's
// keepalive loop): silent.
func (q *queue) keepalive(tick, done <-chan struct{}, ping func(int)) {
	n := 0
	for {
		select {
		case <-tick:
			q.mu.Lock()
			if len(q.items) == 0 {
				q.dormant = true
				q.cond.Wait()
			}
			q.dormant = false
			q.mu.Unlock()
			n++
			ping(n)
		case <-done:
			return
		}
	}
}

// writeLoop waits for a wake-up, re-checks closed, and flushes
// whatever is buffered, overwriting what it tested (nats' writeLoop):
// silent.
func (q *queue) writeLoop(flush func([]string) bool) {
	waitOk := true
	for {
		q.mu.Lock()
		if waitOk && len(q.items) == 0 {
			q.cond.Wait()
		}
		if q.closed {
			q.mu.Unlock()
			return
		}
		waitOk = flush(nil)
		q.mu.Unlock()
	}
}
