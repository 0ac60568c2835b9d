// Package closebyreceiver defines an Analyzer that reports channels
// closed by their receiver, or by other code that does not send on
// them, while another goroutine may still send on them.
//
// # Analyzer closebyreceiver
//
// closebyreceiver: report close(ch) by a receiver of ch, or other code that does not send on ch, while another goroutine may still send on it
//
// Only the sender may close a channel (guide §3.5, §9): a send on a
// closed channel panics, and a receiver cannot know whether a sender is
// about to send. The analyzer reports a close(ch) that runs in a
// goroutine which received from ch before (directly or in a function
// it calls) and never sends on ch itself, while some other goroutine,
// function or method of the package sends on ch:
//
//	func consume(jobs chan int) {
//		go func() {
//			for i := 0; ; i++ {
//				jobs <- i
//			}
//		}()
//		for j := range jobs {
//			if j == 10 {
//				close(jobs) // closed by its receiver: the sender panics
//			}
//		}
//	}
//
// A receiving helper that closes the channel it is handed is reported
// at its close, with the call as related information:
//
//	func collect(in chan int, quiet time.Duration) (got []int) {
//		for {
//			select {
//			case v := <-in:
//				got = append(got, v)
//			case <-time.After(quiet):
//				close(in) // in closed by its receiver while another goroutine sends on it
//				return got
//			}
//		}
//	}
//
// Three more closes by code that does not send are reported, each
// where the model shows that a send can still follow:
//
// A requester that closes its reply channel while the request is out
// and unanswered: the channel, made by the requester, is stored in a
// field of a request handed over on a channel, the goroutine that
// receives the requests sends on that field, and the close can be
// reached from the hand-over without receiving the reply (a timeout, a
// cancelled context). The buffer does not help: the late answer
// panics.
//
//	reply := make(chan answer, 1)
//	l.queries <- query{ip: ip, reply: reply}
//	select {
//	case a := <-reply:
//		return a, nil
//	case <-time.After(d):
//		close(reply) // reply closed by its receiver while another goroutine may still send on it
//		return answer{}, errTimeout
//	}
//
// A function (main, a test, a run helper) that starts a goroutine
// sending on a channel and then closes the channel with no receive,
// Wait or Lock in between: a Sleep or a cancel does not tell that the
// goroutine stopped sending.
//
//	go produce(samples)
//	time.Sleep(time.Second)
//	close(samples) // samples closed while the goroutine that sends on it may still be running
//
// A Wait in between is such a signal only for the goroutines started
// before it: a retry worker started after the batch was joined may
// still send.
//
//	wg.Wait()
//	for _, s := range retry {
//		go r.retryStep(s, applied)
//	}
//	close(applied) // applied closed while the goroutine that sends on it may still be running
//
// A close of a channel field that every sender sends on while holding
// one mutex, by a function that holds no lock at the close and takes
// that mutex only after it (an Unsubscribe that closes, then
// unregisters): a sender's critical section can fall in between.
//
//	func (s *Sub) Unsubscribe() {
//		close(s.ch) // s.ch closed before taking the lock its senders hold: a send may still follow
//		s.b.mu.Lock()
//		delete(s.b.subs, s)
//		s.b.mu.Unlock()
//	}
//
// A component's shutdown method (Close, Stop, Shutdown: any code that
// neither sends on the channel nor received from it) that closes a
// channel field which a goroutine the package starts sends on (the
// component's loop, a per-call goroutine of an exported method), when
// nothing the closer waits for orders that goroutine's sends before
// the close: it closes first and waits after, waits on a WaitGroup
// that counts other goroutines, receives a done signal of another
// goroutine, or only cancels. A goroutine handed the field as an
// argument (go emit(m.beats, m.stop)) sends on the component's field
// as one that names m.beats does. The go statement and the send are
// related information:
//
//	func (l *Logger) Close() {
//		close(l.quit)
//		close(l.entries) // l.entries closed while another goroutine may still send on it
//		<-l.done         // the writer's done: the heartbeat goroutine sends on entries
//	}
//
// The analyzer's name is the guide's rule read from the other side:
// only the sender may close. Whoever closes without sending is, for
// the senders, in the receiver's place: it cannot know that no send
// is about to happen. The message says "closed by its receiver" when
// the closer received from the channel, and "closed while another
// goroutine may still send on it" when it did not.
//
// Channels are identified through local variables, closures,
// parameters (at the call sites of the function), struct fields (s.ch
// in every method of the type is one channel; the shutdown rule tells
// the instances apart where the starting function makes them,
// chanmodel.InstanceOf) and helpers in other packages (through facts).
//
// A send counts only when it may act on the closed channel's object:
// where both the close and the send name an object made anew by its
// own allocation (a test's mock built by newMockReader(), a helper
// method's receiver that every caller builds itself, a constructor's
// own value, through two nested constructors), different allocations
// make different objects, and, when every store into the field is a
// make(chan) and the struct is never copied whole, different channels
// (chanmodel.Model.OtherObjects). One test closing its mock's readChan
// is not ordered against another test's goroutine feeding its own.
//
// Not reported: the sender closing the channel, also in a defer or
// from a function it calls; a close after calls that start the senders
// and return only once they are done (a loader's stage helper that
// ranges over its stage's done channel, which a coordinator goroutine
// closes after its own sends and a Wait for the workers it started):
// no call can follow the close, so every sender has finished
// (syncmodel.OrderedAfter); a receiver closing a different channel (a
// done or quit channel it owns); a channel nobody sends on (close as a
// broadcast); a close that follows a Wait (sync.WaitGroup.Wait,
// errgroup.Group.Wait) on the group the senders are counted in (also
// one a sender was handed, go s.work(&s.wg), a WaitGroup wrapped in a
// type of the package whose own Add and Done forward to it, as in
// `type opGroup struct { sync.WaitGroup; live atomic.Int64 }`, and a
// closer object's SignalAndWait whose Done the sender defers; a close
// after a drain that saw a channel closed, for range st.responses {},
// when each sender's goroutine closes that channel after its sends, as
// a deferred close(st.responses) does; a Wait on another group,
// or a Signal without the Wait, orders nothing); a close ordered
// after every send by a chain of such edges (syncmodel.OrderedAfter):
// each sender calls Done after its last send, another goroutine Waits
// and then closes done, and the receiver closes the channel in its
// <-done case or after a receive from done (prometheus's
// listenGaugeStream); the Wait may be made by a stop method the closer
// calls first (cancel, then Wait), be errgroup's Wait on the Group
// whose Go started the senders (also one errgroup.WithContext made and
// a field holds) or WaitGroup.Wait after WaitGroup.Go, and the done
// channel may be one the sender closes as it returns (defer
// close(t.stopped), also in a deferred literal, after the sends of the
// functions it calls: a test's fake connection whose WriteBatch the
// code under test calls only in its flusher goroutine, through the
// package's interface, and whose Close waits for the flusher's done
// channel); a Wait on another WaitGroup, a cancel without a
// Wait, a sender started outside the group (also one an exported
// method starts per call), a fake that code of another package can
// call, a done closed before the
// last send or without waiting, or a close in a timeout case is still
// reported; a close that a
// mutex Lock may precede in the closing goroutine (the sends can be
// ordered by the mutex, as when a sender sends under the lock only
// while a request is registered, and the receiver unregisters it under
// the lock before closing); senders that are function literals handed
// to code we cannot see (callbacks: nothing says when, or whether,
// they run again); a close that answers a request sent under a mutex
// by a goroutine that then waits for the reply (a log's Close locks,
// sends on stopc and waits; its run loop closes the work channel,
// which writers send on only under the lock, after checking that the
// log is open); a close ordered after every send by happens-before:
// the senders each send at most once per channel (no send in a loop,
// no sending goroutine started in a loop) and the closer has received
// as many values on every path before the close (a server's Start
// that waits for its one "started" message; a receive in a select
// counts when every path to the close goes through its case, the other
// cases failing the test (t.Fatalf; or t.Errorf: only a failed run goes
// on without the value), returning or panicking, also
// inside a helper such as expectEvent(t, ch), while a case that only
// logs, or a default, leaves the close reachable without the value;
// also counted: the closer
// made the channel and started its only senders in a loop of n
// iterations, each sending at most once, or started once to send one
// value per element of the slice it is handed, and completes n
// receives, in a loop of the same count or one by one for a constant
// n, before the close: syncmodel.OrderedAfter's count; a sender that
// may send twice or adds a summary after its per-element values, a
// receive loop that can break early or is counted by another value,
// fewer receives, or a sender started after the close is still
// reported), or the senders send only
// in a critical section of a mutex after checking a flag, and the
// close waits for a request (a quit channel, a closer object's
// Signal, the cancel of a context.WithCancel(context.Background()))
// that is made only after the requester entered a critical section of
// that mutex that sets the flag (a hub's Stop that sets stopped and
// cancels under the lock Publish holds): every send's critical
// section then comes before the request, or finds the flag set (the
// request may be the one send on the closed channel itself, made
// after setting the flag: goleveldb's BufferPool.Close, whose drainer
// closes closeC once it has received it);
// a close requested through a closer object (a context cancel plus a
// WaitGroup, as ristretto's z.Closer, also from another package:
// chanmodel.CloserRole): the worker closes on the closer's signal and
// calls its Done after, every signal is made holding the mutex that
// every sender holds and is followed in that critical section by a
// Wait on the closer, and every sender skips the send when the worker
// is nil (badger's StreamWriter: Write sends under writeLock unless
// the writer is gone, stops a writer with SignalAndWait under
// writeLock, then sets it to nil); the same with a stopper of the
// package itself (a cancel and a WaitGroup, the context handed to the
// worker apart: the worker defers the WaitGroup's only Done, and the
// function that cancels then Waits runs under the senders' mutex); a
// sender without the lock or the test, or a Wait after the unlock, is
// still reported;
// a stop/acknowledge protocol: every send on the channel is a worker's
// one acknowledgement of a request received from another channel, sent
// at most once per run of the worker (case <-w.stop: w.done <-
// struct{}{}; return), every request anywhere is followed by a receive
// of the acknowledgement, every close of the request channel comes
// after one, and the closer, on every path to the close, sends a
// request and then receives the acknowledgement (a worker sending on
// the channel for every item, or a closer that stops waiting after a
// timeout, is still reported; the model does not count the workers, so
// one worker at a time is assumed);
// channels whose identity cannot be established. For reply channels:
// a close after the reply was received (a plain receive, or in the
// reply's own select case), a close on a path where the request was
// never handed over (the other case of the select that sends it), a
// close under a mutex. For a function that starts the sender: a
// receive of any kind (a done channel, a result), a Wait or a Lock
// between the go statement and the close, a deferred close, a close
// in a function literal (t.Cleanup, sync.Once.Do: other code decides
// when it runs), a goroutine that closes or receives the channel too.
// For the senders' mutex: a close inside the critical section that
// unregisters the channel, or after it (no sender can find the
// channel again). A channel that the producers' side closes without
// receiving from it (a pool's Close after its Submits) is the sender
// closing, not a receiver. For a shutdown method: a close ordered
// after every send of the started goroutines (syncmodel.OrderedAfter:
// a Wait, also in a helper the method calls, on a WaitGroup in a
// struct field that counts exactly the senders, each marking Done
// after its sends, also in the methods of a generic type (one Add(n)
// before a loop of n go statements of Worker[T].poll), or one that
// counts messages in flight: each exported method Adds one for the
// message it accepts, and the goroutine that handles a message sends
// before it marks it Done (in the loop over received messages, in a
// helper it calls, deferred), or before it hands the message on
// without a Done (to the next stage, or back for a retry by a
// goroutine that waits out a backoff: still counted until its final
// result's Done), not after (a forward after the Done, a per-batch
// notice after the batch's Dones, a retry sent after the Done or after
// an Add that follows it is reported); a receive from a done channel the sender closes as
// it returns, after a cancel, also when the closer receives such a
// done signal of the senders in a loop over its components (one per
// shard: the model cannot count them, so it stays silent); a join
// made by the caller before it
// calls the helper that closes), or by one of the protocols above (a
// flag set under the senders' mutex before the request); a close
// under a lock (the senders check a closed flag under the mutex the
// closer holds); a close in a function literal (sync.Once.Do in the
// senders or the closer: other code decides when it runs), deferred,
// or followed by storing a new channel in the field; a channel the
// sending goroutine closes itself; a channel nobody sends on (quit,
// closed as a broadcast); sends by the closer's caller, not by a
// goroutine the package starts (Submit's caller must not call it
// after Close; that is the caller's contract, not a race we can
// show); senders started by the closing function itself (judged as
// above, for a function that starts the sender); sends on another
// instance of the struct: the goroutine sends on the field of an
// object its starting function makes and keeps (a server stream made
// beside the client stream whose field the client's CloseSend closes,
// handed only to a handler; a test's own queue), or of an object the
// model cannot name (one taken from a map or slice); senders a
// _test.go file starts, against a close in the package's own code (a
// test that runs a worker on a producer it built by hand and never
// shuts down: the shutdown protocol is for the component's own
// goroutines):
//
//	cli := &stream{sendc: ch2}
//	srv := &stream{sendc: ch1}
//	go func() { srv.sendc <- err }() // the server's sendc: CloseSend closes the client's
//	return clientStream{cli}
//
// A close in another package, of a channel of that package (a field of
// its types, one of its variables), is reported there, where the close
// is seen, not again at every call in the packages that use it.
//
// The fix is to invert the signal: the receiver tells the sender to
// stop (close a done channel, cancel a context) and the sender closes
// the data channel:
//
//	func consume(jobs chan int, done chan struct{}) {
//		go func() {
//			defer close(jobs)
//			for i := 0; ; i++ {
//				select {
//				case jobs <- i:
//				case <-done:
//					return
//				}
//			}
//		}()
//		for j := range jobs {
//			if j == 10 {
//				close(done)
//			}
//		}
//	}
package closebyreceiver
