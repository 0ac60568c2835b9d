package syncmodel

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// Stopped state: what a stop method (Close, Stop, Shutdown) leaves
// behind for good (a bool field, or a sync/atomic.Bool, stored true
// and never anything else), and whether a blocking call can still return
// normally once it has. A bounded queue's Push that waits while the
// queue is full and panics once it is closed cannot return normally
// after Close when nothing takes from the queue: its goroutine never
// gets past it. The facts are per field, not per object: a stop
// method's flag is the flag of every object of its type.
//
// The model needs only the package's functions, not the sync-event
// model, so passes that do not build that model can ask it.

// Effects is what a call does, through the package's functions it
// calls statically, to the state other goroutines wait on.
type Effects struct {
	// SetTrue: bool fields stored true on every path to a normal
	// return. Closes: channel fields closed on every such path.
	SetTrue, Closes map[*types.Var]bool
	// Touches: channel fields any operation is on.
	Touches map[*types.Var]bool
	// Wakes: it may wake a waiter other than by closing a channel: a
	// sync.Cond's Signal or Broadcast, a send or receive, a go
	// statement, a call through an interface or a function value.
	Wakes bool
	// Starts: it may start a goroutine.
	Starts bool
}

// A StopState answers for one package.
type StopState struct {
	pkg *types.Package
	// cleared: bool fields some store of the package sets to anything
	// but the constant true: a flag not set for good.
	cleared map[*types.Var]bool
	// nonNil: package variables every store sets to a new error.
	nonNil map[*ssa.Global]bool
}

// NewStopState indexes the stores of the package's functions fns and
// of its initialiser.
func NewStopState(pkg *ssa.Package, fns []*ssa.Function) *StopState {
	s := &StopState{pkg: pkg.Pkg, cleared: make(map[*types.Var]bool), nonNil: make(map[*ssa.Global]bool)}
	bad := make(map[*ssa.Global]bool)
	if init := pkg.Func("init"); init != nil {
		fns = append(fns[:len(fns):len(fns)], init)
	}
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if f, val, ok := atomicFlagWrite(in); ok && !isTrue(val) {
					s.cleared[f] = true
				}
				st, ok := in.(*ssa.Store)
				if !ok {
					continue
				}
				if f := analysisutil.FieldOf(st.Addr); f != nil && analysisutil.IsBool(f.Type()) && !isTrue(st.Val) {
					s.cleared[f] = true
				}
				if g, ok := st.Addr.(*ssa.Global); ok {
					if newError(st.Val) {
						s.nonNil[g] = true
					} else {
						bad[g] = true
					}
				}
			}
		}
	}
	for g := range bad {
		delete(s.nonNil, g)
	}
	return s
}

func isTrue(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value != nil && k.Value.Kind() == constant.Bool && constant.BoolVal(k.Value)
}

func isBoolConst(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value != nil && k.Value.Kind() == constant.Bool
}

// newError reports whether v is the result of errors.New or
// fmt.Errorf, which is never nil.
func newError(v ssa.Value) bool {
	c, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	fn := flow.CalleeFunc(c.Common())
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	p, n := fn.Pkg().Path(), fn.Name()
	return p == "errors" && n == "New" || p == "fmt" && n == "Errorf"
}

const stopDepth = 4

// EffectsOf returns what a call of fn does (see Effects).
func (s *StopState) EffectsOf(fn *ssa.Function) Effects {
	e := Effects{SetTrue: map[*types.Var]bool{}, Closes: map[*types.Var]bool{}, Touches: map[*types.Var]bool{}}
	s.effects(fn, &e, true, stopDepth)
	return e
}

// effects adds fn's effects to e; every says whether fn runs on every
// path of the call being summarised (its stores and closes count as
// done for good only then).
func (s *StopState) effects(fn *ssa.Function, e *Effects, every bool, depth int) {
	if fn == nil || depth == 0 || len(fn.Blocks) == 0 {
		e.Wakes, e.Starts = true, true
		return
	}
	for _, b := range fn.Blocks {
		always := every && flow.DominatesReturns(b)
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Store:
				if f := analysisutil.FieldOf(in.Addr); f != nil && isTrue(in.Val) && !s.cleared[f] &&
					(always || every && trueAtReturns(fn, f)) {
					e.SetTrue[f] = true
				}
			case *ssa.Send:
				e.Wakes = true
				s.touch(e, in.Chan)
			case *ssa.UnOp:
				if in.Op == token.ARROW {
					e.Wakes = true
					s.touch(e, in.X)
				}
			case *ssa.Select:
				e.Wakes = true
				for _, st := range in.States {
					s.touch(e, st.Chan)
				}
			case *ssa.Go:
				e.Wakes, e.Starts = true, true
			case *ssa.Call, *ssa.Defer:
				if f, val, ok := atomicFlagWrite(in); ok {
					if always && isTrue(val) && !s.cleared[f] {
						e.SetTrue[f] = true
					}
					continue
				}
				s.callEffects(in.(ssa.CallInstruction).Common(), e, always, depth)
			}
		}
	}
}

// trueAtReturns reports whether the bool field f is true at every
// normal return of fn: every path from the entry to a return stores
// true into it, or finds it set (an idempotent Seal or Close that does
// its work only under if !x.sealed and then sets the flag).
func trueAtReturns(fn *ssa.Function, f *types.Var) bool {
	// The flag found set ends the path: only the other branch goes on.
	walk := flow.Search{Next: func(b *ssa.BasicBlock) []*ssa.BasicBlock {
		if load, set, ok := FlagTest(b); ok && analysisutil.FieldOf(load.X) == f {
			return b.Succs[1-set : 2-set]
		}
		return b.Succs
	}}
	ok := true
	walk.WalkBlock(fn.Blocks[0], func(in ssa.Instruction) bool {
		switch in := in.(type) {
		case *ssa.Store:
			return !isTrue(in.Val) || analysisutil.FieldOf(in.Addr) != f // set on this path
		case *ssa.Return:
			ok = false
		}
		return ok
	})
	return ok
}

func (s *StopState) touch(e *Effects, ch ssa.Value) {
	if f := chanField(ch); f != nil {
		e.Touches[f] = true
	}
}

// chanField returns the field a channel value is loaded from.
func chanField(v ssa.Value) *types.Var {
	if l, ok := v.(*ssa.UnOp); ok && l.Op == token.MUL {
		return analysisutil.FieldOf(l.X)
	}
	return nil
}

func (s *StopState) callEffects(c *ssa.CallCommon, e *Effects, always bool, depth int) {
	if b, ok := c.Value.(*ssa.Builtin); ok {
		if b.Name() == "close" && len(c.Args) == 1 {
			if f := chanField(c.Args[0]); f != nil {
				e.Touches[f] = true
				if always {
					e.Closes[f] = true
				}
			}
		}
		return
	}
	callee := flow.CalleeFunc(c)
	switch {
	case analysisutil.IsMethod(callee, "sync", "Cond", "Signal"), analysisutil.IsMethod(callee, "sync", "Cond", "Broadcast"):
		e.Wakes = true
		return
	case analysisutil.IsMethod(callee, "sync", "Once", "Do"):
		if arg, ok := analysisutil.OnceDoArg(c); ok {
			fn, _, _ := funcOf(arg)
			s.effects(fn, e, always, depth-1)
		}
		return
	case callee != nil && callee.Pkg() != nil && callee.Pkg().Path() == "sync":
		return
	}
	fn := c.StaticCallee()
	if c.IsInvoke() || fn == nil {
		e.Wakes, e.Starts = true, true
		return
	}
	if fn.Pkg == nil || fn.Pkg.Pkg != s.pkg {
		// Another package's function cannot see our fields; only a
		// wrapper (with a body) may call back into ours. A function
		// loaded from export data is synthetic too, but has no body.
		if fn.Synthetic == "" || len(fn.Blocks) == 0 {
			return
		}
	}
	s.effects(flow.Origin(fn), e, always, depth-1)
}

// Settled is a state to ask a call about: flags set and channels
// closed for good, and the channels something may still operate on
// (Busy). A select case on any other channel, which the caller is
// blocked in, never fires: nothing will make it ready.
type Settled struct {
	Set, Closed, Busy map[*types.Var]bool
	// Open: any select case may still fire (nothing is known idle).
	Open bool
}

// CannotReturn reports whether a call of fn, in the state st, can only
// panic, end its goroutine or the process, or block for ever: no path
// to a normal return survives the flags st sets, the select cases it
// leaves idle and the errors its callees then certainly return. A
// deferred recover (fn.Recover) may turn a panic into a return: then
// fn may return.
func (s *StopState) CannotReturn(fn *ssa.Function, st Settled) bool {
	return s.cannotReturn(fn, st, stopDepth)
}

func (s *StopState) cannotReturn(fn *ssa.Function, st Settled, depth int) bool {
	_, ok := s.returnsUnder(fn, st, depth)
	return ok && len(s.liveReturns(fn, st, depth)) == 0
}

// returnsUnder is liveReturns when fn can be asked about at all.
func (s *StopState) returnsUnder(fn *ssa.Function, st Settled, depth int) ([]*ssa.Return, bool) {
	if fn == nil || depth == 0 || len(fn.Blocks) == 0 || fn.Pkg == nil || fn.Pkg.Pkg != s.pkg || flow.DefersRecover(fn) {
		return nil, false
	}
	return s.liveReturns(fn, st, depth), true
}

// liveReturns returns the returns of fn that a path from its entry
// reaches in the state st.
func (s *StopState) liveReturns(fn *ssa.Function, st Settled, depth int) []*ssa.Return {
	var rets []*ssa.Return
	for b := range s.live(fn, st, depth) {
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && !s.cuts(b, st, depth) {
			rets = append(rets, r)
		}
	}
	return rets
}

// live returns the blocks of fn a path from its entry enters in st.
func (s *StopState) live(fn *ssa.Function, st Settled, depth int) map[*ssa.BasicBlock]bool {
	seen := make(map[*ssa.BasicBlock]bool)
	stack := []*ssa.BasicBlock{fn.Blocks[0]}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		if !s.cuts(b, st, depth) {
			stack = append(stack, s.succs(b, st, depth)...)
		}
	}
	return seen
}

// cuts reports whether a path through b ends in b: a panic, a call
// that never returns (or cannot in st), a select none of whose cases
// can fire.
func (s *StopState) cuts(b *ssa.BasicBlock, st Settled, depth int) bool {
	for _, in := range b.Instrs {
		switch in := in.(type) {
		case *ssa.Panic:
			return true
		case *ssa.Call:
			if flow.NeverReturns(in.Common()) {
				return true
			}
			if fn := in.Common().StaticCallee(); fn != nil && s.cannotReturn(flow.Origin(fn), st, depth-1) {
				return true
			}
		case *ssa.Select:
			if in.Blocking && !s.anyCaseFires(in, st) {
				return true
			}
		}
	}
	return false
}

// fires reports whether the case of a select on ch (a receive when
// recv) can be taken in st.
func fires(ch ssa.Value, recv bool, st Settled) bool {
	f := chanField(ch)
	if f == nil || st.Open {
		return true
	}
	return recv && st.Closed[f] || st.Busy[f]
}

func (s *StopState) anyCaseFires(sel *ssa.Select, st Settled) bool {
	for _, c := range sel.States {
		if fires(c.Chan, c.Dir == types.RecvOnly, st) {
			return true
		}
	}
	return false
}

// succs returns the successors of b control can go to in st.
func (s *StopState) succs(b *ssa.BasicBlock, st Settled, depth int) []*ssa.BasicBlock {
	if load, set, ok := FlagTest(b); ok {
		if f := analysisutil.FieldOf(load.X); f != nil && st.Set[f] && !s.cleared[f] {
			return b.Succs[set : set+1]
		}
	}
	if f, set, ok := atomicFlagTest(b); ok && st.Set[f] && !s.cleared[f] {
		return b.Succs[set : set+1]
	}
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return b.Succs
	}
	bin, ok := iff.Cond.(*ssa.BinOp)
	if !ok || bin.Op != token.EQL && bin.Op != token.NEQ {
		return b.Succs
	}
	// if err != nil, on an error a callee returns whatever path it
	// takes in st.
	x, y := bin.X, bin.Y
	if analysisutil.IsNilConst(x) {
		x, y = y, x
	}
	if analysisutil.IsNilConst(y) && s.neverNilResult(x, st, depth) {
		if bin.Op == token.NEQ {
			return b.Succs[:1]
		}
		return b.Succs[1:]
	}
	// The dispatch on a select's chosen case: a case that cannot fire
	// is not taken.
	if ex, ok := x.(*ssa.Extract); ok && ex.Index == 0 && bin.Op == token.EQL {
		if sel, ok := ex.Tuple.(*ssa.Select); ok {
			if k, ok := y.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.Int {
				if i, ok := constant.Int64Val(k.Value); ok && int(i) < len(sel.States) {
					c := sel.States[i]
					if !fires(c.Chan, c.Dir == types.RecvOnly, st) {
						return b.Succs[1:]
					}
				}
			}
		}
	}
	return b.Succs
}

// neverNilResult reports whether v, a result of a call of the package,
// is not nil on any return the callee can reach in st.
func (s *StopState) neverNilResult(v ssa.Value, st Settled, depth int) bool {
	i := 0
	if ex, ok := v.(*ssa.Extract); ok {
		v, i = ex.Tuple, ex.Index
	}
	call, ok := v.(*ssa.Call)
	if !ok || call.Common().StaticCallee() == nil {
		return false
	}
	callee := flow.Origin(call.Common().StaticCallee())
	rets, ok := s.returnsUnder(callee, st, depth-1)
	if !ok {
		return false
	}
	for _, r := range rets {
		if i >= len(r.Results) {
			return false
		}
		res := r.Results[i]
		// A function that defers returns through its result
		// variables: each return statement stores into them.
		if l, ok := res.(*ssa.UnOp); ok && l.Op == token.MUL {
			if a, ok := l.X.(*ssa.Alloc); ok && a.Parent() == callee {
				if !s.storesNeverNil(a, st, depth) {
					return false
				}
				continue
			}
		}
		if !s.neverNil(res) {
			return false
		}
	}
	return true
}

// storesNeverNil reports whether every store into the result variable
// a on a path live in st stores a new error, and some path stores.
func (s *StopState) storesNeverNil(a *ssa.Alloc, st Settled, depth int) bool {
	live := s.live(a.Parent(), st, depth-1)
	n := 0
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != ssa.Value(a) || !live[r.Block()] {
				continue
			}
			if !s.neverNil(r.Val) {
				return false
			}
			n++
		case *ssa.UnOp:
		default:
			return false // its address is handed on
		}
	}
	return n > 0
}

// neverNil reports whether v is a new error, directly or through a
// package variable only ever set to one.
func (s *StopState) neverNil(v ssa.Value) bool {
	if newError(v) {
		return true
	}
	if l, ok := v.(*ssa.UnOp); ok && l.Op == token.MUL {
		if g, ok := l.X.(*ssa.Global); ok {
			return s.nonNil[g]
		}
	}
	return false
}

// atomicFlagWrite returns the atomic.Bool field that the call in
// writes (Store, Swap, CompareAndSwap) and the value it leaves there
// (nil for a CompareAndSwap that may leave either).
func atomicFlagWrite(in ssa.Instruction) (*types.Var, ssa.Value, bool) {
	call, ok := in.(ssa.CallInstruction)
	if !ok {
		return nil, nil, false
	}
	c := call.Common()
	fn := flow.CalleeFunc(c)
	if c.IsInvoke() || len(c.Args) < 2 {
		return nil, nil, false
	}
	var val ssa.Value
	switch {
	case analysisutil.IsMethod(fn, "sync/atomic", "Bool", "Store"), analysisutil.IsMethod(fn, "sync/atomic", "Bool", "Swap"):
		val = c.Args[1]
	case analysisutil.IsMethod(fn, "sync/atomic", "Bool", "CompareAndSwap"):
		// CompareAndSwap(false, true) leaves the flag true whether it
		// swaps or not (and the same for clearing): the word holds
		// the new value after the call.
		if len(c.Args) == 3 && isTrue(c.Args[1]) != isTrue(c.Args[2]) && isBoolConst(c.Args[1]) && isBoolConst(c.Args[2]) {
			val = c.Args[2]
		}
	default:
		return nil, nil, false
	}
	f := analysisutil.FieldOf(c.Args[0])
	return f, val, f != nil
}

// atomicFlagTest is FlagTest for an atomic.Bool field: if x.f.Load()
// or if !x.f.Load(). It returns the field and the index of the
// successor taken when the flag is set.
func atomicFlagTest(b *ssa.BasicBlock) (*types.Var, int, bool) {
	cond, set, ok := testedValue(b)
	if !ok {
		return nil, 0, false
	}
	call, ok := cond.(*ssa.Call)
	if !ok || len(call.Call.Args) != 1 || !analysisutil.IsMethod(flow.CalleeFunc(&call.Call), "sync/atomic", "Bool", "Load") {
		return nil, 0, false
	}
	f := analysisutil.FieldOf(call.Call.Args[0])
	return f, set, f != nil
}
