package closebyreceiver

import (
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// reportEarlyCloses reports a close of a channel field that every
// sender sends on only while holding one mutex (a broker that
// publishes to its subscribers under its lock), by a function that
// takes that mutex only after the close, without holding any lock at
// the close: the function knows the senders run concurrently (it
// synchronises with them afterwards, typically to unregister the
// channel), yet a sender's critical section can fall between the
// close and that Lock, and its send panics. Closing inside the
// critical section, or after it, is the fix; both are silent.
func reportEarlyCloses(pass *analysis.Pass, m *chanmodel.Model, ls *lockset.Result, reported map[token.Pos]bool) {
	for _, r := range plainCloses(m, reported) {
		f, c := r.f, r.c
		lf := ls.Funcs[f.Fn]
		if f.Fn.Parent() != nil || lf == nil || c.Chan.Kind != chanmodel.KindField {
			continue
		}
		if receivesBeforeClose(f, c) {
			continue // the close may answer a request the model does not order
		}
		class, s, ok := sendersLock(m, ls, c.Chan)
		if !ok {
			continue
		}
		var later *lockset.Acquire
		for j := range lf.Acquires {
			a := &lf.Acquires[j]
			if k, _, ok := lockset.ClassOf(a.Key); ok && k == class && flow.Reaches(c.Instr, a.Instr, nil) {
				later = a
				break
			}
		}
		if later == nil {
			continue
		}
		reported[c.Pos] = true
		reportEarly(pass, m, f, c, s, later.Instr)
	}
}

// sendersLock returns the class of a mutex that every direct send on
// ch holds, and one of the sends; ok is false when there is no send
// or no common mutex.
func sendersLock(m *chanmodel.Model, ls *lockset.Result, ch chanmodel.ChanID) (lockset.Class, *chanmodel.Op, bool) {
	var common map[lockset.Class]bool
	var first *chanmodel.Op
	for _, r := range m.OpsOn(ch) {
		s := r.Op
		if s.Kind != chanmodel.Send || !s.Direct() {
			continue
		}
		lf := ls.Funcs[r.F.Fn]
		if lf == nil {
			return lockset.Class{}, nil, false
		}
		held := make(map[lockset.Class]bool)
		for k := range lf.HeldBefore(s.Instr) {
			if cl, _, ok := lockset.ClassOf(k); ok && (common == nil || common[cl]) {
				held[cl] = true
			}
		}
		common = held
		if first == nil {
			first = s
		}
		if len(common) == 0 {
			return lockset.Class{}, nil, false
		}
	}
	for cl := range common {
		if len(common) == 1 {
			return cl, first, true
		}
	}
	return lockset.Class{}, nil, false
}

func reportEarly(pass *analysis.Pass, m *chanmodel.Model, f *chanmodel.Func, c, s *chanmodel.Op, lock ssa.Instruction) {
	name := chanName(c)
	closer, sender := m.Goroutine(pass.Fset, f, c), m.OpGoroutine(pass.Fset, s)
	var tr finding.Trace
	d := analysis.Diagnostic{Pos: c.Pos, Message: name + " closed before taking the lock its senders hold: a send may still follow"}
	tr.Step(finding.Place{Pos: c.Pos, Goroutine: closer, Op: finding.OpClose})
	sp := opPos(m, s)
	tr.Related(&d, finding.Place{Pos: sp, Message: "send here, under the lock", Goroutine: sender, Op: finding.OpSend})
	tr.Step(finding.Place{Pos: sp, Message: "a send after the close panics", Goroutine: sender, Op: finding.OpPanic, Blocks: true})
	tr.Related(&d, finding.Place{Pos: lock.Pos(), Message: "the lock is taken only here", Goroutine: closer, Op: finding.OpOther})
	tr.Report(pass, d)
}

// receivesBeforeClose reports whether f's own goroutine may receive
// from any channel before the close c.
func receivesBeforeClose(f *chanmodel.Func, c *chanmodel.Op) bool {
	for i := range f.Ops {
		op := &f.Ops[i]
		if op.Kind == chanmodel.Recv && op.Unit == 0 && flow.Reaches(op.Instr, c.Instr, nil) {
			return true
		}
	}
	return false
}
