// Package lockorder is EXPERIMENTAL and not in the goconcheck suite: no
// front end runs it. It defines an Analyzer that reports two mutexes
// locked in opposite orders, which deadlocks when two goroutines do it at
// once. On std and nats-server it still reports pairs that the programs
// order by state, and a finding must be a bug before an analyzer ships
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
// first), or only in initialisers; and two orders run only by one
// goroutine. Orders taken after the goroutines are joined are not yet
// told apart.
//
// Not yet in the suite: on std it reports crypto/tls (Conn.in and
// handshakeMutex, ordered in practice by the handshake state) and
// net/http (conn.mu and connReader.mu), and on nats-server 7 pairs
// through deep call chains, where the class of a field stands for many
// values the program keeps apart (a route's client and a user's). It
// needs evidence that the two orders meet on the same values before it
// can ship. With the goroutine model's filters (session 7) std still
// gets both (the crypto/tls renegotiation runs only once the handshake
// is complete, which Handshake checks before it takes handshakeMutex),
// while raft, grpc, badger and etcd get no finding (etcd's one pair,
// backend.mu and readTx, runs under batchTx's lock on both sides) and
// nats-server still gets 8 pairs of client, account, stream and
// gateway locks through deep call chains.
//
// The fix is a single global order: acquire the locks always in the
// same order, or release one before taking the other.
package lockorder
