package closebyreceiver

import (
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// A reply channel: the requester makes a channel, stores it in a
// field of a request, hands the request to a responder over another
// channel, and the responder, which receives the request, sends its
// answer on the field. The requester receives the answer, so it must
// not close the channel before it has: when it gives up (a timeout, a
// cancelled context) the responder may still be working on the
// request, and its send then panics. The buffer does not help.

// reportReplies reports such closes: a close, by the requester's own
// goroutine, of a channel it made, reachable from the hand-over
// without a receive of the reply on the way, while a goroutine that
// receives requests on the hand-over's channel sends on the field.
// A close under a mutex, or after a Wait, may be ordered after the
// responder by means the model does not see: silent.
func reportReplies(pass *analysis.Pass, m *chanmodel.Model, reported map[token.Pos]bool) {
	for _, r := range plainCloses(m, reported) {
		f, c := r.f, r.c
		if c.Chan.Kind != chanmodel.KindMake || c.Chan.Make.Parent() != f.Fn {
			continue
		}
		for j := range f.Ops {
			a := &f.Ops[j]
			if a.Kind != chanmodel.Assign || !a.Direct() || a.Unit != 0 || a.Chan.Kind != chanmodel.KindField {
				continue
			}
			st, ok := a.Instr.(*ssa.Store)
			fa, isField := st.Addr.(*ssa.FieldAddr)
			if !ok || !isField {
				continue
			}
			if id, ok := m.ChanOf(st.Val); !ok || id != c.Chan {
				continue
			}
			hand, via, ok := handOver(m, f, fa.X, c)
			if !ok {
				continue
			}
			s := responderSend(m, f, a.Chan, via)
			if s == nil {
				continue
			}
			reported[c.Pos] = true
			reportReply(pass, m, f, c, s, hand)
			break
		}
	}
}

// handOver finds a send, by f, of the request req (its address or
// its value) on a channel the model knows, from which the close c can
// be reached without a receive on c's channel: the close may run while
// the request is out and unanswered. It returns the send's position
// and the channel the request travels on.
func handOver(m *chanmodel.Model, f *chanmodel.Func, req ssa.Value, c *chanmodel.Op) (token.Pos, chanmodel.ChanID, bool) {
	isReq := func(v ssa.Value) bool {
		if v == req {
			return true
		}
		u, ok := v.(*ssa.UnOp)
		return ok && u.Op == token.MUL && u.X == req
	}
	received := func(in ssa.Instruction) bool {
		u, ok := in.(*ssa.UnOp)
		if !ok || u.Op != token.ARROW {
			return false
		}
		id, ok := m.ChanOf(u.X)
		return ok && id == c.Chan
	}
	// A select that takes the reply's case before the close has the
	// answer: the responder sent its one value.
	for i := range f.Ops {
		r := &f.Ops[i]
		if r.Kind != chanmodel.Recv || r.Chan != c.Chan || !r.Direct() || !r.Select {
			continue
		}
		if from, succ, ok := chanmodel.CaseEdge(r); ok && from.Succs[succ].Dominates(c.Instr.Block()) {
			return token.NoPos, chanmodel.ChanID{}, false
		}
	}
	for _, b := range f.Fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Send:
				if !isReq(in.X) || !flow.Reaches(in, c.Instr, received) {
					continue
				}
				if id, ok := m.ChanOf(in.Chan); ok {
					return in.Pos(), id, true
				}
			case *ssa.Select:
				for k, st := range in.States {
					if st.Send == nil || !isReq(st.Send) {
						continue
					}
					// Only once the request's case is taken is it out.
					from, succ, ok := chanmodel.SelectCaseEdge(in, k)
					if !ok {
						continue
					}
					body := from.Succs[succ]
					if !body.Dominates(c.Instr.Block()) || !flow.Reaches(body.Instrs[0], c.Instr, received) && body.Instrs[0] != c.Instr {
						continue
					}
					if id, ok := m.ChanOf(st.Chan); ok {
						return st.Pos, id, true
					}
				}
			}
		}
	}
	return token.NoPos, chanmodel.ChanID{}, false
}

// responderSend returns a send on the field, by a goroutine other than
// f's own that receives requests on the channel via.
func responderSend(m *chanmodel.Model, f *chanmodel.Func, field, via chanmodel.ChanID) *chanmodel.Op {
	for _, r := range m.OpsOn(field) {
		s := r.Op
		if s.Kind != chanmodel.Send || r.F == f && s.Unit == 0 {
			continue
		}
		if unitRecv(unit{r.F, s.Unit}, via) {
			return s
		}
	}
	return nil
}

func reportReply(pass *analysis.Pass, m *chanmodel.Model, f *chanmodel.Func, c, s *chanmodel.Op, hand token.Pos) {
	name := chanName(c)
	closer, sender := m.Goroutine(pass.Fset, f, c), m.OpGoroutine(pass.Fset, s)
	var tr finding.Trace
	d := analysis.Diagnostic{Pos: c.Pos, Message: name + " closed by its receiver while another goroutine may still send on it"}
	tr.Step(finding.Place{Pos: hand, Message: "the request carrying it is handed over here", Goroutine: closer, Op: finding.OpSend})
	tr.Related(&d, finding.Place{Pos: hand, Message: "the request carrying it is handed over here", Goroutine: closer, Op: finding.OpSend})
	tr.Step(finding.Place{Pos: c.Pos, Message: "closed before the answer arrived", Goroutine: closer, Op: finding.OpClose})
	sp := opPos(m, s)
	tr.Related(&d, finding.Place{Pos: sp, Message: "send here", Goroutine: sender, Op: finding.OpSend})
	tr.Step(finding.Place{Pos: sp, Message: "the late answer panics", Goroutine: sender, Op: finding.OpPanic, Blocks: true})
	tr.Report(pass, d)
}
