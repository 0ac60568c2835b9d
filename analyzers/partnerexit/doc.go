// Package partnerexit defines an Analyzer that reports a blocking
// operation whose partner goroutine can end without performing the
// operation that would unblock it.
//
// # Analyzer partnerexit
//
// partnerexit: report a wait whose partner goroutine can return without the matching Done, send or receive
//
// A blocking operation is one half of a protocol between goroutines:
// wg.Wait waits for every counted goroutine's Done, a receive for the
// goroutine that sends (or closes), a send on an unbuffered channel
// for the goroutine that receives. If the partner has a path that
// ends the goroutine without its half (an error return before the
// send, a ctx.Done() case that returns, an early break out of the
// loop), the waiter blocks forever once that path is taken. The
// analyzer reports the blocking operation, with the partner's return
// that skips its half as related information:
//
//	wg.Add(1)
//	go func() {
//		if err := load(); err != nil {
//			return // returns here without calling wg.Done
//		}
//		wg.Done()
//	}()
//	wg.Wait() // wg.Wait may block forever: a goroutine it waits for can return without calling wg.Done
//
//	errc := make(chan error)
//	go func() {
//		conn, err := dial()
//		if err != nil {
//			return // returns here without sending on or closing errc
//		}
//		errc <- conn.Handshake()
//	}()
//	err := <-errc // receive from errc may block forever: ...
//
//	func (a *agent) run(ctx context.Context) {
//		for {
//			select {
//			case s := <-a.status:
//				a.record(s)
//			case <-ctx.Done():
//				return // returns here without receiving from a.status
//			}
//		}
//	}
//
//	func (a *agent) restart() {
//		go func() {
//			a.status <- a.wait() // send on a.status may block forever: the goroutine that receives from it can return first
//		}()
//	}
//
// A panic counts when a recover the goroutine deferred before it turns
// it into a return (related information: "panics here, and its
// deferred recover returns, without ..."); an unrecovered one crashes
// the program.
//
// The protocol comes from the sync-event model (internal/syncmodel):
// the partners are every Done on the WaitGroup, every send and close
// of the channel, or every receive from it, and the partner's way out
// is a path of the model's query Leaves, from the goroutine's start to
// a return, that passes none of them. For a Wait, each goroutine must
// be counted by an Add of its starter before the go statement, and
// its Done must not be in a loop. For a receive, every send and close
// must be in one goroutine, started by one go statement outside any
// loop, and neither the receive nor the sends may be in a loop. For a
// send, the channel must be unbuffered, the send must be the one-shot
// send of a goroutine of its own, and every function that receives
// from it must be able to return without receiving.
//
// A receive in a loop counts when the protocol is counted: the loop
// receives on every iteration, runs once per element of a slice (or n
// times) and has no other way out; the goroutines that send are
// started by one go statement of the same function, on every
// iteration of a loop over the same slice (or n); each sends at most
// once, and nothing closes the channel. Each receive then waits for a
// goroutine of its own, and one that leaves without sending leaves the
// last receive waiting for ever:
//
//	for _, u := range users {
//		go func(user string) {
//			row, err := lookup(user)
//			if err != nil {
//				return // returns here without sending on or closing results
//			}
//			results <- row
//		}(u)
//	}
//	for range users {
//		out = append(out, <-results) // receive from results may block forever: ...
//	}
//
// A receive in a loop counts, too, when the loop takes one element of a
// slice of channels kept in a field per iteration (for _, ch := range
// r.chans { <-ch }, with no other way out) and the one goroutine that
// sends on them (started once, by one go statement outside loops)
// also sends at most once on each element, taken in the same order by
// a loop over that field (internal/chanmodel's KindElem and
// PerElement). Each receive then waits for its own element's send: a
// sender that returns before it reaches an element leaves that
// element's receive waiting for ever.
//
//	func (r *replica) sendChans(ctx context.Context) {
//		for _, ch := range r.chans {
//			select {
//			case ch <- true:
//			case <-ctx.Done():
//				return // returns here without sending on or closing ch
//			}
//		}
//	}
//
//	func (r *replica) drain() {
//		for _, ch := range r.chans {
//			<-ch // receive from ch may block forever: ...
//		}
//	}
//
// A receive from ctx.Done() whose partner is the context's cancel
// function, when no one can call it first: the context comes from
// context.WithCancel of a parent that is never done (Background or
// TODO, passed down through functions only the package calls), its
// cancel function is kept in an unexported field, and every call of
// it (internal/syncmodel's CancelCalls follows it through closures,
// captured variables and fields) runs after this receive (the waiter
// cancels once woken) or in
// code nothing runs (a Rollback no caller calls, in a main package
// whose types reach no interface):
//
//	func (rs *rows) initContextClose(ctx context.Context) {
//		ctx, rs.cancel = context.WithCancel(ctx)
//		go rs.awaitDone(ctx)
//	}
//
//	func (rs *rows) awaitDone(ctx context.Context) {
//		<-ctx.Done() // receive from ctx.Done() blocks forever: ...
//		rs.close(ctx.Err()) // calls rs.cancel()
//	}
//
// The fix is to do the partner's half on every path (defer wg.Done(),
// defer close(done), send the error too), or to give the waiter a way
// out (a select on ctx.Done(), a buffer for the one value).
//
// Not reported:
//
//	go func() {
//		defer wg.Done() // on every path
//		if err := load(); err != nil {
//			return
//		}
//	}()
//
//	go func() {
//		if err := work(); err != nil {
//			errc <- err // the path out tells the waiter
//			return
//		}
//		close(done)
//	}()
//
//	go func() {
//		if err := work(); err != nil {
//			panic(err) // a panic crashes the program: nobody is left waiting
//		}
//		done <- struct{}{}
//	}()
//
//	select { // the waiter has another way out
//	case <-done:
//	case <-ctx.Done():
//	}
//
//	for range jobs {
//		<-results // a receive per value, not a one-shot protocol
//	}
//
//	q.sem <- struct{}{} // a channel used as a lock (internal/syncmodel's
//	q.n++               // lock channels): its acquire and release wait
//	<-q.sem             // for no partner
//
//	watchCtx, watchCancel := context.WithCancel(context.Background())
//	go func() {
//		for {
//			select {
//			case <-watchCtx.Done(): // taken only after the cancel below
//				return
//			default:
//				if count += recv(); count == 2 {
//					watchCancel()
//					close(done)
//				}
//			}
//		}
//	}()
//	<-done
//
// A ctx.Done() case of a context that only the partner cancels (its
// parent is never done, and the only other cancel is one the waiter
// defers) and that only the partner waits on can be taken only after
// the partner's own cancel, which tells nobody else anything: the path
// out through it counts only from there (internal/syncmodel's
// cancelledOnlyBy). A context with a deadline, or one that another
// function or goroutine cancels, stays a way out.
//
// A partner's way out that releases a lock made of a channel (a send
// that returns a gate's token, x/net/quic's gate.unlock) still counts:
// the release wakes the lock's next user, it tells the waiter nothing.
//
//	for _, u := range users { // counted, but a worker is started only for some
//		if u == "" {
//			continue
//		}
//		go fetch(u, results)
//	}
//	for range users {
//		r := <-results
//		if r.err != nil {
//			return r.err // nor when the collector can leave the loop early
//		}
//	}
//
//	for _, ch := range r.chans {
//		for { // a retry loop per element: an element may get several sends
//			select {
//			case ch <- v:
//			case <-ctx.Done():
//				return
//			}
//			...
//		}
//	}
//
//	for range r.chans {
//		<-r.chans[0] // not one receive per element
//	}
//
//	r.chans[0] = in // nor when a channel from elsewhere is kept there,
//	sink(r.chans)   // or the slice is handed to code the model cannot follow
//
//	go func() {
//		switch scheme { // no case matched: the author may know the cases
//		case "http":
//			errc <- srv.Serve(l)
//		case "https":
//			errc <- srv.ServeTLS(l, cert, key)
//		}
//	}()
//
// A partner's way out that follows a test failure report (a return after
// t.Errorf, or on the false side of if !assert.NoError(t, err)) is still
// reported: the test then hangs until go test's timeout instead of
// failing, and its report may never be printed. (goroutineleak, whose
// stranded goroutine only outlives a test that has failed, does not
// report those paths.)
//
// A test partner's bail-out from a failed set-up is not a way out: a
// bare `if err != nil { return }` after its Accept, Dial or handshake
// (flow.SetupBailout) is taken only when the test's set-up is broken,
// not by a test that can pass. A bail-out that logs or decides first
// still counts:
//
//	go func() {
//		conn, err := ln.Accept()
//		if err != nil {
//			return
//		}
//		close(ready)
//	}()
//	<-ready // not reported
//
// Nor is a receive the waiter can only get to after the partner made
// its send: on every path to it, the waiter first completes a receive
// (a select case whose other cases fail the test, or a helper that
// receives from its parameter on every path to its return) from a
// channel only the partner feeds, and only after its send; on the
// partner's early return that first wait fails the test instead:
//
//	go func() {
//		conn, err := ln.Accept()
//		if err != nil {
//			return
//		}
//		accepted <- conn // buffered
//		requests <- read(conn)
//	}()
//	first := waitWithin(t, requests, time.Second) // t.Fatal on timeout
//	conn := <-accepted                           // not reported
//
// A partner's way out must be deliberate: a return statement, or a
// select case it takes instead of the operation (the end of the
// function reached from it counts).
//
// A plain send (not in a select) hears nothing but a receive: a
// receiver that closes or sends on another channel on its way out
// (close(n.done) for Stop) still leaves the sender stranded, as long
// as the receiver's goroutine is not started again on the same value
// (its go statement runs once per call of a function nothing calls in
// a loop, or on a value that function has just made):
//
//	func (n *node) Status() status {
//		c := make(chan status)
//		n.status <- c // send on n.status may block forever: ...
//		return <-c
//	}
//
//	func (n *node) run() {
//		for {
//			select {
//			case c := <-n.status:
//				c <- status{}
//			case <-n.stop:
//				close(n.done)
//				return // returns here without receiving from n.status
//			}
//		}
//	}
//
// A goroutine can be started by a helper the code hands a function
// value to (s.stopper.RunWorker(func() {...}), runAsync(fn), a helper
// of another package by its fact): the model (internal/chanmodel's
// Spawner) sees the call as a go statement of that value. A send in a
// loop counts when, on every iteration, it comes after a select with a
// default case that polls the very channel its receivers leave on: the
// signal can come between the poll and the send.
//
//	s.stopper.RunWorker(func() {
//		for {
//			select {
//			case <-s.stopper.ShouldStop():
//				return
//			default:
//				s.events <- ev // send on s.events may block forever: ...
//			}
//		}
//	})
//
// A wait inside a helper of the package (a generic Future[T]'s Await
// that receives from f.done, closed by a Resolve the producer skips on
// an error) is reported at the helper's operation, with the helper's
// calls in the package (up to three) as related information: they are
// the waiters it strands.
//
// When the waiter first hands its partner a request by a plain send on
// an unbuffered channel only that partner receives from (u.chunks <- c;
// <-c.done) and the partner can leave without taking it, the send, not
// the wait for the reply, is what blocks, and it is reported.
//
// A request sent by a plain send from a method (Append, Call, Sync:
// code a caller's goroutine runs, not a goroutine of its own) to the
// loop goroutine that serves the channel, its only receiver, counts
// when the loop can return on a failure of its own without taking it:
// on the error side of an error test, or after it received an error
// from another goroutine (case err := <-readErr). The loop gave up and
// nobody told the callers; the next request blocks for ever:
//
//	func (j *journal) writeLoop(buf *bufio.Writer) {
//		for {
//			select {
//			case rec := <-j.appends:
//				...
//			case done := <-j.syncs:
//				err := buf.Flush()
//				done <- err
//				if err != nil {
//					return // returns here without receiving from j.appends
//				}
//			}
//		}
//	}
//
//	func (j *journal) Append(rec string) {
//		j.appends <- rec // send on j.appends may block forever: ...
//	}
//
// A loop that returns only when told to stop (a ctx.Done() or quit
// case that Stop or Close triggers) is not reported this way: it
// strands only requests made after the stop, which callers are told
// not to make.
//
// Nor is a path out that needs a channel closed that nothing closes:
// the side of `v, ok := <-ch; if !ok { return }` (or of a range over
// ch, or of a select case's ok) taken once ch is closed, for a channel
// of the package that nothing closes and that does not escape
// (internal/chanmodel's NeverClosed). A loop whose only returns are
// there never returns:
//
//	func (s *store) enforce() {
//		for {
//			select {
//			case m, ok := <-s.incoming: // nothing closes s.incoming
//				if !ok {
//					return
//				}
//				...
//			}
//		}
//	}
//
//	s.incoming <- m // not reported
//
// Nor is a path out through a select case on a channel of the package
// that nothing sends on or closes (it cannot be taken), a path that
// tells anyone anything on its way (a send, a close, a Done, a
// goroutine started, a function value called: a cancel; for a plain
// send, only a goroutine started or a function called), a partner
// whose way out is a panic, runtime.Goexit or os.Exit, a WaitGroup or
// channel the package does not keep to itself, a partner that runs in
// code the model does not see (a function with no caller in the
// package, one run by Once.Do, one called through an interface that
// several types of the package implement), or a channel that is
// closed (for a
// send: it would panic, which sendafterclose reports).
package partnerexit
