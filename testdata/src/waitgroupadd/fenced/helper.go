package fenced

import "sync"

// A batcher whose Add lives in a helper its callers call holding mu,
// after their test of shutdown ("b.mu must be held"); Shutdown sets
// the flag under mu and flushes through the same helper before it
// waits. Every Add comes before the Wait or does not happen.
type batcher struct {
	mu        sync.Mutex
	shutdown  bool
	pending   []int
	nHandlers int
	wg        sync.WaitGroup
}

func (b *batcher) add(n int) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.shutdown {
		return false
	}
	b.pending = append(b.pending, n)
	b.startHandler()
	return true
}

// startHandler requires b.mu to be held.
func (b *batcher) startHandler() {
	if len(b.pending) == 0 {
		return
	}
	batch := b.pending
	b.pending = nil
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		_ = batch
	}()
	b.nHandlers++
}

func (b *batcher) close() {
	b.mu.Lock()
	b.shutdown = true
	if b.nHandlers == 0 {
		b.startHandler()
	}
	b.mu.Unlock()
	b.wg.Wait()
}

func sendAll() {
	b := &batcher{}
	go b.add(1) // silent: the helper's Add is fenced at each call
	work()
	b.close()
}

// The same helper, also reached from a flush that takes no lock and
// tests nothing: its Add may come after the Wait.
type loosebatcher struct {
	mu       sync.Mutex
	shutdown bool
	pending  []int
	wg       sync.WaitGroup
}

func (b *loosebatcher) add(n int) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.shutdown {
		return false
	}
	b.pending = append(b.pending, n)
	b.startHandler()
	return true
}

func (b *loosebatcher) flush() {
	b.startHandler() // want `sync.WaitGroup.Add called in a new goroutine, racing with a later Wait \(via startHandler\)`
}

func (b *loosebatcher) startHandler() {
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
	}()
}

func (b *loosebatcher) close() {
	b.mu.Lock()
	b.shutdown = true
	b.mu.Unlock()
	b.wg.Wait()
}

func flushAll() {
	b := &loosebatcher{}
	go b.flush()
	work()
	b.close()
}
