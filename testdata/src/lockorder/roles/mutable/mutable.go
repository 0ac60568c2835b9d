// Package mutable is apart with a kind that changes once the
// connection is shared (an upgrade): a connection checked as a leaf
// may be a gateway by the time it is locked, so the kind tells
// nothing apart.
package mutable

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
}

// Upgrade turns a shared connection into a gateway.
func (c *conn) Upgrade() {
	c.mu.Lock()
	c.kind = kindGateway
	c.mu.Unlock()
}

func (c *conn) processInfo(id int) {
	switch c.kind {
	case kindGateway:
		c.processGatewayInfo(id)
	case kindLeaf:
		c.processLeafInfo()
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
		c.mu.Lock() // want `lock order inversion: conn.mu is locked while server.gwMu is held`
		n := c.name
		c.mu.Unlock()
		if n == name {
			return true
		}
	}
	return false
}

func (c *conn) processLeafInfo() {
	c.srv.initLeaf(c)
}

func (s *server) initLeaf(c *conn) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s.gwMu.RLock()
	c.name = "leaf"
	s.gwMu.RUnlock()
}
