package dump

import "sync"

// A mutex built on a channel of capacity one: a full channel is held.
type chanMutex struct{ ch chan struct{} }

func newChanMutex() *chanMutex { return &chanMutex{ch: make(chan struct{}, 1)} }

func (m *chanMutex) Lock()   { m.ch <- struct{}{} }
func (m *chanMutex) Unlock() { <-m.ch }

func (m *chanMutex) TryLock() bool {
	select {
	case m.ch <- struct{}{}:
		return true
	default:
		return false
	}
}

// A semaphore lets several holders in: not a mutex.
type sem struct{ ch chan struct{} }

func newSem() *sem { return &sem{ch: make(chan struct{}, 4)} }

func (s *sem) Lock()   { s.ch <- struct{}{} }
func (s *sem) Unlock() { <-s.ch }

type batch struct {
	mu    *chanMutex
	slots *sem
	tries sync.Mutex
	n     int
}

func (b *batch) add() {
	b.mu.Lock()
	b.n++
	b.mu.Unlock()
}

func (b *batch) addSem() {
	b.slots.Lock()
	b.n++
	b.slots.Unlock()
}

func (b *batch) tryAdd() bool {
	if b.mu.TryLock() {
		b.n++
		b.mu.Unlock()
		return true
	}
	b.n--
	return false
}

func (b *batch) tryMutex() {
	if !b.tries.TryLock() {
		return
	}
	b.n++
	b.tries.Unlock()
}
