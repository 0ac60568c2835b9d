package syncmodel

import (
	"go/token"
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
//     is itself ordered after s, by the same rules;
//   - the same Wait on a WaitGroup that counts messages, not
//     goroutines: the goroutine running s takes a message (and its
//     unit) before s and marks it Done after s, before it takes the
//     next (heldUntilDone);
//   - a count (receivedAll): c's goroutine made the channel and
//     completed as many receives on it as its goroutines, each sending
//     once, can send;
//   - calls that join what they start (joinedByCalls): every goroutine
//     running s is started inside calls of c's function, each of which
//     returns only after those runs by the rules above, and none can
//     follow c.
//
// Program order orders the runs of c's own goroutine; a received send
// orders only the run of the goroutine that sent it, so a send of a
// function started in several goroutines orders none of their other
// runs.
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
	if m.receivedAll(f, c) {
		return true
	}
	var runs []chanmodel.OpRef
	if !m.Chans.OwnViews(sf, s, &runs) {
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
	// Runs of c's own goroutine that program order places before c
	// need no join; the rest must be joined.
	runs = slices.DeleteFunc(slices.Clone(runs), func(r chanmodel.OpRef) bool { return m.programOrdered(f, c, r) })
	if len(runs) == 0 {
		return true
	}
	// A channel made again on the way from the Wait back to a go
	// statement (a benchmark's b.N loop that makes the channel, the
	// WaitGroup and the workers per iteration) is a new channel: the
	// goroutines started after the make send on it, not on the one
	// closed.
	var remade ssa.Instruction
	if c.Chan.Kind == chanmodel.KindMake && c.Chan.Make != nil {
		remade = c.Chan.Make
	}
	// A deferred c runs as f returns: the joins before every return
	// precede it.
	joinAt := c.Instr
	if c.Deferred && c.Direct() {
		joinAt = nil
	}
	for _, j := range m.joinsBefore(f.Fn, joinAt, up, 0) {
		if m.doneAfter(runs, j, waitPoints(j.in, j.up), remade) {
			return true
		}
	}
	for i := range f.Ops {
		r := &f.Ops[i]
		if r.Kind != chanmodel.Recv {
			continue
		}
		if m.completesBefore(f, r, c, 0) && m.releasedAfter(r.Chan, runs, false, depth+1) {
			return true
		}
		if sawClosedBefore(r, c) && m.releasedAfter(r.Chan, runs, true, depth+1) {
			return true
		}
	}
	if m.joinedByCalls(f, c, runs, up, depth) {
		return true
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

// A waitJoin is a Wait (on a WaitGroup or an errgroup.Group) that
// completes before an instruction: obj names the waited object in the
// terms of the outermost function of the question, in is the Wait and
// up the sites that lead down to it.
type waitJoin struct {
	kind Kind
	obj  Object
	in   ssa.Instruction
	up   []Site
}

// joinsBefore returns the Waits that complete before in, an
// instruction of fn, on every path: fn's own, and those a call that
// precedes in on every path makes on every path of its callee, to a
// few calls deep (a Stop that cancels the workers' context and then
// waits for them). up leads down to fn.
func (m *Model) joinsBefore(fn *ssa.Function, in ssa.Instruction, up []Site, depth int) []waitJoin {
	sf := m.byFn[fn]
	if sf == nil || depth > 3 {
		return nil
	}
	var out []waitJoin
	for _, ev := range sf.Events {
		if ev.Kind != Wait && ev.Kind != GroupWait || !ev.Obj.Known() {
			continue
		}
		// In fn itself a deferred Wait runs after in; in a callee,
		// before the call returns. With no in at the outermost level
		// the question is about a deferred operation of fn, which a
		// deferred Wait may follow.
		if in != nil && (ev.Deferred || !flow.Dominates(ev.Instr, in)) || in == nil && (!ev.Must || depth == 0 && ev.Deferred) {
			continue
		}
		if o, ok := m.lift(ev.Obj, fn, up); ok {
			out = append(out, waitJoin{ev.Kind, o, ev.Instr, up})
		}
	}
	for _, b := range fn.Blocks {
		if in == nil && !flow.DominatesReturns(b) {
			continue
		}
		for _, x := range b.Instrs {
			call, ok := x.(*ssa.Call)
			if !ok || in != nil && (x == in || !flow.Dominates(call, in)) {
				continue
			}
			callee := call.Common().StaticCallee()
			if callee != nil {
				callee = flow.Body(callee)
			}
			if callee == nil || m.byFn[callee] == nil {
				continue
			}
			if site, ok := m.siteAt(call, callee); ok {
				out = append(out, m.joinsBefore(callee, nil, append(up[:len(up):len(up)], site), depth+1)...)
			}
		}
	}
	return out
}

// programOrdered reports whether c, an operation of f's own goroutine,
// follows the run r in that goroutine's program order: r is f's own
// and cannot follow c (c is deferred, or no path leads from c back to
// r), or, for a deferred c, r runs in a function that f calls
// synchronously. A sender that closes its done channel as it returns:
//
//	func (t *T) follow() {
//		defer close(t.stopped)
//		for { ...; t.lines <- l }
//	}
//
// A close of one channel by every goroutine that runs f would panic,
// so a correct program closes it in one run of f: the runs of the
// other goroutines close channels of their own. A send has no such
// limit: one received send of many goroutines running f orders only
// the run of the goroutine that sent it, so a send orders f's runs
// only when f is not known to run in several goroutines (runsOnce).
func (m *Model) programOrdered(f *chanmodel.Func, c *chanmodel.Op, r chanmodel.OpRef) bool {
	if c.Unit != 0 || c.Select {
		return false
	}
	switch {
	case r.F == f:
		if r.Op.Deferred || !c.Deferred && flow.Reaches(c.Instr, r.Op.Instr, nil) {
			return false
		}
		return c.Kind == chanmodel.Close || m.runsOnce(f.Fn)
	case c.Deferred:
		return m.runsWithin(r.F.Fn, f.Fn, map[*ssa.Function]bool{}, 0)
	}
	return false
}

// runsOnce reports whether fn is not known to run in several
// goroutines at once: no two go statements start it, and none that
// does lies in a loop.
func (m *Model) runsOnce(fn *ssa.Function) bool {
	roots, _, _ := m.goRoots(fn, true, false, nil)
	switch len(roots) {
	case 0:
		return true
	case 1:
		return !flow.InLoop(roots[0].Instr.Block())
	}
	return false
}

// joinedByCalls reports whether c, an operation of f's own goroutine,
// follows every run in runs because the goroutines that perform them
// are all started inside calls f makes (synchronously, through any
// depth of calls and go statements), each of which returns only after
// the runs it started (returnsAfter), and no such call can follow c. A
// loader that runs its stages through a helper, each stage's workers
// joined before the helper returns, and then closes the channels the
// workers sent on:
//
//	for _, s := range stages {
//		s.loadParallel(cD) // ranges over success until a goroutine closes it after wg.Wait()
//	}
//	close(cD)
func (m *Model) joinedByCalls(f *chanmodel.Func, c *chanmodel.Op, runs []chanmodel.OpRef, up []Site, depth int) bool {
	if c.Unit != 0 || c.Select || !c.Direct() || depth > 4 {
		return false
	}
	calls := map[ssa.Instruction]bool{}
	for _, r := range runs {
		if !m.startedUnder(r.F.Fn, f.Fn, calls) {
			return false
		}
	}
	if len(calls) == 0 {
		return false
	}
	for x := range calls {
		if !c.Deferred && flow.Reaches(c.Instr, x, nil) {
			return false
		}
		callee := flow.Body(x.(*ssa.Call).Call.StaticCallee())
		site, ok := m.siteAt(x, callee)
		cf := m.Chans.Func(callee)
		if callee == nil || cf == nil || !ok || !m.returnsAfter(cf, runs, append(up[:len(up):len(up)], site), depth+1) {
			return false
		}
	}
	return true
}

// startedUnder reports whether every way into fn, as far up as outer,
// passes through a synchronous call that outer makes, and adds those
// calls to calls. fn itself being outer's goroutine, or started by a
// go statement of outer, is not such a way.
func (m *Model) startedUnder(fn, outer *ssa.Function, calls map[ssa.Instruction]bool) bool {
	if fn == outer {
		return false
	}
	anyWay := func(Site) bool { return true }
	return m.waysUp(fn, outer, anyWay, func(s Site) bool {
		call, isCall := s.Instr.(*ssa.Call)
		if !isCall || s.Goroutine || call.Call.StaticCallee() == nil {
			return false
		}
		calls[call] = true
		return true
	}, map[*ssa.Function]bool{}, 0)
}

// returnsAfter reports whether every return of f follows every run in
// runs, by the rules of orderedAfter asked at the return instead of
// at a channel operation.
func (m *Model) returnsAfter(f *chanmodel.Func, runs []chanmodel.OpRef, up []Site, depth int) bool {
	n := 0
	for _, b := range f.Fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		n++
		at := &chanmodel.Op{Kind: chanmodel.Recv, Instr: ret, Pos: ret.Pos()}
		if !m.orderedAfter(f, at, runs, up, depth) {
			return false
		}
	}
	return n > 0
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
// ordered after them (orderedAfter). With closed, the receive is one
// that saw the channel closed (sawClosedBefore): only the closes need
// be ordered after the runs.
func (m *Model) releasedAfter(id chanmodel.ChanID, runs []chanmodel.OpRef, closed bool, depth int) bool {
	switch id.Kind {
	case chanmodel.KindMake, chanmodel.KindField, chanmodel.KindGlobal:
	default:
		return false
	}
	if m.Chans.Escapes(id) {
		return false
	}
	// The views of one operation (its own, its callers'): one that
	// sees every run of it, ordered, orders them all; else each must
	// be.
	var order []token.Pos
	views := map[token.Pos][]chanmodel.OpRef{}
	for _, r := range m.Chans.OpsOn(id) {
		if r.Op.Kind != chanmodel.Close && (closed || r.Op.Kind != chanmodel.Send) {
			continue
		}
		if _, ok := views[r.Op.Pos]; !ok {
			order = append(order, r.Op.Pos)
		}
		views[r.Op.Pos] = append(views[r.Op.Pos], r)
	}
	for _, pos := range order {
		rs := views[pos]
		if slices.ContainsFunc(rs, func(r chanmodel.OpRef) bool {
			return m.enclosing(r) && m.orderedAfter(r.F, r.Op, runs, nil, depth)
		}) {
			continue
		}
		for _, r := range rs {
			if !m.orderedAfter(r.F, r.Op, runs, nil, depth) {
				return false
			}
		}
	}
	return len(order) > 0
}

// sawClosedBefore reports whether c runs only after the receive r, of
// f's own goroutine, has seen its channel closed: c lies past the edge
// an if on the receive's ok takes once the channel is closed (the end
// of a drain, for range ch {}), which nothing else enters.
//
//	for range st.responses {} // the sender closes it after its last send on errs
//	close(st.errs)
func sawClosedBefore(r, c *chanmodel.Op) bool {
	recv, ok := r.Instr.(*ssa.UnOp)
	if !ok || !r.Direct() || r.Unit != 0 || r.Deferred || r.Select || c.Instr.Parent() != recv.Parent() {
		return false
	}
	for _, e := range chanmodel.ClosedEdges(recv, nil) {
		done := e.Block.Succs[e.Succ]
		if len(done.Preds) == 1 && done.Dominates(c.Instr.Block()) {
			return true
		}
	}
	return false
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
// not see, unless the path to it makes the channel again (remade): those
// workers send on the new one): the goroutine's function is started only by go statements
// of the package, and it defers wg.Done on every path, or (the run
// being its own) calls wg.Done on every path from the run to a return,
// or the run holds the unit of a message it takes and marks Done after
// it (heldUntilDone: a WaitGroup that counts messages in flight).
func (m *Model) doneAfter(runs []chanmodel.OpRef, j waitJoin, waited []ssa.Instruction, remade ssa.Instruction) bool {
	wg := j.obj
	var fresh func(ssa.Instruction) bool
	if remade != nil {
		fresh = func(x ssa.Instruction) bool { return x == remade }
	}
	for _, r := range runs {
		roots, _, ok := m.goRoots(r.F.Fn, true, false, nil)
		if !ok || len(roots) == 0 {
			return false
		}
		held, judged := false, false
		for _, root := range roots {
			if slices.ContainsFunc(waited, func(w ssa.Instruction) bool { return flow.Reaches(w, root.Instr, fresh) }) {
				return false
			}
			if _, isGo := root.Instr.(*ssa.Go); !isGo {
				// WaitGroup.Go and Group.Go count the goroutine down
				// as its function returns, after all its runs.
				if !m.startsOn(root, j) {
					return false
				}
				continue
			}
			g := m.startedAt(root)
			if g == nil || j.kind != Wait {
				return false
			}
			if m.defersDone(g, &root, []Object{wg}) {
				continue
			}
			if g == r.F.Fn && m.doneOnEveryPath(g, r.Op.Instr, func(o Object) bool { return m.sameDone(g, &root, o)(wg) }) {
				continue
			}
			// The WaitGroup may count messages rather than goroutines:
			// the run holds a message's unit that it marks Done later.
			if !judged {
				held, judged = m.heldUntilDone(r, wg), true
			}
			if !held {
				return false
			}
		}
	}
	return true
}

// startsOn reports whether the call at s starts its goroutine by the
// Go method of the object j waits on: WaitGroup.Go for a WaitGroup's
// Wait, Group.Go or TryGo for a Group's.
func (m *Model) startsOn(s Site, j waitJoin) bool {
	f := m.byFn[s.Caller]
	if f == nil {
		return false
	}
	for _, ev := range f.Events {
		if ev.Instr != s.Instr || !ev.Obj.Known() {
			continue
		}
		if !(ev.Kind == WGGo && j.kind == Wait || ev.Kind == GroupGo && j.kind == GroupWait) {
			continue
		}
		if Same(ev.Obj, j.obj) || slices.ContainsFunc(m.storedAs(s.Caller, ev.Obj), func(o Object) bool { return Same(o, j.obj) }) {
			return true
		}
	}
	return false
}

// doneOnEveryPath reports whether every path of fn from just after in
// to a return calls wg.Done.
func (m *Model) doneOnEveryPath(fn *ssa.Function, in ssa.Instruction, isWG func(Object) bool) bool {
	f := m.byFn[fn]
	if f == nil {
		return false
	}
	// A Done on a cycle marks one unit of many (a message each time
	// round the loop), not the goroutine's end: heldUntilDone judges
	// those.
	done := map[ssa.Instruction]bool{}
	for _, ev := range f.Events {
		if ev.Kind == Done && !ev.Deferred && isWG(ev.Obj) && !flow.InLoop(ev.Instr.Block()) {
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

// enclosing reports whether the view r of an operation, in the
// function r.F, sees every run of it in r.F's own goroutine: the
// operation is written in r.F, or in a function literal that only
// r.F calls or defers (a deferred literal that closes done as the
// goroutine returns, after every send the goroutine made).
func (m *Model) enclosing(r chanmodel.OpRef) bool {
	if r.Op.Unit != 0 {
		return false
	}
	if r.Op.Direct() {
		return true
	}
	lit := flow.Body(r.Op.Via)
	sites := m.callers[lit]
	if lit == nil || lit.Parent() == nil || len(sites) == 0 || m.open(lit) {
		return false
	}
	for _, s := range sites {
		if s.IsGo() || s.Goroutine || s.Caller != r.F.Fn {
			return false
		}
	}
	return true
}
