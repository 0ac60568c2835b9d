package selfdeadlock

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// checkTimerDrains reports the drain of a stopped timer, if !t.Stop()
// { <-t.C }, when the goroutine may already have received the timer's
// one value since the timer was last set: a receive from t.C reaches
// the Stop, and the drain, with no Reset (and no new timer stored) in
// between, and no flag that receive sets rules the drain out (case
// <-t.C: fired = true ... if !t.Stop() && !fired { <-t.C }), nor a
// counter that keeps the loop's Reset (if attempt > 0) on every turn
// after the first (flow.RuledOut). Then
// the timer has fired and its value is gone, Stop returns false, and
// nothing sends on t.C again: the receive blocks forever. (Before Go
// 1.23 and after, alike: a Stop that returns false leaves no value to
// drain once the goroutine took it.) The timer must be one the
// function names by a local variable or a field path, and no other
// function of the package may Reset it (another goroutine could set
// it again).
func (c *checker) checkTimerDrains(f *chanmodel.Func) {
	fn := f.Fn
	var recvs []timerRecv
	var stops []*ssa.Call
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.UnOp:
				if in.Op == token.ARROW {
					if k, ok := timerChan(in.X); ok {
						recvs = append(recvs, timerRecv{key: k, at: in, pos: in.Pos(), plain: in})
					}
				}
			case *ssa.Select:
				for i, st := range in.States {
					if st.Dir != types.RecvOnly {
						continue
					}
					k, ok := timerChan(st.Chan)
					if !ok {
						continue
					}
					from, succ, ok := chanmodel.SelectCaseEdge(in, i)
					if !ok || len(from.Succs[succ].Instrs) == 0 {
						continue
					}
					recvs = append(recvs, timerRecv{key: k, at: from.Succs[succ].Instrs[0], pos: st.Pos})
				}
			case *ssa.Call:
				if timerMethod(&in.Call, "Stop") {
					stops = append(stops, in)
				}
			}
		}
	}
	if len(recvs) < 2 || len(stops) == 0 {
		return
	}
	for _, r := range recvs {
		if r.plain == nil {
			continue
		}
		for _, s := range stops {
			k := lockset.KeyOf(s.Call.Args[0])
			if k != r.key || !stoppedFalse(s, r.plain) || c.resetElsewhere(fn, k) {
				continue
			}
			reset := resetsTimer(k)
			if resetBetween(s, r.plain, reset) {
				continue
			}
			// A flag set where the value was received and tested
			// before the drain (if !t.Stop() && !fired), or a Reset
			// under a test of a counter that is above zero once the
			// loop went round (if attempt > 0), rules out the paths
			// from that receive.
			var took *timerRecv
			for i := range recvs {
				p := &recvs[i]
				if p.plain != r.plain && p.key == k && (p.at == s || flow.Reaches(p.at, s, reset)) &&
					flow.ReachesAvoiding(p.at, r.plain, reset, flow.RuledOut(p.at, r.plain.Block())) {
					took = p
					break
				}
			}
			if took == nil {
				continue
			}
			name := lockset.Describe(k) + ".C"
			for i := range f.Ops {
				if op := &f.Ops[i]; op.Instr == r.plain && op.Expr != "" {
					name = op.Expr
				}
			}
			fset := c.pass.Fset
			g := analysisutil.Goroutine(fset, fn)
			var tr finding.Trace
			for _, p := range analysisutil.Starts(fset, fn) {
				tr.Step(p)
			}
			const tookMsg = "the timer's value is received here, and no Reset follows"
			stopMsg := "Stop returns false once the value was taken"
			tr.Step(finding.Place{Pos: took.pos, Message: tookMsg, Goroutine: g, Op: finding.OpRecv})
			tr.Step(finding.Place{Pos: s.Pos(), Message: stopMsg, Goroutine: g, Op: finding.OpCall})
			tr.Step(finding.Place{Pos: r.pos, Goroutine: g, Op: finding.OpRecv, Blocks: true})
			rel := []analysis.RelatedInformation{{Pos: took.pos, Message: tookMsg}, {Pos: s.Pos(), Message: stopMsg}}
			c.report("unready", r.pos, &tr, rel,
				"receive from "+name+" blocks forever: the timer's value may already have been received, so Stop returns false and nothing sends again")
			break
		}
	}
}

// A timerRecv is a receive from a timer's channel: a plain one (plain
// set), or a select case, whose receive completes at the first
// instruction of its body (at).
type timerRecv struct {
	key   lockset.Key // the *time.Timer
	at    ssa.Instruction
	pos   token.Pos
	plain *ssa.UnOp
}

// timerChan returns the key of the timer whose field C ch loads.
func timerChan(ch ssa.Value) (lockset.Key, bool) {
	ld, ok := ch.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return lockset.Key{}, false
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok || !isTimerPtr(fa.X.Type()) || fa.Field != 0 {
		return lockset.Key{}, false
	}
	k := lockset.KeyOf(fa.X)
	return k, k.Root != nil || k.Global != ""
}

// isTimerPtr reports whether t is *time.Timer.
func isTimerPtr(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := p.Elem().(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Timer"
}

// timerMethod reports whether c calls (*time.Timer).name.
func timerMethod(c *ssa.CallCommon, name string) bool {
	return analysisutil.IsMethod(flow.CalleeFunc(c), "time", "Timer", name) && len(c.Args) > 0
}

// stoppedFalse reports whether recv runs only when the Stop call s
// returned false: it lies in the branch an if on !s (or on s, its
// else) takes.
func stoppedFalse(s *ssa.Call, recv ssa.Instruction) bool {
	for _, ref := range *s.Referrers() {
		var cond ssa.Value = s
		falseSucc := 1
		if n, ok := ref.(*ssa.UnOp); ok && n.Op == token.NOT {
			cond, falseSucc = n, 0
			refs := n.Referrers()
			if refs == nil || len(*refs) != 1 {
				continue
			}
			ref = (*refs)[0]
		}
		iff, ok := ref.(*ssa.If)
		if !ok || iff.Cond != cond {
			continue
		}
		b := iff.Block().Succs[falseSucc]
		if len(b.Preds) == 1 && b.Dominates(recv.Block()) {
			return true
		}
	}
	return false
}

// resetsTimer returns a stop for flow.Reaches: a Reset of the timer k,
// a store of a new timer where k is read from, or the instruction k is
// rooted at (a timer made, or a variable declared, anew on each turn
// of a loop).
func resetsTimer(k lockset.Key) func(ssa.Instruction) bool {
	return func(in ssa.Instruction) bool {
		if v, ok := in.(ssa.Value); ok && v == k.Root {
			return true
		}
		switch in := in.(type) {
		case *ssa.Call:
			return timerMethod(&in.Call, "Reset") && lockset.KeyOf(in.Call.Args[0]) == k
		case *ssa.Store:
			return isTimerPtr(in.Val.Type()) && lockset.KeyOf(in.Addr).Extend(accesspath.Load) == k
		}
		return false
	}
}

// resetBetween reports whether a path from the Stop s to the receive
// r (which s dominates) passes a reset.
func resetBetween(s, r ssa.Instruction, reset func(ssa.Instruction) bool) bool {
	at := func(x ssa.Instruction) func(ssa.Instruction) bool {
		return func(in ssa.Instruction) bool { return in == x }
	}
	for _, b := range s.Parent().Blocks {
		for _, in := range b.Instrs {
			if reset(in) && flow.Reaches(s, in, at(r)) && flow.Reaches(in, r, at(s)) {
				return true
			}
		}
	}
	return false
}

// resetElsewhere reports whether a function of the package other than
// fn resets a timer that may be k: one on the same field, or any whose
// field the model cannot name, but for a timer that function keeps to
// itself.
func (c *checker) resetElsewhere(fn *ssa.Function, k lockset.Key) bool {
	if localTimer(fn, k) {
		return false
	}
	cls, _, named := lockset.ClassOf(k)
	for _, g := range c.m.Funcs {
		if g.Fn == fn {
			continue
		}
		for _, b := range g.Fn.Blocks {
			for _, in := range b.Instrs {
				call, ok := in.(*ssa.Call)
				if !ok || !timerMethod(&call.Call, "Reset") || localTimer(g.Fn, lockset.KeyOf(call.Call.Args[0])) {
					continue
				}
				ok2 := false
				if named {
					other, _, ok := lockset.ClassOf(lockset.KeyOf(call.Call.Args[0]))
					ok2 = ok && other != cls
				}
				if !ok2 {
					return true
				}
			}
		}
	}
	return false
}

// localTimer reports whether k is a timer fn makes and keeps to
// itself: its value is only read for its channel and its methods
// (called there and then, or deferred: defer t.Stop()).
func localTimer(fn *ssa.Function, k lockset.Key) bool {
	call, ok := k.Root.(*ssa.Call)
	if !ok || k.Path != "" || call.Parent() != fn {
		return false
	}
	for _, ref := range *call.Referrers() {
		switch ref := ref.(type) {
		case *ssa.FieldAddr:
		case *ssa.Call, *ssa.Defer:
			c := ref.(ssa.CallInstruction).Common()
			if c.IsInvoke() || len(c.Args) == 0 || c.Args[0] != call || flow.CalleeFunc(c) == nil ||
				flow.CalleeFunc(c).Pkg() == nil || flow.CalleeFunc(c).Pkg().Path() != "time" {
				return false
			}
			for _, a := range c.Args[1:] {
				if a == call {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}
