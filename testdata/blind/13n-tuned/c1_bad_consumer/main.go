// Command consumer is a small example showing how to drain a queue with a
// consumer group of workers that each acknowledge what they process.
package main

import (
	"fmt"
	"log"
	"sync"
	"time"
)

type Message struct {
	Offset int
	Key    string
	Value  []byte
}

type Queue struct {
	mu    sync.Mutex
	items []Message
	acked map[int]bool
}

func NewQueue(n int) *Queue {
	q := &Queue{acked: make(map[int]bool)}
	for i := 0; i < n; i++ {
		q.items = append(q.items, Message{
			Offset: i,
			Key:    fmt.Sprintf("order-%04d", i),
			Value:  []byte(fmt.Sprintf(`{"id":%d,"amount":%d}`, i, i*17%500)),
		})
	}
	return q
}

// Fetch hands out the next message, or false when the queue is drained.
func (q *Queue) Fetch() (Message, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		return Message{}, false
	}
	m := q.items[0]
	q.items = q.items[1:]
	return m, true
}

func (q *Queue) Ack(offset int) {
	q.mu.Lock()
	q.acked[offset] = true
	q.mu.Unlock()
}

type consumer struct {
	id        int
	q         *Queue
	processed int
	bytes     int
}

func (c *consumer) run() {
	for {
		m, ok := c.q.Fetch()
		if !ok {
			break
		}
		// Simulate decoding and storing the record.
		time.Sleep(time.Duration(len(m.Value)%7) * time.Millisecond)
		c.processed++
		c.bytes += len(m.Value)
		c.q.Ack(m.Offset)
	}
	log.Printf("consumer %d: processed %d messages (%d bytes)", c.id, c.processed, c.bytes)
}

func main() {
	const (
		numMessages  = 500
		numConsumers = 4
	)
	q := NewQueue(numMessages)

	for i := 0; i < numConsumers; i++ {
		c := &consumer{id: i, q: q}
		go c.run()
	}

	// Give the consumers enough time to drain the queue.
	time.Sleep(2 * time.Second)
	fmt.Println("example finished")
}
