// GOOD: the synced channel is closed exactly once by MarkSynced; its case records the event and sets the
// local syncedC to nil so it is never selected again, while the <-r.stopCh case returns from the loop.
package main

import (
	"fmt"
	"log"
	"sync"
	"sync/atomic"
	"time"
)

// Event is a change from the upstream store.
type Event struct {
	Key   string
	Value string
}

// Replica mirrors an upstream key/value store.
type Replica struct {
	events   chan Event
	synced   chan struct{}
	syncOnce sync.Once
	stopCh   chan struct{}
	stopOnce sync.Once
	wg       sync.WaitGroup

	ready atomic.Bool
	mu    sync.Mutex
	data  map[string]string
}

// NewReplica creates a replica and starts applying events.
func NewReplica() *Replica {
	r := &Replica{
		events: make(chan Event, 16),
		synced: make(chan struct{}),
		stopCh: make(chan struct{}),
		data:   make(map[string]string),
	}
	r.wg.Add(1)
	go r.apply()
	return r
}

func (r *Replica) apply() {
	defer r.wg.Done()
	syncedC := r.synced
	for {
		select {
		case <-syncedC:
			log.Printf("replica: initial sync complete (%d keys)", r.Len())
			r.ready.Store(true)
			syncedC = nil
		case ev := <-r.events:
			r.mu.Lock()
			r.data[ev.Key] = ev.Value
			r.mu.Unlock()
		case <-r.stopCh:
			return
		}
	}
}

// MarkSynced signals that the initial snapshot has been delivered.
func (r *Replica) MarkSynced() {
	r.syncOnce.Do(func() { close(r.synced) })
}

// Ready reports whether the initial sync has completed.
func (r *Replica) Ready() bool { return r.ready.Load() }

// Len returns the number of keys.
func (r *Replica) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.data)
}

// Push delivers an upstream event.
func (r *Replica) Push(ev Event) { r.events <- ev }

// Stop halts the replica and waits for the apply loop.
func (r *Replica) Stop() {
	r.stopOnce.Do(func() { close(r.stopCh) })
	r.wg.Wait()
}

func main() {
	r := NewReplica()
	for i := 0; i < 5; i++ {
		r.Push(Event{Key: fmt.Sprintf("k%d", i), Value: "v"})
	}
	r.MarkSynced()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("ready:", r.Ready(), "keys:", r.Len())
	r.Stop()
}
