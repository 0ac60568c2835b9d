// Package b2_hub_forward is a chat hub that fans client messages into a
// single broadcast feed.
package b2_hub_forward

import (
	"bufio"
	"net"
	"sync"
)

// Message is one line sent by a client.
type Message struct {
	From string
	Text string
}

// Client is one connected peer.
type Client struct {
	name   string
	conn   net.Conn
	outbox chan Message // lines read from the peer
	pings  chan struct{}
}

func newClient(conn net.Conn) *Client {
	return &Client{
		name:   conn.RemoteAddr().String(),
		conn:   conn,
		outbox: make(chan Message, 16),
		pings:  make(chan struct{}, 1),
	}
}

func (c *Client) readLoop() {
	defer c.conn.Close()
	sc := bufio.NewScanner(c.conn)
	for sc.Scan() {
		line := sc.Text()
		if line == "PING" {
			select {
			case c.pings <- struct{}{}:
			default:
			}
			continue
		}
		c.outbox <- Message{From: c.name, Text: line}
	}
}

// Hub collects messages from all attached clients.
type Hub struct {
	mu        sync.Mutex
	clients   map[string]*Client
	broadcast chan Message
}

// NewHub returns an empty hub.
func NewHub() *Hub {
	return &Hub{clients: make(map[string]*Client), broadcast: make(chan Message, 64)}
}

// Broadcast is the merged feed of every client's messages.
func (h *Hub) Broadcast() <-chan Message { return h.broadcast }

// Attach registers c and starts pumping its messages into the broadcast feed.
// It is called once for every accepted connection.
func (h *Hub) Attach(c *Client) {
	h.mu.Lock()
	h.clients[c.name] = c
	h.mu.Unlock()

	go func() { // BAD: one endless forwarding goroutine per connection; nothing ends it after Detach or disconnect
		for {
			select {
			case m := <-c.outbox:
				h.broadcast <- m
			case <-c.pings:
			}
		}
	}()
}

// Detach forgets the client.
func (h *Hub) Detach(name string) {
	h.mu.Lock()
	delete(h.clients, name)
	h.mu.Unlock()
}

// Serve accepts connections until ln is closed.
func (h *Hub) Serve(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		c := newClient(conn)
		h.Attach(c)
		go func() {
			c.readLoop()
			h.Detach(c.name)
		}()
	}
}
