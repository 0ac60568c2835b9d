// Correct: touch() drains the idle timer only inside `if !s.pingDue`, i.e. when serve() has not received from idle.C since the last Reset; pingDue is cleared after that check.
package g4_session_idle

import (
	"sync"
	"time"
)

// Message is an application message from the peer.
type Message struct {
	Kind string
	Body []byte
}

// Session tracks a client session and sends a ping after idleTimeout of
// silence, closing the session when too many pings go unanswered.
type Session struct {
	ID          string
	in          chan Message
	pings       chan<- string
	idleTimeout time.Duration
	maxPings    int
	handle      func(Message)

	idle    *time.Timer
	pingDue bool
	pending int

	stopOnce sync.Once
	stop     chan struct{}
	done     chan struct{}
}

// NewSession creates a session and starts its loop.
func NewSession(id string, pings chan<- string, idleTimeout time.Duration, handle func(Message)) *Session {
	s := &Session{
		ID:          id,
		in:          make(chan Message, 8),
		pings:       pings,
		idleTimeout: idleTimeout,
		maxPings:    2,
		handle:      handle,
		idle:        time.NewTimer(idleTimeout),
		stop:        make(chan struct{}),
		done:        make(chan struct{}),
	}
	go s.serve()
	return s
}

// Deliver hands a message from the transport to the session.
func (s *Session) Deliver(m Message) bool {
	select {
	case s.in <- m:
		return true
	case <-s.done:
		return false
	}
}

// Close ends the session.
func (s *Session) Close() {
	s.stopOnce.Do(func() { close(s.stop) })
	<-s.done
}

// touch restarts the idle window.
func (s *Session) touch() {
	if !s.pingDue {
		if !s.idle.Stop() {
			<-s.idle.C
		}
	}
	s.pingDue = false
	s.idle.Reset(s.idleTimeout)
}

func (s *Session) serve() {
	defer close(s.done)
	defer s.idle.Stop()
	for {
		select {
		case m := <-s.in:
			s.pending = 0
			if m.Kind != "pong" {
				s.handle(m)
			}
			s.touch()
		case <-s.idle.C:
			s.pingDue = true
			s.pending++
			if s.pending > s.maxPings {
				return
			}
			select {
			case s.pings <- s.ID:
			case <-s.stop:
				return
			}
			s.touch()
		case <-s.stop:
			return
		}
	}
}
