package syncmodel

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// A closed state fences a WaitGroup: an Add that runs only while a
// flag of the WaitGroup's owner is clear, tested in the critical
// section of the owner's mutex that performs the Add, is ordered
// before every Wait that runs only after the flag was set, for good,
// under that mutex (a hedging coordinator: acquire adds under mu while
// !done; the waiter sets done under mu, then waits):
//
//	func (c *C) acquire() bool {        func (c *C) finish() {
//	    c.mu.Lock()                          c.mu.Lock()
//	    defer c.mu.Unlock()                  c.done = true
//	    if c.done { return false }           c.mu.Unlock()
//	    c.wg.Add(1)                          c.wg.Wait()
//	    return true                      }
//	}
//
// The two critical sections are ordered by the mutex. If the Add's
// comes first, the Add happens before the Unlock, so before the set and
// the Wait. If the set's comes first, the test sees the flag set (no
// one clears it) and the Add does not run. Either way no Add races with
// the Wait, and the WaitGroup is not reused after it.

// AddFenced reports whether the WaitGroup Add call add is fenced by a
// closed state (see above): the WaitGroup is an unexported field of
// the package used only as the receiver of its own methods; add runs
// in a write-locked critical section of a mutex field of the same
// owner, after a test in that section of an unexported bool (or
// atomic.Bool) field of the owner that skips the Add when set; the
// package never clears the flag; and every Wait on the field is
// preceded, on every path in its goroutine, by a set of the flag of
// the same owner under the same mutex (in its function, in a callee
// that sets it on every path, or before every call of the function
// that waits). An Add in a helper the package alone calls is fenced
// when each of its calls is (fencedAtCalls).
func (m *Model) AddFenced(add *ssa.Call) bool {
	if CallKind(flow.CalleeFunc(add.Common())) != Add || len(add.Call.Args) == 0 {
		return false
	}
	wfa, ok := add.Call.Args[0].(*ssa.FieldAddr)
	if !ok {
		return false
	}
	wg := analysisutil.FieldOf(wfa)
	if !m.privateField(wg, wfa.X.Type()) || !m.onlyMethodReceiver(wg) {
		return false
	}
	for _, fc := range m.fences(add, wfa.X) {
		if m.waitsAfterSet(wg, fc.flag, fc.mu) {
			return true
		}
	}
	return m.excludedFromWaits(add, wfa, wg) || m.fencedAtCalls(add, wfa, wg)
}

// fencedAtCalls reports whether the Add add, in a helper that adds on
// the WaitGroup wg of its parameter's object ("b.mu must be held"),
// entered only by the package's calls, without releasing a lock before
// the Add, is fenced at each call: the call is fenced as an Add would
// be, on the argument's object (in the caller's section, after its
// test of the closed flag), or it is made by the function that holds
// every Wait of the package on wg, which waits after the call on every
// path (a Shutdown that sets the flag, then flushes through the same
// helper before it waits).
func (m *Model) fencedAtCalls(add *ssa.Call, wfa *ssa.FieldAddr, wg *types.Var) bool {
	fn := add.Parent()
	// The object, named by the parameter it came in by (a receiver a
	// literal of the helper captures is loaded from its cell).
	k := lockset.KeyOf(wfa.X)
	p, ok := k.Root.(*ssa.Parameter)
	ok = ok && k.Path == "" && k.Global == ""
	i := slices.Index(fn.Params, p)
	sites := m.Callers(fn)
	if !ok || i < 0 || len(sites) == 0 || !m.EnteredOnlyByCalls(fn) {
		return false
	}
	if flow.AnyBefore(add, func(in ssa.Instruction) bool {
		c, ok := in.(ssa.CallInstruction)
		return ok && lockset.MutexOpOf(flow.CalleeFunc(c.Common())) == lockset.MutexUnlock
	}) {
		return false
	}
	for _, s := range sites {
		call, ok := s.Instr.(*ssa.Call)
		if !ok || s.Goroutine || i >= len(s.Args) {
			return false
		}
		if !slices.ContainsFunc(m.fences(call, s.Args[i]), func(fc fence) bool { return m.waitsAfterSet(wg, fc.flag, fc.mu) }) &&
			!m.waitsAfterCall(call, wg) {
			return false
		}
	}
	return true
}

// waitsAfterCall reports whether every Wait of the package on the
// WaitGroup field wg is in call's function, and one of them follows
// call on every path to a return.
func (m *Model) waitsAfterCall(call *ssa.Call, wg *types.Var) bool {
	after := false
	all := m.everyWait(wg, func(c ssa.Instruction, _ lockset.Key) bool {
		if c.Parent() != call.Parent() {
			return false
		}
		after = after || flow.Reaches(call, c, nil) && flow.OnEveryPath(call, c)
		return true
	})
	return all && after
}

// excludedFromWaits reports whether the Add add, on the WaitGroup field
// wg of wfa's object, runs holding a mutex field of that object (in
// either mode) that every Wait on wg holds for writing, and there is a
// Wait: no Wait runs while the Add's section does, so the Add comes
// before a Wait, which waits for it, or after one has returned (an
// event sender that adds, sends and marks Done under the read lock,
// beside a disable that waits under the write lock).
func (m *Model) excludedFromWaits(add *ssa.Call, wfa *ssa.FieldAddr, wg *types.Var) bool {
	fn := add.Parent()
	lf := m.Locks.Funcs[fn]
	if lf == nil {
		return false
	}
	base := m.canon(fn, lockset.KeyOf(wfa.X), 0)
	for k := range lf.HeldBefore(add) {
		mu := fieldBelow(base, m.canon(fn, k, 0))
		if mu == nil || !m.privateField(mu, wfa.X.Type()) {
			continue
		}
		if m.waitsHolding(wg, mu) {
			return true
		}
	}
	return false
}

// waitsHolding reports whether every Wait of the package on the
// WaitGroup field wg runs holding its owner's mutex field mu for
// writing, and there is a Wait.
func (m *Model) waitsHolding(wg, mu *types.Var) bool {
	return m.everyWait(wg, func(c ssa.Instruction, owner lockset.Key) bool {
		return m.writeHeld(c, owner, mu)
	})
}

// A fence is a closed state that keeps an instruction out once set:
// the flag field and the mutex field whose critical section tests it.
type fence struct{ flag, mu *types.Var }

// fences returns the closed states that fence at, an instruction on
// the object base: at runs in a write-locked critical section of a
// mutex field mu of base, after a test in that section of an
// unexported bool (or atomic.Bool) field f of base, never cleared by
// the package, that skips at when set.
func (m *Model) fences(at ssa.Instruction, base ssa.Value) []fence {
	lf := m.Locks.Funcs[at.Parent()]
	if lf == nil {
		return nil
	}
	var out []fence
	for _, b := range at.Parent().Blocks {
		x, f, iff, set, ok := flagTestOn(b)
		if !ok || x != base || !b.Dominates(at.Block()) {
			continue
		}
		if !m.ownField(f) || m.flagCleared(f) {
			continue
		}
		next := b.Succs[set]
		if next == at.Block() || flow.Reaches(next.Instrs[0], at, func(in ssa.Instruction) bool { return in == iff }) {
			continue
		}
		for _, mu := range sectionLocks(base, lf.HeldBefore(iff), lf.HeldBefore(at)) {
			out = append(out, fence{f, mu})
		}
	}
	return out
}

// The same closed state hands the object over to the one call that
// sets it (a Close that takes mu, returns early if closed is set, sets
// it, unlocks, then releases the buffers without the lock):
//
//	func (c *Conn) Close() error {       func (c *Conn) Send(m []byte) error {
//	    c.mu.Lock()                          c.mu.Lock()
//	    if c.closed {                        defer c.mu.Unlock()
//	        c.mu.Unlock()                    if c.closed {
//	        return ErrClosed                     return ErrClosed
//	    }                                    }
//	    c.closed = true                      c.queue = append(c.queue, m)
//	    c.mu.Unlock()                        return nil
//	    c.queue = nil                    }
//	    ...
//	}
//
// A Send whose section comes first is ordered before the Close's by
// mu, so before the release; one whose section comes later sees the
// flag and touches nothing. A second Close returns early, so the
// release runs once.

// HandedOver reports whether the write w, through the field address
// fa, runs in the call that set a closed state of fa's object (tested
// and set in one write-locked section of a mutex of the object, or
// swapped from false to true by a CompareAndSwap in such a section,
// never cleared), after that section, and every access of others (to
// the same field, in other functions) is fenced by that state (see
// fences).
func (m *Model) HandedOver(fa *ssa.FieldAddr, w ssa.Instruction, others []ssa.Instruction) bool {
	if !m.ownField(analysisutil.FieldOf(fa)) || len(others) == 0 {
		return false
	}
	for _, fc := range m.claims(w, fa.X) {
		fenced := true
		for _, o := range others {
			ofa, ok := o.(*ssa.FieldAddr)
			if !ok || !slices.Contains(m.fences(o, ofa.X), fc) {
				fenced = false
				break
			}
		}
		if fenced {
			return true
		}
	}
	return false
}

// claims returns the closed states of base that w's function claims
// before w: it gets to w only in the call that turned the flag from
// clear to set, in one write-locked section of the mutex, which has
// ended (or ends) before w.
func (m *Model) claims(w ssa.Instruction, base ssa.Value) []fence {
	fn := w.Parent()
	lf := m.Locks.Funcs[fn]
	if lf == nil {
		return nil
	}
	key := m.canon(fn, lockset.KeyOf(base), 0)
	var out []fence
	for _, b := range fn.Blocks {
		if !b.Dominates(w.Block()) || len(b.Instrs) == 0 {
			continue
		}
		iff := b.Instrs[len(b.Instrs)-1]
		// if !x.closed.CompareAndSwap(false, true) { return }
		if cond, won, ok := testedValue(b); ok {
			if c, ok := cond.(*ssa.Call); ok {
				if f, val, ok := atomicFlagWrite(c); ok && isTrue(val) && m.ownField(f) && !m.flagCleared(f) {
					if cfa, ok := c.Call.Args[0].(*ssa.FieldAddr); ok && cfa.X == base && onlyWay(b, won, w, iff) {
						for _, mu := range sectionLocks(base, lf.HeldBefore(c), lf.HeldBefore(c)) {
							out = append(out, fence{f, mu})
						}
					}
				}
			}
		}
		// if x.closed { return }; x.closed = true, in one section.
		x, f, _, set, ok := flagTestOn(b)
		if !ok || x != base || !onlyWay(b, 1-set, w, iff) {
			continue
		}
		if !m.ownField(f) || m.flagCleared(f) {
			continue
		}
		for _, sb := range fn.Blocks {
			for _, in := range sb.Instrs {
				if in == w || !flow.Dominates(in, w) || !b.Dominates(sb) {
					continue
				}
				for _, mu := range sectionLocks(base, lf.HeldBefore(iff), lf.HeldBefore(in)) {
					if m.setsUnder(in, key, f, mu, 0) {
						out = append(out, fence{f, mu})
					}
				}
			}
		}
	}
	return out
}

// onlyWay reports whether w, dominated by b, is reached from b only
// through its successor i: the other one cannot get to w without
// passing the if at the end of b again.
func onlyWay(b *ssa.BasicBlock, i int, w, iff ssa.Instruction) bool {
	other := b.Succs[1-i]
	return other != w.Block() && !flow.Reaches(other.Instrs[0], w, func(in ssa.Instruction) bool { return in == iff })
}

// ownField reports whether f is an unexported field of the package:
// the package's code is all the code that can reach it.
func (m *Model) ownField(f *types.Var) bool {
	return f != nil && !f.Exported() && f.Pkg() == m.pkg
}

// privateField reports whether f, a field of the struct that owner
// (or what it points to) is, can be used only by the package: an
// unexported field of it, or one it embeds (sync.WaitGroup, a mutex)
// when the struct's type is unexported and no exported API of the
// package hands out a value of it.
func (m *Model) privateField(f *types.Var, owner types.Type) bool {
	if m.ownField(f) {
		return true
	}
	if f == nil || !f.Embedded() || f.Pkg() != m.pkg {
		return false
	}
	n := namedOf(owner)
	return n != nil && n.Obj().Pkg() == m.pkg && !n.Obj().Exported() && !m.entryIdx().exposed[n]
}

// onlyMethodReceiver reports whether every access to the field wg is
// the receiver of a call of one of its methods: its address goes
// nowhere a Wait could hide.
func (m *Model) onlyMethodReceiver(wg *types.Var) bool {
	for _, in := range m.FieldAccesses(wg) {
		fa, ok := in.(*ssa.FieldAddr)
		if !ok {
			return false
		}
		for _, r := range *fa.Referrers() {
			c, ok := r.(ssa.CallInstruction)
			if _, isDebug := r.(*ssa.DebugRef); isDebug {
				continue
			}
			if !ok || c.Common().IsInvoke() || len(c.Common().Args) == 0 || c.Common().Args[0] != ssa.Value(fa) || CallKind(flow.CalleeFunc(c.Common())) == 0 {
				return false
			}
		}
	}
	return true
}

// flagTestOn returns the object (base) and the flag field f the if
// ending b tests (x.f, x.f.Load() of an atomic.Bool, or a call of a
// getter of the package that returns one of these of its receiver,
// x.closing()), the if, and the index of the successor taken when the
// flag is set.
func flagTestOn(b *ssa.BasicBlock) (base ssa.Value, f *types.Var, iff ssa.Instruction, set int, ok bool) {
	cond, set, ok := testedValue(b)
	if !ok {
		return nil, nil, nil, 0, false
	}
	if c, ok := cond.(*ssa.Call); ok && len(c.Call.Args) == 1 && !c.Call.IsInvoke() {
		if g := c.Call.StaticCallee(); g != nil && g.Pkg != nil && len(g.Params) == 1 {
			if fa, ok := flagRead(flagGetterResult(g)); ok && fa.X == g.Params[0] {
				return c.Call.Args[0], analysisutil.FieldOf(fa), b.Instrs[len(b.Instrs)-1], set, true
			}
		}
	}
	fa, ok := flagRead(cond)
	if !ok {
		return nil, nil, nil, 0, false
	}
	return fa.X, analysisutil.FieldOf(fa), b.Instrs[len(b.Instrs)-1], set, true
}

// flagRead returns the field address a read of a bool flag v loads:
// x.f of a bool field, or x.f.Load() of an atomic.Bool.
func flagRead(v ssa.Value) (*ssa.FieldAddr, bool) {
	var addr ssa.Value
	switch c := v.(type) {
	case *ssa.UnOp:
		if c.Op != token.MUL || !analysisutil.IsBool(c.Type()) {
			return nil, false
		}
		addr = c.X
	case *ssa.Call:
		if len(c.Call.Args) != 1 || !analysisutil.IsMethod(flow.CalleeFunc(&c.Call), "sync/atomic", "Bool", "Load") {
			return nil, false
		}
		addr = c.Call.Args[0]
	}
	fa, ok := addr.(*ssa.FieldAddr)
	return fa, ok
}

// flagGetterResult returns the one value g, a function of one block,
// returns, or nil.
func flagGetterResult(g *ssa.Function) ssa.Value {
	if len(g.Blocks) != 1 {
		return nil
	}
	ret, ok := g.Blocks[0].Instrs[len(g.Blocks[0].Instrs)-1].(*ssa.Return)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	return ret.Results[0]
}

// flagCleared reports whether the package may store anything but true
// into the flag f (a bool or atomic.Bool field).
func (m *Model) flagCleared(f *types.Var) bool {
	for _, in := range m.FieldAccesses(f) {
		for _, r := range *in.(ssa.Value).Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == in.(ssa.Value) && !isTrue(st.Val) {
				return true
			}
			if _, val, ok := atomicFlagWrite(r); ok && !isTrue(val) {
				return true
			}
		}
	}
	return false
}

// sectionLocks returns the mutex fields of base locked for writing by
// one acquisition held at both a and b.
func sectionLocks(base ssa.Value, a, b lockset.Set) []*types.Var {
	bk := lockset.KeyOf(base)
	var out []*types.Var
	for k, l := range a {
		if l2, ok := b[k]; ok && l.Mode == lockset.Write && l2.Mode == lockset.Write && l.Pos == l2.Pos {
			if mu := fieldBelow(bk, k); mu != nil {
				out = append(out, mu)
			}
		}
	}
	return out
}

// fieldBelow returns the field k names directly inside base, or nil.
func fieldBelow(base, k lockset.Key) *types.Var {
	if !base.Valid() || !k.HasPrefix(base) || accesspath.Len(k.Path) != accesspath.Len(base.Path)+1 {
		return nil
	}
	return k.Field()
}

const fenceDepth = 3

// waitsAfterSet reports whether every Wait of the package on the
// WaitGroup field wg runs after a set of the flag f of its owner under
// the owner's mutex mu, and there is a Wait.
func (m *Model) waitsAfterSet(wg, f, mu *types.Var) bool {
	return m.everyWait(wg, func(c ssa.Instruction, owner lockset.Key) bool {
		return m.setBefore(owner, c, f, mu, fenceDepth)
	})
}

// everyWait reports whether ok holds for every Wait of the package on
// the WaitGroup field wg, given the call and the canonical key of the
// WaitGroup's owner, and there is a Wait. A deferred Wait, which runs
// at a return the fences do not place, fails.
func (m *Model) everyWait(wg *types.Var, ok func(c ssa.Instruction, owner lockset.Key) bool) bool {
	any := false
	for _, fn := range m.Funcs {
		for _, ev := range fn.Events {
			if ev.Kind != Wait {
				continue
			}
			c, isCall := ev.Instr.(ssa.CallInstruction)
			if !isCall || len(c.Common().Args) == 0 {
				return false
			}
			fa, isField := c.Common().Args[0].(*ssa.FieldAddr)
			if !isField || analysisutil.FieldOf(fa) != wg {
				continue
			}
			any = true
			if _, deferred := c.(*ssa.Defer); deferred || !ok(c, m.canon(fn.Fn, lockset.KeyOf(fa.X), 0)) {
				return false
			}
		}
	}
	return any
}

// setBefore reports whether, on every path to at, the flag f of the
// owner named by key (canonical in at's function, see canon) has been
// set under the owner's mutex mu: by an instruction of at's function
// that dominates at; or, the function being entered only by the
// package's calls and go statements (a parameter's owner bound by
// each, a closure's captured owner its maker's), before every one.
func (m *Model) setBefore(key lockset.Key, at ssa.Instruction, f, mu *types.Var, depth int) bool {
	fn := at.Parent()
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if in != at && flow.Dominates(in, at) && (m.setsUnder(in, key, f, mu, fenceDepth) || m.setsThenLocks(in, at, key, f, mu)) {
				return true
			}
		}
	}
	sites := m.callers[fn]
	if depth == 0 || len(sites) == 0 || !m.EnteredOnlyByCalls(fn) {
		return false
	}
	for _, s := range sites {
		k := key
		if _, isParam := key.Root.(*ssa.Parameter); isParam {
			ck, ok := lockset.Rebind(fn, key, s.Args, s.Bindings)
			if !ok {
				return false
			}
			k = m.canon(s.Caller, ck, 0)
		}
		if !m.setBefore(k, s.Instr, f, mu, depth-1) {
			return false
		}
	}
	return true
}

// setsThenLocks reports whether in sets the flag f of the owner named
// by key to true without the owner's mutex mu (an atomic.Bool's Store,
// as net/http's Server.Close does before it takes mu) and then, on
// every path to at, takes mu for writing. That section orders the set
// as well as one around it would: an Add's section that comes after it
// sees the flag set; one that comes before it happens before at.
func (m *Model) setsThenLocks(in, at ssa.Instruction, key lockset.Key, f, mu *types.Var) bool {
	if !m.setsFlag(in, key, f) {
		return false
	}
	for _, b := range in.Parent().Blocks {
		for _, x := range b.Instrs {
			if x != in && x != at && flow.Dominates(in, x) && flow.Dominates(x, at) && m.writeHeld(x, key, mu) {
				return true
			}
		}
	}
	return false
}

// setsUnder reports whether in sets the flag f of the owner named by
// key to true while holding the owner's mutex mu for writing, or is a
// call of the package that does so on every path to its return.
func (m *Model) setsUnder(in ssa.Instruction, key lockset.Key, f, mu *types.Var, depth int) bool {
	x, ok := in.(*ssa.Call)
	if _, _, atomic := atomicFlagWrite(in); !ok || atomic {
		return m.setsFlag(in, key, f) && m.writeHeld(in, key, mu)
	}
	fn := in.Parent()
	callee := x.Call.StaticCallee()
	if depth == 0 || callee == nil || x.Call.IsInvoke() || callee.Pkg == nil || callee.Pkg.Pkg != m.pkg || len(callee.Params) != len(x.Call.Args) {
		return false
	}
	callee = flow.Origin(callee)
	for i, a := range x.Call.Args {
		if m.canon(fn, lockset.KeyOf(a), 0) != key {
			continue
		}
		pk := lockset.KeyOf(callee.Params[i])
		for _, b := range callee.Blocks {
			if !flow.DominatesReturns(b) {
				continue
			}
			for _, cin := range b.Instrs {
				if m.setsUnder(cin, pk, f, mu, depth-1) {
					return true
				}
			}
		}
	}
	return false
}

// setsFlag reports whether in stores true into the flag f of the owner
// named by key (canonical in in's function): a plain store, or an
// atomic.Bool's Store, Swap or CompareAndSwap.
func (m *Model) setsFlag(in ssa.Instruction, key lockset.Key, f *types.Var) bool {
	var addr, val ssa.Value
	switch x := in.(type) {
	case *ssa.Store:
		addr, val = x.Addr, x.Val
	case *ssa.Call:
		g, v, ok := atomicFlagWrite(x)
		if !ok || g != f {
			return false
		}
		addr, val = x.Call.Args[0], v
	default:
		return false
	}
	fa, ok := addr.(*ssa.FieldAddr)
	return ok && analysisutil.FieldOf(fa) == f && isTrue(val) && m.canon(in.Parent(), lockset.KeyOf(fa.X), 0) == key
}

// writeHeld reports whether the mutex field mu of the owner named by
// key is held for writing before in.
func (m *Model) writeHeld(in ssa.Instruction, key lockset.Key, mu *types.Var) bool {
	fn := in.Parent()
	lf := m.Locks.Funcs[fn]
	if lf == nil {
		return false
	}
	for k, l := range lf.HeldBefore(in) {
		if l.Mode == lockset.Write && fieldBelow(key, m.canon(fn, k, 0)) == mu {
			return true
		}
	}
	return false
}
