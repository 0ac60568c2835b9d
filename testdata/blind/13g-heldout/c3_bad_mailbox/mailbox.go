package notify

import "sync"

type Message struct {
	To   string
	Body string
}

type Mailbox struct {
	slot      chan Message
	shut      chan struct{}
	closeOnce sync.Once
}

func NewMailbox() *Mailbox {
	return &Mailbox{slot: make(chan Message), shut: make(chan struct{})}
}

func (m *Mailbox) Put(msg Message) {
	select {
	case m.slot <- msg:
	case <-m.shut:
		panic("notify: put on closed mailbox")
	}
}

func (m *Mailbox) Take() (Message, bool) {
	select {
	case msg := <-m.slot:
		return msg, true
	case <-m.shut:
		return Message{}, false
	}
}

func (m *Mailbox) Close() {
	m.closeOnce.Do(func() { close(m.shut) })
}
