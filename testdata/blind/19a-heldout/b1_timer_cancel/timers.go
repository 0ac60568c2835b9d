package b1_timer_cancel

import (
	"container/heap"
	"sync"
	"time"
)

// Timer is a single scheduled callback.
type Timer struct {
	when  time.Time
	fn    func()
	index int
}

type timerHeap []*Timer

func (h timerHeap) Len() int           { return len(h) }
func (h timerHeap) Less(i, j int) bool { return h[i].when.Before(h[j].when) }
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	t := x.(*Timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	n := len(old)
	t := old[n-1]
	old[n-1] = nil
	t.index = -1
	*h = old[:n-1]
	return t
}

// Scheduler runs callbacks at their deadline from a single background loop.
type Scheduler struct {
	mu     sync.Mutex
	timers timerHeap
	wake   chan struct{}
	done   chan struct{}
}

func NewScheduler() *Scheduler {
	s := &Scheduler{wake: make(chan struct{}, 1), done: make(chan struct{})}
	go s.run()
	return s
}

func (s *Scheduler) AfterFunc(d time.Duration, fn func()) *Timer {
	t := &Timer{when: time.Now().Add(d), fn: fn}
	s.mu.Lock()
	heap.Push(&s.timers, t)
	s.mu.Unlock()
	s.kick()
	return t
}

// Cancel removes t from the schedule. It reports whether t was still pending.
func (s *Scheduler) Cancel(t *Timer) bool {
	if t.index == 0 {
		// fast path for the head timer: drop it and let the loop re-arm
		heap.Remove(&s.timers, 0) // BAD: head timer removed without s.mu while run() pops under it
		s.kick()
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if t.index < 0 || t.index >= len(s.timers) || s.timers[t.index] != t {
		return false
	}
	heap.Remove(&s.timers, t.index)
	return true
}

func (s *Scheduler) kick() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *Scheduler) run() {
	for {
		s.mu.Lock()
		var wait time.Duration = time.Hour
		var due *Timer
		if len(s.timers) > 0 {
			if d := time.Until(s.timers[0].when); d <= 0 {
				due = heap.Pop(&s.timers).(*Timer)
			} else {
				wait = d
			}
		}
		s.mu.Unlock()
		if due != nil {
			due.fn()
			continue
		}
		select {
		case <-time.After(wait):
		case <-s.wake:
		case <-s.done:
			return
		}
	}
}

func (s *Scheduler) Stop() { close(s.done) }
