// Package lockorder is EXPERIMENTAL and not in the goconcheck suite: no
// front end runs it. It defines an Analyzer that reports two mutexes
// locked in opposite orders, which deadlocks when two goroutines do it at
// once. Judged blind, its pairs on the corpus and held-out modules are 5
// true, 2 debatable and 2 false (a reverse order taken only by a test
// that runs alone), and a finding must be a bug before an analyzer ships
// (see analyzers.All).
//
// # Analyzer lockorder
//
// lockorder: experimental, not in the suite: report mutexes acquired in opposite orders (AB-BA deadlock)
//
// If one goroutine locks A and then, still holding it, B, while another
// locks B and then A, each can end up holding the lock the other waits
// for: neither ever proceeds. The lockorder analyzer finds such pairs in
// a package: a place that acquires B while certainly holding A, and one
// that acquires A while certainly holding B.
//
//	func (s *Store) flush() {
//		s.mu.Lock()
//		defer s.mu.Unlock()
//		for _, r := range s.replicas {
//			r.report() // locks r.mu while s.mu is held
//		}
//	}
//
//	func (r *Replica) tick() {
//		r.mu.Lock()
//		defer r.mu.Unlock()
//		r.store.mu.Lock() // locks Store.mu while Replica.mu is held
//		...
//	}
//
// Mutexes are told apart by the struct field (or package variable) that
// holds them, so r.mu is the same lock whichever Replica it belongs to,
// as in lock-order checkers such as Linux's lockdep. Acquisitions inside
// callees count, in this package and, through facts, in others: a
// method that locks its receiver, called with another lock held, is the
// common case. What is held comes from the lock-set model: a lock is
// held only if it is held on every path, and a helper's callers' locks
// count when all of them hold one.
//
// Not reported: two read locks of sync.RWMutexes (readers do not
// exclude each other; an inversion deadlocks only when one side, at
// least, takes a write lock the other side's read or write lock
// excludes), locks of two mutexes of the same field (two values of one
// type, ordered by the program in ways the analysis does not see),
// TryLock, and mutexes in local variables.
//
// A callee's locks count on any path through it (lockdep's view),
// through static calls, deferred calls (run at the exit with what is
// still held then) and interface calls that one type of the package
// implements. A callee that first releases a lock its caller holds (a
// helper that unlocks around a slow call and locks again) takes what
// it locks next under the caller's other locks only; one that releases
// locks in ways the model does not follow counts for nothing. Mutexes
// in the elements of a field (a map of per-key mutexes) form one class,
// Table.locks[].
//
// Not reported either, by the goroutine model (internal/syncmodel):
// two orders that each run under a third lock held on both sides (a
// gate lock: only one side can be between its two acquisitions); an
// order taken only before the go statements that start every goroutine
// running the other (in the starter, or a set-up helper it calls
// first), or only in initialisers; two orders run only by one
// goroutine; and an order taken only after a wg.Wait that joins every
// goroutine taking the other (each defers its Done):
//
//	func (s *Shipper) Close() {
//		close(s.stop)
//		s.wg.Wait() // every loop, which locks out.mu then s.mu, has ended
//		s.mu.Lock()
//		defer s.mu.Unlock()
//		s.out.write(s.buf) // locks out.mu: not reported
//	}
//
// Nor is an order that only test code takes (a helper of a _test.go
// file that inspects internals, reached only from tests that do not
// call t.Parallel) where no goroutine that can take the other order
// runs: every goroutine the test has started by then, itself or in the
// functions it calls, that can reach the other side has been joined on
// every path (a Shutdown that waits on the WaitGroup each of them marks
// Done), or the object was never started (syncmodel.QuietInTest). The
// test's goroutine takes both orders, one after the other:
//
//	func TestDrain(t *testing.T) {
//		p := NewPool()
//		p.Start() // its worker locks queueMu, then doneMu
//		...
//		p.Shutdown()  // close(p.quit); p.wg.Wait()
//		inspect(p)    // locks doneMu, then queueMu: not reported
//	}
//
// A test that calls the helper while the worker runs (before Shutdown,
// or after a Halt that does not wait) is reported. What a test starts
// counts whatever object it runs on, and a call of a function value or
// of another module counts as one that can start anything.
//
// A receive from a done channel joins the same way when nothing sends
// on it and its one closer closes it, deferred, on every path, and the
// other order runs only inside that closer (through static calls, or
// a dispatch table of functions the package initialiser fills and
// nothing else writes): Close after <-s.recvDone, which the receive
// loop closes as it returns.
//
// Nor are orders that a state of the program keeps apart:
//
//   - a mutex of an object still private to its goroutine: allocated
//     in the function and, on the way to the acquisition, not stored
//     anywhere, passed to a call or handed to a goroutine (a
//     constructor that locks the new value's fields while it fills
//     them: set-up before sharing);
//
//   - an order on a path that can only panic (a misuse check that locks
//     to word its message, as net/http's connReader.Read asks whether
//     the connection was hijacked): the program asserts the state never
//     occurs;
//
//   - the order of a handshake or lazy initialisation that is skipped
//     once a flag checked under its outer lock says it is done, when
//     the other order's goroutine runs that handshake first, on every
//     path (crypto/tls: Read calls Handshake, then holds Conn.in while
//     a renegotiation takes handshakeMutex);
//
//   - a lock a callee takes only on a branch of a boolean parameter
//     the call passes the other constant for (canImport calling
//     allowed(subject, false, true), whose lock is under fullCheck &&
//     !hasLock);
//
//   - two mutexes of one class in objects of different roles: a role
//     field (a kind, set when the object is built and never written
//     once it is shared) that the program checked before one side and
//     that the other side's object cannot have (syncmodel.RoleOf). A
//     leaf connection, reached under switch c.kind { case LEAF: },
//     holds its mu while it read-locks the gateway table; the gateway
//     table's lock is held while the inbound gateway connections in
//     g.in, which only a case GATEWAY branch puts there, are locked:
//     never the same client.mu.
//
// The handshake, for one:
//
//	func (c *Conn) Handshake() error {
//		c.handshakeMu.Lock()
//		defer c.handshakeMu.Unlock()
//		if c.complete.Load() {
//			return nil
//		}
//		c.in.mu.Lock() // not reported: Read completes the handshake first
//		...
//	}
//
// Not yet in the suite. On std it reports nothing since session 8. On
// nats-server v2.10.24 it reports 7 pairs (client.mu and Account.mu
// through canImport, an eighth, is silent since the flag-argument rule):
// four read as true inversions (stream.clsMu and stream.mu on a purge
// whose consumer state write fails; stream.mu and stream.clMu between
// a snapshot and an inbound message; jetStream.mu and stream.mu on a
// failed consumer create; Server.rnMu and raft's lock between a debug
// reload and a node shutdown), one in a test, and two false ones that
// the class of a field cannot tell apart: client.mu of a leafnode
// client held while srvGateway is read-locked, against client.mu of an
// inbound gateway client locked under srvGateway's write lock (two
// roles of one type, never the same value), and a gateway client
// locked while it is being created, before a reload can reach it
// through an account (its set-up calls methods, and arms a timer that
// captures it, which the private-object rule does not follow). On
// yamux it reported two pairs: Stream.stateLock and recvLock between
// two Reads of one stream (true), and Session.streamLock and
// Stream.stateLock, silent since the done-channel join: Close takes
// its order only after <-s.recvDoneCh, which the receive loop, the
// only one to take the other order (through its handler table), closes
// as it returns. raft and memberlist get no finding.
//
// The fix is a single global order: acquire the locks always in the
// same order, or release one before taking the other.
package lockorder
