// Correct: deliver sends under r.mu on a session just found in r.byToken; both Kick and the idle self-expiry delete the session under r.mu before the worker returns and its deferred close(inbox) runs.
package g2_session_deliver

import (
	"sync"
	"time"
)

type Frame struct {
	Op   string
	Data []byte
}

type session struct {
	token string
	inbox chan Frame
	kick  chan struct{}
	idle  time.Duration
	reg   *Registry
}

// worker processes frames for one session. It exits when kicked or after
// being idle for too long; in the idle case it unregisters itself first.
func (s *session) worker(apply func(string, Frame)) {
	defer close(s.inbox)
	t := time.NewTimer(s.idle)
	defer t.Stop()
	for {
		select {
		case f := <-s.inbox:
			apply(s.token, f)
			t.Reset(s.idle) // Go 1.23+: Reset discards any pending expiry
		case <-s.kick:
			return
		case <-t.C:
			if s.reg.forget(s) {
				return
			}
			// Kick already removed us; wait for the kick signal.
			<-s.kick
			return
		}
	}
}

type Registry struct {
	mu      sync.Mutex
	byToken map[string]*session
	apply   func(string, Frame)
	idle    time.Duration
}

func NewRegistry(idle time.Duration, apply func(string, Frame)) *Registry {
	return &Registry{byToken: make(map[string]*session), apply: apply, idle: idle}
}

func (r *Registry) Login(token string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.byToken[token]; ok {
		return
	}
	s := &session{token: token, inbox: make(chan Frame, 8), kick: make(chan struct{}), idle: r.idle, reg: r}
	r.byToken[token] = s
	go s.worker(r.apply)
}

// forget removes s if it is still the registered session for its token.
func (r *Registry) forget(s *session) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.byToken[s.token] != s {
		return false
	}
	delete(r.byToken, s.token)
	return true
}

// deliver is the single place frames enter a session.
func (r *Registry) deliver(token string, f Frame) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.byToken[token]
	if s == nil {
		return false
	}
	select {
	case s.inbox <- f:
		return true
	default:
		return false
	}
}

func (r *Registry) Handle(token, op string, data []byte) bool {
	return r.deliver(token, Frame{Op: op, Data: data})
}

// Kick forcibly ends a session.
func (r *Registry) Kick(token string) {
	r.mu.Lock()
	s := r.byToken[token]
	delete(r.byToken, token)
	r.mu.Unlock()
	if s != nil {
		close(s.kick)
	}
}
