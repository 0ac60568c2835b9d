// Package unlockfn: a critical section ended by calling a function
// value that a helper returns (miekg/dns's unlockOnce): the call
// unlocks what the helper's closure unlocks, through the helper's
// arguments.
package unlockfn

import "sync"

func unlockOnce(l sync.Locker) func() {
	var once sync.Once
	return func() { once.Do(l.Unlock) }
}

// unlocker returns a closure that unlocks the mutex it is given.
func unlocker(mu *sync.RWMutex) func() {
	return func() { mu.Unlock() }
}

// noop returns a closure that does not unlock.
func noop(l sync.Locker) func() {
	return func() { _ = l }
}

type Server struct {
	lock    sync.RWMutex
	started bool
}

func (srv *Server) isStarted() bool {
	srv.lock.RLock()
	defer srv.lock.RUnlock()
	return srv.started
}

func (srv *Server) serve() error {
	for srv.isStarted() {
	}
	return nil
}

// ListenAndServe unlocks through the Once before serve read-locks
// again; the deferred call then does nothing. Correct.
func (srv *Server) ListenAndServe(tcp bool) error {
	unlock := unlockOnce(&srv.lock)
	srv.lock.Lock()
	defer unlock()
	if srv.started {
		return nil
	}
	srv.started = true
	unlock()
	return srv.serve()
}

// Plain unlocks through a closure a helper returns. Correct.
func (srv *Server) Plain() error {
	srv.lock.Lock()
	u := unlocker(&srv.lock)
	srv.started = true
	u()
	return srv.serve()
}

// Noop's closure does not unlock: serve read-locks a locked mutex.
func (srv *Server) Noop() error {
	done := noop(&srv.lock)
	srv.lock.Lock()
	defer srv.lock.Unlock()
	done()
	return srv.serve() // want `serve locks srv.lock for reading, which is already locked`
}

// Other's closure unlocks another server's lock.
func (srv *Server) Other(o *Server) error {
	unlock := unlockOnce(&o.lock)
	srv.lock.Lock()
	defer srv.lock.Unlock()
	unlock()
	return srv.serve() // want `serve locks srv.lock for reading, which is already locked`
}

// pick returns one of two unlockers: the model cannot tell which.
func pick(mu *sync.RWMutex, once bool) func() {
	if once {
		var o sync.Once
		return func() { o.Do(mu.Unlock) }
	}
	return mu.Unlock
}

// Picked calls a function value made with srv.lock that may unlock
// it: no re-lock is reported on a guess.
func (srv *Server) Picked(once bool) error {
	srv.lock.Lock()
	unlock := pick(&srv.lock, once)
	srv.started = true
	unlock()
	return srv.serve()
}

// PickedOther's function value was made with another server's lock.
func (srv *Server) PickedOther(o *Server, once bool) error {
	srv.lock.Lock()
	defer srv.lock.Unlock()
	unlock := pick(&o.lock, once)
	unlock()
	return srv.serve() // want `serve locks srv.lock for reading, which is already locked`
}
