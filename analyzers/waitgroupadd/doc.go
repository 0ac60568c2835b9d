// Package waitgroupadd defines an Analyzer that reports calls of
// sync.WaitGroup.Add made by a goroutine when they are not ordered
// before the Wait they must precede.
//
// # Analyzer waitgroupadd
//
// waitgroupadd: report sync.WaitGroup.Add called inside the goroutine it accounts for
//
// The sync package requires that an Add with a positive delta made
// while the counter is zero happens before Wait. An Add executed by the
// new goroutine itself races with a Wait of the goroutine that started
// it: Wait may see a zero counter and return before the goroutine has
// even run, and a WaitGroup reused after Wait may panic.
//
// The analyzer reports two situations.
//
// 1. A goroutine that counts itself: it calls Add on a WaitGroup that
// it shares with its starter, calls Done on the same WaitGroup, and
// starts no goroutine that could use that WaitGroup. The Add may be
// anywhere in the goroutine's body, in a helper it calls, or in a
// named function or method started by `go` (also one of another
// package). The diagnostic is at the Add (or at the call of the helper
// that adds); when the Add is in another package it is at the go
// statement.
//
//	var wg sync.WaitGroup
//	for _, item := range items {
//		go func() {
//			wg.Add(1) // reported
//			defer wg.Done()
//			process(item)
//		}()
//	}
//	wg.Wait()
//
//	go worker(&wg) // reported at the Add in worker:
//	func worker(wg *sync.WaitGroup) { wg.Add(1); defer wg.Done(); ... }
//
// 2. A goroutine that adds for others while its starter waits (the
// guide's graceful-shutdown example): the goroutine calls Add on a
// WaitGroup shared with the starter and never calls Done on it (it
// adds for workers it starts), and the starting function calls Wait on
// that WaitGroup after the go statement, directly, in a callee, or in
// another goroutine it starts. Nothing orders the goroutine's Adds
// before that Wait: an Add is ordered before a Wait only if it happens
// before the go statement, or before a signal (a send, a close, an
// unlock) the waiter may receive first. This is reported at the Add
// (or at the call of the helper that adds), with the go statement and
// the Wait as related information; when the Add is in another package
// it is reported at the go statement. No fix is offered: the Adds are
// in the code the goroutine runs, and moving them is not mechanical.
//
//	func (s *Service) Run(ctx context.Context) {
//		for w := 1; w <= s.workers; w++ {
//			s.wg.Add(1) // reported: `go service.Run(ctx)` below
//			go s.worker(ctx, w)
//		}
//		s.wg.Wait() // fine: ordered after the Adds
//	}
//
//	go service.Run(ctx)
//	...
//	go func() { service.wg.Wait(); close(done) }()
//
// The Wait may also be in another method of the component the
// goroutine was started on: a constructor or Start starts the loop on
// its receiver (or on the object it makes and returns) and returns,
// and a Stop, Close or Shutdown, exported or an unexported helper an
// exported method calls on its receiver, waits on the same WaitGroup
// field. A user may call Stop as soon as Start has returned, before
// the loop has made its first Add. A goroutine that may tell something
// (a send, a close) is left alone when Start or Stop may receive: a
// ready channel Stop receives from first orders the Adds.
//
//	func Start() *Pool {
//		p := &Pool{...}
//		go p.scale(ctx)
//		return p
//	}
//	func (p *Pool) scale(ctx context.Context) {
//		p.wg.Add(1) // reported: Shutdown may Wait first
//		go p.worker(ctx)
//		...
//	}
//	func (p *Pool) Shutdown() { p.cancel(); p.wg.Wait() }
//
// 3. A Wait inside the loop that starts the goroutines it waits for,
// when the WaitGroup was counted for all of them before the loop and
// nothing in the loop adds to it. The first Wait returns only at zero,
// but only the goroutines started so far can call Done: with two
// iterations or more it never returns.
//
//	wg.Add(len(plugins))
//	for _, p := range plugins {
//		go func() { defer wg.Done(); p.Init() }()
//		wg.Wait() // reported: belongs after the loop
//	}
//
// A loop that adds per iteration (wg.Add(1) or a batch's count) and
// waits in the same iteration is serial, not stuck, and is not
// reported.
//
// Not reported:
//
//   - Add before the go statement, the correct form.
//   - A goroutine that adds for children it starts (`wg.Add(1); go
//     child(&wg)`), and also calls Done for the count its starter added
//     for it: its count keeps the counter above zero while it adds.
//     The same holds for the goroutine's own later Adds, also through
//     the package's wrapper methods: its starter added for it on every
//     path to the go statement (in the same loop iteration), every
//     Done it makes before a later Add gives back an Add of its own
//     (the nearest preceding Add or Done is an Add), and its own Done
//     is deferred or comes after all its Adds (a stats collector that
//     counts itself in, then each item it collects, then itself out).
//     A goroutine nobody counted in, counted on one path only, or that
//     gives its count back before adding again is still reported.
//   - A WaitGroup local to the goroutine, or one whose only Wait is in
//     the goroutine itself.
//   - For rule 1, a goroutine started by a test or by main that waits
//     on the WaitGroup nowhere after the go statement (itself or in what
//     it calls): a test or main is the whole run, and `go svc.Run(ctx)`,
//     whose Run adds its own count, races with nothing when the test
//     cancels the context and reads Run's error instead of calling the
//     Shutdown that waits. The same call followed by `svc.Shutdown()` is
//     reported.
//   - For rule 1, a goroutine that also signals readiness in a one-shot
//     way its starter can wait for before its Wait: a Done on another
//     WaitGroup (`wg.Add(1); defer wg.Done(); ready.Done()`) or a close
//     (`close(started)`).
//   - For rule 2, a goroutine that may tell its starter it has added,
//     when the starter may hear it on every path before the Wait: a
//     channel send or close the starter receives (directly, in a
//     select, in a helper that receives or is handed the channel), an
//     unlock or atomic store whose mutex or memory the starter uses; a
//     goroutine that calls a function value supplied from outside or a
//     function we cannot see; and a goroutine that receives, after its
//     Adds, from a channel when its starter sends on one (a receive
//     that comes before every Add, or from a context's Done channel,
//     which only closes, orders nothing: a pool whose Run adds for
//     its workers and then waits on <-ctx.Done() is reported even if
//     its starter sends jobs before its Wait). A signal the starter never
//     receives before it waits (close(ready) with no <-ready) orders
//     nothing and does not keep the report away.
//   - An Add fenced by a closed state: it runs in a critical section
//     of its owner's mutex only after a test, in that section, of a
//     flag of the owner that skips it once set; the package never
//     clears the flag, and every Wait on the WaitGroup follows a set
//     of the flag under the same mutex (a hedging coordinator's
//     `mu.Lock(); if done { return }; inflight.Add(1)` against
//     `mu.Lock(); done = true; mu.Unlock(); inflight.Wait()`). The
//     mutex orders the two sections: the Add precedes the Wait, or
//     sees the flag and does not run (syncmodel's AddFenced). The flag
//     may also be set outside the mutex before the waiter takes it
//     (net/http's Server.Close: inShutdown.Store(true), then mu.Lock()
//     to close the listeners, then Wait), and tested through a getter
//     (if s.shuttingDown() { return false }); the Adds of a helper
//     called by a defer statement (defer s.trackListener(ln, false))
//     are those of the helper, fenced the same way. An Add in a helper
//     the package alone calls ("b.mu must be held") is fenced when each
//     call is, in its caller's section after the caller's test of the
//     flag, or is made by the one function that waits, before its Wait
//     (a Shutdown that sets the flag and flushes a last batch through
//     the helper). A fenced Add is left out of the function's fact, so
//     a caller in another package that starts `go b.Send(m)` and later
//     calls b.Shutdown() is not told of an Add that could race.
//   - An Add made holding a mutex of its owner (read-locked will do)
//     that every Wait on the WaitGroup holds for writing: no Wait runs
//     beside the Add's section, so the Add comes before a Wait, which
//     waits for it, or after one returned (an event sender that adds,
//     sends and marks Done under RLock, beside a disable that waits
//     under Lock). A WaitGroup and a mutex embedded in an unexported
//     type that the package's API never hands out count as its own.
//   - WaitGroup.Go, which orders the Add itself.
//   - Generated files.
//
// WaitGroups are identified as the same when they are reached from the
// same variable, parameter, captured variable or package-level
// variable through the same fields. Summaries of functions (which
// WaitGroups, relative to their parameters, they Add to, Done, Wait on
// or hand to goroutines) are exported as Facts, so helpers and
// goroutine functions of other packages are seen.
//
// Fix: call Add before the go statement, or use wg.Go (Go 1.25). For
// `go func() { wg.Add(1); ... }()` where the Add is an unconditional
// statement with a constant delta at the top of the literal and wg
// means the same outside, a suggested fix moves the Add before the go
// statement:
//
//	wg.Add(1)
//	go func() {
//		defer wg.Done()
//		process(item)
//	}()
package waitgroupadd
