// Correct: New does wg.Add(1) before `go c.run()`; run adds handlers to its own WaitGroup only while counted and waits for them before its Done.
package g1_nested_workers

import (
	"log"
	"sync"
)

// Message is one delivery from a broker subscription.
type Message struct {
	Topic string
	Body  []byte
	Ack   func()
}

// Consumer reads a subscription and handles each message concurrently.
type Consumer struct {
	sub      <-chan Message
	handle   func(Message) error
	quit     chan struct{}
	once     sync.Once
	wg       sync.WaitGroup // counts run
	inflight sync.WaitGroup // counts handlers; waited by run
}

// New starts consuming sub in the background.
func New(sub <-chan Message, handle func(Message) error) *Consumer {
	c := &Consumer{sub: sub, handle: handle, quit: make(chan struct{})}
	c.wg.Add(1)
	go c.run()
	return c
}

func (c *Consumer) run() {
	defer c.wg.Done()
	defer c.inflight.Wait()
	for {
		select {
		case <-c.quit:
			return
		case m, ok := <-c.sub:
			if !ok {
				return
			}
			c.inflight.Add(1)
			go c.process(m)
		}
	}
}

func (c *Consumer) process(m Message) {
	defer c.inflight.Done()
	if err := c.handle(m); err != nil {
		log.Printf("consumer: %s: %v", m.Topic, err)
		return
	}
	if m.Ack != nil {
		m.Ack()
	}
}

// Close stops reading and waits until every started handler returned.
func (c *Consumer) Close() {
	c.once.Do(func() { close(c.quit) })
	c.wg.Wait()
}
