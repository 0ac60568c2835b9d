package mailer

import (
	"fmt"
	"strings"
	"sync"
)

type Message struct {
	To      string
	Subject string
	Body    string
}

type Outbox struct {
	queue   chan Message
	wg      sync.WaitGroup
	send    func(Message) error
	failMu  sync.Mutex
	failed  []string
	mu      sync.Mutex
	stopped bool
}

func NewOutbox(send func(Message) error) *Outbox {
	o := &Outbox{queue: make(chan Message, 16), send: send}
	o.wg.Add(1)
	go o.loop()
	return o
}

func (o *Outbox) loop() {
	defer o.wg.Done()
	for m := range o.queue {
		if err := o.send(m); err != nil {
			o.failMu.Lock()
			o.failed = append(o.failed, fmt.Sprintf("%s: %v", m.To, err))
			o.failMu.Unlock()
		}
	}
}

func (o *Outbox) Enqueue(m Message) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.stopped {
		return false
	}
	m.To = strings.TrimSpace(m.To)
	o.queue <- m
	return true
}

func (o *Outbox) Close() []string {
	o.mu.Lock()
	o.stopped = true
	close(o.queue)
	o.mu.Unlock()
	o.wg.Wait()
	o.failMu.Lock()
	defer o.failMu.Unlock()
	return o.failed
}
