// Package lockedblock defines an Analyzer that reports a blocking
// operation (a channel send or receive, a select without default, a
// WaitGroup or errgroup Wait, a Cond.Wait) performed while holding a
// lock that every goroutine able to unblock it must take first.
//
// # Analyzer lockedblock
//
// lockedblock: report a blocking operation that waits while holding a lock its partners need
//
// A goroutine that holds a mutex while it waits on a channel can only
// be woken by another goroutine operating on that channel. If every such
// operation (a receive or close for a send; a send or close for a
// receive) runs with the same mutex held, the waiter holds the very lock
// its rescuer needs: both block forever.
//
//	func (t *transport) keepalive() {
//		t.mu.Lock()
//		if len(t.streams) == 0 {
//			<-t.awaken // reported: the only send needs t.mu
//		}
//		t.mu.Unlock()
//	}
//
//	func (t *transport) NewStream() {
//		t.mu.Lock()
//		defer t.mu.Unlock()
//		t.streams = append(t.streams, &stream{})
//		select {
//		case t.awaken <- struct{}{}:
//		default:
//		}
//	}
//
// The operation must be a plain send or receive (not a select case) on
// an unbuffered channel the package makes and keeps to itself, the lock
// must be held on every path to it and belong to the same value as the
// channel (t.mu and t.awaken), and so must every counterpart's, as the
// lock-set and channel models see them through helpers and goroutines.
// A counterpart in code the models cannot see, a channel that escapes
// the package, or one buffered, is not reported.
//
// The same holds for every blocking operation whose partner must lock
// first, even if it releases the lock before the operation: while the
// waiter holds the mutex, a partner that has not yet passed its Lock
// blocks on it and never unblocks the waiter.
//
//	func (p *pool) start() {
//		p.wg.Add(1)
//		go func() {
//			defer p.wg.Done()
//			p.mu.Lock() // the goroutine needs p.mu before its Done
//			p.count++
//			p.mu.Unlock()
//		}()
//	}
//
//	func (p *pool) Stop() {
//		p.mu.Lock()
//		defer p.mu.Unlock()
//		p.wg.Wait() // reported: Done needs p.mu first
//	}
//
// The partners come from the sync-event model (internal/syncmodel):
// the Done calls on the WaitGroup and the goroutines WaitGroup.Go
// starts, for a Wait; the goroutines errgroup's Go starts, for its
// Wait; Signal and Broadcast, for a Cond.Wait, which is reported only
// for a lock other than the Cond's own L (made by sync.NewCond; an L
// that is a struct embedding a mutex is that mutex); the
// operations that complete each case of a channel operation or a
// select without default. Each partner must lock the mutex on a path
// to its operation (or to the return a deferred one runs at), in its
// own function or in every caller of it; a Lock before the partner
// starts the waiter's goroutine, or before it hands the waiter, a
// function literal it made, to code that may call it (an ack callback
// passed to PublishAsync under the lock the callback takes), does not
// count: the waiter cannot hold the mutex yet. The mutex is the very
// one when both name it through the same variables, else the same
// field of the same value as the waited-on object on both sides.
// A Wait in a helper counts for every caller that calls it holding the
// mutex (s.mu.Lock(); s.closeLocked()), and so does a channel
// operation, up to two static calls down (c.Lock(); c.updateHealth(),
// which calls c.health.closeMonitor(), which sends on its stop
// channel), the channel's value named in the caller's terms through
// each call's arguments. A partner that operates on a channel
// parameter counts as the goroutine each go statement or call that
// passes the waiter's channel starts (go watch(c, c.health.stop), or
// c.health.stopChannel(), an accessor); its mutex belongs to the
// channel's value when the same argument carries both (c).
// A partner that does not lock the mutex itself but must first wait
// for a goroutine that does is blocked as surely: the test goroutine
// whose deferred close(stop) comes after <-result, where result is
// closed by a goroutine that locks l.lock first, while pop holds
// l.lock waiting on stop. A channel handed to the waiter as a
// parameter (go l.pop(stop)) is the channel each call passes, when the
// function is the package's own.
//
// Read locks exclude each other through a writer: sync.RWMutex makes a
// new RLock wait once a Lock is waiting. A waiter that read-locks rw
// and waits for partners that must read-lock rw first deadlocks as
// soon as a third goroutine calls rw.Lock in between: the writer waits
// for the waiter's read lock, the partners' RLock waits for the writer,
// the waiter waits for the partners. This is reported, with the Lock as
// related information, when the package write-locks rw somewhere other
// than in the waiter's function and on a value other than one a
// function is still building (t := &table{}; t.rw.Lock()).
//
//	func (r *registry) plan(names []string) map[string][]string {
//		r.rw.RLock()
//		defer r.rw.RUnlock()
//		results := make(chan res)
//		for _, s := range names {
//			go func() { results <- res{s, r.lookup(s)} }() // lookup RLocks r.rw
//		}
//		for range names {
//			x := <-results // reported: r.syncLoop's r.rw.Lock may wait in between
//			...
//
// A Lock that a Done partner passes only before its own Add of the
// WaitGroup does not count: blocked there, the partner is not counted
// yet, and Wait does not wait for it. That is the way to order every
// Add before a Wait, so it is not reported:
//
//	func (c *client) call() error {
//		c.wgMu.Lock()
//		c.wg.Add(1) // under the mutex Shutdown holds across Wait
//		c.wgMu.Unlock()
//		defer c.wg.Done()
//		...
//	}
//
//	func (c *client) Shutdown() {
//		c.wgMu.Lock()
//		defer c.wgMu.Unlock()
//		c.wg.Wait() // not reported
//	}
//
// A waiter that, holding the mutex, reaches its operation only when a
// field is set (tested against its zero value under the lock) that
// every partner sets in the very section it locks the mutex for
// before its own operation, is not reported: while the field is unset
// the waiter does not wait, and once it is set the partner is past
// its Lock.
//
//	func (s *server) Invoke(w io.Writer) int {
//		s.setReply(w) // locks s.mu, sets s.reply, unlocks
//		return <-s.sizes
//	}
//
//	func (s *server) Respond(data []byte) {
//		s.mu.Lock()
//		defer s.mu.Unlock()
//		if s.reply == nil {
//			return // no request waits
//		}
//		n, _ := s.reply.Write(data)
//		s.reply = nil
//		s.sizes <- n // not reported: Invoke is past setReply's Lock
//	}
//
// A waiter that gets to its operation only after a receive from a
// channel of the package that the partner alone sends on or closes
// (its signal) holds the mutex only once the partner has signalled: a
// Lock the partner passes before its signal comes first and does not
// count, only one after it (or the mutex still held at its
// operation). A spinner's loop reports that it stopped holding the
// mutex, after Stop's request:
//
//	func (s *Spinner) Stop() {
//		s.mu.Lock()
//		...
//		s.stop <- struct{}{} // the only send on s.stop
//		s.mu.Unlock()
//		<-s.stopped
//	}
//
//	case <-s.stop: // in the loop
//		s.mu.Lock()
//		defer s.mu.Unlock()
//		s.running = false
//		s.stopped <- struct{}{} // not reported: Stop is past its Lock
//
// A Stop that takes the mutex again before it receives, or a stop
// request that another function may send too (a Close), keeps the
// send reported.
//
// Nothing is reported if a partner may be unseen (an exported
// WaitGroup, one passed to another package, a channel that escapes),
// if one partner does not need the lock, if both sides only read-lock
// an RWMutex that nothing write-locks, or for a buffered channel.
//
// The fix is to release the lock before waiting, or to let the
// counterpart operate without it.
package lockedblock
