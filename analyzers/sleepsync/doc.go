// Package sleepsync defines an Analyzer that reports time.Sleep used
// to wait for goroutines.
//
// # Analyzer sleepsync
//
// sleepsync: report time.Sleep used to wait for a goroutine to run or finish
//
// A sleep does not synchronize: after time.Sleep(d) a goroutine started
// before it may not have been scheduled, may still be running, and its
// writes are not guaranteed to be visible (a data race). The program
// works on an idle machine and fails under load; tests written this
// way are flaky. The analyzer reports a call to time.Sleep when
//
//   - a goroutine was started earlier in the same function, on a path to
//     the sleep with nothing that may wait for it in between (a receive,
//     a blocking select, any Wait or Lock method, or a call that may do
//     one of these or that cannot be seen), and
//   - the code after the sleep provably relies on the goroutine having
//     run: it first reads a variable or field the goroutine writes
//     (directly, through a method or helper, also of another package),
//     or receives without blocking from a channel the goroutine sends
//     on, or connects or sends a request (net.Dial, http.Get, a
//     Client's Do, a helper that does one of these) once, not in a
//     loop that retries, while the goroutine is to bind a network
//     address (net.Listen, http.ListenAndServe, a method that calls
//     them), or returns the slice, array or map whose elements the
//     goroutines write, or, in main.main or a test function, returns
//     with nothing but output in between (in a test, only when a
//     goroutine reports to the test itself, handing its T to a call as
//     t.Errorf does, or when the test reads, anywhere after the sleep,
//     what the goroutines write; goroutines that only stop timers whose
//     callbacks report, a time.AfterFunc that must never fire, make the
//     sleep a period the test observes).
//
// For example (the guide's §2.3):
//
//	func main() {
//		go worker(1, "Task-A")
//		go worker(2, "Task-B")
//		time.Sleep(1 * time.Second) // reported
//		fmt.Println("Main exiting...")
//	}
//
// the guide's §2.2 server, in a test or not:
//
//	go srv.ListenAndServe()
//	time.Sleep(50 * time.Millisecond) // reported
//	resp, err := http.Get("http://" + addr + "/healthz")
//
// (bind first: ln, err := net.Listen("tcp", addr); go srv.Serve(ln);
// connections wait in the listen queue until Serve accepts them), the
// results returned before they are produced:
//
//	out := make([]*Thumb, len(srcs))
//	for i, src := range srcs {
//		go func() { out[i] = render(src) }()
//	}
//	time.Sleep(2 * time.Second) // reported
//	return out
//
// and the common flaky test:
//
//	var got int
//	go func() { got = compute() }()
//	time.Sleep(100 * time.Millisecond) // reported
//	if got != 42 {
//		t.Fatalf("got %d", got)
//	}
//
// Not reported: sleeps inside the goroutine itself; sleeps in a loop
// (polling, retry and backoff, or pacing the goroutines a loop starts);
// a dial after the sleep that is retried in a loop, or made to a
// listener bound before the goroutine started (go srv.Serve(ln), or a
// goroutine handed its listeners that binds its own only when handed
// none); a
// returned struct whose fields a goroutine keeps updating (a running
// service's state, not results);
// sleeps followed, before the read, by a join that may wait for the
// goroutine (time.Sleep(d); wg.Wait()); sleeps after which a test or
// main.main first does something else that is the point of the delay
// before it ends, such as calling cancel() or closing a server (the
// sleep lets the goroutine run for a while); sleeps in other functions that merely
// return, as their callers may use the goroutine as a running service
// (test helpers included: only Test functions, subtests passed to
// t.Run and Example functions count as tests); tests checking that a
// goroutine stays blocked or a server stays up (the receive case fails
// the test, also through a helper that reports a failure or never
// returns, such as testify's require.FailNow); a read
// that checks the goroutine is still blocked: after it the function
// lets the goroutine go on (a send, a close, an unlock, a cancel, a
// call of a function that does one: bp.updatePicker(p)) and
// then joins it (a blocking receive or select, a Wait method, or a
// call given a condition to poll, such as require.Eventually(t,
// done.Load, ...)), also in a function literal deferred before the
// sleep: defer func() { mu.Unlock(); wg.Wait() }(), which runs as the
// function returns; the sleep gives blocked goroutines a chance to
// finish wrongly; sleeps in a testing/synctest bubble, where time is virtual and
// a sleep does wait for the bubble's goroutines; timers, tickers and
// time.After.
//
// A join excuses the sleep only if it comes before the read (or dial)
// that relies on it and may wait for the goroutine: a Wait on a
// WaitGroup the goroutine marks Done, any other join for a goroutine
// that tells anyone anything (a send, a close, a Done, a Signal, an
// atomic operation, a go statement or a function value called, also
// in the package's functions it calls). So are reported:
//
//	go func() { counts[i] = echo(conn) }() // tells nobody
//	time.Sleep(d)                         // reported
//	srv.Close()                           // waits for the server's goroutines
//	check(counts)
//
// and a join deferred to the function's end (defer wg.Wait()) with a
// read, or a dial of the goroutine's listener, before it. Nor does a
// call that neither joins nor sends (a cancel) make a later read safe.
//
// Not reported either: a sleep before the function returns when every goroutine it
// started never ends (chanmodel's NeverEnds: no path of it returns,
// counting a range over a ticker's channel, over a channel of the
// package that nothing closes, or over one of a type no code can close
// (package main's subscribers of a broker method's channels, with no
// close of a channel of that type anywhere), as one that never
// finishes): nothing can
// wait for such goroutines, and an example that sleeps before main
// returns only bounds how long they run. A goroutine that ends beside
// them (a worker next to a progress ticker) is still waited for by the
// sleep, which is reported, naming the last goroutine started that can
// end:
//
//	go func() {
//		for {
//			poll() // runs until the process exits
//		}
//	}()
//	time.Sleep(time.Hour) // keeps the example alive: not reported
//
// Not reported either: a sleep that opens a window for a check that
// fewer of the goroutines got somewhere than were started, where
// waiting for them all is impossible by design. The value the
// goroutines write is read after the sleep and the function fails
// unless it equals a constant (by == or != on a failing branch, or an
// assertion helper named for equality or zero) that is zero, or
// smaller than the number of goroutines writing it, each started once:
//
//	go func() { if _, ok := r1.Read(); ok { n.Add(1) } }()
//	go func() { if _, ok := r2.Read(); ok { n.Add(1) } }()
//	time.Sleep(time.Second) // not reported: one of the two stays blocked
//	require.EqualValues(t, 1, n.Load())
//
// A check that wants the work done (n.Load() == 0 failing, or equal
// to the number started) still relies on the sleep and is reported.
//
// A Lock after the sleep does not count as waiting: it orders
// critical sections, not the goroutine's end, so a read under it still
// relies on the sleep (unless the function locked before the sleep and
// a goroutine may unlock for it, a handoff).
//
// Memory is matched by identity: the variable a goroutine's closure
// captures, or the same pointer value passed to the goroutine's
// function and then read through the same fields. A goroutine's
// accesses are summarized per function and exported as facts, so
// `go lib.Fill(&n)` or `go c.Run()` of another package are understood.
//
// The fix is to wait for the goroutine explicitly:
//
//	var wg sync.WaitGroup
//	var got int
//	wg.Go(func() { got = compute() })
//	wg.Wait()
//	if got != 42 {
//		t.Fatalf("got %d", got)
//	}
//
// or to receive its result from a channel. No suggested fix is offered:
// which join is right depends on the program.
package sleepsync
