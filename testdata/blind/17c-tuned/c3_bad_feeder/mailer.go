package mailer

import (
	"fmt"
	"net/smtp"
	"sync"
)

type Message struct {
	To      string
	Subject string
	Body    string
}

type Outbox struct {
	mu      sync.Mutex
	pending []Message
	sent    int
	lastErr error

	queue chan Message
	addr  string
	from  string
}

func NewOutbox(addr, from string) *Outbox {
	o := &Outbox{addr: addr, from: from, queue: make(chan Message)}
	go o.deliverLoop()
	return o
}

func (o *Outbox) Enqueue(m Message) {
	o.mu.Lock()
	o.pending = append(o.pending, m)
	o.mu.Unlock()
}

func (o *Outbox) Flush() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	n := len(o.pending)
	for _, m := range o.pending {
		o.queue <- m
	}
	o.pending = o.pending[:0]
	return n
}

func (o *Outbox) deliverLoop() {
	for m := range o.queue {
		msg := fmt.Sprintf("To: %s\r\nSubject: %s\r\n\r\n%s", m.To, m.Subject, m.Body)
		err := smtp.SendMail(o.addr, nil, o.from, []string{m.To}, []byte(msg))
		o.report(err)
	}
}
