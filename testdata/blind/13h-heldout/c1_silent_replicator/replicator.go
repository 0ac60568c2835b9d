package kvrepl

import (
	"log"
	"sync"
)

type Store interface {
	Get(key string) ([]byte, bool)
}

type Remote interface {
	Put(key string, val []byte) error
	Delete(key string) error
}

// Replicator mirrors changed keys of a local store to a remote one.
type Replicator struct {
	src Store
	dst Remote

	mu     sync.Mutex
	wake   *sync.Cond
	dirty  map[string]struct{}
	closed bool
	synced int
	wg     sync.WaitGroup
}

func Start(src Store, dst Remote) *Replicator {
	r := &Replicator{src: src, dst: dst, dirty: make(map[string]struct{})}
	r.wake = sync.NewCond(&r.mu)
	r.wg.Add(1)
	go r.copier()
	return r
}

func (r *Replicator) MarkDirty(key string) {
	r.mu.Lock()
	r.dirty[key] = struct{}{}
	r.mu.Unlock()
	r.wake.Signal()
}

func (r *Replicator) copier() {
	defer r.wg.Done()
	r.mu.Lock()
	for !r.closed {
		if len(r.dirty) == 0 {
			r.wake.Wait()
		}
		keys := r.dirty
		r.dirty = make(map[string]struct{})
		r.mu.Unlock()

		done := 0
		for k := range keys {
			var err error
			if v, ok := r.src.Get(k); ok {
				err = r.dst.Put(k, v)
			} else {
				err = r.dst.Delete(k)
			}
			if err != nil {
				log.Printf("kvrepl: %s: %v", k, err)
				continue
			}
			done++
		}

		r.mu.Lock()
		r.synced += done
	}
	r.mu.Unlock()
}

func (r *Replicator) Synced() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.synced
}

func (r *Replicator) Stop() {
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
	r.wake.Broadcast()
	r.wg.Wait()
}
