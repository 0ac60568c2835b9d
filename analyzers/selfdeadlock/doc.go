// Package selfdeadlock defines an Analyzer that reports channel and
// WaitGroup operations that block forever in the goroutine running
// them.
//
// # Analyzer selfdeadlock
//
// selfdeadlock: report operations that can never complete because no other goroutine can make them ready
//
// A send on an unbuffered channel completes only when another
// goroutine receives, and a receive only when another goroutine sends
// or closes (guide §3.2, §7.2). The analyzer reports:
//
// A send on an unbuffered channel, or a receive or range over a
// channel, made by the function itself, that no other goroutine ever
// uses: the channel does not escape (it is not passed to code the
// analyzer cannot see, stored in a slice, map or interface, returned
// ...) and no goroutine the function starts touches it:
//
//	ch := make(chan int)
//	ch <- 42 // send on unbuffered channel ch blocks forever: no other goroutine can receive from it
//	fmt.Println(<-ch)
//
// A close between the send and its only receive, all in the same
// goroutine, does not help the send (only a receive does): the send
// is still reported, with the later receive as related information:
//
//	problems := make(chan error)
//	for _, row := range rows {
//		if err := check(row); err != nil {
//			problems <- err // send on unbuffered channel problems blocks forever: ...
//		}
//	}
//	close(problems)
//	for err := range problems { ... }
//
// The same holds for a buffered channel whose buffer is provably full:
// at least as many other sends as its capacity run before the send on
// every path (they dominate it), and no receive can run in between:
//
//	ch := make(chan int, 1)
//	ch <- 1
//	ch <- 2 // send on ch blocks forever: its buffer of 1 is full and no other goroutine can receive from it
//
//	results := make(chan int, len(jobs))
//	for _, j := range jobs {
//		results <- j * 2
//	}
//	for r := range results { // range over results never ends: it is never closed ...
//		sum += r
//	}
//
// The fix is to start the receiver (or the sender) in another goroutine
// first, to buffer the channel, or to close it after the last send.
//
// A receiving or sending goroutine started only after the operation
// cannot make it ready either: the function blocks before its partner
// exists.
//
//	results := make(chan int)
//	results <- compute() // send on unbuffered channel results blocks forever: the goroutine that receives from it starts only after the send
//	go func() { store(<-results) }()
//
// In any function, not only the channel's maker: a plain send on, or
// receive from, a channel on which the whole program never does the
// complementary operation. The channel, a struct field or a package
// variable given a make(chan T) somewhere, must be unbuffered and must
// not escape; it may be reached through accessors:
//
//	func (w *watcher) run() {
//		err := <-w.errc
//		w.result <- err == nil // send on unbuffered channel w.result blocks forever: nothing receives from it
//	}
//
// Not reported: such an operation in a hook or fake of a test that
// passes only when a call it makes fails (if err == nil { t.Fatal(...)
// }, assert.EqualError(t, err, ...)): the test drives the code down its
// failure path, where a fixture copied from the test beside it has
// nothing to run it.
//
//	_, err := New(Config{OnChange: func(p string) { changed <- p }}) // not reported
//	if err == nil {
//		t.Fatal("want an error without a path")
//	}
//
// A buffer size given by a constructor's parameter counts when every
// call of the constructor (unexported, called only by the package)
// passes the same constant: newWatcher(0, events) makes result
// unbuffered.
//
// A send, in a called function, on a channel of a struct the caller
// has just made and whose buffer it has already filled: the caller's
// sends fill the buffer on every path to the call, nothing receives in
// between, the struct has been handed to nobody else yet, and the
// callee sends before doing anything else, so before it could start
// the goroutine that drains the channel:
//
//	c := &compactor{ch: make(chan struct{}, 1)}
//	c.ch <- struct{}{}
//	c.start()
//
//	func (c *compactor) start() {
//		c.ch <- struct{}{} // send on c.ch blocks forever: its buffer of 1 is already full and no other goroutine can receive from it yet
//		go c.drain()
//	}
//
// Sends counted per channel instance, across calls: a function makes
// an object whose buffered channel field (a constant size, also through
// a constructor's or init method's parameter) nothing ever receives
// from, and through the methods it calls, in counted loops and in the
// goroutines it starts, sends more values on that one object's channel
// than its buffer holds. The object must be contained: handed only to
// functions of the package and closures the model follows, never
// stored, returned or converted to an interface, so that every
// operation on its channel is among the function's. Each call or go
// statement counts once (once per iteration of a for i := 0; i < n;
// i++ loop), and the counted sites must lie on one path:
//
//	o := &outbox{}
//	o.init(16) // o.dataChan = make(chan row, 16)
//	for i := 0; i < 16; i++ {
//		o.push(r) // func (o *outbox) push(r row) { o.dataChan <- r }
//	}
//	go func() { o.push(last) }() // the send in push: send on o.dataChan blocks forever: 17 sends on the same object's channel overflow its buffer of 16, ...
//
// Not reported: an object handed to code the model does not follow, a
// receive or close on the object's channel anywhere in its function's
// operations, sites that exclude each other, a send in a select or in
// a function that checks len or cap of a channel.
//
// A receive, by a goroutine, from a channel field whose only close in
// the program is that goroutine's own deferred close of the same
// struct's channel, and which nothing sends on: the close runs only
// when the goroutine returns. The receive is often in a Close method
// the goroutine's loop calls on an error:
//
//	func (t *tailer) loop() {
//		defer close(t.done)
//		...
//		t.Close()
//	}
//
//	func (t *tailer) Close() {
//		close(t.quit)
//		<-t.done // receive from t.done blocks forever: the goroutine that reaches it is the one whose deferred close would end it, ...
//	}
//
// The same for a channel the goroutine makes itself (once, not in a
// loop) and closes in its own defer, also when the receive reaches it
// under another name: a variable a callback sets to the parameter a
// helper calls it with, the helper's argument being that channel.
// Code that gets the channel only receive-only (<-chan T: a Done
// accessor, a heartbeat's stop parameter) cannot send on or close it:
//
//	go func() {
//		stop := make(chan struct{})
//		defer close(stop)
//		var done <-chan struct{}
//		poll(func(d <-chan struct{}) <-chan struct{} { done = d; return tick(d) }, ready, stop) // poll calls wait(done)
//		<-done // receive from done blocks forever: ...
//	}()
//
// Not reported: the channel handed, able to send, to code the model
// does not follow (a function value, another package); a helper that
// keeps the callback or calls it with a channel of its own; a receive
// in a select; a channel made in a loop.
//
// A Cond.Wait on a Cond that nothing in the package signals or
// broadcasts, when the model sees every use of the Cond (an unexported
// field or package variable handed to no code outside the package):
//
//	p.activateWait.L.Lock()
//	for !p.activated() {
//		p.activateWait.Wait() // Cond.Wait on p.activateWait blocks forever: nothing in the package signals or broadcasts it
//	}
//
// A Signal or Broadcast on a Cond the model cannot name (a parameter
// of a helper) may be on any Cond and keeps the package silent.
//
// Likewise a WaitGroup.Wait on a WaitGroup the package counts up (an
// Add of a positive constant) and nothing counts down: no Done, no
// WaitGroup.Go, no Add of a negative or unknown delta may be on it.
// Once the Add has run, the Wait never returns:
//
//	func (s *stopper) StartTask() { s.drain.Add(1) }
//
//	func (s *stopper) Stop() {
//		s.drain.Wait() // WaitGroup.Wait on s.drain blocks forever once it is counted up: nothing in the package calls Done on it
//	}
//
// A WaitGroup handed to other code, exported, or one whose Done or Add
// the package takes as a function value (register(wg.Done)) is not
// reported.
//
// The drain of a stopped timer (if !t.Stop() { <-t.C }) when the
// goroutine may already have taken the timer's value: a receive from
// t.C reaches the Stop with no Reset, and no new timer stored, in
// between. The timer has fired and its one value is gone, so Stop
// returns false and nothing sends on t.C again (before Go 1.23 and
// after alike):
//
//	for {
//		select {
//		case <-d.timer.C:
//			fire() // no Reset
//		case <-d.reset:
//			if !d.timer.Stop() {
//				<-d.timer.C // receive from d.timer.C blocks forever: the timer's value may already have been received, ...
//			}
//			d.timer.Reset(d.delay)
//		}
//	}
//
// Not reported: the ordinary drain with no receive before it, a timer
// another function of the package may Reset, a drain in a select with
// a default, a drain that a flag set by the receive rules out:
//
//	case <-l.timeout.C:
//		timedOut = true
//	}
//	if !l.timeout.Stop() && !timedOut {
//		<-l.timeout.C // not reported
//	}
//
// (A field that is never given a channel is left alone: a nil channel
// is often a test hook left unset. Operations of a goroutine that a go
// statement starts directly are goroutineleak's.)
//
// Goroutines that wait on each other in a cycle (guide §7.2 DEADLOCK
// 1): each goroutine started on a func literal receives, before any
// other channel operation, from a channel that only the other
// goroutines send on, and only after their own first receive:
//
//	go func() {
//		val := <-ch2 // circular wait: the goroutines that send on ch2 first wait for this one
//		ch1 <- val
//	}()
//	go func() {
//		val := <-ch1 // circular wait: ...
//		ch2 <- val
//	}()
//
// A pipeline that feeds back to its head: a function sends values in a
// loop on an unbuffered channel to a chain of goroutines it starts,
// each passing every value it receives on to the next over another
// unbuffered channel before it receives again, and the last channel
// comes back to the function, which receives from it only after its
// loop. Each stage holds one value while it waits to pass it on: once
// one more value than there are stages is in flight, the function
// waits for the first stage, each stage for the next, the last for the
// function (rule pipeline):
//
//	go enrich(parsed, enriched) // for r := range src { dst <- r }
//	go persist(enriched, acks)  // for r := range src { acks <- r.Seq }
//	for _, l := range lines {
//		parsed <- parse(l) // circular wait: send on parsed blocks forever once 3 values are in flight: ...
//	}
//	close(parsed)
//	for range acks { ... }
//
// Not reported: a last channel with a buffer (make(chan int,
// len(lines)) has room for every value), a head that also receives
// from it inside its loop (a select with both), another goroutine
// draining it, a stage that may drop a value (a continue before its
// send), or a channel that escapes.
//
// sync.WaitGroup.Wait inside a goroutine that the same WaitGroup counts,
// when its own Done runs after the Wait (deferred, or later on every
// path): the count never reaches zero.
//
//	wg.Add(1)
//	go func() {
//		defer wg.Done()
//		wg.Wait() // sync.WaitGroup.Wait called inside a goroutine counted by the same WaitGroup
//	}()
//
// Not reported: channels that escape or that another goroutine may use;
// a receive that blocks for good on purpose (<-make(chan T), or c :=
// make(chan struct{}); <-c where that receive is the unbuffered
// channel's only use, as select {} parks; or an unexported package
// variable of type chan struct{} received from in one place and used
// nowhere else: var chPause = make(chan struct{}); func Pause() {
// <-chPause }); buffered sends (the buffer is not counted); operations in a select
// (another case may fire); channels that are closed anywhere (a close
// ends receives, and a send after a close panics, which is
// sendafterclose's concern; a receive after a close is not reported,
// and neither is a send that a close may precede, which panics); a
// buffer whose capacity is not a constant (make(chan T, len(jobs)));
// a second Lock of a mutex the goroutine holds, reached through a
// helper of another file or package, or a Lock through a helper
// under RLock: doublelock reports them, at the call; cycles through goroutines that start on a
// named function or that touch a channel before their first receive;
// Wait with a Done that can run before it; operations on a branch
// taken only when a field is nil that every constructor of its type
// sets to a non-nil value and nothing sets back to nil (if r.exec ==
// nil { errc <- errNoExec }): the branch never runs. The same branch
// is reported when the field can be nil (a constructor leaves it
// unset, stores a caller's value unchecked, or code clears it).
//
// Nor, in a _test.go file, a send or receive reached through a call
// of a helper that performs it on some of its paths only
// (internal/chanmodel's Op.CalleeMust): a test runs the helper on
// inputs it fixes, and a send made only for an event decoded from the
// input, or only on an error, may be one those inputs never reach (a
// test that reached it would hang, not pass). A helper that sends on
// every path, called directly, is still reported:
//
//	func TestListenEmpty(t *testing.T) {
//		events := make(chan Event)
//		m.listen(strings.NewReader(""), events) // not reported: listen sends per decoded line
//		if _, ok := <-events; ok { ... }        // and closes events when the input ends
//	}
//
//	done := make(chan int)
//	summarize(lines, done) // send on unbuffered channel done blocks forever: ... (it always sends)
package selfdeadlock
