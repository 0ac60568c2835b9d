// Correct: Close checks s.closed under s.mu before closing s.done, so the deferred Close after an explicit Close (or a timeout-driven Close) is a no-op.
package g4_session_close

import (
	"bufio"
	"errors"
	"io"
	"net"
	"sync"
	"time"
)

var ErrClosed = errors.New("session closed")

// Session is a line-oriented client session over a net.Conn.
type Session struct {
	conn net.Conn
	r    *bufio.Reader

	mu     sync.Mutex
	closed bool
	done   chan struct{}
}

// NewSession wraps conn and closes it after idle inactivity.
func NewSession(conn net.Conn, idle time.Duration) *Session {
	s := &Session{conn: conn, r: bufio.NewReader(conn), done: make(chan struct{})}
	go s.idleWatch(idle)
	return s
}

func (s *Session) idleWatch(idle time.Duration) {
	t := time.NewTimer(idle)
	defer t.Stop()
	select {
	case <-s.done:
	case <-t.C:
		s.Close()
	}
}

// Done is closed once the session ends.
func (s *Session) Done() <-chan struct{} { return s.done }

// Close ends the session; it is safe to call more than once.
func (s *Session) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	s.closed = true
	close(s.done)
	return s.conn.Close()
}

// Call sends a command and reads one reply line.
func (s *Session) Call(cmd string) (string, error) {
	select {
	case <-s.done:
		return "", ErrClosed
	default:
	}
	if _, err := io.WriteString(s.conn, cmd+"\n"); err != nil {
		return "", err
	}
	return s.r.ReadString('\n')
}

// Quit sends QUIT, closes the session and reports the server's goodbye.
func Quit(conn net.Conn) (string, error) {
	s := NewSession(conn, time.Minute)
	defer s.Close()
	bye, err := s.Call("QUIT")
	if cerr := s.Close(); cerr != nil && err == nil {
		err = cerr
	}
	return bye, err
}
