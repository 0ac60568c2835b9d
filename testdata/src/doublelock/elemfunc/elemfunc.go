// Package elemfunc checks calls of functions kept in container fields
// (maps and slices of callbacks): one the package stores there, bound
// to the value whose container it is, that locks that value's mutex,
// makes the call under that mutex a may-lock.
package elemfunc

import "sync"

type Event struct{ Topic string }

type Handler func(Event)

type Bus struct {
	mu       sync.Mutex
	handlers map[string][]Handler
	history  []Event
}

func NewBus() *Bus {
	b := &Bus{handlers: make(map[string][]Handler)}
	b.handlers["rollback"] = []Handler{b.audit}
	return b
}

// On registers handlers from elsewhere: unknown, they add nothing.
func (b *Bus) On(topic string, h Handler) {
	b.mu.Lock()
	b.handlers[topic] = append(b.handlers[topic], h)
	b.mu.Unlock()
}

func (b *Bus) audit(ev Event) { _ = b.Recent() }

func (b *Bus) Recent() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.history)
}

// Bad: audit, registered by NewBus, locks b.mu again.
func (b *Bus) Emit(ev Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.history = append(b.history, ev)
	for _, h := range b.handlers[ev.Topic] {
		h(ev) // want `call of b.handlers\[\] may lock b.mu, which is already locked`
	}
}

// Good: the handlers are copied under the lock and called after it.
func (b *Bus) EmitOK(ev Event) {
	b.mu.Lock()
	hs := append([]Handler(nil), b.handlers[ev.Topic]...)
	b.history = append(b.history, ev)
	b.mu.Unlock()
	for _, h := range hs {
		h(ev)
	}
}

// Server keeps a slice of shutdown hooks; one it appends itself
// read-locks s.mu.
type Server struct {
	mu      sync.RWMutex
	onClose []func()
	hooks   map[string]func() int
	conns   int
}

func NewServer() *Server {
	s := &Server{hooks: map[string]func() int{}}
	s.onClose = append(s.onClose, func() {
		s.mu.RLock()
		_ = s.conns
		s.mu.RUnlock()
	})
	s.hooks["conns"] = s.count
	return s
}

func (s *Server) count() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.conns
}

// Bad: the closure NewServer appended read-locks s.mu, held for writing.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range s.onClose {
		f() // want `call of s.onClose\[\] may lock s.mu for reading, which is already locked`
	}
}

// Bad: a lookup in a map of functions.
func (s *Server) Hook(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f, ok := s.hooks[name]; ok {
		return f() // want `call of s.hooks\[\] may lock s.mu for reading, which is already locked`
	}
	return 0
}

// Relay stores handlers bound to another relay: they lock that one's
// mutex, not the holder's.
type Relay struct {
	mu   sync.Mutex
	subs []func()
	n    int
}

func (r *Relay) bump() {
	r.mu.Lock()
	r.n++
	r.mu.Unlock()
}

func Chain(r, next *Relay) {
	r.subs = append(r.subs, next.bump)
}

// Good: next.bump locks next.mu.
func (r *Relay) Fire() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, f := range r.subs {
		f()
	}
}

// Public's container is exported: another package may store anything
// there, and what it holds is not followed.
type Public struct {
	mu    sync.Mutex
	Hooks []func()
}

func NewPublic() *Public {
	p := &Public{}
	p.Hooks = append(p.Hooks, func() { p.mu.Lock(); p.mu.Unlock() })
	return p
}

func (p *Public) Run() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, f := range p.Hooks {
		f()
	}
}
