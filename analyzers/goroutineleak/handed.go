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

// checkHandedOrphans is checkOrphans for a channel that its maker
// hands to its callers: a helper (startEcho(t), lookupAsync(name))
// makes an unbuffered channel, starts a goroutine that sends its one
// result on it, and returns the channel. The receiver is the caller; a
// caller of the package that can return without receiving (it gave up
// after a timeout case, or returned early on another result) strands
// the helper's goroutine on its send.
//
// Only a channel whose one way out of the helper is its return, and
// only calls whose result the caller uses for nothing but receives
// (direct or select cases): anything else may hand it to a receiver
// the model does not see. Calls in loops are left out, as for orphans:
// n calls and n receives pair up by counts.
func (c *checker) checkHandedOrphans(f *chanmodel.Func) {
	for _, s := range spawnedSends(f) {
		mc := s.Chan.Make
		if n, ok := chanmodel.Cap(s.Chan); !ok || n != 0 || mc == nil {
			continue
		}
		// One goroutine, or one per iteration of a loop that makes no
		// channel of its own (a fan-out the caller collects).
		fanIn := flow.InLoop(s.Instr.Block())
		if _, isGo := s.Instr.(*ssa.Go); fanIn && (!isGo || perIteration(s.Instr, mc)) {
			continue
		}
		idx, ok := onlyReturned(mc)
		if !ok || !c.onlySender(f, s) {
			continue
		}
		if c.calls == nil {
			c.calls = staticCallers(c.m)
		}
		for _, call := range c.calls[f.Fn] {
			if flow.InLoop(call.Block()) {
				continue // n calls and n receives pair up by counts
			}
			recvs, cuts, ok := resultReceives(call, idx)
			if !ok || len(recvs)+len(cuts) == 0 || len(recvs) == 0 && c.casesFail(cuts) {
				// (A test that takes the value only in select cases
				// that fail it expects no send: in a passing run the
				// goroutine never gets to it, as in sendNeverRuns.)
				continue
			}
			var ret ssa.Instruction
			if fanIn {
				// The receives must be plain, in the counted loop it
				// leaves early.
				if len(cuts) > 0 {
					continue
				}
				ins := make([]ssa.Instruction, 0, len(recvs))
				for in := range recvs {
					ins = append(ins, in)
				}
				ret = c.earlyLoopExit(call, ins, recvs, nil)
			} else {
				skip := func(b *ssa.BasicBlock, i int) bool { return cuts[edge{b, i}] }
				ret = c.exitPath(call, nil, recvs, skip, nil)
			}
			if ret != nil && !c.sendNeverRuns(f, s) {
				c.reportHanded(f, s, call, ret, fanIn)
				break
			}
		}
	}
}

// onlySender reports whether the sends of s's goroutine are the only
// operations on its channel that the model sees: the helper neither
// receives nor closes it.
func (c *checker) onlySender(f *chanmodel.Func, s *chanmodel.Op) bool {
	for _, r := range c.m.OpsOn(s.Chan) {
		if r.Op.Kind != chanmodel.Send || !c.bySender(f, r, s.Unit) {
			return false
		}
	}
	return true
}

// onlyReturned reports whether every use of mc, besides the go
// statement's binding and the sends of the goroutine, is a return of
// it, always in the same result position, which it returns. A channel
// held in a captured variable's cell (the goroutine's closure binds
// the cell) is followed through the cell's one store and its loads.
func onlyReturned(mc *ssa.MakeChan) (int, bool) {
	idx := -1
	ok := returnedUses(mc, &idx, 0)
	return idx, ok && idx >= 0
}

func returnedUses(v ssa.Value, idx *int, depth int) bool {
	if depth > 3 {
		return false
	}
	at := func(i int) bool {
		if *idx >= 0 && i != *idx {
			return false
		}
		*idx = i
		return true
	}
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef, *ssa.MakeClosure, *ssa.Go:
			// The goroutine's binding or argument: its sends are s.
		case *ssa.Send:
			if r.X == v {
				return false // the helper sends on it itself
			}
		case *ssa.ChangeType:
			// chan T to <-chan T.
			if !returnedUses(r, idx, depth+1) {
				return false
			}
		case *ssa.UnOp:
			if r.Op != token.MUL || !returnedUses(r, idx, depth+1) {
				return false // a receive, or a load of something else
			}
		case *ssa.Store:
			if r.Addr == v {
				continue // the cell's own store, which put the channel there
			}
			// The one store into a captured variable's cell.
			cell, ok := r.Addr.(*ssa.Alloc)
			if !ok || r.Val != v || !onlyStore(cell, r) || !returnedUses(cell, idx, depth+1) {
				return false
			}
		case *ssa.Return:
			i, ok := returnedAt(v, r)
			if !ok || !at(i) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// onlyStore reports whether st is the one store into cell.
func onlyStore(cell *ssa.Alloc, st *ssa.Store) bool {
	for _, r := range *cell.Referrers() {
		if x, ok := r.(*ssa.Store); ok && x != st && x.Addr == cell {
			return false
		}
	}
	return true
}

// returnedAt returns the result position at which ret returns v, if
// it returns v once.
func returnedAt(v ssa.Value, ret *ssa.Return) (int, bool) {
	idx, n := -1, 0
	for i, x := range ret.Results {
		if x == v {
			idx, n = i, n+1
		}
	}
	return idx, n == 1
}

// resultReceives returns the receives, in the caller, of the channel
// that call's result idx holds: the plain ones, and the edges into the
// select cases that receive from it. ok is false when the caller uses
// it any other way (keeps it, passes it on, compares it).
func resultReceives(call *ssa.Call, idx int) (recvs map[ssa.Instruction]bool, cuts map[edge]bool, ok bool) {
	var ch ssa.Value = call
	if tuple, isTuple := call.Type().(*types.Tuple); isTuple {
		ch = nil
		for _, r := range *call.Referrers() {
			if ex, isEx := r.(*ssa.Extract); isEx && ex.Index == idx {
				if ch != nil {
					return nil, nil, false
				}
				ch = ex
			}
		}
		if ch == nil || tuple.Len() <= idx {
			return nil, nil, false
		}
	}
	recvs, cuts = make(map[ssa.Instruction]bool), make(map[edge]bool)
	for _, r := range *ch.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if r.Op != token.ARROW {
				return nil, nil, false
			}
			recvs[r] = true
		case *ssa.Select:
			for i, st := range r.States {
				if st.Chan != ch {
					continue
				}
				b, succ, found := chanmodel.SelectCaseEdge(r, i)
				if !found || st.Dir != types.RecvOnly {
					return nil, nil, false
				}
				cuts[edge{b, succ}] = true
			}
		default:
			return nil, nil, false
		}
	}
	return recvs, cuts, true
}

func (c *checker) reportHanded(f *chanmodel.Func, s *chanmodel.Op, call *ssa.Call, ret ssa.Instruction, fanIn bool) {
	mc := s.Chan.Make
	pos := c.m.Start(mc.Pos())
	name := s.Expr
	if name == "" {
		name = "the channel"
	}
	var rel []analysis.RelatedInformation
	var tr finding.Trace
	g := analysisutil.Goroutine(c.pass.Fset, call.Parent())
	add := func(p finding.Place) {
		rel = append(rel, analysis.RelatedInformation{Pos: p.Pos, Message: p.Message})
		tr.Step(p)
	}
	add(finding.Place{Pos: call.Pos(), Message: "the caller gets the channel here", Goroutine: g, Op: finding.OpCall})
	if s.Pos.IsValid() {
		add(finding.Place{Pos: s.Pos, Message: "the goroutine sends here", Goroutine: c.m.Goroutine(c.pass.Fset, f, s), Op: finding.OpSend, Blocks: true})
	}
	if ret.Pos().IsValid() {
		add(finding.Place{Pos: ret.Pos(), Message: "the caller can return here without receiving", Goroutine: g, Op: finding.OpReturn})
	}
	msg := "goroutine leak: the send on unbuffered channel " + name + " blocks forever once " + call.Parent().Name() + " returns without receiving"
	if fanIn {
		msg = "goroutine leak: the goroutines sending on unbuffered channel " + name + " block forever once " + call.Parent().Name() + " leaves its receiving loop early"
	}
	c.report("orphan", pos, &tr, rel, msg)
}

// staticCallers indexes the package's static calls by callee.
func staticCallers(m *chanmodel.Model) map[*ssa.Function][]*ssa.Call {
	out := make(map[*ssa.Function][]*ssa.Call)
	for _, f := range m.Funcs {
		for _, b := range f.Fn.Blocks {
			for _, in := range b.Instrs {
				if call, ok := in.(*ssa.Call); ok {
					if callee := call.Call.StaticCallee(); callee != nil {
						out[callee] = append(out[callee], call)
					}
				}
			}
		}
	}
	return out
}

// casesFail reports whether the body of every select case in cuts
// reports a test failure (failsTest).
func (c *checker) casesFail(cuts map[edge]bool) bool {
	for e := range cuts {
		if !failsTest(c.m.Ends(), e.b.Succs[e.i]) {
			return false
		}
	}
	return len(cuts) > 0
}
