package closebyreceiver

import (
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// reportSpawnerCloses reports a function (main, a test, a run helper)
// that starts a goroutine sending on a channel and then closes the
// channel itself, with nothing in between that could tell it the
// goroutine is done: no receive of any kind, no Wait, no Lock. A
// Sleep, a timer or plain work is no such signal, so the goroutine may
// still send, and panics.
//
// Only the function's own goroutine closing, in its own body (not a
// deferred close, not a function literal that other code may run at
// any time), and only goroutines it starts itself count. A goroutine
// started inside a call that returns only after it has finished (a
// stage helper that drains a done channel its workers' coordinator
// closes after Wait) is ordered by the call's return: the model says
// so (syncmodel.OrderedAfter).
//
// A Wait before the close is such a signal for the goroutines started
// before it; one started after every Wait (a retry worker started once
// the first batch is joined) is not waited for by it.
func reportSpawnerCloses(pass *analysis.Pass, m *chanmodel.Model, sm *syncmodel.Model, reported map[token.Pos]bool) {
	for _, r := range closesOf(m, reported, true) {
		if r.f.Fn.Parent() != nil || r.c.RecvBefore {
			continue
		}
		for _, s := range unorderedSpawnedSends(r.f, r.c) {
			if r.c.AfterWait && !startedAfterWait(sm, r.f, s) || sm.OrderedAfter(r.f, r.c, r.f, s) {
				continue
			}
			reported[r.c.Pos] = true
			reportSpawner(pass, m, r.f, r.c, s)
			break
		}
	}
}

// startedAfterWait reports whether the go statement (or call) that
// starts s's goroutine in f comes after a Wait of f on every path: no
// Wait of f can be for it.
func startedAfterWait(sm *syncmodel.Model, f *chanmodel.Func, s *chanmodel.Op) bool {
	sf := sm.Func(f.Fn)
	if sf == nil {
		return false
	}
	for _, ev := range sf.Events {
		if (ev.Kind == syncmodel.Wait || ev.Kind == syncmodel.GroupWait) && !ev.Deferred && flow.Dominates(ev.Instr, s.Instr) {
			return true
		}
	}
	return false
}

// unorderedSpawnedSends returns the sends on c's channel by goroutines
// f starts before the close c, when f's goroutine cannot learn between
// the start and the close that the goroutine finished sending.
func unorderedSpawnedSends(f *chanmodel.Func, c *chanmodel.Op) []*chanmodel.Op {
	var out []*chanmodel.Op
	for i := range f.Ops {
		s := &f.Ops[i]
		if s.Kind != chanmodel.Send || s.Unit == 0 || s.Chan != c.Chan || !flow.Reaches(s.Instr, c.Instr, nil) {
			continue
		}
		su := unit{f, s.Unit}
		if unitDoes(su, chanmodel.Recv, c.Chan) || runs(su, c.Pos) || unitDoes(su, chanmodel.Close, c.Chan) {
			continue // a handshake, or a goroutine that closes it too
		}
		if signalledBetween(f, s.Instr, c.Instr) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// signalledBetween reports whether f's own goroutine may receive from
// any channel (a done signal, a result, a select) or call code that
// receives on one, on some path from the go statement start to the
// close.
func signalledBetween(f *chanmodel.Func, start, close ssa.Instruction) bool {
	between := func(in ssa.Instruction) bool {
		return flow.Reaches(start, in, nil) && flow.Reaches(in, close, nil)
	}
	for i := range f.Ops {
		op := &f.Ops[i]
		if op.Kind == chanmodel.Recv && op.Unit == 0 && between(op.Instr) {
			return true
		}
	}
	// Receives on channels the model has no identity for.
	for _, b := range f.Fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Select:
				if between(in) {
					return true
				}
			case *ssa.UnOp:
				if in.Op == token.ARROW && between(in) {
					return true
				}
			}
		}
	}
	return false
}

func reportSpawner(pass *analysis.Pass, m *chanmodel.Model, f *chanmodel.Func, c, s *chanmodel.Op) {
	name := chanName(c)
	closer, sender := m.Goroutine(pass.Fset, f, c), m.Goroutine(pass.Fset, f, s)
	var tr finding.Trace
	d := analysis.Diagnostic{Pos: c.Pos, Message: name + " closed while the goroutine that sends on it may still be running"}
	tr.Step(finding.Place{Pos: m.GoSite(s), Message: "goroutine started here", Goroutine: closer, Op: finding.OpGo})
	tr.Related(&d, finding.Place{Pos: m.GoSite(s), Message: "the sender is started here", Goroutine: closer, Op: finding.OpGo})
	tr.Step(finding.Place{Pos: c.Pos, Message: "closed with nothing telling the sender is done", Goroutine: closer, Op: finding.OpClose})
	sp := opPos(m, s)
	tr.Related(&d, finding.Place{Pos: sp, Message: "send here", Goroutine: sender, Op: finding.OpSend})
	tr.Step(finding.Place{Pos: sp, Message: "a send after the close panics", Goroutine: sender, Op: finding.OpPanic, Blocks: true})
	tr.Report(pass, d)
}
