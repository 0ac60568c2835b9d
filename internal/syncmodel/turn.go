package syncmodel

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// A Turn is a worker goroutine's handling of one request, in a
// request/reply protocol over two channel fields of the package (or
// one, used both ways):
//
//	requester (holding M)            worker (one goroutine)
//	  Request <- x      ───────────▶   <-Request
//	                                   w: writes the result fields
//	  <-Reply           ◀───────────   Reply <- y
//	  in: reads them
//
// Every requester holds one mutex M from its request until it is done
// with the answer, so at most one exchange is open at a time: the
// reply a requester receives is the worker's answer to its own
// request (no other requester sends, and the worker alone sends on
// Reply), and the worker takes the next request only once the
// requester let go of M. A write w of the worker between taking a
// request and sending any reply happens before every access the
// requester makes after the reply while it still holds M.
type Turn struct {
	Worker         *ssa.Function
	Request, Reply chanmodel.ChanID
}

// TurnOf returns the turns w runs in: w's function runs in one
// goroutine only (a worker a constructor starts), a receive on a
// channel field of the package precedes w on every path (a plain
// receive, a range, or the case of a select whose body w lies in),
// and no send on the reply channel runs between that receive and w.
// The reply channel is one only the worker's function sends on, or
// the request channel itself.
//
// A write in a helper runs in the turns all of its calls run in.
func (m *Model) TurnOf(w ssa.Instruction) []Turn {
	return m.turnOf(w, 0)
}

func (m *Model) turnOf(w ssa.Instruction, depth int) []Turn {
	fn := w.Parent()
	if _, ok := m.OwnGoroutine(fn, fn); ok {
		if ts := m.turnsAt(fn, w); len(ts) > 0 {
			return ts
		}
	}
	// A helper: the turns every one of its calls runs in.
	cs := m.Callers(fn)
	if depth >= 2 || len(cs) == 0 {
		return nil
	}
	var common []Turn
	for i, c := range cs {
		if c.Goroutine {
			return nil
		}
		ts := m.turnOf(c.Instr, depth+1)
		if i > 0 {
			ts = slices.DeleteFunc(ts, func(t Turn) bool { return !slices.Contains(common, t) })
		}
		if common = ts; len(common) == 0 {
			return nil
		}
	}
	return common
}

// turnsAt returns the turns of the worker fn that the instruction at
// of fn runs in.
func (m *Model) turnsAt(fn *ssa.Function, at ssa.Instruction) []Turn {
	cf := m.Chans.Func(fn)
	if cf == nil {
		return nil
	}
	var out []Turn
	for i := range cf.Ops {
		req := &cf.Ops[i]
		if req.Kind != chanmodel.Recv || !m.ownChanField(req) || !chanmodel.Precedes(req, at) {
			continue
		}
		for j := range cf.Ops {
			rep := &cf.Ops[j]
			// A reply on the request's own channel (ping-pong) shares it
			// with the requesters, whose sends AfterAnswer checks.
			if rep.Kind != chanmodel.Send || !m.ownChanField(rep) || rep.Chan != req.Chan && !m.soleSignaller(rep.Chan, fn) {
				continue
			}
			if m.sendsBetween(cf, req, rep.Chan, at) {
				continue
			}
			t := Turn{Worker: fn, Request: req.Chan, Reply: rep.Chan}
			dup := false
			for _, u := range out {
				dup = dup || u == t
			}
			if !dup {
				out = append(out, t)
			}
		}
	}
	return out
}

// AfterAnswer reports whether in runs in a requester of the turn t
// once it has its answer: a receive on t.Reply precedes in on every
// path, a send on t.Request precedes that receive, and one mutex is
// held, in write mode and from the same acquisition, at the send, the
// receive and in. Every other send on t.Request outside the worker
// holds that mutex too.
func (m *Model) AfterAnswer(t Turn, in ssa.Instruction) bool {
	cf := m.Chans.Func(in.Parent())
	lf := m.Locks.Funcs[in.Parent()]
	if cf == nil || lf == nil {
		return false
	}
	for i := range cf.Ops {
		rep := &cf.Ops[i]
		if rep.Kind != chanmodel.Recv || rep.Chan != t.Reply || !m.ownChanField(rep) || !chanmodel.Precedes(rep, in) {
			continue
		}
		for j := range cf.Ops {
			req := &cf.Ops[j]
			if req.Kind != chanmodel.Send || req.Chan != t.Request || !m.ownChanField(req) || !chanmodel.Precedes(req, rep.Instr) {
				continue
			}
			for _, mu := range heldThrough(lf, req.Instr, rep.Instr, in) {
				if m.requestsHold(t, mu) {
					return true
				}
			}
		}
	}
	return false
}

// heldThrough returns the mutex fields held in write mode, by one
// acquisition, before each of the instructions.
func heldThrough(lf *lockset.Func, first ssa.Instruction, rest ...ssa.Instruction) []*types.Var {
	var out []*types.Var
	for k, l := range lf.HeldBefore(first) {
		v := k.Field()
		if l.Mode != lockset.Write || v == nil {
			continue
		}
		all := true
		for _, in := range rest {
			l2, ok := lf.HeldBefore(in)[k]
			all = all && ok && l2.Mode == lockset.Write && l2.Pos == l.Pos
		}
		if all {
			out = append(out, v)
		}
	}
	return out
}

// requestsHold reports whether every send on t.Request outside the
// worker is made in the function itself, holding the mutex field mu.
func (m *Model) requestsHold(t Turn, mu *types.Var) bool {
	for _, r := range m.Chans.OpsOn(t.Request) {
		if r.Op.Kind != chanmodel.Send || !r.Op.Direct() || r.F.Fn == t.Worker {
			continue // the calls that lead to a send repeat it
		}
		lf := m.Locks.Funcs[r.F.Fn]
		if r.Op.Unit != 0 || lf == nil {
			return false
		}
		held := false
		for k, l := range lf.HeldBefore(r.Op.Instr) {
			held = held || k.Field() == mu && l.Mode == lockset.Write
		}
		if !held {
			return false
		}
	}
	return true
}

// ownChanField reports whether op is a blocking operation written in
// its function's own goroutine on an unexported channel field of the
// package.
func (m *Model) ownChanField(op *chanmodel.Op) bool {
	return op.Direct() && op.Unit == 0 && !op.NonBlocking && !op.Deferred &&
		op.Chan.Kind == chanmodel.KindField && m.ownField(op.Chan.Field)
}

func (m *Model) soleSignaller(id chanmodel.ChanID, fn *ssa.Function) bool {
	_, ok := m.SoleSignals(id, fn)
	return ok
}

// SoleSignals returns fn's own sends and closes on the channel id, and
// false if another function of the package sends on it or closes it
// too: fn alone can complete a receive from it (a worker's reply, a
// stop request).
func (m *Model) SoleSignals(id chanmodel.ChanID, fn *ssa.Function) ([]ssa.Instruction, bool) {
	var out []ssa.Instruction
	for _, r := range m.Chans.OpsOn(id) {
		if !r.Op.Direct() || r.Op.Kind != chanmodel.Send && r.Op.Kind != chanmodel.Close {
			continue // the calls that lead to an operation repeat it
		}
		if r.F.Fn != fn || r.Op.Unit != 0 {
			return nil, false
		}
		out = append(out, r.Op.Instr)
	}
	return out, true
}

// sendsBetween reports whether a send on the channel id may run after
// the receive req and before at, with no new receive in between.
func (m *Model) sendsBetween(cf *chanmodel.Func, req *chanmodel.Op, id chanmodel.ChanID, at ssa.Instruction) bool {
	again := func(x ssa.Instruction) bool { return x == req.Instr }
	for i := range cf.Ops {
		s := &cf.Ops[i]
		if s.Kind != chanmodel.Send || s.Chan != id {
			continue
		}
		if s.Instr == req.Instr {
			return true // a select that may send instead
		}
		if flow.Reaches(req.Instr, s.Instr, again) && flow.Reaches(s.Instr, at, again) {
			return true
		}
	}
	return false
}

// HeldOverTurn returns the mutex fields every requester of the turn t
// holds from its request until the worker's reply: every send on
// t.Request outside the worker holds the mutex, in write mode, and
// goes on, on every path, to a receive on t.Reply made still holding
// it (a receive with no way around it, such as a stop case). The
// worker's writes in the turn then happen inside a requester's
// critical section: any other section of the mutex is ordered with
// them.
func (m *Model) HeldOverTurn(t Turn) []*types.Var {
	var common []*types.Var
	n := 0
	for _, r := range m.Chans.OpsOn(t.Request) {
		if r.Op.Kind != chanmodel.Send || !r.Op.Direct() || r.F.Fn == t.Worker {
			continue
		}
		lf := m.Locks.Funcs[r.F.Fn]
		if r.Op.Unit != 0 || lf == nil {
			return nil
		}
		from := opDone(r.Op)
		var held []*types.Var
		for i := range r.F.Ops {
			rep := &r.F.Ops[i]
			if rep.Kind != chanmodel.Recv || rep.Chan != t.Reply || !m.ownChanField(rep) || rep.Select ||
				!flow.Reaches(from, rep.Instr, nil) || !flow.OnEveryPath(from, rep.Instr) {
				continue
			}
			for _, v := range heldThrough(lf, r.Op.Instr, rep.Instr) {
				if n == 0 || slices.Contains(common, v) {
					held = append(held, v)
				}
			}
		}
		common, n = held, n+1
		if len(common) == 0 {
			return nil
		}
	}
	return common
}

// opDone returns the first instruction that runs once op has
// completed: the first of its select case's body, or op itself.
func opDone(op *chanmodel.Op) ssa.Instruction {
	if !op.Select {
		return op.Instr
	}
	if from, succ, ok := chanmodel.CaseEdge(op); ok {
		if body := from.Succs[succ]; len(body.Preds) == 1 && len(body.Instrs) > 0 {
			return body.Instrs[0]
		}
	}
	return op.Instr
}
