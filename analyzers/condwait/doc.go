// Package condwait defines an Analyzer that checks how sync.Cond.Wait
// is called.
//
// # Analyzer condwait
//
// condwait: check that sync.Cond.Wait is called in a loop and with the lock held
//
// Wait atomically unlocks c.L and suspends the goroutine; when it is
// woken it locks c.L again before returning. Between the Signal or
// Broadcast that woke it and the moment it gets the lock back, any
// other goroutine may take the lock and change the state. A woken
// goroutine therefore cannot assume that the condition it waited for
// holds: it must check again, in a loop:
//
//	c.L.Lock()
//	for !condition() {
//		c.Wait()
//	}
//	... use the state ...
//	c.L.Unlock()
//
// The analyzer reports a call of Wait (directly, through a struct
// embedding sync.Cond, or through a function whose last act is to
// wait, also in another package) when
//
//   - it sits under an if whose condition is checked only once: after
//     the Wait, control does not go back to the head of a loop (the end
//     of the loop body, or a continue; unlocking on the way does not
//     count) but runs code that assumes the condition now holds;
//   - the Cond's lock (c.L, or the mutex passed to sync.NewCond, also
//     through a struct field, a package variable or mu.RLocker()) is
//     certainly not held: it was unlocked on every path that reaches
//     the Wait, or the Wait runs in a goroutine started by a go
//     statement on a function literal that has not taken the lock.
//     Wait then fails with "fatal error: sync: unlock of unlocked
//     mutex".
//
// The if is reported only where the condition can hold again when
// Wait returns: another goroutine may wait on the same Cond (the
// waiting function is started in a loop, from several go statements,
// or may be called by anyone), or code other than the waiter writes
// the tested state other than to end the wait (it takes items, resets
// a flag), or a Signal or Broadcast may come without such a write
// before it.
//
// Bad (consumers started in a loop):
//
//	for !done {
//		if len(queue) == 0 && !done {
//			cond.Wait()
//		}
//		item := queue[0] // may be empty: another consumer came first
//		...
//	}
//
// Good:
//
//	for !done {
//		for len(queue) == 0 && !done {
//			cond.Wait()
//		}
//		...
//	}
//
// A Wait that checks no condition at all is reported when the state
// it waits for is published once by a goroutine started on its own: if
// that goroutine's Broadcast comes before the Wait, no later one
// comes, and the Wait blocks for ever. Precisely: the Wait statement
// is in the body of its function itself, after that function took the
// lock, after no if, for, switch, select or go statement; the code
// after it reads a variable or field that a signalling function
// assigns before its Signal or Broadcast; no signal on the Cond sits
// in a loop; and that function is started by a go statement outside
// loops, in another function.
//
//	go c.Load(fetch) // Load assigns c.items, then c.loaded.Broadcast()
//	...
//	func (c *Catalog) awaitLoad() map[string]Product {
//		c.mu.Lock()
//		defer c.mu.Unlock()
//		c.loaded.Wait() // sync.Cond.Wait checks no condition: it blocks for ever if the signal came before it
//		return c.items
//	}
//
// The same unconditional Wait, in a goroutine started on its own (a go
// statement outside loops, on a function literal or a function started
// nowhere in a loop), is reported when it is a lost wake-up that also
// stalls the signaller: before the Wait the goroutine only takes the
// lock (no handshake tells anyone it is about to wait), every Signal
// or Broadcast on the Cond is outside loops, and after one of them its
// function waits for the goroutine: a receive from a channel the
// goroutine closes or sends on after the Wait (or in a defer), or
// WaitGroup.Wait on a WaitGroup it counts down. If the signal comes
// before the goroutine reaches Wait, both wait for ever:
//
//	go c.indexer() // in NewCatalog
//
//	func (c *Catalog) indexer() {
//		c.mu.Lock()
//		c.cond.Wait() // sync.Cond.Wait checks no condition: a signal sent before this goroutine waits is lost, and the signaller then waits for it for ever
//		...
//		c.mu.Unlock()
//		close(c.built)
//	}
//
//	func (c *Catalog) Load(raw string) {
//		c.mu.Lock()
//		c.raw = raw
//		c.cond.Signal()
//		c.mu.Unlock()
//		<-c.built
//	}
//
// Good: set a flag under the lock before signalling and wait in
// for !c.loaded { c.cond.Wait() }.
//
// Bad (the lock was released before waiting):
//
//	mu.Lock()
//	n := len(queue)
//	mu.Unlock()
//	for len(queue) == 0 {
//		cond.Wait()
//	}
//
// Good: keep the lock from the check through the Wait to the use of
// the state, and release it afterwards (defer mu.Unlock() is fine).
//
// Not reported: a Wait in the body of a for loop that is not under an
// if (the loop condition, or a check before or after the Wait,
// re-checks); a Wait under if followed only by continue or by the end
// of the loop body; a Wait under if inside a loop whose code after the
// Wait neither leaves the loop nor uses any variable or field the if
// condition tested (it waits for a wake-up, an event, and loops back
// to check again, as grpc's keepalive loop does), or uses it only in
// ways that an empty value allows, so that a wake-up that finds the
// condition still true costs one harmless pass: len, range, append,
// swapping the list out (batch, s.pending = s.pending, nil) and
// handing the copy to functions of the package that use it so, a pop
// method that checks again and says whether it found an item, a
// pointer taken (nil included) and acted on only under a nil test
// (a := n.latest; n.latest = nil; if a != nil { ... })
// (pebble's workload copier; not an index, a slice past zero, a
// receive, a nil dereference, or code not seen here); a Wait under if in
// the only goroutine that waits on its Cond (started once, outside any
// loop, by the function that makes the Cond, a local or unexported
// one, and run nowhere else) when no other code writes the tested
// state except toward the end of the wait (append to it, set the
// awaited flag, count toward the bound) and each Signal or Broadcast
// follows a write that surely ends it (an append when the if tests
// len(q) == 0, setting the flag, a zero when it tests n != 0, a value
// allocated or tested non-nil on the way when it tests p == nil; the
// Cond may be tested against nil elsewhere) (a mailbox whose delivery
// goroutine empties pending, woken by Post after it appends; nats.go's
// per-subscription delivery list; the consumer of the concurrency
// guide, §4.4); a Wait under if, by any number of waiters, for a
// condition that once true stays true: no code anywhere writes the
// private state it tests except toward the end of the wait, and every
// Signal or Broadcast follows such a write (a promise whose Set stores
// the value once and broadcasts, its Get waiting under if !p.isSet; a
// Reset or Close that clears the flag keeps it reported); a Wait under
// if on the Cond of an in-flight entry,
// which is woken once: the Cond is a field that only the literal
// making the entry sets, and every Signal or Broadcast on it runs in
// one critical section with a delete of such an entry from its map, so
// that no waiter can find the entry after the wake-up and nothing wakes
// it again (a hand-written singleflight; dendrite's per-media download
// and thumbnail results):
//
//	if c, ok := g.inflight[key]; ok {
//		c.cond.Wait() // done wakes it once, and deletes c under the lock
//		return c.val, c.err
//	}
//
// an unconditional Wait outside any loop (it waits
// for the next Signal, which is correct when the signaller is known to
// come later: Go's Cond has no spurious wake-ups) unless the one-shot
// rule above applies: not when the condition was checked under the
// lock before it (an if that returns when the state is published),
// when the waiter starts the signaller while holding the lock, when a
// signal repeats (a clock's tick in a loop), or when the signaller is
// not started on its own here (an Open the user calls); a function whose
// last act is the Wait (its callers are checked instead); package
// sync and its tests, which exercise the Cond's raw semantics. For the lock: a Wait in a function that may be called
// with the lock held (nothing is known at the entry of a function,
// except for a goroutine's function literal); a goroutine started
// while its starter holds the lock (a Mutex may be handed over);
// lock states that differ between paths; a lock that a call in
// between may have taken.
//
// Fix: when an if without init statement or else branch, whose body
// has no break, continue, return or goto, holds the Wait, the analyzer
// offers to replace if by for.
package condwait
