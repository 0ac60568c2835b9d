// Package handshake dials a session and greets the peer in a helper
// before anyone else can reach it: handshake holds Session.mu while it
// writes a frame (frameWriter.mu), the opposite of Send's order, but
// only on the new session, still private to Dial's goroutine.
package handshake

import "sync"

type frameWriter struct {
	mu  sync.Mutex
	buf []byte
}

func (w *frameWriter) frame(s string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, s...)
}

type Session struct {
	mu      sync.Mutex
	version string
	sent    int
	w       *frameWriter
	stop    chan struct{}
}

func Dial(client string) *Session {
	s := &Session{w: &frameWriter{}, stop: make(chan struct{})}
	s.handshake(client)
	go s.keepalive()
	return s
}

func (s *Session) handshake(client string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.w.frame("HELLO " + client) // silent: s is not shared yet
	s.version = "1"
}

func (s *Session) Send(m string) {
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	s.mu.Lock()
	s.sent++
	s.mu.Unlock()
	s.w.buf = append(s.w.buf, m...)
}

func (s *Session) keepalive() {
	for {
		select {
		case <-s.stop:
			return
		default:
		}
		s.Send("PING")
	}
}
