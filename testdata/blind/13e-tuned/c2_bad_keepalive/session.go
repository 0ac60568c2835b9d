package keepalive

import (
	"net"
	"sync"
	"time"
)

// Session holds a connection to a cache node and keeps it warm.
type Session struct {
	mu     sync.Mutex
	conn   net.Conn
	misses int
	done   chan struct{}
}

func Dial(addr string, every time.Duration) (*Session, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := &Session{conn: conn, done: make(chan struct{})}
	go s.keepalive(every)
	return s, nil
}

func (s *Session) keepalive(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-s.done:
			return
		case <-t.C:
		}
		s.mu.Lock()
		s.conn.SetWriteDeadline(time.Now().Add(every))
		if _, err := s.conn.Write([]byte("NOOP\r\n")); err != nil {
			s.misses++
		}
		s.mu.Unlock()
	}
}

func (s *Session) Send(cmd string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.conn.Write([]byte(cmd + "\r\n"))
	return err
}

func (s *Session) Misses() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.misses
}

func (s *Session) Close() error {
	close(s.done)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conn.Close()
}
