// Package goroutinepanic defines an Analyzer that reports a panic in a
// goroutine started per task that nothing recovers.
//
// # Analyzer goroutinepanic
//
// goroutinepanic: report an unrecovered panic in a goroutine run as an isolated task
//
// A panic that no deferred recover in its own goroutine stops crashes
// the whole program, not just that goroutine (guide §2.5). A function
// that starts one goroutine per task in a loop and then waits for all
// of them (sync.WaitGroup.Wait, errgroup.Group.Wait) or collects their
// results treats the tasks as isolated: one failing task should give
// an error, not end the process. The analyzer reports an explicit
// panic written in the body of such a goroutine when the goroutine
// defers no recover (directly, or in a helper it defers):
//
//	for i, src := range sources {
//		wg.Add(1)
//		go func() {
//			defer wg.Done()
//			img, err := decode(src)
//			...
//			if img == nil {
//				panic("unsupported format") // panic in a goroutine ...: it crashes the program
//			}
//			out[i] = Result{Bounds: img.Bounds()}
//		}()
//	}
//	wg.Wait()
//
// The fix is to return the failure as the task's result, or to defer a
// function that recovers and turns the panic into an error.
//
// Not reported: a goroutine that defers a recover, itself or through a
// helper it defers (defer protect(&out[i]) where protect calls
// recover()); a deferred call the analyzer cannot resolve; a goroutine
// started once rather than per task (a server's fatal error in main
// is a deliberate crash); in a main package, a panic that fails on an
// error in the tasks of a function the program runs a bounded number
// of times (one run of the command, not one per request): the
// program's own fail-fast exit, as log.Fatal(err) would be; a starter that neither waits for its
// goroutines nor receives their results; a panic in a function that
// other code calls too (helpers such as must, argument checks, which
// panic on purpose), or, in a function the goroutine calls, a panic
// that does not fail on an error (an assertion of the callers'
// invariant: a gauge registered twice); a panic stating an impossible case,
// panic("unreachable"); a panic that runs only when an error is nil
// (err := c.readLoop(); if err == nil { panic(...) }): it asserts that
// the call must fail, the callee's contract; an assertion over a flag of the object the
// goroutine is started on (if s.closing { panic(...) }) that every go
// statement keeps clear: the object is fresh or the starter skips it
// when the flag is set, and nothing can set the flag before the
// goroutine reads it, or only the goroutine itself sets it and each
// start claims the object under a mutex (syncmodel.FlagClearAt); and
// goroutines of test files, where a panic
// fails the test run as t.Fatal would.
//
// A panic is reported in the goroutine's own body, or in a function of
// the package that only the goroutine calls when it panics with an
// error, or when a call's error result is not nil: a parse or I/O
// failure of one task made fatal to all.
package goroutinepanic
