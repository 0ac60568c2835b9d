// Package sendafterclose defines an Analyzer that reports sends and
// closes on a channel that may already be closed.
//
// # Analyzer sendafterclose
//
// sendafterclose: report a send or second close on a closed channel
//
// A send on a closed channel panics, and so does a second close
// (guide §3.5, §7.2). The analyzer reports two kinds of mistakes.
//
// First, a send or a close that runs after close(ch) on the same
// channel in the same goroutine: straight line, later in a branch, in
// the next iteration of a loop, in a deferred call, or inside a
// function called after the close (through facts also in another
// package):
//
//	ch := make(chan int)
//	close(ch)
//	ch <- 42 // send on ch after it was closed
//
//	defer close(done)
//	...
//	close(done) // closed here, and again by the defer: panic
//
//	if err != nil {
//		close(quit)
//	}
//	close(quit) // every path from the first close comes here: panic
//
// A later operation counts when it always follows the close: it comes
// after the close on every path from it (a branch that closes and then
// returns is fine), or the close comes before it on every path to it.
// The report is at the second operation, with the close as related
// information. The channel must be provably the same: the same make,
// variable, parameter or global, or the same field of the same struct
// pointer, with no assignment of a new channel in between; each
// iteration of `for { ch := make(chan T); ...; close(ch) }` has its
// own channel, and so does each call of a function that stores a
// channel it made itself into the field before it closes or sends on
// it, on every path (calling such a restart twice closes two channels;
// the channel it leaves in the field is closed all the same, so a
// later send or close of the field is reported), or that stores a new
// one after the close on every path (close(b.ready); b.ready =
// make(chan struct{}): the next call closes the new one), or that
// copies another struct into the variable whose field it is (a range
// variable declared once for the whole loop, as in code before Go
// 1.22: `for _, lc := range chans { close(lc.ch) }` closes each
// element's channel). A callee
// counts only if it closes or sends on every path, so a Close method
// guarded by sync.Once or by a closed flag under a lock is fine to call
// twice. An operation in the default branch of a select that receives
// from the same channel cannot run once the channel is closed, and is
// not reported.
//
// Second, a close in a goroutine that nothing orders after the sends:
// a goroutine started with go closes a struct field or package-level
// channel while an exported function or method of the package (the
// API, callable by clients at any time) sends on it. This is the
// worker pool of guide §8.1, whose context watcher closes the task
// channel while Submit may still send, which panics under load:
//
//	go func() {
//		<-ctx.Done()
//		close(pool.tasks) // not ordered after the send in Submit
//	}()
//
//	func (p *WorkerPool) Submit(t Task) { p.tasks <- t }
//
// Third, a close of a field or package-level channel by code that
// first gives the component's stop signal (closes its done channel,
// cancels its context, signals its closer) while an exported method
// sends on the channel in a select whose other case waits for that
// signal. The stop case says the senders are meant to run while the
// component shuts down, but a select picks at random among the cases
// that are ready: once the channel is closed, the send case can still
// be taken, and it panics. Signalling first does not order anything;
// waiting for the senders does:
//
//	func (b *Broker) Publish(ev Event) bool {
//		select {
//		case b.events <- ev: // may be taken after the close
//			return true
//		case <-b.done:
//			return false
//		}
//	}
//
//	func (b *Broker) Close() {
//		close(b.done)
//		close(b.events) // does not wait for Publish
//	}
//
// Not reported there: a closer that waits for every sender to leave
// (each call counted in flight on a WaitGroup the closer waits on,
// syncmodel.OrderedAfter), senders that hold a lock over the select
// (a read lock the closer takes for writing before it closes), a
// component that never closes the data channel, a select whose only
// other case is the caller's context (the caller decides whether it
// calls Submit beside Close), and a closer that gives no stop signal
// (the sending goroutine closing through the component's Close after
// its last send).
//
// Not reported: a send on a channel the exported function made during
// the call and stored in an object nothing else can reach yet (a
// constructor that fills a one-slot semaphore before it returns the
// object: a goroutine can close the channel only once it has the
// object, after the send); a close after a Wait call (sync.WaitGroup.Wait: the
// senders are done), including a deferred close in a goroutine that
// waits before it returns (defer close(c.ch); <-ctx.Done();
// c.wg.Wait()), senders in an internal package (their callers are
// other packages of the module, out of sight: whether they stop their
// producers before the close is unknown), senders declared in a
// _test.go file (a test or a test helper, exported or not: the test
// runner calls it, no client can; a test that writes into the input of
// a link it built by hand and never started), a close or a send made
// while holding a sync.Mutex
// or sync.RWMutex (the closed-flag pattern), a close inside
// sync.Once.Do, a closing goroutine that also sends on or receives
// from the channel (the sender closing; receivers closing are
// closebyreceiver's business), a closing goroutine that calls a function
// value while a function literal of the function that started it sends
// on the channel (a walker closure sending each element, then the close:
// the goroutine may well be the sender), and exported functions that close the
// channel themselves. Package runtime and its tests, which implement
// channels and provoke these panics on purpose, are not checked for
// the first kind.
//
// The fix is to let the sending side own the close, or to order it:
// make Submit select on the context and close the channel only after
// every sender has returned, or guard both the send and the close by
// one mutex and a closed flag:
//
//	func (p *WorkerPool) Submit(t Task) error {
//		p.mu.Lock()
//		defer p.mu.Unlock()
//		if p.closed {
//			return ErrClosed
//		}
//		p.tasks <- t
//		return nil
//	}
package sendafterclose
