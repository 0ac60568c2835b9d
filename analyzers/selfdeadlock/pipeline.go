package selfdeadlock

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// This file is the circular wait of a pipeline that feeds back to its
// head: f sends values in a loop on an unbuffered channel to a chain
// of goroutines it starts, each relaying every value it receives to
// the next over another unbuffered channel before it receives again,
// and the last one's channel comes back to f, which receives from it
// only after its loop. Each stage holds one value while it waits to
// pass it on; once one more value than there are stages is in flight,
// f waits for the first stage, each stage for the next, and the last
// for f:
//
//	f:      for ... { parsed <- v }   ...   for range acks {}
//	stage1: for r := range parsed { enriched <- r }
//	stage2: for r := range enriched { acks <- r.Seq }

// A stage is a goroutine of the chain: it receives from in and relays
// each value on out.
type stage struct {
	unit    int
	recv    *chanmodel.Op // the goroutine's own receive (inside its function)
	send    *chanmodel.Op // its own send
	fn      *ssa.Function
	in, out chanmodel.ChanID
}

// checkPipelines reports the sends of f that start such a cycle.
func (c *checker) checkPipelines(f *chanmodel.Func) {
	for i := range f.Ops {
		s := &f.Ops[i]
		if s.Unit != 0 || !s.Direct() || s.Kind != chanmodel.Send || s.Select || s.Deferred {
			continue
		}
		loop := flow.LoopOf(s.Instr.Block())
		if loop == nil {
			continue
		}
		stages, back, ok := c.chain(f, s, loop)
		if !ok {
			continue
		}
		c.reportPipeline(f, s, stages, back)
	}
}

// chain follows the values f sends at s through the stages f starts
// until they come back to f: it returns the stages and f's receive of
// the last channel, which must lie after s's loop and outside it.
func (c *checker) chain(f *chanmodel.Func, s *chanmodel.Op, loop map[*ssa.BasicBlock]bool) ([]*stage, *chanmodel.Op, bool) {
	id := s.Chan
	var stages []*stage
	seen := make(map[chanmodel.ChanID]bool)
	for len(stages) < 4 {
		if seen[id] || !c.ownChannel(f, id) {
			return nil, nil, false
		}
		seen[id] = true
		// f's own operations on id, in its goroutine: on the first
		// channel only the sends of the loop (and a close); on the
		// others, receives after the loop close the cycle.
		var back *chanmodel.Op
		for j := range f.Ops {
			op := &f.Ops[j]
			if op.Chan != id || op.Unit != 0 {
				continue
			}
			switch {
			case len(stages) == 0 && (op.Kind == chanmodel.Close || op.Kind == chanmodel.Send && loop[op.Instr.Block()] && !op.Select):
			case len(stages) > 0 && op.Kind == chanmodel.Recv && !loop[op.Instr.Block()] && op.Direct() && flow.Reaches(s.Instr, op.Instr, nil):
				if back == nil {
					back = op
				}
			default:
				return nil, nil, false
			}
		}
		if back != nil {
			return stages, back, len(stages) > 0
		}
		st, ok := c.relay(f, id)
		if !ok {
			return nil, nil, false
		}
		stages = append(stages, st)
		id = st.out
	}
	return nil, nil, false
}

// ownChannel reports whether id is an unbuffered channel f makes that
// only f and the goroutines it starts use.
func (c *checker) ownChannel(f *chanmodel.Func, id chanmodel.ChanID) bool {
	if id.Kind != chanmodel.KindMake || id.Make.Parent() != f.Fn || c.m.Escapes(id) {
		return false
	}
	if n, ok := chanmodel.Cap(id); !ok || n != 0 {
		return false
	}
	for _, r := range c.m.OpsOn(id) {
		if r.F == f {
			continue
		}
		// A closure's own record of an operation f sees as its
		// goroutine's: fine if f started it.
		if analysisutil.GoOf(r.F.Fn) == nil {
			return false
		}
	}
	return true
}

// relay returns the one goroutine f starts that receives from id: it
// must receive from id and send on one other channel only (closing it
// at most), every value it receives passed on before it receives
// again.
func (c *checker) relay(f *chanmodel.Func, id chanmodel.ChanID) (*stage, bool) {
	var st *stage
	for j := range f.Ops {
		op := &f.Ops[j]
		if op.Chan != id || op.Unit == 0 || op.Kind != chanmodel.Recv {
			continue
		}
		if st != nil && st.unit != op.Unit {
			return nil, false // two goroutines receive
		}
		if op.Via == nil {
			return nil, false
		}
		st = &stage{unit: op.Unit, in: id, fn: flow.Body(op.Via)}
	}
	if st == nil {
		return nil, false
	}
	for j := range f.Ops {
		op := &f.Ops[j]
		if op.Unit != st.unit || op.Kind == chanmodel.Assign {
			continue
		}
		inner := c.m.Inner(f, op)
		if len(inner) != 1 || !inner[0].Direct() || inner[0].Unit != 0 || inner[0].Select {
			return nil, false
		}
		switch {
		case op.Chan == id && op.Kind == chanmodel.Recv:
			if st.recv != nil {
				return nil, false
			}
			st.recv = inner[0]
		case op.Chan != id && op.Kind == chanmodel.Send && (st.send == nil || st.out == op.Chan):
			if st.send != nil {
				return nil, false
			}
			st.send, st.out = inner[0], op.Chan
		case op.Chan != id && op.Kind == chanmodel.Close && (st.send == nil || st.out == op.Chan):
		default:
			return nil, false
		}
	}
	if st.recv == nil || st.send == nil {
		return nil, false
	}
	// Every iteration that received passes the value on before the
	// loop receives again.
	if !flow.InLoopAfter(st.send.Instr, st.recv.Instr) {
		return nil, false
	}
	return st, true
}

func (c *checker) reportPipeline(f *chanmodel.Func, s *chanmodel.Op, stages []*stage, back *chanmodel.Op) {
	fset := c.pass.Fset
	name := func(op *chanmodel.Op) string {
		if op.Expr == "" {
			return "the channel"
		}
		return op.Expr
	}
	var names []string
	for _, st := range stages {
		names = append(names, st.fn.Name())
	}
	var tr finding.Trace
	var rel []analysis.RelatedInformation
	self := analysisutil.Goroutine(fset, f.Fn)
	tr.Step(finding.Place{Pos: s.Pos, Goroutine: self, Op: finding.OpSend, Blocks: true})
	for _, st := range stages {
		msg := "passes each value on here before it receives again, and blocks"
		tr.Step(finding.Place{Pos: st.send.Pos, Message: msg, Goroutine: analysisutil.Goroutine(fset, st.fn), Op: finding.OpSend, Blocks: true})
		rel = append(rel, analysis.RelatedInformation{Pos: st.send.Pos, Message: msg})
	}
	msg := "receives from " + name(back) + " only here, after the loop"
	tr.Step(finding.Place{Pos: back.Pos, Message: msg, Goroutine: self, Op: finding.OpRecv})
	rel = append(rel, analysis.RelatedInformation{Pos: back.Pos, Message: msg})
	c.report("pipeline", s.Pos, &tr, rel, fmt.Sprintf(
		"circular wait: send on %s blocks forever once %d values are in flight: %s pass each one on, and the last channel comes back to %s, received only after this loop",
		name(s), len(stages)+1, strings.Join(names, " and "), f.Fn.Name()))
}
