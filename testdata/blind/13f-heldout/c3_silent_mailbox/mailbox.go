package actor

import "sync"

type mailbox struct {
	mu      sync.Mutex
	changed *sync.Cond
	msgs    []Message
	cap     int
	closed  bool
}

func newMailbox(capacity int) *mailbox {
	mb := &mailbox{cap: capacity}
	mb.changed = sync.NewCond(&mb.mu)
	return mb
}

func (mb *mailbox) put(m Message) error {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	for len(mb.msgs) >= mb.cap && !mb.closed {
		mb.changed.Wait()
	}
	if mb.closed {
		return ErrStopped
	}
	mb.msgs = append(mb.msgs, m)
	mb.changed.Broadcast()
	return nil
}

func (mb *mailbox) take() (Message, bool) {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	for len(mb.msgs) == 0 && !mb.closed {
		mb.changed.Wait()
	}
	if mb.closed {
		return Message{}, false
	}
	m := mb.msgs[0]
	mb.msgs = mb.msgs[1:]
	mb.changed.Broadcast()
	return m, true
}

func (mb *mailbox) close() {
	mb.mu.Lock()
	mb.closed = true
	mb.mu.Unlock()
	mb.changed.Broadcast()
}
