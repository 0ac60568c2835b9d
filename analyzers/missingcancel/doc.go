// Package missingcancel defines an Analyzer that reports cancel
// functions of derived contexts that are not called on every path.
//
// # Analyzer missingcancel
//
// missingcancel: check that the cancel function of a derived context is called on every path
//
// context.WithCancel, WithTimeout, WithDeadline, their Cause forms, and
// signal.NotifyContext return a function that releases the resources of
// the new context: its timer, its registration in the parent context,
// the signal handler. Until it is called, those resources live as long
// as the parent (for context.Background, forever). The function must be
// called on every path out of the function that created it, or handed
// to someone who will call it.
//
// The analyzer reports, at the call that created the context:
//
//   - a cancel function discarded to _ (or the whole result dropped);
//   - a path from the creation to a return statement on which the
//     cancel function is neither called nor deferred nor handed over,
//     such as an early return inside a select or a continue that skips
//     the cancel at the end of a loop body;
//   - a cancel function stored in an unexported struct field that no
//     function of the package ever reads;
//   - a cancel function passed to a function (of this package or, via
//     facts, of another one) that provably never calls, stores or
//     passes on that parameter;
//   - the same for the cancel function returned by a wrapper that
//     returns a fresh, uncalled cancel function (a "cancel source",
//     also known across packages through facts).
//
// For example (the guide's §7.2 FIX 2), the early return leaks the
// context:
//
//	ctx, cancel := context.WithCancel(context.Background())
//	select {
//	case ch <- 42:
//	case <-ctx.Done():
//		return // cancel is never called on this path
//	}
//	cancel()
//
// It counts as handled, and stays silent about: a call of the cancel
// function, `defer cancel()`, a closure that mentions it and is called,
// deferred or started with go (`defer func() { if !ok { cancel() } }()`,
// `go func() { <-done; cancel() }()`), returning it, storing it in a
// struct field that some code of the package reads (a Close or Stop
// method), in an exported field, a global, a map, a slice or a channel,
// converting it to an interface, and passing it to any function whose
// body it cannot see (interface methods, function values, t.Cleanup,
// context.AfterFunc). Paths that end in a panic or a call that never
// returns (os.Exit, log.Fatal, t.Fatal) are not leaks, and a branch on
// `cancel != nil` is followed only on the side where the cancel is
// set. Nor is a cancel function of a context derived (by the standard
// library's functions) from a parent that the function creating the
// parent cancels in a defer statement on every path: the child lives
// no longer than that function, cancelled with its parent, and one
// derived after it returned is cancelled at birth (a callback inside a
// test that derives from the test's own context). Nor is a context of
// package context whose function receives from its Done channel, with
// a plain receive, on every path where the cancel is not called: once
// that receive returns the context is cancelled, its timer stopped and
// its registration dropped, and the cancel has nothing left to release
// (`ctx, _ := context.WithTimeout(ctx, d); <-ctx.Done()`, a wait for the
// timeout; a select on Done beside another case still leaks, and so
// does signal.NotifyContext, whose stop also unregisters the signals).
// Nor is a context of WithTimeout or WithDeadline used only as a timer:
// every use of it, in its function, in a goroutine (or literal) it
// starts there, or in a function of the package it hands the context
// to (go d.flushAfter(ctx)), waits for Done with a plain receive, and
// every path waits so or starts the waiting goroutine. Whoever waits, waits out
// the deadline, and the timer then releases the context; a cancel
// kept only as a "timer pending" flag leaks nothing:
//
//	if d.cancel != nil {
//		return // a flush is pending
//	}
//	ctx, cancel := context.WithTimeout(context.Background(), delay)
//	d.cancel = cancel // never called: the timer ends ctx
//	go func() {
//		<-ctx.Done()
//		d.flush()
//		d.cancel = nil
//	}()
//
// A goroutine that may leave on another case first leaves the context
// to its timer, and that is reported. Nor is a cancel assigned to a
// variable that a function literal made earlier calls and hands on (a
// fake watch function that cancels the context the test made after it,
// through the variable: it reads the variable when it runs).
// Nor is an error return whose error the call's constant arguments
// rule out: a helper of the package that fails only inside
// `if opts != nil { ... }` (or `if validate`, `if mode == strict`),
// called with a literal nil (false, another mode), returns a nil error,
// so `if err != nil { return nil, err }` after it is not a path
// (flow.NilResultWith):
//
//	_, cancel := c.callContext(parent)
//	req, err := newRequest(stream, nil) // fails only for a filter
//	if err != nil {
//		return nil, err // not reached
//	}
//	return &Subscription{req: req, cancel: cancel}, nil
//
// Nor is a discarded or uncalled cancel of context.WithTimeout or
// WithDeadline in a test file: the test hands the code under test a
// context with an expired or short deadline, and the context's own
// timer releases it (go vet's lostcancel reports those for who wants
// them). A discarded cancel of WithCancel is still reported there,
// unless its parent can never be cancelled. In a test file, as for go
// vet, any use of the cancel function hands it on: a fixture that
// sends it to the test in a field the test never reads is not
// reported, a path that returns without using it at all is.
//
// Nor is a discarded cancel of WithCancel or WithCancelCause whose
// parent can never be cancelled (context.Background(), context.TODO(),
// a WithValue of those, a WithoutCancel of any): the new context
// registers with no parent and starts no goroutine or timer, so it
// holds nothing once unreachable (a test fixture's
// `ctx, _ := context.WithCancel(context.TODO())`). go vet's lostcancel
// reports it for who wants it:
//
//	ctx, _ := context.WithCancel(context.Background()) // silent
//	ctx, _ := context.WithCancel(r.Context())          // reported
//
// main.main is not checked: returning from it ends the process.
// Nor are the context and os/signal packages' own calls of their
// functions, in the package and its tests, which discard cancel
// functions on purpose (to count a parent's children, to expect a
// panic).
//
// Unlike vet's lostcancel, a mere mention of the variable (`_ = cancel`,
// passing it to a function that ignores it, storing it where it is
// never read) does not count as a use, and cancel functions held in
// struct fields and returned by helpers are followed.
//
// The fix is to call the cancel function when the context is no longer
// needed, usually right after creating it:
//
//	ctx, cancel := context.WithTimeout(ctx, time.Second)
//	defer cancel()
//
// When the cancel function is a local variable assigned outside any
// loop, the context is not handed on (stored, returned, captured by a
// goroutine), and the cancel function is otherwise only called, a
// suggested fix inserts `defer cancel()` (`defer cancel(nil)` for a
// CancelCauseFunc) after the assignment; calling it twice is harmless.
package missingcancel
