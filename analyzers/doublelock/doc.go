// Package doublelock defines an Analyzer that reports a goroutine
// acquiring a mutex it already holds.
//
// # Analyzer doublelock
//
// doublelock: report locking a mutex that the same goroutine already holds
//
// Go's sync.Mutex and sync.RWMutex are not reentrant. The doublelock
// analyzer reports a Lock or RLock of a mutex that is certainly held
// by the running goroutine at that point, on every path reaching it:
//
//   - Lock twice: the second Lock blocks forever.
//   - Lock while holding RLock of the same RWMutex ("upgrading" a read
//     lock): the Lock waits for all readers, including itself.
//   - RLock while holding Lock: the RLock waits for the writer, itself.
//   - RLock while holding RLock: recursive read locking deadlocks as
//     soon as a writer is waiting between the two (sync.RWMutex's
//     documentation forbids it). Nested read locks of a mutex that
//     nothing write-locks cannot meet a writer and are not reported;
//     see below for how that is decided.
//
// The second acquisition may be direct or inside a callee: a method
// that locks its receiver's mutex called by another method of the
// same value that already holds it is the common case. Callees in
// other packages are seen through facts.
//
//	func (c *Cache) Len() int {
//		c.mu.RLock()
//		defer c.mu.RUnlock()
//		return len(c.m)
//	}
//
//	func (c *Cache) Put(k, v string) {
//		c.mu.Lock()
//		defer c.mu.Unlock()
//		if c.Len() > max { // c.mu is locked again inside Len: deadlock
//			...
//		}
//	}
//
// The fix is an unexported helper that expects the lock held (lenLocked)
// and is called by both.
//
// The second acquisition may also hide behind a call the code does not
// name: a function value kept in a struct field, a method of an
// interface value kept in one, or the function sync.Once.Do runs.
//
//	func newLessor() *lessor {
//		le := &lessor{}
//		le.cp = func(ctx context.Context) { le.checkpoint() } // locks le.mu
//		return le
//	}
//
//	func (le *lessor) renew() {
//		le.mu.Lock()
//		defer le.mu.Unlock()
//		le.cp(ctx) // reported: what le.cp holds locks le.mu again
//	}
//
// A field counts only when it is the package's own (unexported, or in
// package main) and every store into it is seen: a closure or function
// stored there, one passed by every caller of the unexported function
// that stores it, a value of a concrete type stored into an interface
// field, or the value a constructor of the package returns as an
// interface (c.api = newMembersAPI(c), where newMembersAPI returns
// &membersAPI{c: c} and List calls c.snapshot, which read-locks c.mu:
// a method holding c.mu that calls c.api.List is reported). The
// implementation may keep the wrapped value as an interface too (a
// leadersAPI whose client field holds c, and whose Leader calls
// m.client.Do, which read-locks c): the lock is on the value stored in
// that field, whatever interface it passed through. A mutex the stored function locks is the held one when it is
// the same path below the value the field belongs to (the closure
// stored into le.cp captured le, and renew calls le.cp on its own le).
// If every function stored there takes it, the call locks it; if only
// some do, it may ("call of b.onClick may lock b.mu"). A call through
// the field inside a helper that every caller calls holding the mutex
// (an LRU's removeOldest calling c.onEvict under Add's lock) is
// reported in the helper. A callback that locks another value's mutex,
// an implementation taking a different mutex, an exported field, and
// a callback called after the unlock are not reported.
//
// A function kept in a map or slice field (a table of callbacks) is
// one element of many: when one the package stores there, bound to the
// value that owns the container, locks that value's mutex, a call of an
// element under that mutex may lock it ("call of b.handlers[] may lock
// b.mu"). Elements stored from elsewhere (a handler passed to an
// exported On) are unknown and change nothing; an exported container
// is not followed.
//
// A callee may reach the held mutex through a sibling object that
// points back at its owner: every replica in s.replicas has r.store ==
// s when the package builds each replica with its store and inserts it
// into that store's map, never reassigns the field and never hands
// the map out. A call under s.mu that passes such an r to a callee
// locking r.store.mu locks s.mu again:
//
//	for _, r := range s.replicas {
//		s.queue.maybeAdd(r) // reaches r.store.status(): RLock of s.mu
//	}
//
// A callee may lock the held mutex again only in one mode of the
// value it works on: a branch on a field of that value compared with
// a constant (switch c.selectionMode { case prioritizeLeader: ... }).
// The call is reported, naming the mode, when the package stores that
// constant into the field somewhere, gives the field nothing but
// constants, and reads it nowhere but in the callee: no caller can
// know its value is in another mode.
//
//	func (c *client) SetEndpoints() {
//		switch c.mode {
//		case selectLeader:
//			c.leader = c.lookupLeader() // RLocks c
//		}
//	}
//
//	func (c *client) Sync() {
//		c.Lock()
//		defer c.Unlock()
//		c.SetEndpoints() // reported: ... when c.mode is selectLeader
//	}
//
// Not reported: a mode the package never sets, a field a caller reads
// too (it may call only in the other mode), one set from a variable,
// and a guarded branch that unlocks before it locks.
//
// Mutexes are identified by access path (c.mu, a package variable, a
// local). The L of a Cond kept in a field and made from a mutex of the
// same value (c.cond = sync.NewCond(c.mu.RLocker()), or &c.mu) is that
// mutex: c.cond.L.Lock() read-locks (or locks) c.mu. Nothing is reported when the two acquisitions may be of
// different mutexes (different receivers, elements of a slice, a field
// that was reassigned in between), when the mutex may have been
// released on some path (including by a callee, a TryLock, or a
// sync.Once.Do whose function unlocks it: once.Do(c.unlock)), or when
// a callee releases the mutex before locking it again. Lock followed by
// Unlock, used as a barrier, is not a double lock. Two read locks taken
// by callees that return holding them (handles such as read
// transactions, released by their End method) are not reported; a
// read lock inside a write lock is. Nor is a Lock on a branch taken
// only when a field is nil that every constructor of its type sets to
// a non-nil value and nothing sets back to nil (if c.index == nil {
// c.mu.Lock(); ... } under c.mu.RLock, with index built in NewC and
// never cleared): the branch never runs. When some constructor leaves
// the field unset or code clears it (a Reset storing nil), the branch
// runs and the upgrade is reported.
//
// A recursive read lock is reported only when something may take the
// write lock of that mutex. Nothing does when the mutex is a
// sync.RWMutex value in a field or package variable that only its own
// package can name (unexported and not embedded, since an embedded
// mutex's Lock is promoted to the embedding type; in package main any
// non-embedded one) and every use of its address in that package is
// RLock, RUnlock, TryRLock or RLocker (a catalog built whole before it
// is shared, then only read). Any other use may write-lock it: Lock,
// TryLock or Unlock anywhere in the package, including goroutines and
// package-level initialisers; its address returned, stored or passed on
// (a sync.Locker, a Cond's L); a method value. A mutex kept by pointer
// may be shared with code that write-locks it, and an exported field
// or variable may be write-locked by an importer: both stay reported.
// Another package's mutex counts only through the fact its package
// exports for such a field.
package doublelock
