// Package syncmodel builds, once per package, a model of the
// synchronisation events of every function, on go/ssa, beside
// chanmodel (channels) and lockset (mutexes) and standing on both.
// Analyzer is an analysis pass with no diagnostics: analyzers Require
// it and read its *Model result.
//
// # The picture
//
// Think of a package as goroutines joined by edges. Each function is
// a goroutine's code (a function literal started by go is one, so is
// a method started by wg.Go(s.work)); along its control flow it
// performs events:
//
//	func (s *S) Stop() {                 func (s *S) start() {
//	    s.mu.Lock()        Lock s.mu         s.wg.Add(1)       Add s.wg
//	    s.wg.Wait()        Wait s.wg  <-.    go func() {       go -> start$1
//	    s.mu.Unlock()      Unlock s.mu   |       defer s.wg.Done()   Done s.wg (deferred)
//	}                                    |       s.mu.Lock()         Lock s.mu
//	                                     '----   ...
//	                                         }()
//	                                     }
//
// The edges are the ones between events on one object that complete
// each other (Kind.Partners): a Wait and the Done (or WaitGroup.Go)
// that releases it, a Cond.Wait and its Signal or Broadcast, a
// Group.Wait and Group.Go; for channels, chanmodel's send, receive
// and close on one ChanID; for mutexes, lockset's Lock and Unlock on
// one Key. A start edge (a go statement, WaitGroup.Go, errgroup's
// Group.Go, a call handing a function value to a helper that runs it
// in a new goroutine, s.stopper.RunWorker(func() {...}) (Run, from
// chanmodel's Spawner summaries); Once.Do for a synchronous run) leads
// from the starter to the function run, with the values its parameters and free variables
// are bound to; Model.Callers indexes those sites and the static
// calls. Each function also lists its Ends: the returns, panics and
// calls that end the goroutine or the process (flow.NeverReturns), so a query can
// ask along which paths a partner can leave without its operation.
//
// An analyzer reads a blocking protocol off the picture: Stop waits on
// s.wg holding s.mu; the partner that must Done is start$1, which
// locks s.mu first, so the two can block each other (lockedblock).
//
// # Ends: the partner that leaves first
//
// A waiter blocks forever when its partner's goroutine can end without
// its half of the protocol. Model.QuietExit answers, for a function and
// the instructions that perform an operation (Does: the Done, the
// send, or for a select case the edge into its body), whether a path
// from the entry reaches a return without them and without telling
// anyone anything else on its way (a send, a close, a Done, a go
// statement, a cancel or other function value called, or a call of a
// function of the package that does one: Func.Signals):
//
//	go func() {                        entry
//	    if err := load(); err != nil {   |\
//	        return        <------------- | '--> return: leaves without Done
//	    }                                |
//	    wg.Done()         Done (Does) -- cut
//	}()
//
// A send on a channel used as a lock (Model.LockChan, chanlock.go: a
// token gate whose sends return the token the goroutine took, as
// x/net/quic's gate.unlock does; a semaphore whose every send is
// given back by a receive, its own or, for a slot taken for a goroutine
// the sender starts next, the goroutine's deferred one) tells nobody anything: it wakes only the
// lock's next user, and neither cuts the path nor makes Func.Signals.
//
// A waiter in a plain operation hears nothing but its partner's half
// (Does.Deaf): then only a go statement, a function value called or a
// call of a signalling function of the package on the way still cuts
// the path (it may start another partner). Panics and exits end no such path (a crash strands nobody;
// but a panic that a recover the function deferred stops goes on to
// the recover block's return, Exit.Recovered), a
// select case on a package channel nothing sends on or closes is never
// taken. A path that has reported a test failure still counts: a waiter
// it strands hangs the test. Model.Leaves lifts the answer to the goroutine: the function
// is started (go, WaitGroup.Go, Group.Go) or called, up to a depth, by
// functions that are and that return quietly after the call
// (Model.EndsGoroutine); or a caller skips the call altogether.
// Model.GoSites lists the go statements behind a function. These
// queries also follow a call through an interface whose one
// implementation in the package is the function (a.Run(ctx) on an
// Agent only *agent implements); Model.Callers, whose sites bind
// arguments to parameters, does not.
//
// Model.Runners asks which goroutines can run a function with one
// object (a parameter or captured variable): it follows the object up
// through the calls that pass it on to the go statements that start a
// goroutine with it (PerObject: one per object, a constructor's go
// c.loop() or an exported Start's) and to the entries any goroutine
// may run (exported, used as a value, called through an interface). A
// field whose every access one per-object goroutine runs is owned by
// it (unlockedwrite).
//
// Model.QuietInTest asks whether an instruction of test code runs only
// while no goroutine that can run some functions is running: it is
// reached only from tests (not t.Parallel ones), and every goroutine
// those tests start before it that can run the functions is joined on
// the way (see quiet.go).
//
// Model.ChanLockHeld asks whether an instruction runs while its
// goroutine holds a channel used as a mutex (a one-slot semaphore, or a
// gate holding one token; see chanlock.go), also one its starter took
// for it and it gives back as it returns: lockset's keys are mutexes
// only.
//
// Model.OrderedAfter asks whether a channel operation runs only after
// every run of another, through a chain of happens-before edges: a
// Wait (its own, or on every path of a call before it: a Stop that
// cancels and waits) on a WaitGroup each of the other's goroutines
// marks Done after it, or that WaitGroup.Go started them by, or one
// that counts messages in flight rather than goroutines (each of the
// other's goroutines takes a message before the operation and marks
// it Done after, before it takes the next, or hands it on without a
// Done to a stage or retry goroutine that does so in turn: a Done is
// the release of every earlier operation of the message's handling;
// see inflight.go),
// or an errgroup.Group's Wait whose Go started them; the other's own
// goroutine, in which the operation follows it (a deferred close of a
// stopped channel, also in a deferred literal, and after the calls
// the goroutine makes: a fake's method the package calls only through
// its own interface, when the package keeps the fake's type to itself,
// runs within those calls; see entrySites); or a completed receive
// from a channel whose every send and close is itself so ordered (the
// senders Done, a waiter Waits and closes done, the receiver acts in
// its <-done case; see order.go), or a receive that saw a channel
// closed (the end of a drain, for range ch {}) whose every close is
// so ordered (each sender's goroutine closes it after its sends).
//
// Model.AddFenced asks whether a WaitGroup Add is ordered before every
// Wait, or does not run, through a closed state under a common lock:
// the Add runs while a never-cleared flag of its owner is clear, tested
// (directly or through a getter) under the owner's mutex, and every
// Wait follows a set of the flag under that mutex, or a set followed by
// a section of that mutex (see fence.go).
//
// A path out of a goroutine (QuietExit, Leaves) never takes the side of
// a receive's ok that a close takes when nothing closes the channel
// (chanmodel's NeverClosed), nor a select case on a channel nothing
// sends on or closes.
//
// Model.Gated asks the converse for a waiter: can it get to its
// operation at all once the partner has left? Not if every path to it
// first completes a receive from a channel that only the partner feeds,
// and only after its half (see gate.go).
//
// # Turns: a worker answering one requester at a time
//
// A worker goroutine that takes a request on a channel field, works,
// then replies on a channel field (the request's own one, both ways,
// or one only it sends on), while every requester holds one mutex from
// its request until the reply, handles one exchange at a time. Its
// writes between the request and any reply (Model.TurnOf) happen
// before what the requester does with the reply under that mutex
// (AfterAnswer), and inside every requester's critical section when
// each waits for the reply with no way around it (HeldOverTurn):
//
//	Read (holds c.mutex)          ioloop (one goroutine)
//	  c.notify <- struct{}{}  -->   <-c.notify
//	                                c.read, c.err = ...   TurnOf
//	  <-c.notify              <--   c.notify <- struct{}{}
//	  return c.read, c.err          AfterAnswer
//
// unlockedwrite asks it whether the worker's unlocked writes are
// ordered with every other access.
//
// # Contexts: a signal and the one function that fires it
//
// A context.WithCancel (or WithTimeout, WithDeadline) call makes a
// one-shot signal, the context's Done channel, and the function that
// fires it, the cancel (ctx.go). ContextMakers follows a context back
// to the calls that made it (through closures, captured variables,
// parameters every call binds, unexported fields and returned values);
// CancelCalls follows a cancel forward to the calls and defers of it
// (directly, in the closures that capture it, through the unexported
// fields it is kept in); NeverDone tells a parent that nothing
// cancels. goroutineleak asks whether a select case's cleanup fires
// the context of the case that ends the loop; closebyreceiver and
// partnerexit which calls can complete a receive from ctx.Done():
//
//	doneCtx, cancel := context.WithCancel(context.Background())
//	p := &reader{cancel: cancel}         CancelCalls: p.cancel() in closeWithError
//	go func() {
//	    select {
//	    case <-ctx.Done(): p.closeWithError()   fires doneCtx on every path
//	    case <-doneCtx.Done(): return           ContextMakers: the call above
//	    }
//	}()
//
// A ctx.Done() case of a context that only one function cancels and
// only it waits on is taken, on that function's paths, only after its
// own cancel (QuietExit's cancelledOnlyBy).
//
// # Events
//
// Func.Events lists, in source order, the events a function performs
// itself: WaitGroup Add, Done, Wait and Go (Go 1.25: it starts f as a
// goroutine and calls Done when f returns, so it is a start event and
// a Done at once), Cond Wait, Signal and Broadcast, Once.Do,
// errgroup.Group Go, TryGo and Wait (golang.org/x/sync/errgroup, by
// type name), time.Sleep and go statements. A closer object's methods
// (chanmodel.CloserRole: a cancel and a WaitGroup, ristretto's
// z.Closer) are its WaitGroup's: SignalAndWait or Wait is a Wait, the
// worker's Done a Done, on the closer. A WaitGroup wrapper's methods
// (a struct type of the package that keeps a sync.WaitGroup in a field
// and forwards its own Add, Done or Wait to it, wrapper.go) are events
// on the wrapped field of their receiver, named by the field that
// holds the wrapper. A Done of a WaitGroup a
// goroutine was handed (go s.work(&s.wg)) is named, where a go
// statement is asked about, as the starter passes it. Channel operations are
// chanmodel's direct Ops (Event.Op; their facts are chanmodel's, not
// recomputed), lock acquisitions and releases lockset's (Event.Lock).
// Event.Must says the event, or its defer statement, lies on every
// path from the entry to a return; Deferred that it runs at the exit.
//
// CallKind classifies a callee alone (no model needed, so summaries
// computed for facts use it too), and MayJoin says what counts as a
// join: a call that may wait for another goroutine whatever its
// receiver's type, any Wait method (IsWait) or a Lock or RLock.
//
// # One identity rule
//
// The object an event is on is named by the access path of its
// address, accesspath's Key (root and field/load steps; lockset's Key
// too), with the free variables of a function literal rebound to what
// the one closure that makes it captures: wg in a literal and wg in its maker, s.wg
// in a literal capturing the receiver s and s.wg in the method, are
// one Object. Across functions, two objects are the same (Same) when
// their paths from one stable root are equal, or when they are the
// same struct field, or path in a package variable, whatever the
// instance: the type-based identity chanmodel gives field channels.
// Model.Names carries an object rooted at a parameter or free
// variable up to the callers and starters that pass it (wg passed as
// &wg to go worker(&wg, ...)), and Model.EventsOn finds the events on
// an object in the whole package through those names. A query that
// needs the very same instance ties the object to its base in each
// function (the same root as the held mutex), as lockedblock does;
// within one function, SameInstance asks for the same path from the
// same root (selfdeadlock's Wait for its own Done).
//
// A Cond's mutex (its L) is known when every sync.NewCond(l) stored
// where the Cond is read from names the same mutex class
// (Model.CondLock).
//
// The converse, two instances of one type that are never the same
// object, comes from roles (Model.RoleOf): a role field is a field of
// basic type that the package writes only into an object it is still
// building (a connection's kind), so a branch that compares it with a
// constant (switch c.kind { case LEAF: }) fixes what c is for the code
// it dominates, and a function only the package's calls enter inherits
// the role its arguments have at every call. The elements of a map in
// a struct field have the roles of the values the package puts in it
// (g.in[cid] = c, only under case GATEWAY). Two roles that differ in
// one field (Apart) name different objects: lockorder's two
// connections of one mutex class, one a leaf and one a gateway.
//
// # Stopped state
//
// StopState, which needs only the package's functions (no Model),
// says what a call leaves behind for good (Effects: bool flags set
// true on every path, or found set where a path does not set them (an
// idempotent Seal under if !m.sealed), and never cleared by the package, channels
// closed, whether it may wake a waiter or start a goroutine) and
// whether a call can still return normally in a settled state
// (CannotReturn: flag tests, errors its callees then certainly
// return, select cases nothing will make ready). goroutineleak asks
// it whether the call before an orphaned send can only panic or block
// once the test has stopped listening (a Push on a full queue that
// panics after Close). Its facts are per field, not per object.
//
// # Scope
//
// The model is per package and exports no facts of its own (the
// helpers that run a function value in a goroutine are chanmodel's
// Spawner facts): its queries ask for partners within the package (a partner in another package, or
// behind an interface or function value, is not seen, and the
// analyzers stay silent). Summaries across packages, when a query
// needs them, belong beside chanmodel's and lockset's facts.
package syncmodel
