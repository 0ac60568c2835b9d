package main

import (
	"fmt"
	"sync"
)

// client is one chat participant attached to the hub.
type client struct {
	name string
	send chan string
	done chan struct{}
	once sync.Once
}

func newClient(name string) *client {
	return &client{name: name, send: make(chan string), done: make(chan struct{})}
}

// Close detaches the client's writer; it is safe to call more than once.
func (c *client) Close() { c.once.Do(func() { close(c.done) }) }

// writePump delivers messages to the client's connection until Close.
func (c *client) writePump(limit int) {
	defer c.Close()
	for n := 0; ; n++ {
		select {
		case msg := <-c.send:
			fmt.Printf("[%s] %s\n", c.name, msg)
			if n+1 >= limit {
				return
			}
		case <-c.done:
			return
		}
	}
}

// hub fans broadcast messages out to all registered clients.
type hub struct {
	register  chan *client
	broadcast chan string
	quit      chan struct{}
	clients   map[*client]bool
}

func newHub() *hub {
	return &hub{
		register:  make(chan *client),
		broadcast: make(chan string),
		quit:      make(chan struct{}),
		clients:   make(map[*client]bool),
	}
}

func (h *hub) run() {
	for {
		select {
		case c := <-h.register:
			h.clients[c] = true
		case msg := <-h.broadcast:
			for c := range h.clients {
				select {
				case c.send <- msg:
				case <-c.done:
					delete(h.clients, c)
				}
			}
		case <-h.quit:
			return
		}
	}
}

func main() {
	h := newHub()
	go h.run()

	alice, bob := newClient("alice"), newClient("bob")
	h.register <- alice
	h.register <- bob
	go alice.writePump(10)
	go bob.writePump(1)

	for i := 0; i < 3; i++ {
		h.broadcast <- fmt.Sprintf("tick %d", i)
	}
	close(h.quit)
	alice.Close()
}
