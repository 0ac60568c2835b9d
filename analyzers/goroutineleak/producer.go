package goroutineleak

import (
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// checkProducers reports, in f, a channel made by f that a goroutine f
// starts fills in a loop, with plain sends, while f drains it in a
// range (or a v, ok := <-ch loop) that can stop before the channel is
// closed, by a return or a break, and nothing receives afterwards: the
// producer's next send then blocks forever (the Go blog's pipelines:
// "explicit cancellation"). A buffered channel counts only when the
// producer's loop runs a constant number of times that the buffer
// cannot absorb.
func (c *checker) checkProducers(f *chanmodel.Func) {
	for _, s := range spawnedSends(f) {
		mc := s.Chan.Make
		if c.reported[c.m.Start(mc.Pos())] {
			continue
		}
		if _, isGo := s.Instr.(*ssa.Go); !isGo || flow.InLoop(s.Instr.Block()) && !perIteration(s.Instr, mc) {
			continue
		}
		size, ok := chanmodel.Cap(s.Chan)
		if !ok || c.m.Escapes(s.Chan) {
			continue
		}
		send := c.directSend(s)
		if send == nil || !flow.InLoop(send.Block()) {
			continue
		}
		if size > 0 {
			n, ok := flow.ConstTrips(send.Block())
			if !ok || n <= size+1 {
				continue
			}
		}
		if exit := c.earlyExit(f, s); exit != nil {
			c.reportProducer(f, s, exit)
		}
	}
}

// directSend returns the send instruction that op, a send of a
// goroutine seen from its starter, comes from.
func (c *checker) directSend(op *chanmodel.Op) ssa.Instruction {
	if !op.Pos.IsValid() {
		return nil
	}
	for _, g := range c.m.Funcs {
		for i := range g.Ops {
			if o := &g.Ops[i]; o.Direct() && o.Kind == chanmodel.Send && o.Pos == op.Pos && !o.Select {
				return o.Instr
			}
		}
	}
	return nil
}

// earlyExit returns an instruction of f (a return, or the make of the
// next iteration's channel) that f reaches from inside its receiving
// loop on s's channel without the channel being closed and without
// receiving from it again; nil if there is none, or if the channel's
// other uses are not all plain receives of f and the sending
// goroutine's own sends and closes.
func (c *checker) earlyExit(f *chanmodel.Func, s *chanmodel.Op) ssa.Instruction {
	recvs, ok := c.ownReceives(f, s, func(r chanmodel.OpRef) bool { return c.bySender(f, r, s.Unit) })
	if !ok {
		return nil
	}
	stop := make(map[ssa.Instruction]bool)
	for _, op := range recvs {
		stop[op.Instr] = true
	}
	sent, bounded := c.sentAtMost(f, s)
	for _, op := range recvs {
		u, ok := op.Instr.(*ssa.UnOp)
		if !ok {
			continue
		}
		if from, succ, ok := chanmodel.ClosedEdge(u); ok {
			// Leaving once the loop has received every value sent is
			// no early exit.
			skip := func(b *ssa.BasicBlock, i int) bool {
				return b == from && i == succ || bounded && flow.CountReached(b, i, sent, u.Block())
			}
			if ret := c.exitPath(u, nil, stop, skip, s.Chan.Make); ret != nil {
				return ret
			}
		}
	}
	return nil
}

// sentAtMost returns how many values, at most, the goroutines f starts
// send on s's channel: f's go statements, each run once or a constant
// number of times, start goroutines whose every send on it is made
// directly by the goroutine's function, with one loop at most, whose
// constant count (flow.ConstTrips) bounds the sends. ok is false when
// any of this is not so, or another goroutine sends on the channel.
func (c *checker) sentAtMost(f *chanmodel.Func, s *chanmodel.Op) (int64, bool) {
	var total int64
	views := make(map[token.Pos]bool)
	for i := range f.Ops {
		op := &f.Ops[i]
		if op.Chan != s.Chan || op.Kind != chanmodel.Send || op.Unit == 0 {
			continue
		}
		g, ok := op.Instr.(*ssa.Go)
		send := c.directSend(op)
		if !ok || send == nil || op.Deferred {
			return 0, false
		}
		per, ok := runsAtMost(send.Block())
		times, ok2 := runsAtMost(g.Block())
		if !ok || !ok2 {
			return 0, false
		}
		total += per * times
		views[op.Pos] = true
	}
	for _, r := range c.m.OpsOn(s.Chan) {
		if op := r.Op; op.Kind == chanmodel.Send && op.Unit == 0 && !views[op.Pos] {
			return 0, false // a sender f does not start
		}
	}
	return total, len(views) > 0
}

// runsAtMost returns how many times, at most, b runs in a call of its
// function: once outside loops, the constant count of the one loop it
// is in (flow.ConstTrips).
func runsAtMost(b *ssa.BasicBlock) (int64, bool) {
	if !flow.InLoop(b) {
		return 1, true
	}
	if n, ok := flow.ConstTrips(b); ok && flow.LoopDepth(b) == 1 {
		return n, true
	}
	return 0, false
}

// ownReceives returns the receives of f on s's channel, all plain or
// select receives of f itself, made directly, neither deferred nor in
// a goroutine; false if the channel has another use than those, the
// sending goroutines' sends and the closes closeOK accepts.
func (c *checker) ownReceives(f *chanmodel.Func, s *chanmodel.Op, closeOK func(chanmodel.OpRef) bool) ([]*chanmodel.Op, bool) {
	var recvs []*chanmodel.Op
	for _, r := range c.m.OpsOn(s.Chan) {
		op := r.Op
		switch op.Kind {
		case chanmodel.Send:
			if r.F == f && op.Unit == 0 {
				return nil, false // f sends too
			}
			continue // another sender does not unblock this one
		case chanmodel.Close:
			if !closeOK(r) {
				return nil, false
			}
			continue
		}
		if r.F != f {
			if !c.alsoIn(f, op) {
				return nil, false
			}
			continue
		}
		if op.Unit != 0 || op.Deferred || !op.Direct() {
			return nil, false
		}
		recvs = append(recvs, op)
	}
	return recvs, true
}

// exitPath searches, from just after the instruction from (or, when
// from is nil, from the top of the block b), a path to a return (or to
// mc, when not nil: the make of a new iteration's channel) that passes
// no instruction of stop, takes no edge skip rejects (the successor
// index of a block), and neither panics nor exits the process (os.Exit,
// a fatal log call) nor skips a test nor reports a test failure
// (t.Errorf, or the false side of if !assert.NoError(t, err):
// flow.Ends.Fails and FailEdge): a passing test takes no path that has
// failed it.
func (c *checker) exitPath(from ssa.Instruction, b *ssa.BasicBlock, stop map[ssa.Instruction]bool, skip func(*ssa.BasicBlock, int) bool, mc *ssa.MakeChan) ssa.Instruction {
	var also func(ssa.Instruction) bool
	if mc != nil {
		also = func(in ssa.Instruction) bool { return in == mc }
	}
	return c.m.Ends().PassingReturn(from, b, stop, skip, also)
}

// channelName is the name f knows s's channel by.
func channelName(f *chanmodel.Func, s *chanmodel.Op) string {
	for i := range f.Ops {
		if o := &f.Ops[i]; o.Direct() && o.Chan == s.Chan && o.Expr != "" {
			return o.Expr
		}
	}
	if s.Expr != "" {
		return s.Expr
	}
	return "the channel"
}

func (c *checker) reportProducer(f *chanmodel.Func, s *chanmodel.Op, exit ssa.Instruction) {
	mc := s.Chan.Make
	pos := c.m.Start(mc.Pos())
	name := channelName(f, s)
	var rel []analysis.RelatedInformation
	if s.Pos.IsValid() {
		rel = append(rel, analysis.RelatedInformation{Pos: s.Pos, Message: "the goroutine sends here, in a loop"})
	}
	if exit.Pos().IsValid() && exit != ssa.Instruction(mc) {
		rel = append(rel, analysis.RelatedInformation{Pos: exit.Pos(), Message: "the receiving loop can be left here while the sender has more to send"})
	}
	var exitPlace finding.Place
	if exit != ssa.Instruction(mc) {
		exitPlace = finding.Place{Pos: exit.Pos(), Message: "leaves the receiving loop here", Op: finding.OpOther}
	}
	c.report("producer", pos, c.orphanTrace(f, pos, s, exitPlace), rel, "goroutine leak: the goroutine sending on "+name+" blocks forever once the receiving loop stops before the channel is closed")
}
