package goroutineleak

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// checkConsumerExits reports the plain sends on a channel field whose
// only consumer, a goroutine's loop, can return on its own while the
// channel stays open: once it has returned, nothing receives from the
// field again, so the senders' sends (from methods anyone may call any
// number of times) fill the buffer, if any, and then block forever.
//
// The model: the field's channel does not escape (chanmodel.Escapes:
// its operations are all known); nothing closes it; every receive from
// it is a plain receive or range, in a loop, of one function that only
// go statements of the package start; from one of those receives a
// path leaves the function by a return, without receiving again and
// without seeing the channel closed (the consumer gives up: an error,
// a flag; not a received value compared with a sentinel, which the
// owner may send to stop it); every send on it is a plain send (not in a select, where a
// default or a done case lets the sender go) in another function.
func (c *checker) checkConsumerExits() {
	seen := make(map[chanmodel.ChanID]bool)
	for _, f := range c.m.Funcs {
		for i := range f.Ops {
			op := &f.Ops[i]
			if op.Chan.Kind != chanmodel.KindField || !op.Direct() || seen[op.Chan] {
				continue
			}
			seen[op.Chan] = true
			c.consumerExit(op.Chan)
		}
	}
}

func (c *checker) consumerExit(id chanmodel.ChanID) {
	if c.m.Escapes(id) || len(c.m.Makes(id)) == 0 {
		return
	}
	var consumer *chanmodel.Func
	var recvs, sends []*chanmodel.Op
	for _, r := range c.m.OpsOn(id) {
		op := r.Op
		switch op.Kind {
		case chanmodel.Close:
			return
		case chanmodel.Assign:
			continue
		}
		if !op.Direct() {
			continue
		}
		if op.Select || op.Unit != 0 || op.Deferred {
			return
		}
		switch op.Kind {
		case chanmodel.Recv:
			if consumer != nil && consumer != r.F {
				return
			}
			consumer = r.F
			recvs = append(recvs, op)
		case chanmodel.Send:
			sends = append(sends, op)
		}
	}
	if consumer == nil || len(sends) == 0 || !c.onlyStarted(consumer.Fn) {
		return
	}
	for _, s := range sends {
		if s.Instr.Parent() == consumer.Fn {
			return
		}
	}
	stop := make(map[ssa.Instruction]bool)
	for _, r := range recvs {
		stop[r.Instr] = true
	}
	var exit ssa.Instruction
	var from *chanmodel.Op
	for _, r := range recvs {
		u, ok := r.Instr.(*ssa.UnOp)
		if !ok || !flow.InLoop(u.Block()) || sentinel(u) {
			return
		}
		var skip func(*ssa.BasicBlock, int) bool
		if b, succ, ok := chanmodel.ClosedEdge(u); ok {
			skip = func(x *ssa.BasicBlock, i int) bool { return x == b && i == succ }
		}
		if ret := c.exitPath(u, nil, stop, skip, nil); ret != nil && exit == nil {
			exit, from = ret, r
		}
	}
	if exit == nil {
		return
	}
	name := consumer.Fn.Name()
	for _, s := range sends {
		var tr finding.Trace
		rel := []analysis.RelatedInformation{
			{Pos: from.Pos, Message: name + " receives here, the channel's only receiver"},
			{Pos: exit.Pos(), Message: "and can return here, with the channel still open"},
		}
		tr.Step(finding.Place{Pos: from.Pos, Message: "the only receiver", Goroutine: name, Op: chanmodel.StepOp(from)})
		tr.Step(finding.Place{Pos: exit.Pos(), Message: "returns with the channel still open", Goroutine: name, Op: finding.OpOther})
		tr.Step(finding.Place{Pos: s.Pos, Op: chanmodel.StepOp(s), Blocks: true})
		expr := s.Expr
		if expr == "" {
			expr = "the channel"
		}
		c.report("consumerexit", s.Pos, &tr, rel, "goroutine leak: send on "+expr+" blocks forever once "+name+", its only receiver, has returned: it can stop receiving before the channel is closed")
	}
}

// sentinel reports whether the value received by u (v or v, ok) is
// compared with == or !=: a value that may tell the consumer to stop
// (a nil or empty request sent by the owner's Close), so the exit is
// the protocol's, not the consumer giving up.
func sentinel(u *ssa.UnOp) bool {
	vals := []ssa.Value{u}
	if u.CommaOk {
		vals = nil
		for _, r := range *u.Referrers() {
			if e, ok := r.(*ssa.Extract); ok && e.Index == 0 {
				vals = append(vals, e)
			}
		}
	}
	for _, v := range vals {
		for _, r := range *v.Referrers() {
			if b, ok := r.(*ssa.BinOp); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
				return true
			}
		}
	}
	return false
}

// onlyStarted reports whether fn is started by a go statement of the
// package and used nowhere else: no call, no function value.
func (c *checker) onlyStarted(fn *ssa.Function) bool {
	started := false
	for _, g := range c.m.Funcs {
		for _, b := range g.Fn.Blocks {
			for _, in := range b.Instrs {
				switch in := in.(type) {
				case *ssa.Go:
					if analysisutil.Spawned(in) == fn {
						started = true
					}
				case ssa.CallInstruction:
					if in.Common().StaticCallee() == fn {
						return false
					}
				}
			}
		}
	}
	if obj, ok := fn.Object().(*types.Func); ok && obj.Exported() {
		return false // others may call it
	}
	return started
}
