// Correct: the session ID is stored before ready is closed, createSession waits for ready and returns nil on ctx/loop failure.
package g1_kv_session

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
)

var errClosedBeforeWelcome = errors.New("kv: connection closed before welcome")

// Session is an authenticated session with a key/value server.
type Session struct {
	conn net.Conn
	id   string
	dead chan struct{}
}

// createSession starts the session loop on conn and returns once the
// server has sent its welcome line.
func createSession(ctx context.Context, conn net.Conn) (*Session, error) {
	s := &Session{conn: conn, dead: make(chan struct{})}
	ready := make(chan struct{})
	go s.sessionLoop(ready)

	select {
	case <-ready:
		return s, nil
	case <-s.dead:
		return nil, errClosedBeforeWelcome
	case <-ctx.Done():
		conn.Close()
		return nil, ctx.Err()
	}
}

// ID is the session identifier assigned by the server.
func (s *Session) ID() string {
	return s.id
}

// String implements fmt.Stringer for log lines.
func (s *Session) String() string {
	return fmt.Sprintf("kv-session(%s)", s.ID())
}

func (s *Session) Close() error {
	err := s.conn.Close()
	<-s.dead
	return err
}

func (s *Session) sessionLoop(ready chan<- struct{}) {
	defer close(s.dead)
	r := bufio.NewReader(s.conn)
	if err := s.readWelcome(r); err != nil {
		s.conn.Close()
		return
	}
	close(ready)
	for {
		if _, err := r.ReadString('\n'); err != nil {
			return
		}
	}
}

func (s *Session) readWelcome(r *bufio.Reader) error {
	line, err := r.ReadString('\n')
	if err != nil {
		return err
	}
	id, ok := strings.CutPrefix(strings.TrimSpace(line), "WELCOME ")
	if !ok || id == "" {
		return fmt.Errorf("kv: bad welcome %q", line)
	}
	s.id = id
	return nil
}
