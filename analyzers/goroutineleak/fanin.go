package goroutineleak

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// checkFanIns reports, in f, an unbuffered channel made by f that the
// goroutines f starts in a loop each send a result on (or one with a
// constant buffer, when a loop over a count the model cannot bound,
// the elements of a slice, starts them: more goroutines than the
// buffer holds can be left), while f collects
// the results in a counted loop (one receive per goroutine) that it can
// leave early: a return on the first error, on ctx.Done, on a timeout.
// Every goroutine not yet received from then blocks forever on its send
// (the fan-in that errgroup or a buffer of len(jobs) makes safe).
//
// The counted loop is what pairs the goroutines with the receives; its
// own condition (i < n, the end of a range) is its normal exit. Only
// leaving it another way counts, and only when no receive on the
// channel follows (a drain) and the way out neither panics nor fails
// a test. As for the single orphan, every other use of the channel
// must be one of f's plain receives or select cases: a close, a
// deferred or concurrent receiver, or the channel escaping, and the
// analyzer cannot count.
func (c *checker) checkFanIns(f *chanmodel.Func) {
	for _, s := range spawnedSends(f) {
		mc := s.Chan.Make
		if c.reported[c.m.Start(mc.Pos())] {
			continue
		}
		g, isGo := s.Instr.(*ssa.Go)
		if !isGo || !flow.InLoop(g.Block()) || perIteration(g, mc) {
			continue
		}
		n, ok := chanmodel.Cap(s.Chan)
		if !ok || c.m.Escapes(s.Chan) {
			continue
		}
		if n > 0 && constantLoop(g.Block()) {
			continue // the model does not weigh a counted number of goroutines against the buffer
		}
		if exit := c.earlyCollectExit(f, s, g); exit != nil {
			c.reportFanIn(f, s, g, n, exit)
		}
	}
}

// earlyCollectExit returns a return that f reaches from the counted
// loop that holds its receives on s's channel, through an exit other
// than the loop's condition and without receiving again; nil if there
// is none, or the channel's uses are not as checkFanIns requires.
func (c *checker) earlyCollectExit(f *chanmodel.Func, s *chanmodel.Op, g *ssa.Go) ssa.Instruction {
	spawnLoop := flow.LoopOf(g.Block())
	recvs, ok := c.ownReceives(f, s, func(chanmodel.OpRef) bool { return false })
	if !ok || len(recvs) == 0 {
		return nil
	}
	stop := make(map[ssa.Instruction]bool)
	for _, op := range recvs {
		if spawnLoop[op.Instr.Block()] {
			return nil
		}
		stop[op.Instr] = true
	}
	ins := make([]ssa.Instruction, len(recvs))
	for i, op := range recvs {
		ins[i] = op.Instr
	}
	// Nothing closes the channel (ownReceives), so a receive's closed
	// branch is never taken.
	closed := make(map[chanmodel.Edge]bool)
	for _, in := range ins {
		if u, ok := in.(*ssa.UnOp); ok {
			if b, succ, ok := chanmodel.ClosedEdge(u); ok {
				closed[chanmodel.Edge{Block: b, Succ: succ}] = true
			}
		}
	}
	return c.earlyLoopExit(g, ins, stop, func(b *ssa.BasicBlock, succ int) bool {
		return closed[chanmodel.Edge{Block: b, Succ: succ}]
	})
}

// earlyLoopExit returns a return of start's function that it reaches
// from the counted loop holding all of recvs, after start, through an
// exit other than the loop's condition and without another receive
// (stop), panic or test failure; nil if there is none. An exit that
// skip accepts (one never taken) is none.
func (c *checker) earlyLoopExit(start ssa.Instruction, recvs []ssa.Instruction, stop map[ssa.Instruction]bool, skip func(*ssa.BasicBlock, int) bool) ssa.Instruction {
	// All the receives in one counted loop, after start.
	loop := flow.LoopOf(recvs[0].Block())
	if loop == nil {
		return nil
	}
	for _, r := range recvs[1:] {
		if !loop[r.Block()] {
			return nil
		}
	}
	// The loop's exits: by its counter's test, or another way.
	type exit struct{ from, to *ssa.BasicBlock }
	var early []exit
	counted := false
	for _, b := range start.Parent().Blocks {
		if !loop[b] {
			continue
		}
		for i, out := range b.Succs {
			if loop[out] {
				continue
			}
			if counterTest(b, loop) {
				counted = true
				continue
			}
			if skip != nil && skip(b, i) {
				continue
			}
			early = append(early, exit{b, out})
		}
		if !flow.Reaches(start, b.Instrs[0], nil) && len(b.Preds) > 0 {
			return nil // not after the spawning loop (or call)
		}
	}
	if !counted {
		return nil
	}
	// Leave the loop early, then reach a return without receiving,
	// panicking or failing the test.
	for _, e := range early {
		if ret := c.exitPath(nil, e.to, stop, nil, nil); ret != nil {
			return ret
		}
	}
	return nil
}

// counterTest reports whether b ends the loop's iteration with a test
// of an induction variable against a bound fixed outside the loop:
// i < n in for i := 0; i < n; i++, for i := range n, for range xs.
func counterTest(b *ssa.BasicBlock, loop map[*ssa.BasicBlock]bool) bool {
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	cmp, ok := iff.Cond.(*ssa.BinOp)
	if !ok {
		return false
	}
	switch cmp.Op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ:
	default:
		return false
	}
	return induction(cmp.X, loop) && invariant(cmp.Y, loop) || induction(cmp.Y, loop) && invariant(cmp.X, loop)
}

// induction reports whether v is a loop phi, or one plus or minus a
// constant, that the loop steps by a constant.
func induction(v ssa.Value, loop map[*ssa.BasicBlock]bool) bool {
	if step, ok := v.(*ssa.BinOp); ok && (step.Op == token.ADD || step.Op == token.SUB) {
		if _, ok := step.Y.(*ssa.Const); ok {
			v = step.X
		}
	}
	phi, ok := v.(*ssa.Phi)
	if !ok || !loop[phi.Block()] {
		return false
	}
	for _, e := range phi.Edges {
		if step, ok := e.(*ssa.BinOp); ok && (step.Op == token.ADD || step.Op == token.SUB) && step.X == phi {
			if _, ok := step.Y.(*ssa.Const); ok {
				return true
			}
		}
	}
	return false
}

// invariant reports whether v is the same on every iteration: a
// constant, a parameter, or a value computed outside the loop.
func invariant(v ssa.Value, loop map[*ssa.BasicBlock]bool) bool {
	switch v := v.(type) {
	case *ssa.Const, *ssa.Parameter, *ssa.FreeVar, *ssa.Global:
		return true
	case *ssa.Call:
		// len(xs), recomputed by each test of i < len(xs).
		if b, ok := v.Call.Value.(*ssa.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
			return invariant(v.Call.Args[0], loop)
		}
		return !loop[v.Block()]
	case *ssa.UnOp:
		// c.jobs, loaded again by each test of i < len(c.jobs), of
		// a struct the loop stores no such field into.
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL && loop[v.Block()] {
			return invariant(fa.X, loop) && !storesField(loop, fa.Field)
		}
		return !loop[v.Block()]
	case ssa.Instruction:
		return !loop[v.Block()]
	}
	return false
}

// storesField reports whether a block of loop stores into field i of
// some struct.
func storesField(loop map[*ssa.BasicBlock]bool, i int) bool {
	for b := range loop {
		for _, in := range b.Instrs {
			if st, ok := in.(*ssa.Store); ok {
				if fa, ok := st.Addr.(*ssa.FieldAddr); ok && fa.Field == i {
					return true
				}
			}
		}
	}
	return false
}

// constantLoop reports whether a condition that leaves b's loop
// compares with a constant (for i := 0; i < 3; i++): the model could
// count its iterations, which this rule does not do.
func constantLoop(b *ssa.BasicBlock) bool {
	loop := flow.LoopOf(b)
	for x := range loop {
		iff, ok := x.Instrs[len(x.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		leaves := false
		for _, s := range x.Succs {
			if !loop[s] {
				leaves = true
			}
		}
		if bin, ok := iff.Cond.(*ssa.BinOp); ok && leaves {
			if _, ok := bin.X.(*ssa.Const); ok {
				return true
			}
			if _, ok := bin.Y.(*ssa.Const); ok {
				return true
			}
		}
	}
	return false
}

func (c *checker) reportFanIn(f *chanmodel.Func, s *chanmodel.Op, g *ssa.Go, n int64, exit ssa.Instruction) {
	pos := c.m.Start(s.Chan.Make.Pos())
	name := channelName(f, s)
	var rel []analysis.RelatedInformation
	add := func(p token.Pos, msg string) {
		if p.IsValid() {
			rel = append(rel, analysis.RelatedInformation{Pos: p, Message: msg})
		}
	}
	add(g.Pos(), "goroutines started in a loop here")
	add(s.Pos, "each sends here")
	add(exit.Pos(), "the function can return here before receiving from all of them")
	tr := c.orphanTrace(f, pos, s, finding.Place{Pos: exit.Pos(), Message: "returns here before receiving from all of them", Op: finding.OpReturn})
	what := "unbuffered channel " + name
	if n > 0 {
		what = fmt.Sprintf("%s, whose buffer holds %d,", name, n)
	}
	c.report("fanin", pos, tr, rel, "goroutine leak: the goroutines sending on "+what+" block forever once the collecting loop returns early")
}
