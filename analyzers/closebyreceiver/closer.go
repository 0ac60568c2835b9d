package closebyreceiver

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// closerRequested reports whether the direct close c of f answers a
// stop request made through a closer object (chanmodel.CloserRole)
// under the mutex that every sender holds, by a requester that waits,
// still holding it, for the closing goroutine to finish:
//
//   - the close runs only after a receive from the closer's signal
//     channel (case <-w.closer.HasBeenClosed(): close(w.reqCh)), and
//     the goroutine calls the closer's Done after the close (deferred
//     Done); no other function calls Done on that closer, so the
//     requester's Wait returns only after the close;
//   - the closer lives in an unexported field of the package, is put
//     there fresh and used only through its methods, and every call
//     that may signal it is made holding a mutex for writing and is
//     followed, in that critical section, by a Wait on the closer
//     (SignalAndWait, or Signal then Wait);
//   - every send on the channel holds that mutex and is skipped when
//     the owner of the channel is nil (the worker is marked gone).
//
// The close then falls inside the requester's critical section, where
// no sender runs, and a sender that comes later finds the worker gone.
// A sender outside the lock, one that does not test for the worker, a
// signal without a Wait, or a Wait after the unlock, keeps the close
// reported.
func closerRequested(m *chanmodel.Model, ls *lockset.Result, pkg *types.Package, f *chanmodel.Func, c *chanmodel.Op) bool {
	if c.Unit != 0 {
		return false
	}
	if !ownChan(m, pkg, c.Chan) {
		return false
	}
	for _, req := range requests(f, c) {
		call, ok := req.(*ssa.Call)
		if !ok || call.Call.IsInvoke() || len(call.Call.Args) == 0 {
			continue
		}
		if r, ok := m.CloserRoleOf(flow.CalleeFunc(&call.Call)); !ok || !r.Signal {
			continue
		}
		cf := closerField(call.Call.Args[0])
		if cf == nil || cf.Exported() || cf.Pkg() != pkg {
			continue
		}
		classes, ok := closerRequests(m, ls, f.Fn, c.Instr, cf)
		if ok && sendersHold(m, ls, c, classes) {
			return true
		}
	}
	return false
}

// closerField returns the field a closer value is loaded from.
func closerField(v ssa.Value) *types.Var {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return nil
	}
	return analysisutil.FieldOf(u.X)
}

// closerRequests checks the uses of the closer held in the field cf:
// the goroutine of fn calls Done after the close, and no other
// function does; the closer is stored fresh and used only through its
// methods; every call that may signal it holds a write lock that is
// still held at a later Wait on it. It returns the classes of mutex
// that every signal holds so.
func closerRequests(m *chanmodel.Model, ls *lockset.Result, fn *ssa.Function, close ssa.Instruction, cf *types.Var) (map[lockset.Class]bool, bool) {
	var classes map[lockset.Class]bool
	done := false
	signals := 0
	for _, g := range ls.Functions() {
		for _, blk := range g.Blocks {
			for _, in := range blk.Instrs {
				switch in := in.(type) {
				case *ssa.Store:
					if analysisutil.FieldOf(in.Addr) != cf {
						continue
					}
					// A closer made for the field and kept nowhere else.
					if _, ok := in.Val.(*ssa.Call); !ok || len(*in.Val.(*ssa.Call).Referrers()) != 1 {
						return nil, false
					}
				case *ssa.UnOp:
					if in.Op != token.MUL || analysisutil.FieldOf(in.X) != cf {
						continue
					}
					for _, u := range *in.Referrers() {
						switch u := u.(type) {
						case *ssa.DebugRef:
						case *ssa.BinOp:
							if u.Op != token.EQL && u.Op != token.NEQ {
								return nil, false
							}
						case ssa.CallInstruction:
							com := u.Common()
							r, ok := m.CloserRoleOf(flow.CalleeFunc(com))
							if !ok || com.IsInvoke() || len(com.Args) == 0 || com.Args[0] != in {
								return nil, false
							}
							for _, a := range com.Args[1:] {
								if a == in {
									return nil, false
								}
							}
							if r.Done {
								_, deferred := u.(*ssa.Defer)
								if g != fn || !deferred && !flow.OnEveryPath(close, u) {
									return nil, false
								}
								done = true
							}
							if r.Signals {
								cl, ok := lockedUntilWait(m, ls, u, cf)
								if !ok {
									return nil, false
								}
								signals++
								if classes == nil {
									classes = cl
								}
								for k := range classes {
									if !cl[k] {
										delete(classes, k)
									}
								}
							}
						default:
							return nil, false
						}
					}
				}
			}
		}
	}
	return classes, done && signals > 0 && len(classes) > 0
}

// lockedUntilWait returns the classes of the mutexes held for writing
// at the signal s, a call, and still held, in the same critical
// section, at a Wait on the closer in cf that follows it (s itself
// when it signals and waits).
func lockedUntilWait(m *chanmodel.Model, ls *lockset.Result, s ssa.CallInstruction, cf *types.Var) (map[lockset.Class]bool, bool) {
	call, ok := s.(*ssa.Call)
	if !ok {
		return nil, false // a deferred or go signal runs at another time
	}
	lf := ls.Funcs[call.Parent()]
	if lf == nil {
		return nil, false
	}
	var waits []ssa.Instruction
	for _, blk := range call.Parent().Blocks {
		for _, in := range blk.Instrs {
			w, ok := in.(*ssa.Call)
			if !ok || len(w.Call.Args) == 0 || closerField(w.Call.Args[0]) != cf {
				continue
			}
			if r, ok := m.CloserRoleOf(flow.CalleeFunc(&w.Call)); ok && r.Waits && (w == call || flow.Reaches(call, w, nil)) {
				waits = append(waits, w)
			}
		}
	}
	out := map[lockset.Class]bool{}
	for k, l := range lf.HeldBefore(call) {
		cl, _, ok := lockset.ClassOf(k)
		if !ok || l.Mode != lockset.Write {
			continue
		}
		for _, w := range waits {
			if lw, ok := lf.HeldBefore(w)[k]; ok && lw.Pos == l.Pos && lw.Mode == lockset.Write {
				out[cl] = true
			}
		}
	}
	return out, len(out) > 0
}

// sendersHold reports whether every send on the channel of the close
// c, outside the goroutines that run the close, holds a mutex of one
// of classes for writing and is skipped when the object holding the
// channel is nil.
func sendersHold(m *chanmodel.Model, ls *lockset.Result, c *chanmodel.Op, classes map[lockset.Class]bool) bool {
	n := 0
	for _, r := range m.OpsOn(c.Chan) {
		s := r.Op
		if s.Kind != chanmodel.Send || runs(unit{r.F, s.Unit}, c.Pos) {
			continue
		}
		if !s.Direct() {
			if s.Pos.IsValid() {
				continue // a caller's view of a send judged where it is written
			}
			return false
		}
		lf := ls.Funcs[r.F.Fn]
		if lf == nil {
			return false
		}
		held := false
		for k, l := range lf.HeldBefore(s.Instr) {
			if cl, _, ok := lockset.ClassOf(k); ok && classes[cl] && l.Mode == lockset.Write {
				held = true
			}
		}
		if !held || !goneTested(s.Instr) {
			return false
		}
		n++
	}
	return n > 0
}

// goneTested reports whether the send in, on a channel loaded from a
// field of an object, is dominated by a test of that object (the same
// value, or a load by the same access path: s.up == nil, then
// s.up.lines <- l) against nil whose nil branch does not reach the
// send.
func goneTested(in ssa.Instruction) bool {
	send, ok := in.(*ssa.Send)
	if !ok {
		return false
	}
	load, ok := send.Chan.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	owner := lockset.KeyOf(fa.X)
	for _, blk := range in.Parent().Blocks {
		if len(blk.Instrs) == 0 || !blk.Dominates(in.Block()) {
			continue
		}
		iff, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cmp, ok := iff.Cond.(*ssa.BinOp)
		if !ok || cmp.X != fa.X && (owner.Root == nil || lockset.KeyOf(cmp.X) != owner) {
			continue
		}
		if k, ok := cmp.Y.(*ssa.Const); !ok || !k.IsNil() {
			continue
		}
		nilSucc := blk.Succs[0]
		if cmp.Op == token.NEQ {
			nilSucc = blk.Succs[1]
		} else if cmp.Op != token.EQL {
			continue
		}
		if nilSucc != in.Block() && (len(nilSucc.Instrs) == 0 || !flow.Reaches(nilSucc.Instrs[0], in, nil)) {
			return true
		}
	}
	return false
}

// stopRequested is closerRequested for a closer built in the package
// itself: the close runs only after a receive whose every trigger
// (flagOrder.triggers: the cancel of a context nothing else cancels,
// followed through fields, parameters and the helpers that return it)
// is followed, in its function, by a Wait on a WaitGroup field whose
// only Done the closing goroutine calls after the close; a mutex is
// held for writing from the trigger through that Wait (held at both,
// or at every call of the function that signals and waits); and every
// sender holds that mutex and skips a gone worker.
func stopRequested(o *flagOrder, f *chanmodel.Func, c *chanmodel.Op) bool {
	if c.Unit != 0 {
		return false
	}
	if !ownChan(o.m, o.pkg, c.Chan) {
		return false
	}
	wg := workerDone(o.ls, f.Fn, c.Instr)
	if wg == nil {
		return false
	}
	for _, req := range requests(f, c) {
		triggers, ok := o.triggers(req)
		if !ok || len(triggers) == 0 {
			continue
		}
		var classes map[lockset.Class]bool
		for _, t := range triggers {
			cl := o.waitedUnderLock(t, wg, 0)
			if classes == nil {
				classes = cl
			}
			for k := range classes {
				if !cl[k] {
					delete(classes, k)
				}
			}
		}
		if len(classes) > 0 && sendersHold(o.m, o.ls, c, classes) {
			return true
		}
	}
	return false
}

// workerDone returns the WaitGroup field on which fn, the closing
// goroutine's function, calls Done after the close (deferred, or on
// every path from it), when no other function of the package calls
// Done on it.
func workerDone(ls *lockset.Result, fn *ssa.Function, close ssa.Instruction) *types.Var {
	var wg *types.Var
	for _, blk := range fn.Blocks {
		for _, in := range blk.Instrs {
			ci, ok := in.(ssa.CallInstruction)
			if !ok || !isWaitGroup(ci.Common(), "Done") {
				continue
			}
			_, deferred := in.(*ssa.Defer)
			if v := analysisutil.FieldOf(ci.Common().Args[0]); v != nil && (deferred || flow.OnEveryPath(close, in)) {
				wg = v
			}
		}
	}
	if wg == nil || wg.Exported() {
		return nil
	}
	for _, g := range ls.Functions() {
		if g == fn {
			continue
		}
		for _, blk := range g.Blocks {
			for _, in := range blk.Instrs {
				if ci, ok := in.(ssa.CallInstruction); ok && isWaitGroup(ci.Common(), "Done", "Go") && analysisutil.FieldOf(ci.Common().Args[0]) == wg {
					return nil
				}
			}
		}
	}
	return wg
}

func isWaitGroup(c *ssa.CallCommon, names ...string) bool {
	obj := flow.CalleeFunc(c)
	for _, n := range names {
		if analysisutil.IsMethod(obj, "sync", "WaitGroup", n) && len(c.Args) > 0 {
			return true
		}
	}
	return false
}

// waitedUnderLock returns the classes of the mutexes held for writing
// from the trigger t through a Wait on the WaitGroup field wg that
// follows it on every path in its function: held at both, or, when
// none is held there, at every call of that function.
func (o *flagOrder) waitedUnderLock(t ssa.Instruction, wg *types.Var, depth int) map[lockset.Class]bool {
	if _, ok := t.(*ssa.Call); !ok || depth > 4 {
		return nil // a deferred or go trigger runs at another time
	}
	fn := t.Parent()
	lf := o.ls.Funcs[fn]
	if lf == nil {
		return nil
	}
	var waits []ssa.Instruction
	for _, blk := range fn.Blocks {
		for _, in := range blk.Instrs {
			if w, ok := in.(*ssa.Call); ok && isWaitGroup(&w.Call, "Wait") && analysisutil.FieldOf(w.Call.Args[0]) == wg &&
				flow.Reaches(t, w, nil) && flow.OnEveryPath(t, w) {
				waits = append(waits, w)
			}
		}
	}
	if len(waits) == 0 {
		return nil
	}
	out := map[lockset.Class]bool{}
	for k, l := range lf.HeldBefore(t) {
		cl, _, ok := lockset.ClassOf(k)
		if !ok || l.Mode != lockset.Write {
			continue
		}
		for _, w := range waits {
			if lw, ok := lf.HeldBefore(w)[k]; ok && lw.Pos == l.Pos {
				out[cl] = true
			}
		}
	}
	if len(out) > 0 || len(lf.HeldBefore(t)) > 0 {
		return out
	}
	// The function signals and waits: its callers must hold the lock
	// across the call.
	top := flow.Origin(fn)
	callers := o.callers(top)
	if len(callers) == 0 || !o.allCallsSeen(top) {
		return nil
	}
	var common map[lockset.Class]bool
	for _, ci := range callers {
		call, ok := ci.(*ssa.Call)
		if !ok {
			return nil
		}
		clf := o.ls.Funcs[call.Parent()]
		if clf == nil {
			return nil
		}
		held := map[lockset.Class]bool{}
		for k, l := range clf.HeldBefore(call) {
			if cl, _, ok := lockset.ClassOf(k); ok && l.Mode == lockset.Write {
				held[cl] = true
			}
		}
		if common == nil {
			common = held
		}
		for k := range common {
			if !held[k] {
				delete(common, k)
			}
		}
	}
	return common
}

// ownChan reports whether every operation on ch is in the package's
// own code: an unexported field of one of its types (code of other
// packages cannot reach it), or a channel it makes that does not
// escape.
func ownChan(m *chanmodel.Model, pkg *types.Package, ch chanmodel.ChanID) bool {
	switch ch.Kind {
	case chanmodel.KindField:
		return !ch.Field.Exported() && ch.Field.Pkg() == pkg
	case chanmodel.KindMake:
		return !m.Escapes(ch)
	}
	return false
}
