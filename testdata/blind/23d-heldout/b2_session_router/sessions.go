package b2_session_router

import (
	"fmt"
	"sync"
)

type Message struct {
	SessionID string
	Body      []byte
}

// session owns a worker goroutine that drains inbox.
type session struct {
	id    string
	inbox chan Message
	quit  chan struct{}
	wg    sync.WaitGroup
}

func startSession(id string, handle func(Message)) *session {
	s := &session{
		id:    id,
		inbox: make(chan Message, 16),
		quit:  make(chan struct{}),
	}
	s.wg.Add(1)
	go s.loop(handle)
	return s
}

func (s *session) loop(handle func(Message)) {
	defer s.wg.Done()
	for {
		select {
		case m := <-s.inbox:
			handle(m)
		case <-s.quit:
			close(s.inbox) // BAD: Router.Dispatch sends on inbox after releasing the registry lock, may race with this close
			return
		}
	}
}

func (s *session) stop() {
	close(s.quit)
	s.wg.Wait()
}

// Router dispatches messages to live sessions.
type Router struct {
	mu       sync.RWMutex
	sessions map[string]*session
	handle   func(Message)
}

func NewRouter(handle func(Message)) *Router {
	return &Router{sessions: make(map[string]*session), handle: handle}
}

func (r *Router) Open(id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.sessions[id]; !ok {
		r.sessions[id] = startSession(id, r.handle)
	}
}

func (r *Router) lookup(id string) (*session, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	s, ok := r.sessions[id]
	return s, ok
}

// Dispatch delivers m to its session; drops when the inbox is full.
func (r *Router) Dispatch(m Message) error {
	s, ok := r.lookup(m.SessionID)
	if !ok {
		return fmt.Errorf("no session %q", m.SessionID)
	}
	select {
	case s.inbox <- m:
		return nil
	default:
		return fmt.Errorf("session %q overloaded", m.SessionID)
	}
}

// Close removes the session and stops its worker.
func (r *Router) Close(id string) {
	r.mu.Lock()
	s, ok := r.sessions[id]
	delete(r.sessions, id)
	r.mu.Unlock()
	if ok {
		s.stop()
	}
}
