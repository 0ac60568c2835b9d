package chat

import (
	"sync"
	"time"
)

type Message struct {
	From string
	Text string
	At   time.Time
}

type Room struct {
	mu      sync.Mutex
	name    string
	members map[string]*Member
	kicked  int
}

func NewRoom(name string) *Room {
	return &Room{name: name, members: make(map[string]*Member)}
}

func (r *Room) Join(nick string, backlog int) *Member {
	m := &Member{nick: nick, room: r, inbox: make(chan Message, backlog)}
	r.mu.Lock()
	r.members[nick] = m
	r.mu.Unlock()
	return m
}

func (r *Room) Say(from, text string) {
	msg := Message{From: from, Text: text, At: time.Now()}
	r.mu.Lock()
	defer r.mu.Unlock()
	for nick, m := range r.members {
		if nick == from {
			continue
		}
		m.offer(msg)
	}
}

func (r *Room) remove(nick string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if m, ok := r.members[nick]; ok {
		delete(r.members, nick)
		close(m.inbox)
		r.kicked++
	}
}
