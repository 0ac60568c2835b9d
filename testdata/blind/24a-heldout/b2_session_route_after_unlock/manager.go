package b2_session_route_after_unlock

import (
	"errors"
	"sync"
)

var (
	ErrNoSession = errors.New("session: not found")
	ErrBusy      = errors.New("session: inbox full")
)

// session is a per-client worker draining its inbox.
type session struct {
	id      string
	inbox   chan []byte
	stop    chan struct{}
	handled int
}

func newSession(id string) *session {
	s := &session{id: id, inbox: make(chan []byte, 16), stop: make(chan struct{})}
	go s.loop()
	return s
}

func (s *session) loop() {
	defer close(s.inbox) // BAD: Route copies the session out and sends after RUnlock, so it can send after this close
	for {
		select {
		case <-s.stop:
			return
		case msg := <-s.inbox:
			s.handle(msg)
		}
	}
}

func (s *session) handle(msg []byte) {
	if len(msg) > 0 {
		s.handled++
	}
}

func (s *session) deliver(msg []byte) error {
	select {
	case s.inbox <- msg:
		return nil
	default:
		return ErrBusy
	}
}

type Manager struct {
	mu       sync.RWMutex
	sessions map[string]*session
}

func NewManager() *Manager {
	return &Manager{sessions: make(map[string]*session)}
}

func (m *Manager) Open(id string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.sessions[id]; !ok {
		m.sessions[id] = newSession(id)
	}
}

func (m *Manager) get(id string) (*session, bool) {
	m.mu.RLock()
	s, ok := m.sessions[id]
	m.mu.RUnlock()
	return s, ok
}

// Route forwards msg to the session's worker.
func (m *Manager) Route(id string, msg []byte) error {
	sess, ok := m.get(id)
	if !ok {
		return ErrNoSession
	}
	return sess.deliver(msg)
}

// Close removes the session and stops its worker.
func (m *Manager) Close(id string) {
	m.mu.Lock()
	sess, ok := m.sessions[id]
	delete(m.sessions, id)
	m.mu.Unlock()
	if ok {
		close(sess.stop)
	}
}
