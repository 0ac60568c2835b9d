// Package rehandshake is handshake with a Renegotiate that greets
// again on a session already shared: there, Session.mu is held while
// frameWriter.mu is taken, and Send, in keepalive's goroutine, takes
// them the other way round.
package rehandshake

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

// Renegotiate greets the peer again, on a live session.
func (s *Session) Renegotiate(client string) { s.handshake(client) }

func (s *Session) handshake(client string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.w.frame("HELLO " + client) // want `lock order inversion: frameWriter.mu is locked while Session.mu is held, and elsewhere Session.mu while frameWriter.mu is held`
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
