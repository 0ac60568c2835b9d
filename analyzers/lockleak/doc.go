// Package lockleak defines an Analyzer that reports return paths on
// which a mutex locked by the function is still held.
//
// # Analyzer lockleak
//
// lockleak: report a return that leaves a mutex locked when other paths unlock it
//
// A function that locks a mutex and unlocks it on most paths but
// returns early on another, with the mutex still held, leaves it
// locked forever: the next Lock anywhere deadlocks. This is the
// commonest lock bug in Go code (an error check added between Lock and
// Unlock):
//
//	func (r *Registry) Add(name string, s Service) error {
//		r.mu.Lock()
//		if _, ok := r.m[name]; ok {
//			return errDuplicate // r.mu is still locked
//		}
//		r.m[name] = s
//		r.mu.Unlock()
//		return nil
//	}
//
// The lockleak analyzer reports such a return (or the end of the
// function, or a break out of a loop that leads to it) when the mutex
// is certainly held there on every path reaching it and the function
// itself releases the mutex on some other path. It also reports a
// loop that locks a mutex in its body and goes round again (continue)
// with it still held while other paths round the loop release it: the
// next iteration's Lock deadlocks. Unlocks through
// helpers, deferred calls and callees in other packages are seen, and
// so are unlock functions kept in a local variable (unlock := func()
// { s.mu.Unlock() }, or the method value s.mu.Unlock), called directly
// or from a deferred or nested function literal. An unlock function
// handed on (to a time.AfterFunc callback, into a returned handle)
// releases the mutex after the function: a return that leaves the
// mutex locked and hands nothing on, while other paths unlock it or
// hand it on, is reported:
//
//	func (s *Store) begin(write bool) (*txn, error) {
//		s.mu.Lock()
//		if write && s.readOnly {
//			return nil, errReadOnly // s.mu is still locked
//		}
//		return &txn{s: s, done: s.mu.Unlock}, nil
//	}
//
// A function may also return with the mutex held on purpose, for its
// callers to unlock (a lookup that unlocks on its error path and
// returns the entry locked otherwise). Such a return is not reported
// when every call of the function in its package unlocks the mutex
// after it, on each path the caller can take from that return (a
// check of a result against nil is followed the way the return's
// result goes), naming it through the arguments or the results (the
// entry returned, a handle holding the owner); it is reported, with
// a caller that does not unlock, when one does not. A return that
// yields the mutex itself (a *sync.Mutex or sync.Locker result that is
// the held lock: "the caller owns the read lock now") hands it over
// whoever the callers are:
//
//	if c.ids[0] == id {
//		size, lock = n, &c.rlock
//		break // not reported
//	}
//
// A return that hands the lock to the handle it returns is not
// reported either, whoever the callers are: a pointer to a struct of
// the package (or an interface made from one) holding the owner, or
// the held mutex's own address, through which one of the handle's
// methods releases that mutex:
//
//	func (x *Index) Terms() (Dict, error) {
//		x.mu.RLock()
//		...
//		return &indexDict{index: x}, nil // not reported: (*indexDict).Close runs d.index.mu.RUnlock()
//	}
//
// It does not report functions that never unlock the mutex they lock
// (lock helpers designed to return with the lock held), nor the unlock
// half of a pair split across functions, nor helpers that run with
// their caller's lock held and release it around a slow call (they
// unlock it before locking it: the lock is the caller's), nor functions whose name says
// they deal with locking (lockAndCheck, tryLock), nor functions that
// return a boolean (they often tell the caller whether the lock is
// held), nor paths that end in a panic. TryLock, an Unlock through an
// interface, or a deferred call of unknown effect silence the whole
// function.
//
// For an explicit return whose results are literals or local
// variables, a suggested fix inserts the missing Unlock (or RUnlock)
// before it. The better fix is usually defer:
//
//	r.mu.Lock()
//	defer r.mu.Unlock()
package lockleak
