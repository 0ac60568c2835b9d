// Correct: the waiter heap is only touched by Acquire/Release/Resize and the grantLocked helper, all of which run with s.mu held (the helper is only called from locked sections).
package g6_prio_semaphore

import (
	"container/heap"
	"context"
	"sync"
)

type waiter struct {
	n     int64
	prio  int
	ready chan struct{}
	index int
}

type waitHeap []*waiter

func (h waitHeap) Len() int           { return len(h) }
func (h waitHeap) Less(i, j int) bool { return h[i].prio > h[j].prio }
func (h waitHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *waitHeap) Push(x any) {
	w := x.(*waiter)
	w.index = len(*h)
	*h = append(*h, w)
}
func (h *waitHeap) Pop() any {
	old := *h
	w := old[len(old)-1]
	*h = old[:len(old)-1]
	w.index = -1
	return w
}

// Semaphore is a weighted semaphore that admits higher-priority waiters first.
type Semaphore struct {
	mu      sync.Mutex
	size    int64
	cur     int64
	waiters waitHeap
}

func New(size int64) *Semaphore { return &Semaphore{size: size} }

func (s *Semaphore) Acquire(ctx context.Context, n int64, prio int) error {
	s.mu.Lock()
	if s.cur+n <= s.size && len(s.waiters) == 0 {
		s.cur += n
		s.mu.Unlock()
		return nil
	}
	w := &waiter{n: n, prio: prio, ready: make(chan struct{})}
	heap.Push(&s.waiters, w)
	s.mu.Unlock()

	select {
	case <-w.ready:
		return nil
	case <-ctx.Done():
		s.mu.Lock()
		defer s.mu.Unlock()
		select {
		case <-w.ready:
			// granted concurrently; give it back
			s.cur -= n
			s.grantLocked()
		default:
			if w.index >= 0 {
				heap.Remove(&s.waiters, w.index)
			}
		}
		return ctx.Err()
	}
}

func (s *Semaphore) Release(n int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cur -= n
	s.grantLocked()
}

// Resize changes capacity; waiters may become admissible.
func (s *Semaphore) Resize(size int64) {
	s.mu.Lock()
	s.size = size
	s.grantLocked()
	s.mu.Unlock()
}

// grantLocked admits waiters in priority order. s.mu must be held.
func (s *Semaphore) grantLocked() {
	for len(s.waiters) > 0 {
		w := s.waiters[0]
		if s.cur+w.n > s.size {
			return
		}
		heap.Pop(&s.waiters)
		s.cur += w.n
		close(w.ready)
	}
}

func (s *Semaphore) Waiting() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.waiters)
}
