// Package chanmodel builds, once per package, a model of the channel
// operations of every function, shared by the analyzers of goconcheck
// that reason about channels (closebyreceiver, goroutineleak,
// goroutinepanic, lockedblock, selfdeadlock, sendafterclose, unjoined,
// unlockedwrite) and by syncmodel, which stands on it. Analyzer is an
// analysis pass of its own with no diagnostics: analyzers Require it
// and read its *Model result.
//
// # The picture
//
// Think of each function as the goroutines it runs and the channel
// operations each performs. Unit 0 is the goroutine that calls the
// function; every go statement, in it or in a callee, opens another
// unit; a call brings the callee's operations into the caller's unit,
// the callee's parameters replaced by the arguments:
//
//	func (p *Pool) Start() {            the Ops of Start:
//	    p.tasks = make(chan Task)         assign field tasks  u0
//	    go p.work()                       recv   field tasks  u1 (from work)
//	    p.tasks <- Task{}                 send   field tasks  u0
//	}
//	func (p *Pool) work() {             the Ops of work:
//	    for range p.tasks {}              recv   field tasks  u0
//	}
//
// The edges join operations on one channel (one ChanID; for a field,
// the very same channel when their bases agree, see Instance): a send
// and the receive that takes its value, a close and the receives and
// ranges it ends. A go statement is the edge from the starter's unit
// to the one it opens. An analyzer reads a protocol off the picture:
// a receiver's unit that closes a channel other units send on
// (closebyreceiver), a close while another unit may still send
// (sendafterclose), a unit blocked on an operation no other unit can
// complete (goroutineleak, selfdeadlock). syncmodel joins these edges
// to the WaitGroup, Cond and lock ones.
//
// # Channel identity
//
// A ChanID is a canonical abstract location of a channel:
//
//   - KindMake: a make(chan T) allocation site (*ssa.MakeChan);
//   - KindField: a struct field (*types.Var, generic fields by their
//     origin): s.tasks in every method of S is one channel, whatever
//     the instance (field-based, type-based abstraction);
//   - KindGlobal: a package-level variable (*ssa.Global);
//   - KindParam: a parameter of a function (including the receiver),
//     replaced by the argument's identity when a caller includes the
//     function's operations;
//   - KindElem: the elements of a slice field of channels (r.chans[i],
//     the ch of for _, ch := range r.chans), for every instance, like
//     KindField; two operations on it are never known to be on the
//     same channel (SameChan), and PerElement says when a loop takes
//     the elements one by one (elem.go).
//
// Values are resolved through Phi nodes (all edges must agree),
// ChangeType and Convert (chan T to <-chan T), loads of a field
// address, struct Field projections, closures' free variables (through
// the MakeClosure binding in the enclosing function) and local
// variables that live in memory because a closure captures them (an
// Alloc whose every store stores the same channel), and the parameters
// of a function literal that its maker hands to a helper of the
// package which only calls it, always passing the same one of its own
// parameters (analysisutil.HelperArg): the maker's argument for that
// parameter, so poll(func(d <-chan T) {...}, stop) makes d stop.
// Anything else, for
// example the result of a call or an element of a local slice or of a
// map, has no identity, and the analyzers stay silent about it.
//
// Field identity is type-based, which is right for "who sends on s.ch"
// questions but not for "is this the same channel" ones. So an
// operation on a field also records its Base: the SSA value of the
// struct pointer, canonicalised through free variables and captured
// locals. Two operations act on the very same channel when their IDs
// are equal and, for fields, their bases are the same non-nil value.
// Across functions, InstanceOf and Model.InstanceIn classify the object
// a field operation acts on (instance.go): one the function was handed
// or found (outer), one each run makes and hands to its caller
// (handed), or one each run makes and keeps (local), so a close of
// "a field of every T" elsewhere is not taken to close a local
// object's channel. Model.OtherObjects answers the sharper question
// for two operations: each object made by known allocations (the
// base itself, what every caller passes for a parameter, what a
// constructor the call goes through made), none shared, and a field
// that only ever holds a channel made for it: two channels, so two
// tests' mocks never meet. The walk from a base to that object is
// accesspath's (accesspath.Object).
//
// # Operations and goroutines
//
// For every function with a body (source functions, closures and the
// synthetic wrappers they call) the model lists the operations it
// performs, each an Op: send, receive (also range and select cases) or
// close, plus assignments of a channel to a field or global (which
// reset what is known about it). Each Op is either direct, or comes
// from a call, defer or go statement of the function, and then carries
// the callee's operations with parameters replaced by the arguments.
// Operations of a callee on channels it allocates itself are dropped:
// they are the callee's business.
//
// Op.Unit says which goroutine runs the operation: 0 is the goroutine
// that runs the function itself (synchronous calls and defers stay in
// it), every go statement (also inside callees) opens a new unit.
// Functions passed as values (to sync.Once.Do, stored in a field, ...)
// are not followed: their operations belong to the closure's own
// entry in the model only. The one exception is a function value
// handed to a helper that runs it in a new goroutine (sync.WaitGroup.Go,
// a stopper's RunWorker(func() {...}): any function summarised as
// running that parameter by a *Spawner fact, see spawn.go): its
// operations open a unit at the helper's call, as a go statement's
// would. StartedNeverEnds asks of such a start, or a go statement,
// whether the goroutine can ever end (neverends.go).
//
// Per operation the model also records facts about its own function
// that the analyzers need and that survive the climb to callers: Must
// (the operation runs on every path that returns normally), RecvBefore
// (a receive on the same channel may precede it in the same
// goroutine), AfterWait (a Wait method, e.g. sync.WaitGroup.Wait, may
// precede it) and Locked (a Lock of a sync.Mutex or sync.RWMutex may
// precede it); for fields and globals, Fresh (on every path to it, a
// channel made during the call was stored there: the call operates on
// its own channel) and Replaced (on every path from it to a return,
// something else is stored there); and for an operation of a callee,
// Renewed and ReplacedByCall: the callee's own Fresh and Replaced.
//
// # Termination and escape (for goroutineleak and selfdeadlock)
//
// Per function the model records NoReturn (no return, panic, os.Exit,
// runtime.Goexit, log.Fatal... is reachable: e.g. a loop without exit;
// calls to functions that cannot terminate, of this package or
// another, are dead ends: flow.Ends says which, flow.Hangs), and per operation of a goroutine Avoid (the goroutine can
// terminate without completing it; for a select case: without taking
// that case) and NeedsClose (a v, ok := <-ch whose ok decides an if,
// as range does: the goroutine terminates only once ch is closed).
// Both climb through calls and go statements and across packages in
// the Summary fact; Truncated marks a function whose operation list is
// incomplete (recursion cut, size limit).
//
// Model.Escapes(id) reports whether code the model does not see may
// operate on a channel: it follows the channel's value through
// ChangeType, Phi, captured variables, closures and parameters of
// functions of the package (and of other packages whose Summary lists
// the parameter as Contained), and gives up on anything else (another
// package's function, a dynamic call, an interface, a slice, map or
// another field, a return, a send over a channel, an exported field
// or variable). For the elements of a slice field it follows the
// field's slices through indexing, len, cap and appends of fresh
// channels stored back, and each element read out like any channel.
// Model.OpsOn(id) lists every operation on it; with
// Escapes false that list is complete. Unshared asks the same walk,
// kept local, of a struct just made: whether it or a channel in its
// fields has been handed to anyone yet at a given instruction.
// SendEscapes asks only about sends and closes: a receive-only view
// of the channel (<-chan T) goes anywhere without giving them away.
//
// # Summaries across packages
//
// The operations of a function on its parameters and on fields of
// struct types declared in its package are exported as a *Summary fact
// on its *types.Func, so a helper in another package counts at its
// call sites; only for functions and methods with an exported name,
// the only ones another package can call. Calls through interfaces and function values are not
// followed.
//
// Closer objects (a context made by context.WithCancel from one
// nothing cancels, its cancel function and a sync.WaitGroup, in
// unexported fields: ristretto's z.Closer) get a *CloserRole fact on
// each method: whether it may signal (cancel), waits on the WaitGroup
// after every signal it makes, calls Done, or returns the signal
// channel; Model.CloserRoleOf reads it (closer.go).
//
// The model is built in one walk over the package's SSA functions,
// each function summarised once (recursion is cut: a function being
// summarised contributes nothing to its own recursive calls).
package chanmodel
