// Package chanmutex covers a close under a mutex the package built on
// a channel of capacity one, taken with TryLock: the senders send only
// under that mutex, after checking the flag the closer sets under it.
package chanmutex

import "errors"

var ErrDisposed = errors.New("batcher: disposed")

type mutex struct{ ch chan struct{} }

func newMutex() *mutex { return &mutex{ch: make(chan struct{}, 1)} }

func (m *mutex) Lock()   { m.ch <- struct{}{} }
func (m *mutex) Unlock() { <-m.ch }

func (m *mutex) TryLock() bool {
	select {
	case m.ch <- struct{}{}:
		return true
	default:
		return false
	}
}

// Batcher gathers items into batches that Get hands out.
type Batcher struct {
	lock     *mutex
	disposed bool
	items    []any
	max      int
	batches  chan []any
}

func New(max, queue int) *Batcher {
	return &Batcher{lock: newMutex(), max: max, batches: make(chan []any, queue)}
}

func (b *Batcher) Put(item any) error {
	b.lock.Lock()
	if b.disposed {
		b.lock.Unlock()
		return ErrDisposed
	}
	b.items = append(b.items, item)
	if len(b.items) >= b.max {
		b.flush()
	}
	b.lock.Unlock()
	return nil
}

// flush must be called with the lock held.
func (b *Batcher) flush() {
	b.batches <- b.items
	b.items = nil
}

func (b *Batcher) Get() ([]any, error) {
	batch, ok := <-b.batches
	if !ok {
		return nil, ErrDisposed
	}
	return batch, nil
}

// Dispose drains the ready batches until it gets the lock (a Put
// blocked on a full queue holds it), then closes the queue under it.
func (b *Batcher) Dispose() {
	for {
		if b.lock.TryLock() {
			if b.disposed {
				b.lock.Unlock()
				return
			}
			b.disposed = true
			b.items = nil
			b.drain()
			close(b.batches)
			b.lock.Unlock()
			return
		}
		b.drain()
	}
}

func (b *Batcher) drain() {
	for {
		select {
		case <-b.batches:
		default:
			return
		}
	}
}
