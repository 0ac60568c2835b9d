package chat

import (
	"bufio"
	"net"
	"strings"
	"sync"
)

// Hub relays lines between connected members.
type Hub struct {
	mu      sync.Mutex
	members map[string]*member
}

func NewHub() *Hub { return &Hub{members: make(map[string]*member)} }

// Join is called by the server for every accepted connection and returns
// when the client disconnects.
func (h *Hub) Join(conn net.Conn) {
	defer conn.Close()
	rd := bufio.NewReader(conn)
	name, err := rd.ReadString('\n')
	if err != nil {
		return
	}
	name = strings.TrimSpace(name)
	m := newMember(name, conn)

	h.mu.Lock()
	h.members[name] = m
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.members, name)
		h.mu.Unlock()
	}()

	for {
		line, err := rd.ReadString('\n')
		if err != nil {
			return
		}
		h.broadcast(name, strings.TrimSpace(line))
	}
}

func (h *Hub) broadcast(from, text string) {
	h.mu.Lock()
	targets := make([]*member, 0, len(h.members))
	for n, m := range h.members {
		if n != from {
			targets = append(targets, m)
		}
	}
	h.mu.Unlock()
	for _, m := range targets {
		m.send(from + ": " + text)
	}
}

func Serve(ln net.Listener, h *Hub) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		go h.Join(c)
	}
}
