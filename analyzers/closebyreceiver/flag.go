package closebyreceiver

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// A guard is a mutex (by class: the struct field or package variable
// holding it) and a flag field that every sender reads under it
// before it sends.
type guard struct {
	mu   lockset.Class
	flag *types.Var
}

// flagOrder answers, for the closes of a package, whether a close is
// ordered after every send by a mutex and a flag: the senders send
// only inside a critical section of mu in which they have checked the
// flag, and the close runs only after a request (a receive on a quit
// channel, a context's Done) whose every trigger comes after the
// requester entered a critical section of mu that sets the flag. The
// critical sections of mu are totally ordered: a sender's section
// either comes before the requester's, so before the trigger and the
// close, or after it, and then it finds the flag set and does not
// send. A hub's Stop that sets stopped and cancels the run loop's
// context under the lock that Publish holds is this case; setting the
// flag only after the request is not.
type flagOrder struct {
	m   *chanmodel.Model
	sm  *syncmodel.Model
	ls  *lockset.Result
	pkg *types.Package
	*callIndex
}

func newFlagOrder(m *chanmodel.Model, sm *syncmodel.Model, ls *lockset.Result, pkg *types.Package, idx *callIndex) *flagOrder {
	return &flagOrder{m: m, sm: sm, ls: ls, pkg: pkg, callIndex: idx}
}

// ordered reports whether the direct close c of f is ordered after
// every send on its channel by a mutex and a flag.
func (o *flagOrder) ordered(f *chanmodel.Func, c *chanmodel.Op) bool {
	ch := c.Chan
	if !ownChan(o.m, o.pkg, ch) {
		return false
	}
	guards := o.senderGuards(ch, c.Pos)
	for g := range guards {
		if o.reset(g.flag) {
			delete(guards, g) // the senders may find it clear again
		}
	}
	if len(guards) == 0 {
		return false
	}
	for _, req := range requests(f, c) {
		triggers, ok := o.triggers(req)
		if !ok || len(triggers) == 0 {
			continue
		}
		for g := range guards {
			all := true
			for _, t := range triggers {
				if !o.requested(t, g, 0) {
					all = false
					break
				}
			}
			if all {
				return true
			}
		}
	}
	return false
}

// reset reports whether some code of the package clears the flag:
// stores false, zero or nil in it.
func (o *flagOrder) reset(flag *types.Var) bool {
	for _, fn := range o.ls.Functions() {
		for _, blk := range fn.Blocks {
			for _, in := range blk.Instrs {
				switch in := in.(type) {
				case *ssa.Store:
					if analysisutil.FieldOf(in.Addr) == flag && flow.ZeroConst(in.Val) {
						return true
					}
				case *ssa.Call:
					if atomicField(&in.Call, "Store") == flag && len(in.Call.Args) == 2 && flow.ZeroConst(in.Call.Args[1]) {
						return true
					}
				}
			}
		}
	}
	return false
}

// senderGuards returns the guards that every send on ch (other than
// those of goroutines that run the close at pos) holds and checks.
func (o *flagOrder) senderGuards(ch chanmodel.ChanID, pos token.Pos) map[guard]bool {
	var common map[guard]bool
	for _, mf := range o.m.Funcs {
		for i := range mf.Ops {
			s := &mf.Ops[i]
			if s.Kind != chanmodel.Send || s.Chan != ch || !s.Direct() || runs(unit{mf, s.Unit}, pos) {
				continue
			}
			lf := o.ls.Funcs[mf.Fn]
			if lf == nil {
				return nil
			}
			gs := sendGuards(lf, s.Instr)
			if common == nil {
				common = gs
				continue
			}
			for g := range common {
				if !gs[g] {
					delete(common, g)
				}
			}
		}
	}
	return common
}

// sendGuards returns the guards of the send at in: a mutex held at the
// send, and a flag field loaded in the same critical section by a
// load that an if tests, in a block that dominates the send.
func sendGuards(lf *lockset.Func, in ssa.Instruction) map[guard]bool {
	gs := map[guard]bool{}
	held := lf.HeldBefore(in)
	for _, blk := range lf.Fn.Blocks {
		if !blk.Dominates(in.Block()) || len(blk.Instrs) == 0 {
			continue
		}
		iff, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		load, fld := flagLoad(iff.Cond)
		if load == nil || !skipsWhenSet(iff, load, in) {
			continue
		}
		atLoad := lf.HeldBefore(load)
		for k, l := range held {
			cl, _, ok := lockset.ClassOf(k)
			if !ok {
				continue
			}
			if ll, ok := atLoad[k]; ok && ll.Pos == l.Pos {
				gs[guard{cl, fld}] = true
			}
		}
	}
	return gs
}

// skipsWhenSet reports whether the if, which tests the flag read by
// load, keeps control from the send in when the flag is set: the
// successor taken then cannot reach the send. Where the polarity is
// not plain (a comparison, a helper), one of the two must not reach
// it.
func skipsWhenSet(iff *ssa.If, load ssa.Instruction, in ssa.Instruction) bool {
	succs := iff.Block().Succs
	if len(succs) != 2 {
		return false
	}
	reaches := func(b *ssa.BasicBlock) bool {
		return b == in.Block() || len(b.Instrs) > 0 && flow.Reaches(b.Instrs[0], in, nil)
	}
	_, isCall := load.(*ssa.Call)
	direct := false
	if _, ok := load.(*ssa.UnOp); ok || isCall && atomicField(load.(*ssa.Call).Common(), "Load") != nil {
		direct = true
	}
	switch {
	case direct && iff.Cond == load.(ssa.Value):
		return !reaches(succs[0])
	case direct:
		if not, ok := iff.Cond.(*ssa.UnOp); ok && not.Op == token.NOT && not.X == load.(ssa.Value) {
			return !reaches(succs[1])
		}
	}
	return !reaches(succs[0]) || !reaches(succs[1])
}

// flagLoad returns the read of a struct field that the condition v
// tests (v itself, its negation, or a comparison with it): a load, an
// atomic Load of the field, or a call of a function of the package
// that returns such a read (an isClosed method).
func flagLoad(v ssa.Value) (ssa.Instruction, *types.Var) {
	return flagRead(v, 0)
}

func flagRead(v ssa.Value, depth int) (ssa.Instruction, *types.Var) {
	if depth > 3 {
		return nil, nil
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.NOT {
			return flagRead(x.X, depth)
		}
		if x.Op == token.MUL {
			if fld := analysisutil.FieldOf(x.X); fld != nil {
				return x, fld
			}
		}
	case *ssa.BinOp:
		if l, f := flagRead(x.X, depth); l != nil {
			return l, f
		}
		return flagRead(x.Y, depth)
	case *ssa.Call:
		if fld := atomicField(&x.Call, "Load"); fld != nil {
			return x, fld
		}
		callee := x.Call.StaticCallee()
		if callee == nil || callee.Blocks == nil || callee.Signature.Results().Len() != 1 {
			return nil, nil
		}
		var fld *types.Var
		for _, blk := range callee.Blocks {
			if len(blk.Instrs) == 0 {
				continue
			}
			ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return)
			if !ok {
				continue
			}
			_, f := flagRead(ret.Results[0], depth+1)
			if f == nil || fld != nil && f != fld {
				return nil, nil
			}
			fld = f
		}
		if fld != nil {
			return x, fld
		}
	}
	return nil, nil
}

// atomicField returns the field that c, a call of the method name of a
// sync/atomic type, operates on.
func atomicField(c *ssa.CallCommon, names ...string) *types.Var {
	m := flow.CalleeFunc(c)
	if m == nil || m.Pkg() == nil || m.Pkg().Path() != "sync/atomic" || len(c.Args) == 0 {
		return nil
	}
	for _, n := range names {
		if m.Name() == n {
			return analysisutil.FieldOf(c.Args[0])
		}
	}
	return nil
}

// A request is a receive that the goroutine of a close completes on
// every path before the close: the value of the channel it receives
// from.
func requests(f *chanmodel.Func, c *chanmodel.Op) []ssa.Value {
	cb := c.Instr.Block()
	var reqs []ssa.Value
	for _, blk := range f.Fn.Blocks {
		for _, in := range blk.Instrs {
			switch in := in.(type) {
			case *ssa.UnOp:
				if in.Op == token.ARROW && flow.Dominates(in, c.Instr) {
					reqs = append(reqs, in.X)
				}
			case *ssa.Select:
				for i, st := range in.States {
					if st.Dir != types.RecvOnly {
						continue
					}
					from, succ, ok := chanmodel.SelectCaseEdge(in, i)
					if ok && from.Succs[succ].Dominates(cb) {
						reqs = append(reqs, st.Chan)
					}
				}
			}
		}
	}
	return reqs
}

// triggers returns the instructions that make a receive on req
// complete: the sends on and closes of its channel, or the calls of
// the cancel function of the context whose Done channel it is. ok is
// false when some trigger may lie out of sight.
func (o *flagOrder) triggers(req ssa.Value) ([]ssa.Instruction, bool) {
	if analysisutil.ContextDone(req) {
		return o.cancels(req.(*ssa.Call).Call.Value)
	}
	id, ok := o.m.ChanOf(req)
	if !ok {
		return nil, false
	}
	switch id.Kind {
	case chanmodel.KindField:
		if id.Field.Exported() || id.Field.Pkg() != o.pkg {
			return nil, false
		}
	case chanmodel.KindMake:
		if o.m.Escapes(id) {
			return nil, false
		}
	default:
		return nil, false
	}
	var ts []ssa.Instruction
	for _, r := range o.m.OpsOn(id) {
		if r.Op.Direct() && (r.Op.Kind == chanmodel.Send || r.Op.Kind == chanmodel.Close && !o.closedAfterReceiving(r, id)) {
			ts = append(ts, r.Op.Instr)
		}
	}
	return ts, true
}

// closedAfterReceiving reports whether the close r of the request
// channel id runs only after its goroutine received from id on every
// path to it (a drainer that closes the channel a single request came
// on). Such a close cannot be what completes the first receive on id,
// which must come first: the first completion is made by another
// trigger, and every receive on id completes after it.
func (o *flagOrder) closedAfterReceiving(r chanmodel.OpRef, id chanmodel.ChanID) bool {
	for _, req := range requests(r.F, r.Op) {
		if rid, ok := o.m.ChanOf(req); ok && rid == id {
			return true
		}
	}
	return false
}

// cancels returns the calls of the cancel function of ctx, a context
// made by context.WithCancel from a context that is never cancelled:
// syncmodel's ContextMakers, NeverDone and CancelCalls, which follow
// both through closures, parameters, fields and returned values.
func (o *flagOrder) cancels(ctx ssa.Value) ([]ssa.Instruction, bool) {
	makers, ok := o.sm.ContextMakers(ctx)
	if !ok {
		return nil, false
	}
	var all []ssa.Instruction
	for _, mk := range makers {
		if syncmodel.Timed(mk) || len(mk.Call.Args) == 0 || !o.sm.NeverDone(mk.Call.Args[0]) {
			return nil, false
		}
		calls, ok := o.sm.CancelCalls(mk)
		if !ok {
			return nil, false
		}
		all = append(all, calls...)
	}
	return all, true
}

// requested reports whether the trigger t (an instruction, or a call
// leading to one) runs only after its goroutine entered a critical
// section of g.mu that sets g.flag: t follows a store of the flag made
// under the lock, or t runs under the lock and every path from t to
// the lock's release or a return passes such a store. When t's own
// function does not, every caller must, at its call.
func (o *flagOrder) requested(t ssa.Instruction, g guard, depth int) bool {
	if depth > 6 {
		return false
	}
	if _, ok := t.(*ssa.Call); !ok {
		if _, ok := t.(*ssa.Send); !ok {
			if _, ok := t.(*ssa.Select); !ok {
				return false // a deferred or go trigger runs at another time
			}
		}
	}
	fn := t.Parent()
	lf := o.ls.Funcs[fn]
	if lf == nil {
		return false
	}
	if o.setsFlag(lf, t, g) {
		return true
	}
	if do := o.onceDo(fn); do != nil {
		return o.requested(do, g, depth+1)
	}
	top := flow.Origin(fn)
	if !o.allCallsSeen(top) {
		return false
	}
	for _, ci := range o.callers(top) {
		if !o.requested(ci, g, depth+1) {
			return false
		}
	}
	return true
}

// onceDo returns, for a function literal whose only use is as the
// argument of a sync.Once's Do call in its parent, that call: the
// literal runs there, synchronously, if it runs at all.
func (o *callIndex) onceDo(fn *ssa.Function) ssa.Instruction {
	if fn.Parent() == nil {
		return nil
	}
	var val ssa.Value = fn
	var uses []ssa.Instruction
	for _, blk := range fn.Parent().Blocks {
		for _, in := range blk.Instrs {
			if mc, ok := in.(*ssa.MakeClosure); ok && mc.Fn == fn {
				val = mc
				uses = append(uses, *mc.Referrers()...)
				continue
			}
			for _, r := range in.Operands(nil) {
				if r != nil && *r == fn {
					uses = append(uses, in)
				}
			}
		}
	}
	if len(uses) != 1 {
		return nil
	}
	c, ok := uses[0].(*ssa.Call)
	if !ok {
		return nil
	}
	if arg, ok := analysisutil.OnceDoArg(&c.Call); !ok || arg != val {
		return nil
	}
	return c
}

// setsFlag reports whether, in the function of lf, t comes after the
// start of a critical section of g.mu that stores g.flag.
func (o *flagOrder) setsFlag(lf *lockset.Func, t ssa.Instruction, g guard) bool {
	var stores []ssa.Instruction
	for _, blk := range lf.Fn.Blocks {
		for _, in := range blk.Instrs {
			switch in := in.(type) {
			case *ssa.Store:
				if analysisutil.FieldOf(in.Addr) == g.flag {
					stores = append(stores, in)
				}
			case *ssa.Call:
				if atomicField(&in.Call, "Store", "Swap", "CompareAndSwap", "Add") == g.flag {
					stores = append(stores, in)
				}
			}
		}
	}
	heldKey := func(in ssa.Instruction) (lockset.Key, lockset.Lock, bool) {
		for k, l := range lf.HeldBefore(in) {
			if cl, _, ok := lockset.ClassOf(k); ok && cl == g.mu && l.Mode == lockset.Write {
				return k, l, true
			}
		}
		return lockset.Key{}, lockset.Lock{}, false
	}
	// The flag set under the lock before t, on every path to t.
	for _, st := range stores {
		if _, _, ok := heldKey(st); ok && flow.Dominates(st, t) {
			return true
		}
	}
	// t under the lock, the flag set before the lock is released.
	k, l, ok := heldKey(t)
	if !ok {
		return false
	}
	for _, st := range stores {
		if _, ls, ok := heldKey(st); !ok || ls.Pos != l.Pos {
			continue
		}
		stop := func(in ssa.Instruction) bool { return in == st }
		escapes := false
		for _, blk := range lf.Fn.Blocks {
			for _, in := range blk.Instrs {
				if _, ret := in.(*ssa.Return); ret && flow.Reaches(t, in, stop) {
					escapes = true
				}
			}
		}
		for _, r := range lf.Releases {
			if r.Key == k && r.Instr.Parent() == lf.Fn && flow.Reaches(t, r.Instr, stop) {
				escapes = true
			}
		}
		if !escapes {
			return true
		}
	}
	return false
}
