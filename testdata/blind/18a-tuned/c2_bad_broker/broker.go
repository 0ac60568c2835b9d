// Command broker fans incoming order events out to a single consumer that
// persists them.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Event struct {
	OrderID string
	Status  string
	At      time.Time
}

// Broker decouples producers from the persistence consumer.
type Broker struct {
	events chan Event
	done   chan struct{}
	once   sync.Once
}

func NewBroker(buffer int) *Broker {
	return &Broker{
		events: make(chan Event, buffer),
		done:   make(chan struct{}),
	}
}

// Publish queues ev for the consumer. It returns false once the broker is
// shutting down.
func (b *Broker) Publish(ev Event) bool {
	select {
	case b.events <- ev:
		return true
	case <-b.done:
		return false
	}
}

// Events is the consumer side.
func (b *Broker) Events() <-chan Event { return b.events }

// Close stops accepting events and lets the consumer drain what is queued.
func (b *Broker) Close() {
	b.once.Do(func() {
		close(b.done)
		close(b.events)
	})
}

type store struct {
	mu   sync.Mutex
	rows map[string]string
}

func (s *store) save(ev Event) {
	s.mu.Lock()
	s.rows[ev.OrderID] = ev.Status
	s.mu.Unlock()
}

func main() {
	b := NewBroker(16)
	st := &store{rows: make(map[string]string)}

	consumed := make(chan struct{})
	go func() {
		defer close(consumed)
		for ev := range b.Events() {
			st.save(ev)
		}
	}()

	var producers sync.WaitGroup
	for p := 0; p < 4; p++ {
		producers.Add(1)
		go func(p int) {
			defer producers.Done()
			for i := 0; ; i++ {
				ev := Event{OrderID: fmt.Sprintf("o-%d-%d", p, i), Status: "paid", At: time.Now()}
				if !b.Publish(ev) {
					return
				}
			}
		}(p)
	}

	time.Sleep(20 * time.Millisecond)
	b.Close()
	<-consumed
	producers.Wait()
	fmt.Println("orders saved:", len(st.rows))
}
