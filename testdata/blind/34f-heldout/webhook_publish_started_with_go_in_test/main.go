// BAD: Publish does p.wg.Add(1) as its first statement, and the test launches it with
// `go p.Publish(...)`, so the Add runs in the new goroutine; p.Close() can reach
// p.wg.Wait() with a zero counter first and return while deliveries are still pending.
package webhook

import (
	"errors"
	"sync"
)

// Event is a webhook payload.
type Event struct {
	Topic string
	Body  []byte
}

// Publisher delivers events to every registered endpoint.
type Publisher struct {
	mu        sync.Mutex
	endpoints map[string]func(Event) error
	delivered int
	errs      []error

	wg sync.WaitGroup
}

func NewPublisher() *Publisher {
	return &Publisher{endpoints: make(map[string]func(Event) error)}
}

// Register adds a named endpoint.
func (p *Publisher) Register(name string, deliver func(Event) error) {
	p.mu.Lock()
	p.endpoints[name] = deliver
	p.mu.Unlock()
}

// Publish delivers ev to all endpoints; Close waits for it.
func (p *Publisher) Publish(ev Event) {
	p.wg.Add(1) // want "WaitGroup.Add called"
	defer p.wg.Done()

	p.mu.Lock()
	targets := make([]func(Event) error, 0, len(p.endpoints))
	for _, d := range p.endpoints {
		targets = append(targets, d)
	}
	p.mu.Unlock()

	for _, deliver := range targets {
		err := deliver(ev)
		p.mu.Lock()
		if err != nil {
			p.errs = append(p.errs, err)
		} else {
			p.delivered++
		}
		p.mu.Unlock()
	}
}

// Close waits for in-flight Publish calls and returns the joined delivery errors.
func (p *Publisher) Close() (int, error) {
	p.wg.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.delivered, errors.Join(p.errs...)
}
