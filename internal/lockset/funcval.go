package lockset

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// Function values that unlock. An unlock closure kept in a local
// variable (unlock := func() { s.mu.Unlock() }, or the method value
// s.mu.Unlock) is a release wherever it is called: directly, from a
// deferred or nested function literal that captures the variable, or
// later by whoever it is handed to (a time.AfterFunc callback, a
// field of a returned handle).

// maxFuncDepth bounds the chains of variables and closures followed.
const maxFuncDepth = 4

// funcValue returns the function that the function value v of fn
// calls and the closure's bindings (values of fn), when v is a
// function, a closure made in fn, or a local variable of fn that is
// only ever assigned one such value.
func (b *builder) funcValue(fn *ssa.Function, v ssa.Value, depth int) (*ssa.Function, []ssa.Value) {
	if depth > maxFuncDepth {
		return nil, nil
	}
	switch v := v.(type) {
	case *ssa.Function:
		return v, nil
	case *ssa.MakeClosure:
		// Not analysisutil.FuncValue alone: the bindings must be
		// values of fn, so the closure must be made in fn.
		if c, ok := v.Fn.(*ssa.Function); ok && v.Parent() == fn {
			return c, v.Bindings
		}
	case *ssa.ChangeType:
		return b.funcValue(fn, v.X, depth+1)
	case *ssa.UnOp:
		if v.Op == token.MUL {
			switch x := v.X.(type) {
			case *ssa.Alloc:
				return b.cellFunc(fn, x, depth+1)
			case *ssa.FreeVar:
				// A sibling closure captured by a literal: doErr :=
				// func() { ...; s.mu.Unlock() } called from a
				// time.AfterFunc callback.
				return b.outerFunc(fn, x, depth+1)
			}
		}
	case *ssa.FreeVar:
		return b.outerFunc(fn, v, depth+1)
	case *ssa.Call:
		return b.returnedFunc(v, depth+1)
	}
	return nil, nil
}

// returnedFunc resolves the function value a call of a helper of the
// package returns (unlock := unlockOnce(&s.mu), whose literal calls
// once.Do(l.Unlock)): the literal every return of the helper gives,
// with its bindings in the caller's terms. A binding that is one of
// the helper's parameters is the call's argument (the mutex itself
// when it is passed as a sync.Locker); one made inside the helper
// (the Once) the caller cannot name, so keys rooted at it are dropped.
func (b *builder) returnedFunc(call *ssa.Call, depth int) (*ssa.Function, []ssa.Value) {
	c := call.Common()
	h := c.StaticCallee()
	if h == nil || h.Blocks == nil || h.Pkg == nil || h.Pkg.Pkg != b.pass.Pkg || h.Signature.Results().Len() != 1 {
		return nil, nil
	}
	if _, mc := c.Value.(*ssa.MakeClosure); mc {
		return nil, nil // the helper's own free variables are not bound here
	}
	var lit *ssa.Function
	var lb []ssa.Value
	for _, blk := range h.Blocks {
		ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		l, bs := b.funcValue(h, ret.Results[0], depth)
		if l == nil || lit != nil && (l != lit || !slices.Equal(bs, lb)) {
			return nil, nil // returns differ, or one cannot be resolved
		}
		lit, lb = l, bs
	}
	if lit == nil {
		return nil, nil
	}
	mine := make([]ssa.Value, len(lb))
	for i, v := range lb {
		p, spilled := v.(*ssa.Parameter)
		if a, ok := v.(*ssa.Alloc); ok {
			p = accesspath.SpilledParam(a)
			spilled = p != nil
		}
		j := slices.Index(h.Params, p)
		if j < 0 || j >= len(c.Args) {
			continue
		}
		a := c.Args[j]
		if mi, ok := a.(*ssa.MakeInterface); ok {
			a = mi.X // l.Unlock() of a Locker made from &s.mu unlocks s.mu
		}
		mine[i] = a
		if spilled {
			mine[i] = cellOf{a}
		}
	}
	return lit, mine
}

// cellOf is the binding, in a caller's terms, of a variable a helper
// captured that holds its parameter for the whole call: the argument.
// The literal's keys load the argument from the variable first; see
// callerKey.
type cellOf struct{ ssa.Value }

// outerFunc resolves the function held by the free variable fv of the
// literal fn through the one binding its parent gives it, and returns
// the closure's bindings in fn's terms: a value of the parent that fn
// captures too stands for fn's own free variable; one fn cannot name
// is left nil, so keys rooted at it are dropped.
func (b *builder) outerFunc(fn *ssa.Function, fv *ssa.FreeVar, depth int) (*ssa.Function, []ssa.Value) {
	mc := b.closures.Of(fn)
	outer := b.closures.Bound(fv)
	if mc == nil || outer == nil {
		return nil, nil
	}
	lit, lb := b.cellFunc(fn.Parent(), outer, depth)
	if lit == nil {
		return nil, nil
	}
	mine := make([]ssa.Value, len(lb))
	for i, v := range lb {
		for fv := range flow.Captures(mc, v) {
			mine[i] = fv
		}
	}
	return lit, mine
}

// cellFunc resolves the function held by a variable of fn: a local
// variable (an Alloc that lives in memory because a function literal
// captures it) assigned exactly once, and not by the literals that
// capture it, or a function value captured by value.
func (b *builder) cellFunc(fn *ssa.Function, v ssa.Value, depth int) (*ssa.Function, []ssa.Value) {
	if v == nil {
		return nil, nil // a binding outerFunc could not name
	}
	a, ok := v.(*ssa.Alloc)
	if !ok {
		if _, isFunc := v.Type().Underlying().(*types.Signature); isFunc {
			return b.funcValue(fn, v, depth)
		}
		return nil, nil
	}
	if a.Parent() != fn || a.Referrers() == nil {
		return nil, nil
	}
	var stored ssa.Value
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != a || stored != nil {
				return nil, nil
			}
			stored = r.Val
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil, nil
			}
		case *ssa.MakeClosure:
			if accesspath.AssignedBy(r, a) {
				return nil, nil
			}
		default:
			return nil, nil
		}
	}
	if stored == nil {
		return nil, nil
	}
	return b.funcValue(fn, stored, depth)
}

// calledFreeVars lists the free variables holding a function (or the
// variable holding one) that fn calls on every path to a return:
// directly, by a deferred call, or through a function literal it calls
// or defers that calls it in turn.
func (b *builder) calledFreeVars(fn *ssa.Function) []int {
	if len(fn.FreeVars) == 0 {
		return nil
	}
	index := func(v ssa.Value) int {
		if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
			v = u.X
		}
		for i, fv := range fn.FreeVars {
			if fv == v {
				return i
			}
		}
		return -1
	}
	called := map[int]bool{}
	dominates := map[*ssa.BasicBlock]bool{}
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if _, spawn := instr.(*ssa.Go); !ok || spawn || ci.Common().IsInvoke() {
				continue // a go statement's call may come after the return
			}
			c := ci.Common()
			// Only calls on every path count; asked only of the
			// blocks that call a function value.
			every := func() bool {
				d, ok := dominates[blk]
				if !ok {
					d = flow.DominatesReturns(blk)
					dominates[blk] = d
				}
				return d
			}
			if i := index(c.Value); i >= 0 {
				if every() {
					called[i] = true
				}
				continue
			}
			lit, bindings := b.funcValue(fn, c.Value, 0)
			if lit == nil || len(bindings) == 0 {
				continue
			}
			s := b.summaryOf(lit)
			if s == nil {
				continue
			}
			for _, j := range s.CallsFree {
				if j < len(bindings) {
					if i := index(bindings[j]); i >= 0 && every() {
						called[i] = true
					}
				}
			}
		}
	}
	var out []int
	for i := range fn.FreeVars {
		if called[i] {
			out = append(out, i)
		}
	}
	return out
}

// freeCallReleases returns the mutexes, in fn's terms, that a callee
// with summary s and closure bindings (values of fn) releases through
// the function values it calls from its free variables: closures that
// fn keeps in local variables.
func (b *builder) freeCallReleases(fn *ssa.Function, s *Summary, bindings []ssa.Value, depth int) []Key {
	if s == nil || depth > maxFuncDepth {
		return nil
	}
	var out []Key
	for _, j := range s.CallsFree {
		if j >= len(bindings) {
			continue
		}
		lit, lb := b.cellFunc(fn, bindings[j], 0)
		if lit == nil {
			continue
		}
		out = append(out, b.funcReleases(fn, lit, lb, depth+1)...)
	}
	return out
}

// funcReleases returns the mutexes, in fn's terms, that calling the
// function value lit (with fn's values as closure bindings) releases,
// as far as they do not depend on the call's arguments.
func (b *builder) funcReleases(fn, lit *ssa.Function, bindings []ssa.Value, depth int) []Key {
	s := b.summaryOf(lit)
	if s == nil {
		return nil
	}
	var out []Key
	for _, sk := range s.Releases {
		if sk.Param >= 0 {
			continue // the arguments of the later call are unknown
		}
		if k, ok := callerKey(sk, nil, bindings); ok {
			out = append(out, k)
		}
	}
	return append(out, b.freeCallReleases(fn, s, bindings, depth)...)
}

// handoff handles a function value v of f leaving the function's hands
// at instr (passed to a call that does not call it there and then,
// stored in memory, sent, returned): whoever receives it releases, by
// calling it, the mutexes it unlocks. For the function those are
// released at its exit, like a deferred unlock: the lock stays held
// for the rest of its body, and its returns no longer keep it.
func (b *builder) handoff(f *Func, instr ssa.Instruction, v ssa.Value, st *state, record bool) {
	if len(st.held) == 0 && len(st.may) == 0 {
		return
	}
	if _, ok := v.Type().Underlying().(*types.Signature); !ok {
		return
	}
	lit, bindings := b.funcValue(f.Fn, v, 0)
	if lit == nil {
		return
	}
	for _, k := range b.funcReleases(f.Fn, lit, bindings, 0) {
		_, held := st.held[k]
		_, may := st.may[k]
		if !held && !may {
			continue
		}
		setFlag(&st.deferred, k)
		if record {
			f.Deferred[k] = true
			f.Releases = append(f.Releases, Release{Instr: instr, Key: k, Later: true})
		}
	}
}

// madeWith returns the held mutexes that a function value v the model
// cannot resolve was made with: v is what a call returned that was
// handed the mutex itself (or a sync.Locker of it). Calling v may
// unlock it (a helper of another package, or one whose returns
// differ, wrapping l.Unlock), so it is no longer certainly held; a
// re-lock after the call is not reported on a guess.
func madeWith(v ssa.Value, held Set) []Key {
	call, ok := v.(*ssa.Call)
	if !ok || len(held) == 0 {
		return nil
	}
	c := call.Common()
	args := c.Args
	if c.IsInvoke() {
		args = append([]ssa.Value{c.Value}, args...)
	}
	var out []Key
	for _, a := range args {
		if mi, ok := a.(*ssa.MakeInterface); ok {
			a = mi.X
		}
		if _, ok := held[KeyOf(a)]; ok {
			out = append(out, KeyOf(a))
		}
	}
	return out
}
