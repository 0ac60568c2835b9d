package b2_session_hub

import (
	"bufio"
	"context"
	"net"
	"strings"
	"sync"
)

// Hub tracks the live peer sessions of a gateway so that admin endpoints
// and the metrics exporter can enumerate them.
type Hub struct {
	mu       sync.Mutex
	sessions map[string]*Session
}

func NewHub() *Hub {
	return &Hub{sessions: make(map[string]*Session)}
}

// Session is one peer connection; the peer announces its protocol version
// in the first line it sends.
type Session struct {
	name    string
	conn    net.Conn
	version string
	ready   chan struct{}
}

// Open starts the handshake reader for conn and waits for the peer hello.
func (h *Hub) Open(ctx context.Context, name string, conn net.Conn) (*Session, error) {
	s := &Session{name: name, conn: conn, ready: make(chan struct{})}
	go s.readLoop()

	h.mu.Lock()
	h.sessions[name] = s
	h.mu.Unlock()

	select {
	case <-s.ready:
		return s, nil
	case <-ctx.Done():
		h.remove(name)
		conn.Close()
		return nil, ctx.Err()
	}
}

// Lookup returns the named session, if any.
func (h *Hub) Lookup(name string) *Session {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.sessions[name]
}

// Versions reports the protocol version of every registered peer.
func (h *Hub) Versions() map[string]string {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make(map[string]string, len(h.sessions))
	for name, s := range h.sessions {
		out[name] = s.Version()
	}
	return out
}

func (h *Hub) remove(name string) {
	h.mu.Lock()
	delete(h.sessions, name)
	h.mu.Unlock()
}

// Version is the protocol version the peer announced.
func (s *Session) Version() string {
	return s.version
}

func (s *Session) Close() error {
	return s.conn.Close()
}

func (s *Session) readLoop() {
	r := bufio.NewReader(s.conn)
	hello, err := r.ReadString('\n')
	if err != nil {
		return
	}
	fields := strings.Fields(hello)
	if len(fields) != 2 || fields[0] != "HELLO" {
		s.conn.Close()
		return
	}
	s.version = fields[1] // BAD: session is already visible through the hub map, so Versions()/Lookup callers read it concurrently
	close(s.ready)
	for {
		if _, err := r.ReadString('\n'); err != nil {
			return
		}
	}
}
