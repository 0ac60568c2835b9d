package main

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
)

const maxAttempts = 3

type message struct {
	id       int
	body     string
	attempts int
}

// Result is reported once per submitted message.
type Result struct {
	ID       int
	Attempts int
	Err      error
}

// Publisher pushes messages through a fixed pool of workers. A message
// that fails is handed back to the input for another attempt.
type Publisher struct {
	in      chan *message
	results chan Result
	wg      sync.WaitGroup
	nextID  atomic.Int64
	flaky   atomic.Int64
}

func NewPublisher(workers int) *Publisher {
	p := &Publisher{in: make(chan *message), results: make(chan Result)}
	for range workers {
		go p.worker()
	}
	return p
}

func (p *Publisher) Results() <-chan Result { return p.results }

// Publish queues one message; it stays in flight until its result is reported.
func (p *Publisher) Publish(body string) {
	p.wg.Add(1)
	m := &message{id: int(p.nextID.Add(1)), body: body}
	p.in <- m
}

func (p *Publisher) send(m *message) error {
	if p.flaky.Add(1)%3 == 0 {
		return errors.New("broker unavailable")
	}
	return nil
}

func (p *Publisher) worker() {
	for m := range p.in {
		m.attempts++
		err := p.send(m)
		if err != nil && m.attempts < maxAttempts {
			go func() { p.in <- m }()
			continue
		}
		p.results <- Result{ID: m.id, Attempts: m.attempts, Err: err}
		p.wg.Done()
	}
}

// Close waits for every message in flight, then shuts the pipeline down.
func (p *Publisher) Close() {
	p.wg.Wait()
	close(p.in)
	close(p.results)
}

func main() {
	p := NewPublisher(2)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for r := range p.Results() {
			fmt.Printf("msg %d: attempts=%d err=%v\n", r.ID, r.Attempts, r.Err)
		}
	}()
	for i := range 8 {
		p.Publish(fmt.Sprintf("event-%d", i))
	}
	p.Close()
	<-done
}
