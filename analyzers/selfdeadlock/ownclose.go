package selfdeadlock

import (
	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// checkOwnClose reports a receive, in f's own goroutine, from a
// channel field whose only close in the program is f's own deferred
// close of that very channel (the same struct): the defer runs only
// when f returns, after the receive, and nothing else sends on or
// closes the channel, so the goroutine waits for itself. The receive
// is often in a Close method the goroutine's loop calls on an error:
//
//	func (t *tailer) loop() {
//		defer close(t.done)
//		...
//		t.Close() // func (t *tailer) Close() { close(t.quit); <-t.done }
//	}
func (c *checker) checkOwnClose(f *chanmodel.Func) {
	for i := range f.Ops {
		cl := &f.Ops[i]
		if cl.Kind != chanmodel.Close || !cl.Direct() || !cl.Deferred || cl.Unit != 0 || !ownChan(f, cl) {
			continue
		}
		if c.m.SendEscapes(cl.Chan) || !c.onlyOwnCloses(f, cl.Chan) {
			continue
		}
		for j := range f.Ops {
			r := &f.Ops[j]
			if r.Kind != chanmodel.Recv || r.Unit != 0 || r.Select || r.Deferred || r.Chan != cl.Chan || r.Base != cl.Base {
				continue
			}
			at, site := r, r
			if !r.Direct() {
				inner := c.m.Inner(f, r)
				if len(inner) != 1 || inner[0].Select || !inner[0].Direct() {
					continue
				}
				at = inner[0]
			}
			name := at.Expr
			if name == "" {
				name = "the channel"
			}
			g := c.m.OpGoroutine(c.pass.Fset, r)
			var tr finding.Trace
			var rel []analysis.RelatedInformation
			if !r.Direct() {
				s := c.m.Site(site)
				rel = append(rel, analysis.RelatedInformation{Pos: s, Message: "reached from " + f.Fn.Name() + "'s goroutine here"})
				tr.Step(finding.Place{Pos: s, Goroutine: g, Op: finding.OpCall})
			}
			tr.Step(finding.Place{Pos: at.Pos, Goroutine: g, Op: chanmodel.StepOp(at), Blocks: true})
			rel = append(rel, analysis.RelatedInformation{Pos: cl.Pos, Message: "the only close, deferred by the same goroutine"})
			tr.Step(finding.Place{Pos: cl.Pos, Message: "the only close, deferred by the same goroutine", Goroutine: g, Op: chanmodel.StepOp(cl)})
			c.report("unready", at.Pos, &tr, rel, "receive from "+name+" blocks forever: the goroutine that reaches it is the one whose deferred close would end it, and nothing else sends on or closes it")
		}
	}
}

// ownChan reports whether the channel op closes is one the run of f
// knows as its own: a field of a struct it names (the same base marks
// the same instance), or a channel f makes once per run (not in a
// loop), which every operation of f's own goroutine on that make site
// then uses.
func ownChan(f *chanmodel.Func, op *chanmodel.Op) bool {
	switch op.Chan.Kind {
	case chanmodel.KindField:
		return op.Base != nil
	case chanmodel.KindMake:
		return op.Chan.Make.Parent() == f.Fn && !flow.InLoop(op.Chan.Make.Block())
	}
	return false
}

// onlyOwnCloses reports whether every send and close of the program on
// the channel id is a deferred close of f itself, seen directly or
// through the calls and go statements that run f.
func (c *checker) onlyOwnCloses(f *chanmodel.Func, id chanmodel.ChanID) bool {
	var own func(fn *chanmodel.Func, op *chanmodel.Op, depth int) bool
	own = func(fn *chanmodel.Func, op *chanmodel.Op, depth int) bool {
		if op.Direct() {
			return fn == f && op.Deferred
		}
		callee := c.m.Func(flow.Body(op.Via))
		inner := c.m.Inner(fn, op)
		if depth == 0 || callee == nil || len(inner) == 0 {
			return false
		}
		for _, in := range inner {
			if !own(callee, in, depth-1) {
				return false
			}
		}
		return true
	}
	for _, r := range c.m.OpsOn(id) {
		switch r.Op.Kind {
		case chanmodel.Send:
			return false
		case chanmodel.Close:
			if !own(r.F, r.Op, 4) {
				return false
			}
		}
	}
	return true
}
