package syncmodel

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// Analyzer builds the sync-event model of a package. It reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:       "syncmodel",
	Doc:        "build the sync-event model (WaitGroup, Cond, Once, errgroup, goroutines, channel and lock events) shared by goconcheck analyzers",
	URL:        "https://github.com/goconcheck/goconcheck/tree/main/internal/syncmodel",
	Requires:   []*analysis.Analyzer{buildssa.Analyzer, inspect.Analyzer, chanmodel.Analyzer, lockset.Analyzer, analysisutil.ModeAnalyzer, analysisutil.ClosuresAnalyzer},
	ResultType: reflect.TypeFor[*Model](),
	Run:        run,
}

// Kind is the kind of an Event.
type Kind uint8

const (
	Add       Kind = iota + 1 // sync.WaitGroup.Add
	Done                      // sync.WaitGroup.Done
	Wait                      // sync.WaitGroup.Wait
	WGGo                      // sync.WaitGroup.Go(f): Add(1), go f then Done
	CondWait                  // sync.Cond.Wait
	Signal                    // sync.Cond.Signal
	Broadcast                 // sync.Cond.Broadcast
	OnceDo                    // sync.Once.Do(f): runs f now, once
	GroupGo                   // errgroup.Group.Go or TryGo: starts f
	GroupWait                 // errgroup.Group.Wait
	Sleep                     // time.Sleep
	Go                        // a go statement
	Chan                      // a channel operation of chanmodel
	Lock                      // a lock acquisition of lockset
	Unlock                    // a release of lockset
	Run                       // a call of a helper that runs a function value in a new goroutine (chanmodel.Spawner)
)

var kindNames = [...]string{"?", "Add", "Done", "Wait", "WaitGroup.Go", "Cond.Wait", "Signal", "Broadcast",
	"Once.Do", "Group.Go", "Group.Wait", "Sleep", "go", "chan", "Lock", "Unlock", "run"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "?"
}

// Blocks reports whether an event of kind k can wait for another
// goroutine (channel operations and locks say so themselves).
func (k Kind) Blocks() bool {
	switch k {
	case Wait, CondWait, GroupWait, OnceDo:
		return true
	}
	return false
}

// Partners returns the kinds of the events that complete or are
// completed by an event of kind k on the same object: a Wait's Done
// (and WaitGroup.Go, whose goroutine calls Done) and Add, a Cond.Wait's
// Signal and Broadcast, and back.
func (k Kind) Partners() []Kind {
	switch k {
	case Wait:
		return []Kind{Add, Done, WGGo}
	case Add, Done, WGGo:
		return []Kind{Wait}
	case CondWait:
		return []Kind{Signal, Broadcast}
	case Signal, Broadcast:
		return []Kind{CondWait}
	case GroupWait:
		return []Kind{GroupGo}
	case GroupGo:
		return []Kind{GroupWait}
	case OnceDo:
		return []Kind{OnceDo}
	}
	return nil
}

// An Event is a synchronisation event a function performs itself.
type Event struct {
	Kind Kind
	// Obj is the WaitGroup, Cond, Once or errgroup.Group the event is
	// on; the zero Object for the other kinds.
	Obj Object
	// Instr is the call, go or defer statement, or for Chan, Lock and
	// Unlock the instruction of chanmodel's or lockset's own record.
	Instr ssa.Instruction
	// Pos is the start of the call or statement in the source.
	Pos token.Pos
	// Expr is the source text of the object (wg, s.cond) or of the
	// called function for Go.
	Expr string
	// Deferred: a defer statement runs the event at the function's exit.
	Deferred bool
	// Must: the event (for Deferred: its defer statement) is on every
	// path from the entry to a return.
	Must bool
	// Start is, for Go, WGGo, GroupGo, OnceDo and Run, the function run.
	Start *Start
	// Op is, for Chan, chanmodel's record of the operation.
	Op *chanmodel.Op
	// Lock is, for Lock and Unlock, the mutex.
	Lock lockset.Key
}

// A Start is a function a go statement, WaitGroup.Go, Group.Go,
// Once.Do or a helper that runs its argument in a goroutine (Run)
// runs.
type Start struct {
	// Fn is the function run, if it is known statically (a closure's
	// body, a function or a method); nil otherwise.
	Fn *ssa.Function
	// Args and Bindings are the values Fn's parameters and free
	// variables are bound to.
	Args, Bindings []ssa.Value
	// Goroutine: Fn runs in a new goroutine (not Once.Do).
	Goroutine bool
}

// An End is where a function's goroutine can stop: a return, a panic,
// or a call that ends the goroutine or the process.
type End struct {
	Instr ssa.Instruction
	Kind  string // "return", "panic" or "exit"
}

// Func is the model of one function.
type Func struct {
	Fn *ssa.Function
	// Events in source order.
	Events []Event
	// Ends lists where the function (as a goroutine: the goroutine)
	// can stop.
	Ends []End
	// Signals: the function, or a function of the package it calls,
	// may tell another goroutine something (sends, closes, calls Done,
	// Signal or Broadcast, starts a goroutine, calls a function value).
	Signals bool
}

// Starts returns the events of f that start a goroutine.
func (f *Func) Starts() []*Event {
	var out []*Event
	for i := range f.Events {
		if e := &f.Events[i]; e.Start != nil && e.Start.Goroutine {
			out = append(out, e)
		}
	}
	return out
}

// A Ref is an event of a function of the model.
type Ref struct {
	F *Func
	E *Event
}

// A Site is a place where a function is called, or started, with its
// arguments.
type Site struct {
	Caller         *ssa.Function
	Instr          ssa.Instruction
	Args, Bindings []ssa.Value
	Goroutine      bool
}

// IsGo reports whether the site is a go statement itself, not a call
// nor a function handed to a starter (WaitGroup.Go), which Goroutine
// marks as well.
func (s Site) IsGo() bool {
	_, ok := s.Instr.(*ssa.Go)
	return ok
}

// Model is the sync-event model of a package.
type Model struct {
	// Funcs lists the package's functions (closures included) in a
	// stable order.
	Funcs []*Func
	// Chans and Locks are the models the events come from.
	Chans *chanmodel.Model
	Locks *lockset.Result

	byFn    map[*ssa.Function]*Func
	callers map[*ssa.Function][]Site
	// invokes holds the calls through an interface of a method whose
	// one implementation in the package is fn (see implementer); kept
	// apart from callers, whose arguments are the callee's parameters.
	invokes map[*ssa.Function][]Site
	invoked map[ssa.Instruction]*ssa.Function
	impls   map[*types.Interface]types.Type
	// closures is the package's shared lookup of each function
	// literal's MakeClosure (see canon).
	closures *analysisutil.Closures
	exprs    map[token.Pos]string
	funs     map[token.Pos]string // the called expression of each call
	conds    []condMaker
	pkg      *types.Package

	// entries indexes, lazily, how functions can be entered other
	// than by the calls and starts of callers (reach.go).
	entriesOnce sync.Once
	entries     *entryIndex

	// roleFields memoizes isRoleField; analyzers that share the model
	// may ask at once.
	roleMu     sync.Mutex
	roleFields map[*types.Var]bool

	// received memoizes receivedAll, which depends on the close alone
	// while OrderedAfter is asked it for each send.
	receivedMu sync.Mutex
	received   map[*chanmodel.Op]bool

	// lockChans holds the channels used as locks, whose sends tell
	// nobody anything, with how each is taken (chanlock.go).
	lockChans map[chanmodel.ChanID]lockShape

	// forwards holds the WaitGroup wrapper methods of the package
	// (wrapper.go).
	forwards map[*ssa.Function]forward
	// wrapped maps the WaitGroup field of each wrapper type to its
	// index in the struct.
	wrapped map[*types.Var]int
}

// Func returns the model of fn, or nil.
func (m *Model) Func(fn *ssa.Function) *Func { return m.byFn[fn] }

// Callers returns the static call sites of fn in the package, the
// calls through a dispatch table that holds it (table.go), and the go
// statements, WaitGroup.Go, Group.Go and Once.Do calls that run it.
func (m *Model) Callers(fn *ssa.Function) []Site { return m.callers[fn] }

func run(pass *analysis.Pass) (any, error) {
	ssainfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	m := &Model{
		Chans:      pass.ResultOf[chanmodel.Analyzer].(*chanmodel.Model),
		Locks:      pass.ResultOf[lockset.Analyzer].(*lockset.Result),
		byFn:       make(map[*ssa.Function]*Func),
		callers:    make(map[*ssa.Function][]Site),
		invokes:    make(map[*ssa.Function][]Site),
		roleFields: make(map[*types.Var]bool),
		received:   make(map[*chanmodel.Op]bool),
		invoked:    make(map[ssa.Instruction]*ssa.Function),
		impls:      make(map[*types.Interface]types.Type),
		closures:   analysisutil.PassClosures(pass),
		exprs:      make(map[token.Pos]string),
		funs:       make(map[token.Pos]string),
		pkg:        pass.Pkg,
	}
	if analysisutil.FactsOnly(pass) {
		return m, nil // the model serves reports only
	}
	m.indexSyntax(pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
	all := ssainfo.SrcFuncs // function literals included
	for _, fn := range all {
		m.indexCalls(fn)
	}
	m.indexTables(ssainfo.Pkg, all)
	m.findForwards(all)
	for _, fn := range all {
		if m.byFn[fn] != nil || fn.Blocks == nil {
			continue
		}
		f := m.build(fn)
		m.byFn[fn] = f
		m.Funcs = append(m.Funcs, f)
	}
	m.lockChans = m.findLockChans()
	m.markSignals()
	return m, nil
}

// indexSyntax records the source text of each call's receiver (or, for
// a go statement, the called function) and of the called function by
// the call's Lparen, where SSA positions its instruction.
func (m *Model) indexSyntax(ins *inspector.Inspector) {
	ins.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		call := n.(*ast.CallExpr)
		m.funs[call.Lparen] = types.ExprString(call.Fun)
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			m.exprs[call.Lparen] = types.ExprString(sel.X)
		} else {
			m.exprs[call.Lparen] = types.ExprString(call.Fun)
		}
	})
}

// funcOf returns the function a function value denotes, and the
// values its free variables are bound to; for a method value (s.work),
// the method and its receiver as the one argument. The function is
// the one whose blocks stand for it (flow.Body): a generic function of
// the package is called through an instantiation (w.poll in a method
// of Worker[T] calls (*Worker[T]).poll[T]), while the model keeps its
// events, callers and starts under the origin it built.
func funcOf(v ssa.Value) (fn *ssa.Function, recv, bindings []ssa.Value) {
	fn, bindings = analysisutil.FuncValue(v)
	if m := analysisutil.BoundMethod(fn); m != nil {
		return flow.Body(m), bindings, nil
	}
	if fn == nil {
		return nil, nil, nil
	}
	return flow.Body(fn), nil, bindings
}

// indexCalls records fn's call sites of functions of the package.
func (m *Model) indexCalls(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if call, ok := in.(*ssa.Call); ok {
				m.noteNewCond(fn, call)
			}
			ci, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			c := ci.Common()
			_, isGo := in.(*ssa.Go)
			if c.IsInvoke() {
				if callee := m.implementer(fn.Prog, c); callee != nil {
					m.invokes[callee] = append(m.invokes[callee], Site{Caller: fn, Instr: in, Goroutine: isGo})
					m.invoked[in] = callee
				}
			}
			if callee, _, bindings := funcOf(c.Value); callee != nil && !c.IsInvoke() {
				m.callers[callee] = append(m.callers[callee], Site{Caller: fn, Instr: in, Args: c.Args, Bindings: bindings, Goroutine: isGo})
			}
			if k, start := m.classify(fn, c, in); start != nil && start.Fn != nil && k != Go {
				m.callers[start.Fn] = append(m.callers[start.Fn], Site{Caller: fn, Instr: in, Args: start.Args, Bindings: start.Bindings, Goroutine: start.Goroutine})
			}
		}
	}
}

// classify returns the kind of the sync event a call is, or 0, and
// the function it runs, for those that run one.
func (m *Model) classify(fn *ssa.Function, c *ssa.CallCommon, in ssa.Instruction) (Kind, *Start) {
	if _, ok := in.(*ssa.Go); ok {
		if c.IsInvoke() {
			return Go, &Start{Goroutine: true}
		}
		callee, _, bindings := funcOf(c.Value)
		return Go, &Start{Fn: callee, Args: c.Args, Bindings: bindings, Goroutine: true}
	}
	if c.IsInvoke() {
		return 0, nil
	}
	runs := func(goroutine bool) *Start {
		if len(c.Args) < 2 {
			return &Start{Goroutine: goroutine}
		}
		callee, recv, bindings := funcOf(c.Args[1])
		return &Start{Fn: callee, Args: recv, Bindings: bindings, Goroutine: goroutine}
	}
	switch k := CallKind(flow.CalleeFunc(c)); k {
	case WGGo, GroupGo:
		return k, runs(true)
	case OnceDo:
		return k, runs(false)
	case 0:
		if fw, ok := m.forwardOfCall(c); ok {
			return fw.kind, nil // a WaitGroup wrapper's method (wrapper.go)
		}
		// A closer object's methods are its WaitGroup's (chanmodel's
		// CloserRole): a SignalAndWait waits on it, a worker's
		// deferred closer.Done marks it done; the closer stands for
		// the WaitGroup in the events.
		if r, ok := m.Chans.CloserRoleOf(flow.CalleeFunc(c)); ok && len(c.Args) > 0 {
			switch {
			case r.Waits:
				return Wait, nil
			case r.Done && !r.Signals:
				return Done, nil
			}
		}
		return m.runOf(c, in)
	default:
		return k, nil
	}
}

// runOf returns Run and the function started when the call c hands a
// function value to a helper that runs that parameter in a new
// goroutine (chanmodel.Spawner: stopper.RunWorker(func() {...})); the
// first such argument whose function is known, else the first.
func (m *Model) runOf(c *ssa.CallCommon, in ssa.Instruction) (Kind, *Start) {
	if _, ok := in.(*ssa.Call); !ok {
		return 0, nil
	}
	callee := c.StaticCallee()
	if callee == nil {
		return 0, nil
	}
	var start *Start
	for _, k := range m.Chans.RunsInGoroutine(callee) {
		if k >= len(c.Args) {
			continue
		}
		if fn, recv, bindings := funcOf(c.Args[k]); fn != nil {
			return Run, &Start{Fn: fn, Args: recv, Bindings: bindings, Goroutine: true}
		}
		if start == nil {
			start = &Start{Goroutine: true}
		}
	}
	if start == nil {
		return 0, nil
	}
	return Run, start
}

// CallKind returns the kind of the sync event a call of fn is: a
// method of WaitGroup, Cond, Once or errgroup.Group, or time.Sleep;
// 0 for anything else.
func CallKind(fn *types.Func) Kind {
	if fn == nil {
		return 0
	}
	for _, k := range []struct {
		pkg, recv, name string
		kind            Kind
	}{
		{"sync", "WaitGroup", "Add", Add},
		{"sync", "WaitGroup", "Done", Done},
		{"sync", "WaitGroup", "Wait", Wait},
		{"sync", "WaitGroup", "Go", WGGo},
		{"sync", "Cond", "Wait", CondWait},
		{"sync", "Cond", "Signal", Signal},
		{"sync", "Cond", "Broadcast", Broadcast},
		{"sync", "Once", "Do", OnceDo},
		{"golang.org/x/sync/errgroup", "Group", "Go", GroupGo},
		{"golang.org/x/sync/errgroup", "Group", "TryGo", GroupGo},
		{"golang.org/x/sync/errgroup", "Group", "Wait", GroupWait},
	} {
		if analysisutil.IsMethod(fn, k.pkg, k.recv, k.name) {
			return k.kind
		}
	}
	if analysisutil.IsFunc(fn, "time", "Sleep") {
		return Sleep
	}
	return 0
}

// MayJoin reports whether a call of fn may wait for another goroutine,
// whatever the type of its receiver: a Wait method (IsWait) and any
// Lock or RLock (another goroutine may hold the mutex until it is
// done). It is the join an analyzer asks about when it must stay
// silent after code that may have waited; unknown code is the caller's
// to judge.
func MayJoin(fn *types.Func) bool {
	return IsWait(fn) || isMethod(fn) && (fn.Name() == "Lock" || fn.Name() == "RLock")
}

// IsWait reports whether fn is a method named Wait, whatever its
// receiver: WaitGroup's, Cond's, errgroup's, exec.Cmd's, or a pool's
// of the program, all wait for other goroutines.
func IsWait(fn *types.Func) bool { return isMethod(fn) && fn.Name() == "Wait" }

func isMethod(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil
}

// build lists fn's events and ends.
func (m *Model) build(fn *ssa.Function) *Func {
	f := &Func{Fn: fn}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Return:
				f.Ends = append(f.Ends, End{Instr: in, Kind: "return"})
				continue
			case *ssa.Panic:
				f.Ends = append(f.Ends, End{Instr: in, Kind: "panic"})
				continue
			}
			ci, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			c := ci.Common()
			if _, ok := in.(*ssa.Call); ok && flow.NeverReturns(c) {
				f.Ends = append(f.Ends, End{Instr: in, Kind: "exit"})
			}
			k, start := m.classify(fn, c, in)
			if k == 0 {
				continue
			}
			e := Event{Kind: k, Instr: in, Pos: m.start(c.Pos()), Expr: m.exprs[c.Pos()], Start: start}
			if in.Pos().IsValid() && !e.Pos.IsValid() {
				e.Pos = in.Pos()
			}
			if k == Run {
				e.Expr = m.funs[c.Pos()] // the helper, as for a go statement the function
			}
			_, e.Deferred = in.(*ssa.Defer)
			if fw, ok := m.forwardOfCall(c); ok {
				e.Obj = m.wrappedObject(fn, c.Args[0], fw)
			} else if k != Go && k != Sleep && k != Run && len(c.Args) > 0 {
				e.Obj = m.objectOf(fn, c.Args[0], typeName(c.Args[0].Type()))
			}
			e.Must = onEveryPath(in)
			f.Events = append(f.Events, e)
		}
	}
	if cf := m.Chans.Func(fn); cf != nil {
		for i := range cf.Ops {
			op := &cf.Ops[i]
			if !op.Direct() || op.Kind == chanmodel.Assign {
				continue
			}
			f.Events = append(f.Events, Event{Kind: Chan, Instr: op.Instr, Pos: op.Pos, Expr: op.Expr, Op: op,
				Deferred: op.Deferred, Must: op.Must})
		}
	}
	if lf := m.Locks.Funcs[fn]; lf != nil {
		for _, a := range lf.Acquires {
			f.Events = append(f.Events, Event{Kind: Lock, Instr: a.Instr, Pos: m.start(a.Instr.Pos()), Expr: lockset.Describe(a.Key),
				Lock: a.Key, Must: onEveryPath(a.Instr)})
		}
		for _, r := range lf.Releases {
			_, deferred := r.Instr.(*ssa.Defer)
			f.Events = append(f.Events, Event{Kind: Unlock, Instr: r.Instr, Pos: m.start(r.Instr.Pos()), Expr: lockset.Describe(r.Key),
				Lock: r.Key, Deferred: deferred, Must: onEveryPath(r.Instr)})
		}
	}
	slices.SortStableFunc(f.Events, func(a, b Event) int { return cmp.Compare(a.Pos, b.Pos) })
	return f
}

// start is where an event's call (or statement) starts: chanmodel
// indexes every call's start by its Lparen, where SSA positions it.
func (m *Model) start(pos token.Pos) token.Pos { return m.Chans.Start(pos) }

// typeName names the sync type t is or points to.
func typeName(t types.Type) string {
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok {
		if n.Obj().Pkg() != nil && n.Obj().Pkg().Name() != "sync" {
			return n.Obj().Pkg().Name() + "." + n.Obj().Name()
		}
		return n.Obj().Name()
	}
	return t.String()
}

// onEveryPath reports whether in is on every path from its function's
// entry to a return: without in's block, no return is reachable.
func onEveryPath(in ssa.Instruction) bool {
	blk := in.Block()
	if blk == nil {
		return false
	}
	fn := blk.Parent()
	entry := fn.Blocks[0]
	if entry == blk {
		return true
	}
	avoiding := func(b *ssa.BasicBlock) []*ssa.BasicBlock {
		if b == blk {
			return nil
		}
		return b.Succs
	}
	reach := flow.Search{Next: avoiding}.Reach(entry)
	reach[entry] = true
	for b := range reach {
		if b == blk || len(b.Instrs) == 0 {
			continue
		}
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			return false
		}
	}
	return true
}

// Implementer returns the method of the package that the interface
// method call c of fn reaches, when the package declares the interface
// and exactly one type of it implements it (see Model.Leaves); nil
// otherwise.
func (m *Model) Implementer(fn *ssa.Function, c *ssa.CallCommon) *ssa.Function {
	if !c.IsInvoke() {
		return nil
	}
	return m.implementer(fn.Prog, c)
}

// implementer returns the method an interface method call c reaches
// when the interface is declared in the package and exactly one
// non-generic type declared there (or a pointer to it) implements it,
// else nil.
func (m *Model) implementer(prog *ssa.Program, c *ssa.CallCommon) *ssa.Function {
	// Only the package's own interfaces: another package's (io.Reader,
	// error) has implementations everywhere, and asking of every type
	// whether it implements every interface would cost.
	decl, ok := types.Unalias(c.Value.Type()).(*types.Named)
	if !ok || decl.Obj().Pkg() != m.pkg || c.Method == nil {
		return nil
	}
	iface, ok := decl.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	t, seen := m.impls[iface]
	if !seen {
		n := 0
		scope := m.pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) {
				continue
			}
			switch {
			case types.Implements(named, iface):
				t = named
				n++
			case types.Implements(types.NewPointer(named), iface):
				t = types.NewPointer(named)
				n++
			}
		}
		if n != 1 {
			t = nil
		}
		m.impls[iface] = t
	}
	if t == nil {
		return nil
	}
	sel := prog.MethodSets.MethodSet(t).Lookup(c.Method.Pkg(), c.Method.Name())
	if sel == nil || len(sel.Index()) != 1 {
		return nil // promoted from an embedded field
	}
	obj, ok := sel.Obj().(*types.Func)
	if !ok {
		return nil
	}
	fn := prog.FuncValue(obj)
	if fn == nil || fn.Blocks == nil {
		return nil
	}
	return fn
}
