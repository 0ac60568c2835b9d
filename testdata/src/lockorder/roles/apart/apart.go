// Package apart holds connections of two kinds in one type: a gateway
// connection is locked under the server's gateway lock, and a leaf
// connection holds its own lock while it reads the gateway state. The
// two mutexes are of one field, never of one object: the kind, set
// when the connection is built, says which code runs on it.
package apart

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
	outs int
}

func NewServer() *server { return &server{in: make(map[int]*conn)} }

// Accept builds a connection of the given kind and serves it.
func (s *server) Accept(kind int, name string) {
	c := &conn{srv: s, kind: kind, name: name}
	go c.readLoop()
}

func (c *conn) readLoop() {
	for i := 0; i < 3; i++ {
		c.processInfo(i)
	}
}

// processInfo dispatches on the connection's kind.
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

// registerInbound puts a gateway connection in s.in: only gateways are
// there.
func (s *server) registerInbound(id int, c *conn) {
	s.gwMu.Lock()
	s.in[id] = c
	s.gwMu.Unlock()
}

// HasInbound locks the inbound gateway connections with gwMu held.
func (s *server) HasInbound(name string) bool {
	s.gwMu.Lock()
	defer s.gwMu.Unlock()
	for _, c := range s.in {
		c.mu.Lock() // silent: a gateway connection, never a leaf one
		n := c.name
		c.mu.Unlock()
		if n == name {
			return true
		}
	}
	return false
}

// Count ranges over the map in a helper that only reads it.
func (s *server) Count() int {
	s.gwMu.RLock()
	defer s.gwMu.RUnlock()
	return count(s.in)
}

func count(m map[int]*conn) int {
	n := 0
	for range m {
		n++
	}
	return n + len(m)
}

func (c *conn) processLeafInfo() {
	c.srv.initLeaf(c)
}

// initLeaf holds a leaf connection's lock while it reads the gateway
// state.
func (s *server) initLeaf(c *conn) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s.gwMu.RLock()
	c.name = "leaf"
	s.gwMu.RUnlock()
}
