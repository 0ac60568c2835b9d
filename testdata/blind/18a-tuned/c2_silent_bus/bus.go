// Command auditbus forwards audit records from request handlers to a
// writer goroutine that appends them to a log.
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

type Record struct {
	User   string
	Action string
	At     time.Time
}

// Bus delivers records to one writer. Senders hold mu in read mode for the
// duration of a send; Close takes it in write mode before closing records.
type Bus struct {
	mu       sync.RWMutex
	closed   bool
	records  chan Record
	stopping chan struct{}
	stopOnce sync.Once
}

func NewBus() *Bus {
	return &Bus{records: make(chan Record, 8), stopping: make(chan struct{})}
}

// Send delivers r unless the bus is shutting down.
func (b *Bus) Send(r Record) bool {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if b.closed {
		return false
	}
	select {
	case b.records <- r:
		return true
	case <-b.stopping:
		return false
	}
}

func (b *Bus) Records() <-chan Record { return b.records }

// Close wakes blocked senders, waits for them to leave and then closes the
// records channel so the writer can finish.
func (b *Bus) Close() {
	b.stopOnce.Do(func() { close(b.stopping) })
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.closed = true
	close(b.records)
}

func main() {
	bus := NewBus()
	var log strings.Builder
	written := make(chan int)
	go func() {
		n := 0
		for r := range bus.Records() {
			fmt.Fprintf(&log, "%s %s %s\n", r.At.Format(time.RFC3339), r.User, r.Action)
			n++
		}
		written <- n
	}()

	var handlers sync.WaitGroup
	for h := 0; h < 8; h++ {
		handlers.Add(1)
		go func(h int) {
			defer handlers.Done()
			for i := 0; ; i++ {
				r := Record{User: fmt.Sprintf("user%d", h), Action: "login", At: time.Now()}
				if !bus.Send(r) {
					return
				}
			}
		}(h)
	}

	time.Sleep(20 * time.Millisecond)
	bus.Close()
	handlers.Wait()
	fmt.Println("records written:", <-written)
}
