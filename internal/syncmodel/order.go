package syncmodel

import (
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// OrderedAfter reports whether the channel operation c of f (as
// chanmodel lists it: direct, or through a call or go statement) runs
// only after every run of the operation s of sf has completed, by a
// chain of happens-before edges of the memory model:
//
//   - a WaitGroup's Wait that precedes c on every path, on a WaitGroup
//     that every goroutine running s marks Done after s (a deferred
//     Done, or one on every path from s to the goroutine's return);
//   - a completed receive that precedes c (a plain receive, or the
//     select case c lies in) from a channel whose every send and close
//     is itself ordered after s, by the same rules.
//
// The two compose: the senders Done, a second goroutine Waits and then
// closes done, the receiver closes the data channel in its <-done
// case (prometheus's listenGaugeStream):
//
//	go func() { for ... { vals <- v }; end.Done() }()  // s
//	go func() { end.Wait(); close(done) }()
//	case <-done: close(vals)                           // c
//
// The WaitGroup is taken to be used as its contract says: every
// goroutine that calls Done was counted by an Add before the Wait.
func (m *Model) OrderedAfter(f *chanmodel.Func, c *chanmodel.Op, sf *chanmodel.Func, s *chanmodel.Op) bool {
	var runs []chanmodel.OpRef
	if !m.Chans.OwnViews(sf, s, &runs, 0) {
		return false
	}
	return m.orderedAfter(f, c, runs, nil, 0)
}

// orderedAfter is OrderedAfter for the views runs of the earlier
// operation, each a goroutine's own (unit 0). up lists the call and go
// sites that lead from the function of the question down to f,
// outermost first: f's objects are named in the outer function's
// terms through them.
func (m *Model) orderedAfter(f *chanmodel.Func, c *chanmodel.Op, runs []chanmodel.OpRef, up []Site, depth int) bool {
	if depth > 6 {
		return false
	}
	if sf := m.byFn[f.Fn]; sf != nil {
		for _, ev := range sf.Events {
			if ev.Kind != Wait || ev.Deferred || !ev.Obj.Known() || !flow.Dominates(ev.Instr, c.Instr) {
				continue
			}
			if wg, ok := m.lift(ev.Obj, f.Fn, up); ok && m.doneAfter(runs, wg, waitPoints(ev.Instr, up)) {
				return true
			}
		}
	}
	for i := range f.Ops {
		r := &f.Ops[i]
		if r.Kind == chanmodel.Recv && m.completesBefore(f, r, c, 0) && m.releasedAfter(r.Chan, runs, depth+1) {
			return true
		}
	}
	if c.Direct() {
		return false
	}
	// The join may lie inside the callee, before its operation.
	cf := m.Chans.Func(flow.Body(c.Via))
	inner := m.Chans.Inner(f, c)
	site, ok := m.siteAt(c.Instr, flow.Body(c.Via))
	if cf == nil || len(inner) == 0 || !ok {
		return false
	}
	for _, ic := range inner {
		if !m.orderedAfter(cf, ic, runs, append(up[:len(up):len(up)], site), depth+1) {
			return false
		}
	}
	return true
}

// siteAt returns the site of the package at which in calls or starts
// callee.
func (m *Model) siteAt(in ssa.Instruction, callee *ssa.Function) (Site, bool) {
	for _, s := range m.callers[callee] {
		if s.Instr == in {
			return s, true
		}
	}
	return Site{}, false
}

// lift names o, an object of fn, in the terms of the outermost
// function of up, the sites that lead down to fn.
func (m *Model) lift(o Object, fn *ssa.Function, up []Site) (Object, bool) {
	for i := len(up) - 1; i >= 0; i-- {
		switch o.Key.Root.(type) {
		case *ssa.Parameter, *ssa.FreeVar:
		default:
			return o, true // a name of its own, the same in every caller
		}
		n, ok := m.InCaller(up[i], fn, o)
		if !ok {
			return Object{}, false
		}
		o, fn = n, up[i].Caller
	}
	return o, true
}

// completesBefore reports whether the receive r of f has completed
// whenever c, another operation of f, runs: r is f's own, or comes
// from a call that completes it on every path, and precedes c's
// instruction on every path (for a select case: the case's body holds
// c); or both come from one call or go statement and r completes
// before c inside the callee.
func (m *Model) completesBefore(f *chanmodel.Func, r, c *chanmodel.Op, depth int) bool {
	if r == c || depth > 6 {
		return false
	}
	if r.Instr == c.Instr {
		if r.Direct() || r.Via != c.Via {
			return false
		}
		cf := m.Chans.Func(flow.Body(c.Via))
		ics, irs := m.Chans.Inner(f, c), m.Chans.Inner(f, r)
		if cf == nil || len(ics) == 0 {
			return false
		}
		for _, ic := range ics {
			if !slices.ContainsFunc(irs, func(ir *chanmodel.Op) bool { return m.completesBefore(cf, ir, ic, depth+1) }) {
				return false
			}
		}
		return true
	}
	// c's instruction runs after r in f's own goroutine, also when it
	// is the go statement that starts c's goroutine.
	if r.Unit != 0 || r.Deferred {
		return false
	}
	if !r.Direct() {
		return r.Must && !r.Select && flow.Dominates(r.Instr, c.Instr)
	}
	if r.Select {
		b, succ, ok := chanmodel.CaseEdge(r)
		if !ok {
			return false
		}
		body := b.Succs[succ]
		return len(body.Preds) == 1 && body.Dominates(c.Instr.Block())
	}
	return flow.Dominates(r.Instr, c.Instr)
}

// releasedAfter reports whether a receive from the channel id can
// complete only after every run in runs: id is a channel the model
// sees every operation of, and each of its sends and closes is
// ordered after them (orderedAfter).
func (m *Model) releasedAfter(id chanmodel.ChanID, runs []chanmodel.OpRef, depth int) bool {
	switch id.Kind {
	case chanmodel.KindMake, chanmodel.KindField, chanmodel.KindGlobal:
	default:
		return false
	}
	if m.Chans.Escapes(id) {
		return false
	}
	any := false
	for _, r := range m.Chans.OpsOn(id) {
		if r.Op.Kind != chanmodel.Send && r.Op.Kind != chanmodel.Close {
			continue
		}
		any = true
		if !m.orderedAfter(r.F, r.Op, runs, nil, depth) {
			return false
		}
	}
	return any
}

// waitPoints returns the Wait instruction w and the calls of up (the
// sites that lead down to its function) that return only after it:
// up from w's function to the first go statement, after which the
// caller runs on while the Wait waits.
func waitPoints(w ssa.Instruction, up []Site) []ssa.Instruction {
	out := []ssa.Instruction{w}
	for i := len(up) - 1; i >= 0; i-- {
		if _, sync := up[i].Instr.(*ssa.Call); !sync || up[i].Goroutine {
			break
		}
		out = append(out, up[i].Instr)
	}
	return out
}

// doneAfter reports whether every goroutine that performs one of runs
// marks the WaitGroup wg Done after it, and is started before the Wait
// returns (waited: the Wait and the calls that return after it; no go
// statement that starts one can follow them, as a second batch of
// workers started after the Wait would, counted by an Add the Wait did
// not see): the goroutine's function is started only by go statements
// of the package, and it defers wg.Done on every path, or (the run
// being its own) calls wg.Done on every path from the run to a return.
func (m *Model) doneAfter(runs []chanmodel.OpRef, wg Object, waited []ssa.Instruction) bool {
	for _, r := range runs {
		roots, ok := m.GoRoots(r.F.Fn)
		if !ok || len(roots) == 0 {
			return false
		}
		for _, root := range roots {
			g := m.startedAt(root)
			if g == nil {
				return false
			}
			if slices.ContainsFunc(waited, func(w ssa.Instruction) bool { return flow.Reaches(w, root.Instr, nil) }) {
				return false
			}
			if m.defersDone(g, []Object{wg}) {
				continue
			}
			if g != r.F.Fn || !m.doneOnEveryPath(g, r.Op.Instr, wg) {
				return false
			}
		}
	}
	return true
}

// doneOnEveryPath reports whether every path of fn from just after in
// to a return calls wg.Done.
func (m *Model) doneOnEveryPath(fn *ssa.Function, in ssa.Instruction, wg Object) bool {
	f := m.byFn[fn]
	if f == nil {
		return false
	}
	done := map[ssa.Instruction]bool{}
	for _, ev := range f.Events {
		if ev.Kind == Done && !ev.Deferred && Same(ev.Obj, wg) {
			done[ev.Instr] = true
		}
	}
	if len(done) == 0 {
		return false
	}
	for _, b := range fn.Blocks {
		if n := len(b.Instrs); n > 0 {
			if ret, ok := b.Instrs[n-1].(*ssa.Return); ok && flow.Reaches(in, ret, func(x ssa.Instruction) bool { return done[x] }) {
				return false
			}
		}
	}
	return true
}
