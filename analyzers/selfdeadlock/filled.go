package selfdeadlock

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// checkFilledBeforeCall reports a send, in a called function, on a
// channel field of a struct the caller has just made and already
// filled: the caller's own sends on it fill the buffer before the
// call, nothing receives in between, and the struct has been handed to
// nobody yet (chanmodel.Unshared: no other goroutine can hold the
// channel), so the callee, which sends before doing anything else
// (before any call, so before any goroutine it would start to drain
// the channel), blocks forever:
//
//	c := &compactor{ch: make(chan struct{}, 1)}
//	c.ch <- struct{}{}
//	c.start() // func (c *compactor) start() { c.ch <- struct{}{}; go c.drain() }
func (c *checker) checkFilledBeforeCall(f *chanmodel.Func) {
	for i := range f.Ops {
		op := &f.Ops[i]
		if op.Direct() || op.Unit != 0 || op.Kind != chanmodel.Send || op.Select || op.Deferred || op.Renewed || op.Chan.Kind != chanmodel.KindField {
			continue
		}
		call, ok := op.Instr.(*ssa.Call)
		if !ok {
			continue
		}
		size, ok := c.fieldCap(op.Chan)
		if !ok || size == 0 || !chanmodel.Unshared(op.Base, call) {
			continue
		}
		filled := c.fillingSends(f, op, call)
		if int64(len(filled)) < size {
			continue
		}
		for _, in := range c.m.Inner(f, op) {
			if !in.Direct() || in.Select || in.Unit != 0 || !firstThing(in.Instr) {
				continue
			}
			name := in.Expr
			if name == "" {
				name = "the channel"
			}
			g := c.m.OpGoroutine(c.pass.Fset, op)
			var tr finding.Trace
			var rel []analysis.RelatedInformation
			for _, s := range filled {
				rel = append(rel, analysis.RelatedInformation{Pos: s.Pos, Message: "the caller fills the buffer here"})
				tr.Step(finding.Place{Pos: s.Pos, Message: "the caller fills the buffer here", Goroutine: g, Op: chanmodel.StepOp(s)})
			}
			site := c.m.Site(op)
			rel = append(rel, analysis.RelatedInformation{Pos: site, Message: "then calls " + c.m.Callee(op)})
			tr.Step(finding.Place{Pos: site, Goroutine: g, Op: finding.OpCall})
			tr.Step(finding.Place{Pos: in.Pos, Goroutine: g, Op: chanmodel.StepOp(in), Blocks: true})
			c.report("unready", in.Pos, &tr, rel, fmt.Sprintf(
				"send on %s blocks forever: its buffer of %d is already full and no other goroutine can receive from it yet", name, size))
		}
	}
}

// fieldCap returns the buffer size every channel stored in the field
// id is made with, if they agree on a constant (through the callers of
// a constructor: IntValue).
func (c *checker) fieldCap(id chanmodel.ChanID) (int64, bool) {
	makes := c.m.Makes(id)
	var n int64
	for i, mc := range makes {
		x, ok := c.sm.IntValue(mc.Size, 2)
		if !ok || i > 0 && x != n {
			return 0, false
		}
		n = x
	}
	return n, len(makes) > 0
}

// fillingSends returns the sends of f on op's channel, of the same
// struct, that run before call on every path (they dominate it), or
// nil when a receive of it by f may run before the call.
func (c *checker) fillingSends(f *chanmodel.Func, op *chanmodel.Op, call ssa.Instruction) []*chanmodel.Op {
	var out []*chanmodel.Op
	for i := range f.Ops {
		o := &f.Ops[i]
		if o == op || o.Chan != op.Chan || o.Base != op.Base {
			continue
		}
		switch o.Kind {
		case chanmodel.Recv:
			// The callee's own receives (a drainer it starts) run
			// after its send: firstThing.
			if o.Instr != call && flow.Reaches(o.Instr, call, nil) {
				return nil
			}
		case chanmodel.Send:
			if o.Direct() && !o.Select && o.Unit == 0 && flow.Dominates(o.Instr, call) {
				out = append(out, o)
			}
		}
	}
	return out
}

// firstThing reports whether nothing that could hand a value on or
// wait runs before in in its function: no call, go or defer statement,
// send, receive or select may run on a path from the entry to it.
func firstThing(in ssa.Instruction) bool {
	blk := in.Block()
	if blk == nil {
		return false
	}
	before := func(x ssa.Instruction) bool {
		switch x := x.(type) {
		case ssa.CallInstruction:
			return true
		case *ssa.Send, *ssa.Select:
			return true
		case *ssa.UnOp:
			return x.Op == token.ARROW
		}
		return false
	}
	for _, x := range blk.Instrs[:flow.Index(in)] {
		if before(x) {
			return false
		}
	}
	if flow.InLoop(blk) {
		return false
	}
	for _, b := range blk.Parent().Blocks {
		if b == blk || !flow.Reachable(b, blk) {
			continue
		}
		for _, x := range b.Instrs {
			if before(x) {
				return false
			}
		}
	}
	return true
}
