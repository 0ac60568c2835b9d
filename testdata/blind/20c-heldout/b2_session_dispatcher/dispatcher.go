package b2_session_dispatcher

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

// Session is a logged-in user session owned by the dispatcher goroutine.
type Session struct {
	ID      string
	User    string
	Expires time.Time
}

type registerReq struct {
	user  string
	ttl   time.Duration
	reply chan *Session
}

type lookupReq struct {
	id    string
	reply chan *Session
}

// Dispatcher owns the session table; all access goes through its loop.
type Dispatcher struct {
	register chan registerReq
	lookup   chan lookupReq
	quit     chan struct{}
	stopOnce sync.Once
	sessions map[string]*Session
	onExpire func(*Session)
}

// New starts a dispatcher. onExpire is called for every session dropped at shutdown.
func New(onExpire func(*Session)) *Dispatcher {
	d := &Dispatcher{
		register: make(chan registerReq),
		lookup:   make(chan lookupReq),
		quit:     make(chan struct{}),
		sessions: make(map[string]*Session),
		onExpire: onExpire,
	}
	go d.loop()
	return d
}

func (d *Dispatcher) loop() {
	for {
		select {
		case r := <-d.register:
			s := &Session{ID: newID(), User: r.user, Expires: time.Now().Add(r.ttl)}
			d.sessions[s.ID] = s
			r.reply <- s
		case l := <-d.lookup:
			s, ok := d.sessions[l.id]
			if ok && time.Now().After(s.Expires) {
				delete(d.sessions, l.id)
				s = nil
			}
			l.reply <- s
		case <-d.quit:
			for _, s := range d.sessions {
				if d.onExpire != nil {
					d.onExpire(s)
				}
			}
			return
		}
	}
}

// Register creates a session for user that lives for ttl.
func (d *Dispatcher) Register(user string, ttl time.Duration) *Session {
	r := registerReq{user: user, ttl: ttl, reply: make(chan *Session, 1)}
	d.register <- r // BAD: loop returns once Stop closes quit; a Register racing with or after Stop blocks forever
	return <-r.reply
}

// Lookup returns the live session with the given id, or nil.
func (d *Dispatcher) Lookup(id string) *Session {
	l := lookupReq{id: id, reply: make(chan *Session, 1)}
	d.lookup <- l // BAD: plain send with no select on quit; blocks forever once the loop has returned
	return <-l.reply
}

// Stop shuts the dispatcher down. It is safe to call more than once.
func (d *Dispatcher) Stop() {
	d.stopOnce.Do(func() { close(d.quit) })
}

func newID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
