// Package unjoined defines an Analyzer that reports a goroutine whose
// work matters after its starter returns, when nothing waits for it.
//
// # Analyzer unjoined
//
// unjoined: report a goroutine that main or a test does not wait for
//
// A program ends when main returns, whatever its other goroutines are
// doing; a test that returns while a goroutine it started still runs
// lets the goroutine call t.Log or t.Error after the test completed,
// which panics. The analyzer reports a go statement of main whose
// goroutine consumes what main hands it on a channel (a collector
// ranging over results) and prints, logs or writes it (fmt.Print*,
// fmt.Fprint*, log.Print*, os.File writes) or stores it in a variable
// main reads afterwards, or a go statement of a test function whose
// goroutine calls t.Log or t.Error; when the goroutine can finish and
// gives its starter no way to wait for it (it sends on no channel,
// closes none, calls no Done, Unlock or other synchronizing method),
// and the starter can return, or call os.Exit, after starting it
// (guide §5.1, the result collector):
//
//	go func() { // goroutine may still be running when main returns ...
//		for d := range results {
//			fmt.Printf("%s  %s\n", d.sum, d.path)
//		}
//	}()
//	...
//	wg.Wait()
//	close(results)
//	fmt.Printf("hashed %d files\n", len(paths)) // main returns: the last digests may never print
//
// The fix is to wait for the goroutine: it closes a done channel (or
// sends its count) when the range ends, and main receives from it
// before returning; or a sync.WaitGroup counts it too.
//
// Not reported: a test's goroutine whose t.Error or t.Log runs only
// when an error is not nil (if err := srv.Serve(l); err != nil), since
// a server the test's cleanup stops returns nil; a test's goroutine
// whose t.Error or t.Log runs only once a wait on the test's own
// context succeeded (if cc.WaitForStateChange(ctx, s) { t.Errorf(...)
// }, if err := waitFor(ctx); err == nil { ... }, where the test
// defers the context's cancel: after the test returns the wait fails);
// a test's goroutine whose t.Error runs only under a check it makes as
// soon as it runs, with no sleep, channel operation, wait or call of
// the package's own code before it (select { case <-c: default:
// t.Error(...) }): it fires only when the code under test is broken.
// A t.Error or t.Log after a sleep or a wait unrelated to the test's
// lifetime stays reported, and so does one on the failed wait
// (if !wait(ctx) { t.Errorf("timed out") }), which the test's
// cancellation brings about; a goroutine that sends on or closes a channel, or
// calls a method that can tell the starter it is done (wg.Done,
// mu.Unlock, cancel, Close, an atomic store; not the Unlock of a lock
// that a function it calls takes itself, nor a context's Done), or
// calls a function value or an interface method the analyzer cannot
// see into (not a field's clock-like hook that returns a value); one
// of main that receives nothing from a channel (a progress reporter, a
// "still working" message after a delay); one that never finishes (a
// loop with no exit, a range over a ticker's channel or over a channel
// nothing closes, or can close, such as a subscription a broker method
// returns when no code closes a channel of its type: chanmodel's
// StartedNeverEnds, the question sleepsync
// asks too) and that its starter hands nothing (it sends on no channel
// the goroutine receives from), since its starter decides how long it
// runs; a goroutine that never ends only because its starter feeds it
// and never closes the channel stays reported (what was handed over
// last may never be handled); a
// goroutine of a function other than main or a test (a library may
// hand work to a background goroutine on purpose); and a starter that
// cannot return after starting it (it ends in log.Fatal(srv.Serve())
// or blocks for good); a goroutine of a testing/synctest bubble, which
// synctest.Test waits for.
//
// Outside main and tests, a function is reported only when its
// goroutine stores what it consumes in a variable that the function
// reads after starting it with no wait in between (the results a
// collector appends to, returned while it may still be appending).
package unjoined
