// Class 6, SILENT: the single goroutine started in NewMailbox is the only waiter and the only one that empties pending, and the only Signal comes right after an append, so pending is non-empty whenever Wait returns.
package c6_silent_mailbox

import (
	"sync"
)

type Message struct {
	To   string
	Body string
}

type Mailbox struct {
	mu      sync.Mutex
	cond    *sync.Cond
	pending []Message
	deliver func([]Message)
}

func NewMailbox(deliver func([]Message)) *Mailbox {
	m := &Mailbox{deliver: deliver}
	m.cond = sync.NewCond(&m.mu)
	go m.loop()
	return m
}

func (m *Mailbox) Post(msg Message) {
	m.mu.Lock()
	m.pending = append(m.pending, msg)
	m.cond.Signal()
	m.mu.Unlock()
}

func (m *Mailbox) loop() {
	for {
		m.mu.Lock()
		if len(m.pending) == 0 {
			m.cond.Wait()
		}
		batch := m.pending
		m.pending = nil
		m.mu.Unlock()

		m.deliver(batch)
	}
}
