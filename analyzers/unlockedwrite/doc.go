// Package unlockedwrite defines an Analyzer that reports writes to
// shared state made without the lock that guards it.
//
// # Analyzer unlockedwrite
//
// unlockedwrite: report writes to mutex-guarded fields and shared variables without the lock
//
// A struct field that the code reads and writes with a mutex of the
// same struct held is guarded by that mutex; one write without it
// races with all the others, and the race detector finds it only if a
// test happens to hit the interleaving. The unlockedwrite analyzer
// infers the guard from the accesses of the package (as GCatch and
// RacerD do): a field is guarded by a sibling mutex field when most of
// the functions that access it, and at least two, hold it, including
// one that writes it. A "// guarded by mu" (or "protected by mu")
// comment on the field declares the guard explicitly. It then reports
// each write (assignment, increment, map store or delete) without the
// guard held, in a method of the field's own struct (on its receiver)
// or to a package variable; on thin evidence (fewer than three
// functions, or fewer than three quarters, hold the lock) only the
// writes that lose updates whatever the schedule (x++, x = append(x,
// ...), map stores and deletes), and the plain stores of a bare
// exported method (one that calls nothing and touches no channel, such
// as Reset() { c.n = 0 } or a setter: clients may call it at any time,
// and nothing in it orders it after the locked methods), not other
// plain stores of a new value (a reset after the workers stopped):
//
//	type Stats struct {
//		mu   sync.Mutex
//		hits int
//		miss int
//	}
//
//	func (s *Stats) Hit()  { s.mu.Lock(); s.hits++; s.mu.Unlock() }
//	func (s *Stats) Miss() { s.mu.Lock(); s.miss++; s.mu.Unlock() }
//	func (s *Stats) Snapshot() (int, int) {
//		s.mu.Lock()
//		defer s.mu.Unlock()
//		return s.hits, s.miss
//	}
//	func (s *Stats) Reset() {
//		s.hits = 0 // reported: s.mu is not held
//		s.miss = 0 // reported
//	}
//
// A write made while the guard, a sync.RWMutex, is only read-locked is
// reported too: RLock lets every other reader in, and they run the same
// write (a cache whose Get counts hits or reorders entries under RLock):
//
//	func (c *LRU) Get(k string) string {
//		c.mu.RLock()
//		defer c.mu.RUnlock()
//		c.hits++ // reported: only the read lock is held
//		return c.items[k]
//	}
//
// Only when another reader can run beside the write: the writing
// function is exported, or another function reads or writes the field
// in a read-locked section of its own. An unexported method, run from
// one loop, that read-locks only to keep Close out is left alone.
//
// Locks held by the callers are taken into account: an unexported
// helper whose every caller holds the lock is silent, and so are
// helpers named or documented as running with the lock held
// (fooLocked, "s.mu must be held"), their callees, helpers whose every
// caller holds some other lock, and helpers that release their
// caller's lock around a slow call and take it back. Holding some
// lock is not holding the field's, though: a write made while only
// mutexes of other objects are held (a helper called for each entry of
// a container under the container's lock) is reported once the
// majority of functions accessing the field hold its own struct's
// mutex, and each lock held at the write is held by fewer of those
// functions than that guard, so the entries' users do not take it.
// Such a write in a plain function, on its parameter, is judged too
// (release(b), called for each backend under the registry's lock), as
// is one in the walk's own loop body, to an element of the shared
// container (for _, s := range r.subs { s.pending = nil }), and one
// in a closure of a goroutine that a constructor starts: that
// goroutine runs beside the value's users, so it is no initialiser.
// When the field's guard is known only from the struct's layout (few
// functions access it), such a write is reported only if every other
// access holds that mutex:
//
//	func (e *entry) reset() {
//		e.value = nil // reported: Get and Set hold e.mu, not c.mu
//	}
//
//	func (c *Cache) janitor() {
//		c.mu.RLock()
//		for _, e := range c.entries {
//			e.reset()
//		}
//		c.mu.RUnlock()
//	}
//
// A lock held at every access of the field (a bank's lock around
// every call of its accounts' methods) guards it, and is silent.
// A mutex locked only on some paths (if doLock { mu.Lock() }) counts as held. Writes
// to an object the function allocated itself or obtained from a
// constructor (before the value is shared) are not reported, nor
// writes in methods only ever called on such values (exported methods
// of a type the package never lets out included: an Unmarshal the
// package runs on a tracker it has just made) or only from
// initialisers (NewX, Init, Construct), in initialiser-named, Start,
// Config, Configure or Setup methods (up to their own go statement, see
// below; a transport's Construct, which its NewX runs before Open starts
// the read loop, sets up as much as NewX does; a limiter
// that builds itself calls its counter's Config before any request
// reaches it, while a setter such as SetWindow gets no such trust) and
// functions named
// unsafe, in plain functions filling in a value they are given (a
// parser), in functions used as values that go where we cannot see
// (stored, or handed to another package: sync.Once.Do, a handler
// table), nor writes while some other lock is held, nor atomics
// (sync/atomic calls and types are not plain writes). Calls from
// tests are no evidence about a helper's callers. Nor is a map store
// (or delete) into a map the function took out of the field and then
// replaced there (pending := s.pending; s.pending = nil, the store on
// every path in between): the map is no longer the field's, and every
// later access through the field meets the new value.
//
// A callback runs where it is called. A function literal or method
// value handed to a function of the package that only calls its
// parameter (or starts it) runs with what that function holds there,
// and with what the function that handed it over holds at that call,
// since the callback runs before that call returns (a literal handed
// to an exported f.ForEach by code holding c.wmu writes holding it)
// (s.locked(func() { s.take(k) }) runs under s.mu; a run helper that
// unlocks before calling fn runs it with nothing held, and its writes
// are reported); one handed to time.AfterFunc, WaitGroup.Go or an
// errgroup runs in a goroutine of its own with nothing held. A
// callback that is stored (a transaction's queue run later by Exec
// under the lock) or handed to another package, and a method
// registered as a handler in a table, have an unknown entry: their
// calls of a helper say nothing about the helper, and never count as
// calls without the lock. Nor does a call without the lock from a
// function that takes the lock itself on another branch around a
// call of the same function (if nested { cb(); return }; m.Lock();
// cb()), or on some paths only (if !nested { m.Lock() }): the
// function decides by a condition whether the lock is already held
// there (a re-entrant call from a script that holds it), and Go's
// mutexes are not re-entrant, so taking it there would deadlock; the
// condition is not one the analysis can evaluate, so such a call is
// no evidence that the callee runs unlocked:
//
//	func withTx(m *Miniredis, nested bool, cb func()) {
//		if nested {
//			cb() // not a call without the lock: the caller has it
//			return
//		}
//		m.Lock()
//		cb()
//		m.Unlock()
//	}
//
// A write needs its lock only while another goroutine may access the
// object, and two facts rule that out. The last reference: a write
// reached only when an atomic reference count of the object,
// decremented there, is zero (if b.refs.Add(-1) == 0 { b.data = nil }
// or if atomic.AddInt32(&b.refs, -1) != 0 { return }), or in a helper
// every call of which is so guarded, is silent; a decrement whose
// result is not tested, or a write before the test, is not. Set-up
// before the readers exist: a write in a method that can get past its
// guard once only (a CompareAndSwap of a state word nothing sets back,
// or a started flag tested and set and never reset: an Open that
// returns ErrAlreadyOpen), made before the go statements by which that
// method starts its goroutines and after none of them, is silent, and
// so is a write of a helper every call of which is such a place
// (openDatabase, called by Open before go s.flushLoop()); the same
// method without the guard, with a guard that something resets, a
// helper also called from elsewhere (a Reload), or a write after the
// go statement, is reported. Such a method that starts no
// goroutine itself (a Messages that returns the subscription) is
// silent too when no goroutine of the object can exist yet: no other
// go statement, and no function literal handed on, runs code on a
// value of the object's type; a constructor that starts a ticker
// reading the fields keeps the write reported. A test's call of such
// a helper on an object of its own is no evidence about its callers.
// A test-only hook (a method declared in a _test.go file,
// export_test.go's SetNetConn) writing its receiver's field is silent
// when the tests call it only plainly and no goroutine started at the
// object's birth reaches an access of the field: the tests call it on
// an object they just built; with a pinger started by the constructor
// the write is reported.
//
// A write that follows, in its function, a go statement starting on
// the same object a method that accesses the field with the lock held,
// and can get there waiting for no one (its only receives are from a
// ticker's channel: an apply loop whose first tick bumps the
// position; or from a channel the writer has sent on before the
// write: workers ranging over the jobs queued for them), with nothing
// in the writer that waits between the go statement and the write,
// runs beside that goroutine: it is reported whatever the evidence, in
// a Start method too, on an object the caller owned when it called
// the writer, in a function literal started on the object, and in a
// helper of the object the writer calls after the go statement:
//
//	func (r *Replica) Start() error {
//		go r.applyLoop() // locks r.mu and bumps r.pos on every tick
//		...
//		r.pos = hdr.Pos // reported
//		return nil
//	}
//
//	for i := 0; i < n; i++ {
//		go d.worker(jobs) // for j := range jobs { if d.getErr() != nil ...
//	}
//	d.err = nil // reported: a worker may be in getErr meanwhile
//	wg.Wait()
//
// A write is also silent when the happens-before edges of the sync
// model order it with every other access to the (unexported) field,
// wherever made (constructors filling in a fresh object aside):
//
//   - ownership handed over by a closed flag: the write runs in the
//     call that tested a flag of the object and set it (or swapped it
//     from false to true) in one critical section of the object's
//     mutex, returning early when it was set, after that section; the
//     package never clears the flag; and every other access holds the
//     mutex and tests the flag first in the same section, returning
//     when it is set. A Close that releases the buffers (c.buf = nil)
//     after its section is silent: an accessor whose section came
//     first is ordered before it by the mutex, and a later one sees
//     the flag. An accessor that skips the lock or the test, a release
//     made before the flag is set, or a Close that sets the flag
//     without testing it (two Closes release at once) keeps the write
//     reported;
//
//   - set-up before the goroutines start: every other function that
//     accesses the field runs only in goroutines that go statements of
//     the writing function start after the write, and no other way
//     (not exported, not used as a value, not a method an interface
//     call may reach); a Run that fills in its remotes, then starts its
//     monitor and its serve goroutines. The writing function must run
//     once per object, as set-up does: the package calls it at one
//     place at most, not in a loop (an exported method is trusted to be
//     called once, as its API says). A setter, or an exported
//     reader that may run during the set-up, keeps the write reported,
//     and so does a write after a go statement. The writer's own
//     goroutine may make the other accesses too, called from the
//     writer, when each call of the writer is on an object its caller
//     made for it (a downloader built per Download, which fetches on
//     its own goroutine, with the getters its workers use, on the
//     branch where it starts no workers, and clears its error there);
//
//   - a request answered by a run loop: the write is in a function run
//     only by one goroutine (a run loop's handler), which answers the
//     request it is handling (its parameter, or the value it received)
//     after the write on every path, by a send or close on the reply
//     channel the request carries; every access of another goroutine
//     is followed by such a request and a wait for its answer (the
//     requester's next call then comes after the write), or holds a
//     mutex that every requester holds from its request until the
//     answer (the write is then inside the requester's critical
//     section), and the run loop's own accesses are in program order.
//     A requester that does not wait for the answer, or unlocks before
//     it waits, keeps the write reported, and so does a write after
//     the answer;
//
//   - a worker's turn (syncmodel.Turn): the write is in a goroutine
//     started once (or in helpers only it calls), after it received a
//     request on a channel field and before any reply on a channel
//     field only it sends on (or the request's own channel, both
//     ways); every other access is made by a requester after it
//     received the reply to its own request, holding the mutex it
//     took before sending it, which every sender of a request holds;
//     or holds a mutex every requester holds from its request until
//     its reply, a receive with no way around it (a reading method
//     that gives up on a stop channel never reads). A reply sent
//     before the write, a requester that sends without the mutex (two
//     exchanges can then be open), or a reader holding another mutex
//     (a Stats that takes mu while the requests hold callMu) keeps the
//     write reported;
//
//   - after the teardown: the writing function waits, before the
//     write, on the WaitGroup that every goroutine the package starts
//     to reach an access of the field is counted in (wg.Go, or wg.Add
//     before go and a deferred Done), and every other way to an access
//     is a call the package's clients make, or the making of the
//     object (syncmodel.TornDown): a MustClose that stops the loops and
//     waits for them, then drops their state. A client that uses the
//     object during or after Close breaks its contract. A goroutine
//     not counted in that WaitGroup, a callback handed away, or a
//     write before the Wait keeps the write reported.
//
// A worker's turn, the request and the reply on one channel:
//
//	func (c *Stdin) ioloop() {
//		for {
//			select {
//			case <-c.notify:
//				c.read, c.err = c.r.Read(c.data) // silent
//				c.notify <- struct{}{}
//			case <-c.stop:
//				return
//			}
//		}
//	}
//	func (c *Stdin) Read(b []byte) (int, error) {
//		c.mutex.Lock()
//		defer c.mutex.Unlock()
//		...; c.notify <- struct{}{}; <-c.notify
//		return c.read, c.err
//	}
//
// Which goroutines can run an access decides whether it can race
// (syncmodel.Runners): a field that one goroutine alone touches, a run
// loop started once per object (by the constructor that allocated the
// object, or by an exported Start with the receiver alone), in the
// loop itself and in the helpers only it calls (also through method
// values the object stores in its own unexported fields or tables,
// c.onAck = c.handleAck or c.handlers[t] = c.handleData, that only the
// loop calls), needs no lock. Its
// accesses made while the loop holds the object's mutex for a guarded
// sibling are no evidence that the mutex guards it, and its unlocked
// writes are silent:
//
//	func (c *Conn) loop() {
//		c.queue = append(c.queue, f) // silent: only c's loop touches queue
//		c.mu.Lock()
//		c.queue = c.queue[1:] // held for c.sent, which Sent reads
//		c.sent++
//		c.mu.Unlock()
//	}
//
// The same field touched also by an exported method or a callback
// handed away (a time.AfterFunc function or method value), which any
// goroutine may run, with no lock held and no receive, select or wait
// before the access in that function, races with the loop: the write
// is reported, the entry's own or else the loop's unlocked write
// beside the entry's read. A
// Reset that clears the loop's list, a timer that bumps the loop's
// counter, a Progress that reads the worker's count:
//
//	func (s *Session) Reset() {
//		s.unacked = nil // reported: s's run loop appends to it
//	}
//
// Not a setter of a setting the loop only reads (it stores its
// parameter), for a loop a Start or Watch starts apart from the
// object's making, when nothing in the package calls the setter where
// it may run once the loop has started (after the call that starts it,
// in a goroutine, or from another exported method): a type configured,
// then started, by clients the package does not show.
//
//	func (t *Table) SetRefreshRate(d time.Duration) {
//		t.refreshRate = d // silent: Watch starts the loop that reads it
//	}
//
// A loop that an exported method starts again on its receiver (a
// SetTTL that signals the evictor, rewrites the settings and starts a
// new one; a Start with settings and the Restart that calls it) is the
// same loop: the restarting method is an entry like any other, and what
// it writes before it has waited for the old loop races with it:
//
//	func (c *Cache) SetTTL(ttl time.Duration) {
//		close(c.stop)
//		c.ttl = ttl // reported: the old evictor may still read it
//		c.stop = make(chan struct{})
//		go c.evict(c.stop)
//	}
//
// An exported method that starts a goroutine per call on its receiver
// is such a loop too. A one-slot semaphore that the method takes and
// the goroutine gives back as it returns (busy <- token; go func() {
// defer func() { <-busy }(); ... }()) is held by the goroutine: the
// goroutines run one at a time, and a Drain that takes the token first
// is ordered with them. An entry that reads what such a goroutine
// writes under the token (or under any lock) without taking it races
// with the write, which is reported, unless the entry takes a lock or
// a token before its read (a future's GetResult that reads once it has
// seen, under the lock, the flag the writer set with the result), also
// in a helper of the package that takes the writer's mutex (an RPC
// whose addWaiter found the response map that the failing router
// cleared, in the section where it stored the error RPC then returns;
// a helper that takes another mutex orders nothing):
//
//	func (x *Indexer) Count() int {
//		return len(x.terms) // beside x.terms = append(...) in Index's goroutine
//	}
//
// The model of who runs an access follows the constants a caller
// passes: a setState(st) that resets the run loop's bookkeeping only
// for the leader state (if st == leader { s.acks = map... }) runs that
// branch only in the goroutines of the calls that may pass leader, the
// loop's own setState(leader), not in a Stop's setState(stopped). A
// field that only the loop touches that way needs no lock, whatever
// setState holds for its other fields:
//
//	func (s *Server) handle(r response) {
//		s.acks[r.peer] = true // silent: the loop owns acks
//	}
//
// A type that implements heap.Interface or sort.Interface writes its
// slice in Push, Pop and Swap without a lock: container/heap and sort
// call those methods where the package calls heap.Push(q, x) or
// sort.Sort(t), with what is held there, and they are judged there. A
// heap operation made without the lock that its other heap operations
// hold is reported at the call:
//
//	func (q *Queue) Flush() {
//		for q.Len() > 0 {
//			heap.Pop(q) // reported: call of heap.Pop writes q.items without holding q.mu
//		}
//	}
//
// A struct held by value in another (a heap in a Store's field) with
// no mutex of its own is guarded by its holder's: an access to its
// field (s.expiry.items = nil) is an access to the holding field
// (s.expiry).
//
// Not reported: an entry that waits first (a Result or Status that
// reads once the worker has closed done), accesses before the go
// statement that starts the loop or after a join of it, a loop's
// write before it signals the constructor that waits for it before it
// returns the object (syncmodel.PublishedAfter: the session ID set,
// then close(started), which createSession receives before return s),
// accesses from tests, structs with neither a mutex nor a channel, and
// accesses made holding a channel used as a mutex (syncmodel.ChanLockHeld: a send on
// a one-slot semaphore before it, its receive after; or a token taken
// from a one-token gate). A semaphore with more room lets several
// holders in and orders nothing:
//
//	func (s *stats) add(n int) {
//		s.sem <- struct{}{} // sem: make(chan struct{}, 1)
//		s.frames += n       // silent: Frames reads under sem too
//		<-s.sem
//	}
//
// A goroutine started on a value by the function that allocated it
// (go l.refill() in NewLimiter) runs beside every later method call:
// when it accesses a field with a mutex of the value held, the writes
// of a bare exported method (a setter) to that field without the
// mutex are reported even on that single piece of evidence.
//
// A mutex also guards, by the standard library's convention, the
// fields declared after it in the struct, up to a blank line or a
// comment. That layout alone is weak evidence: when the majority rule
// does not decide, a field of the mutex's section that some function
// accesses with it held is reported only where the write surely runs
// beside the lock's users: in a function that takes the mutex itself
// elsewhere (and waits for nothing first), or in a helper reached from
// a goroutine. Not the former when a goroutine the package starts
// takes the mutex but none of the field's accesses runs in such a
// goroutine: the mutex is there for what that goroutine shares (an
// inotify watcher's reader and its path table), and the field, which
// the caller's methods alone touch (its watch table, written inside
// the section opened for the paths and outside it), is not shared.
//
//	type Uploader struct {
//		endpoint string
//
//		mu       sync.Mutex
//		inFlight int
//		lastErr  error
//	}
//	// Upload is safe to call from many goroutines.
//	func (u *Uploader) Upload(...) error {
//		u.mu.Lock(); u.inFlight++; u.mu.Unlock()
//		if err := u.put(...); err != nil {
//			u.lastErr = err // reported
//		}
//		...
//	}
//
// On thin evidence a plain store is also reported when a goroutine (a
// go statement, a function handed to WaitGroup.Go, errgroup's Go or
// time.AfterFunc, an http handler) or an exported method that calls
// only quiet helpers (no channel operation, no wait) reaches the
// writing helper through calls of the package, on the same receiver,
// with no lock held: a Reset run from a ticker goroutine, an install
// in another file called by the refresh loop. The diagnostic gives the
// unlocked calls as related information.
//
// Writes made by helpers of other packages count as made at the call:
// lockset summarises, for each exported function, the writes it makes
// (itself, or in the helpers it calls, with no lock held at the write)
// to memory reached from its parameters or to its own package's
// variables, and exports the summary as a fact. A call of
// meter.Miss(&c.usage) that writes u.Misses is then a write of
// c.usage at the call, judged with the lock set of the caller and the
// guard of the caller's field; it is reported at the call, in the
// package being analyzed (the helper's package, analyzed first, never
// sees its callers), with the helper's write as related information:
//
//	func (c *Cache) RecordLoad(d time.Duration) {
//		meter.Miss(&c.usage, d) // reported: Get and Stats hold c.mu
//	}
//
// A field of a struct of another package held by value (c.usage.Misses)
// counts, in the package's own code, as an access to the holding field
// (c.usage). Not reported: calls with the lock held, helpers that take
// the lock they are given, values not yet published or per-call copies.
// A helper that writes a variable of its own package, which that
// package accesses with one of its mutexes held in most functions,
// called with no lock held from goroutines started in a loop (or from
// handlers), is reported at the call the same way; so is a helper that
// increments, appends to or stores into a map of state those
// goroutines share (stats.Miss(&total), total declared outside the
// loop).
//
// It also reports the guide's §7.3 race: a goroutine started in a
// loop that writes a variable declared outside the loop, a field of a
// struct shared by all of them (g.err = err, res.total += n), a
// package variable, or stores into a map it shares, with no lock
// held, while nothing in the loop waits for the goroutines between
// iterations (a receive or select waits only for a goroutine that, as
// the channel model shows, may send or close: a dispatch loop's
// receive of the next job does not); functions handed to sync.WaitGroup.Go, errgroup.Group.Go
// and time.AfterFunc in a loop count as goroutines, and so do the
// package's helpers they call with no lock held on the shared value:
//
//	for i := 0; i < 100; i++ {
//		go func() {
//			counter++ // reported
//		}()
//	}
//
// An http handler (a function or literal of handler type used as a
// value, a ServeHTTP method, an exported method of a gRPC service)
// runs once per request, concurrently: its writes without a lock to
// package variables, captured variables and fields of the server
// (also through pointers those hold: a.m.counts of the metrics the
// server points to) are reported the same way. A handler value that, wherever it flows in
// the package, is only called (directly, or through the ServeHTTP of
// http.HandlerFunc or http.Handler: a fake RoundTripper's, a table
// test's) runs on its caller's goroutine and is not one; one that can
// reach another package (http.Handle, httptest.NewServer, an
// http.Server's Handler), a result or an exported field may be served.
// A middleware the package is handed (a func(http.Handler)
// http.Handler it calls with the value) wraps it: its result is
// followed in the value's place, so a per-request adapter that builds
// a handler, wraps it and serves the result there and then is not a
// handler either. Nor, for the variables of its own that it reads after
// handing the handler away, is one that has another package serve it
// (next := false; ...; fasthttpadaptor's or http.StripPrefix's result
// serves it; if !next {...}): it waits for the one run that its own
// variable sees. A maker that registers a handler (Handle, HandleFunc,
// ListenAndServe, httptest.NewServer, a Server's Handler) or is main
// gets no such pass.
//
//	http.HandleFunc("/r", func(w http.ResponseWriter, r *http.Request) {
//		redirects++ // reported
//	})
//
// Not reported: each goroutine writing its own slice element (out[i]
// = v), writes under a mutex, in sync.Once.Do, or after a successful
// CompareAndSwap (the first error wins), writes in a helper under a
// branch that the goroutine's constant argument rules out (if sum {
// f.size += n } in a helper the goroutines call with sum false: only
// the sequential caller passes true), atomics, objects allocated
// in the iteration or received over a channel, values written before
// the goroutines start or after Wait, goroutine bodies that hand data
// over with an atomic store and load, or that use a channel as a lock
// (themselves or in what they call: a gate type chan struct{} whose
// acquire sends and release receives),
// a constructor filling in its own value before any goroutine exists,
// a goroutine that calls a helper of the package that may return
// holding a mutex the model cannot name in its terms (lockNodes(ns...),
// locking each node of a slice in a loop; lockset's
// LeavesUnnamedLocked), a variable of a test that its goroutines only
// use to tell it that something failed (written only with a non-zero
// value: an error tested not nil, true, an increment; read by the test
// only to fail when it is not zero: if firstErr != nil { t.Fatal },
// assert.Zero(t, mismatches); flow's Ends.FailureSignal: two writes
// race only once the test has failed),
// a helper every caller of which holds the lock, fields declared after
// a blank line below the mutex, and handlers of a test's server (in a
// _test.go file, or in an internal package of its module's test
// support: internal/oauthtest, internal/fakeserver), which mostly
// answers the tests' own requests one at a time. An exported test
// package's fake (authtest) serves other modules' tests, perhaps in
// parallel, and is reported.
//
// And it reports a variable a goroutine writes (with no lock held and
// before it synchronises with anything) that the spawning function
// reads or writes after the go statement with nothing in between that
// could order the two: no channel operation, select, lock, wait, or
// call of a function other than fmt, strings, strconv and the like:
//
//	count := 0
//	go func() {
//		count = len(results)
//		...
//	}()
//	fmt.Println(count) // reported
//
// The fix is to hold the mutex around the write (or use sync/atomic,
// or give each goroutine its own variable and combine the results
// through a channel).
package unlockedwrite
