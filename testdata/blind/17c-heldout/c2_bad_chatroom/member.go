package chat

import "sync/atomic"

type Member struct {
	nick    string
	room    *Room
	inbox   chan Message
	dropped atomic.Int32
}

const maxDropped = 16

func (m *Member) offer(msg Message) {
	select {
	case m.inbox <- msg:
		return
	default:
	}
	if m.dropped.Add(1) >= maxDropped {
		m.room.remove(m.nick)
	}
}

func (m *Member) Inbox() <-chan Message { return m.inbox }

func (m *Member) Leave() { m.room.remove(m.nick) }
