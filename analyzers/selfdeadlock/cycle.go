package selfdeadlock

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// A waiter is a goroutine started by f on a func literal whose first
// channel operation is a plain receive that everything else it does
// with channels follows (guide §7.2 DEADLOCK 1).
type waiter struct {
	g    *ssa.Go
	body *chanmodel.Func
	wait *chanmodel.Op
}

// checkCycles reports goroutines started by f that each wait, first
// thing, for a channel that only other such goroutines feed, and only
// after their own wait: none can ever go first.
func (c *checker) checkCycles(f *chanmodel.Func) {
	var ws []*waiter
	byBody := make(map[*ssa.Function]*waiter)
	for _, blk := range f.Fn.Blocks {
		for _, in := range blk.Instrs {
			g, ok := in.(*ssa.Go)
			if !ok {
				continue
			}
			// A func literal that captures f's variables: the
			// goroutines of a cycle share f's channels.
			lit, bindings := analysisutil.FuncValue(g.Call.Value)
			if len(bindings) == 0 {
				continue
			}
			body := c.m.Func(lit)
			if body == nil || body.Truncated || byBody[body.Fn] != nil {
				continue
			}
			if w := firstWait(body); w != nil {
				ww := &waiter{g: g, body: body, wait: w}
				ws = append(ws, ww)
				byBody[body.Fn] = ww
			}
		}
	}
	if len(ws) < 2 {
		return
	}
	// Greatest fixpoint: a waiter stays stuck while every sender or
	// closer of its channel is a stuck waiter that feeds it only after
	// its own wait.
	stuck := make(map[*waiter]bool)
	for _, w := range ws {
		stuck[w] = true
	}
	for changed := true; changed; {
		changed = false
		for _, w := range ws {
			if stuck[w] && !c.starved(f, w, byBody, stuck) {
				stuck[w] = false
				changed = true
			}
		}
	}
	for _, w := range ws {
		if !stuck[w] {
			continue
		}
		name := w.wait.Expr
		if name == "" {
			name = "the channel"
		}
		fset := c.pass.Fset
		var tr finding.Trace
		goPos := c.m.Start(w.g.Pos())
		tr.Step(finding.Place{Pos: goPos, Message: "goroutine started here", Goroutine: analysisutil.Goroutine(fset, f.Fn), Op: finding.OpGo})
		tr.Step(finding.Place{Pos: w.wait.Pos, Goroutine: finding.Spawned(fset, goPos), Op: chanmodel.StepOp(w.wait), Blocks: true})
		c.report("cycle", w.wait.Pos, &tr, []analysis.RelatedInformation{{Pos: goPos, Message: "goroutine started here"}},
			"circular wait: the goroutines that send on "+name+" first wait for this one")
	}
}

// firstWait returns the plain receive that body performs before any
// other channel operation and on every path to its end, or nil.
func firstWait(body *chanmodel.Func) *chanmodel.Op {
	var wait *chanmodel.Op
	for i := range body.Ops {
		op := &body.Ops[i]
		if op.Unit == 0 && op.Direct() && op.Kind == chanmodel.Recv && !op.Select && !op.Avoid && !op.Deferred {
			if wait == nil || flow.Dominates(op.Instr, wait.Instr) {
				wait = op
			}
		}
	}
	if wait == nil || wait.Chan.Kind != chanmodel.KindMake {
		return nil
	}
	for i := range body.Ops {
		op := &body.Ops[i]
		if op == wait || op.Kind == chanmodel.Assign {
			continue
		}
		if op.Instr == wait.Instr || !flow.Dominates(wait.Instr, op.Instr) {
			return nil
		}
	}
	return wait
}

// starved reports whether every send on and close of w's channel is
// done by a stuck waiter after its wait.
func (c *checker) starved(f *chanmodel.Func, w *waiter, byBody map[*ssa.Function]*waiter, stuck map[*waiter]bool) bool {
	id := w.wait.Chan
	if id.Make.Parent() != f.Fn || c.m.Escapes(id) {
		return false
	}
	feeders := 0
	for _, r := range c.m.OpsOn(id) {
		if r.Op.Kind == chanmodel.Recv {
			continue
		}
		if r.F == f {
			if r.Op.Unit == 0 {
				return false // f itself feeds it
			}
			continue // the spawned closures' operations, seen below
		}
		o := byBody[r.F.Fn]
		if o == nil || !stuck[o] || !r.Op.Direct() || r.Op.Instr == o.wait.Instr ||
			!flow.Dominates(o.wait.Instr, r.Op.Instr) {
			return false
		}
		feeders++
	}
	// Every feeder must be one of the closures: f's view of each
	// operation of a spawned unit is checked through its body above.
	for i := range f.Ops {
		op := &f.Ops[i]
		if op.Chan != id || op.Kind == chanmodel.Recv || op.Unit == 0 {
			continue
		}
		g, ok := op.Instr.(*ssa.Go)
		if !ok {
			return false
		}
		if lit, _ := analysisutil.FuncValue(g.Call.Value); byBody[lit] == nil {
			return false
		}
	}
	return feeders > 0
}
