// Package mixed is apart with a way into initLeaf that does not check
// the kind: a gateway connection, which s.in holds, can reach it, and
// the two orders can meet on one connection.
package mixed

import "sync"

const (
	kindClient = iota
	kindGateway
	kindLeaf
)

type conn struct {
	mu   sync.Mutex
	kind int
	name string
	srv  *server
}

type server struct {
	gwMu sync.RWMutex
	in   map[int]*conn
}

func NewServer() *server { return &server{in: make(map[int]*conn)} }

func (s *server) Accept(kind int, name string) {
	c := &conn{srv: s, kind: kind, name: name}
	go c.readLoop()
}

func (c *conn) readLoop() {
	for i := 0; i < 3; i++ {
		c.processInfo(i)
	}
	c.srv.initLeaf(c) // any kind: a gateway too
}

func (c *conn) processInfo(id int) {
	switch c.kind {
	case kindGateway:
		c.processGatewayInfo(id)
	case kindLeaf:
		c.srv.initLeaf(c)
	}
}

func (c *conn) processGatewayInfo(id int) {
	c.srv.registerInbound(id, c)
}

func (s *server) registerInbound(id int, c *conn) {
	s.gwMu.Lock()
	s.in[id] = c
	s.gwMu.Unlock()
}

func (s *server) HasInbound(name string) bool {
	s.gwMu.Lock()
	defer s.gwMu.Unlock()
	for _, c := range s.in {
		c.mu.Lock() // want `lock order inversion: conn.mu is locked while server.gwMu is held, and elsewhere server.gwMu while conn.mu is held`
		n := c.name
		c.mu.Unlock()
		if n == name {
			return true
		}
	}
	return false
}

func (s *server) initLeaf(c *conn) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s.gwMu.RLock()
	c.name = "leaf"
	s.gwMu.RUnlock()
}
