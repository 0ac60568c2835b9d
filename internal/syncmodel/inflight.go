package syncmodel

import (
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// heldUntilDone reports whether the run r, an operation of a
// long-running goroutine that handles messages, happens while the
// goroutine holds a unit of the WaitGroup wg that it gives back (Done)
// only after r: a WaitGroup that counts messages in flight, not
// goroutines. An async producer counts each message its exported
// method accepts, and the stage that finishes a message marks it Done
// after its last send of it:
//
//	func (p *P) Input(m *Msg) { p.inFlight.Add(1); p.input <- m }
//	func (p *P) sender() {
//		for m := range p.work { // takes a message, and its unit
//			p.results <- m  // r
//			p.inFlight.Done()
//		}
//	}
//	func (p *P) Close() { p.inFlight.Wait(); close(p.results) }
//
// The Done is a release that carries every earlier operation of the
// message's handling, and the Wait its acquire: the counter cannot
// reach zero while the unit is held, so Wait returns only after r.
// Held means two things, both judged where r is written and, while
// its function leaves them open, at every synchronous call of it (a
// Done in the helper's caller, a helper called for each message):
//
//   - after r, every path gives the unit up before it can take another
//     (a receive, an Add on wg) or the goroutine ends (a deferred Done
//     counts at the return): it marks the unit Done, or hands the
//     message on without a Done (handOff: to the next stage of a
//     pipeline, back to its input for a retry), still counted, to a
//     holder that gives it up in turn;
//   - before r, every path from a Done or a hand-off (one that may
//     give the unit up) takes a unit again first (a receive, the next
//     element of a counted loop over a batch of messages, each with
//     its unit), so the unit given up after r was already held at r.
//     A send after the Done, of the message or of a per-batch notice,
//     is not held. Nor is an Add a take: one made after the Done may
//     come when the counter is already zero and the Wait released,
//     and one made while a unit is held adds nothing to what holds r.
//
// A goroutine's start is a way in only as a hand-off: a go statement,
// made while its goroutine holds a unit and followed by no give of its
// own, that starts a function that gives the unit up on every path (a
// retry after a backoff that sends the message back to the input). A
// goroutine counted as a whole is doneAfter's own case, and one
// started otherwise holds nothing until it takes a message.
func (m *Model) heldUntilDone(r chanmodel.OpRef, wg Object) bool {
	var direct []chanmodel.OpRef
	if !m.Chans.DirectViews(r.F, r.Op, &direct) {
		return false
	}
	q := &inflight{m: m, wg: wg, carrying: map[chanmodel.ChanID]bool{}, starting: map[*ssa.Function]bool{}}
	for _, d := range direct {
		if !q.held(d.F.Fn, d.Op.Instr, true, true, map[heldKey]bool{}, 0) {
			return false
		}
	}
	return len(direct) > 0
}

// An inflight query judges the units of one WaitGroup. Hand-offs form
// cycles (a retry goes back to the stage that handed the message out):
// a channel or goroutine function still being judged is taken to give
// the unit up, which is what the cycle must show for the rest of it.
// Only failures are remembered: a success may rest on such a guess.
type inflight struct {
	m        *Model
	wg       Object
	carrying map[chanmodel.ChanID]bool // being judged (true) or known not to carry (false)
	starting map[*ssa.Function]bool    // likewise for goroutine functions
	steps    int
}

// budget bounds the work of one query: the hand-off graph of a
// component is small, and a larger one is left unjudged.
const inflightBudget = 400

func (q *inflight) spend() bool {
	q.steps++
	return q.steps <= inflightBudget
}

// units is what fn does with the units of the query's WaitGroup:
// takes (a receive of a message), adds (an Add on the WaitGroup),
// gives (a Done, a call that marks Done on every path, a hand-off),
// mayGive (a Done or hand-off on some path: a Done in a helper's
// branch, a send that a select may choose, a goroutine started that
// may mark Done), and a deferred Done on every path.
type units struct {
	takes, adds, gives, mayGive map[ssa.Instruction]bool
	deferred                    bool
}

func (q *inflight) units(fn *ssa.Function) (*units, bool) {
	m := q.m
	f, cf := m.byFn[fn], m.Chans.Func(fn)
	if f == nil || cf == nil || len(fn.Blocks) == 0 {
		return nil, false
	}
	u := &units{takes: map[ssa.Instruction]bool{}, adds: map[ssa.Instruction]bool{}, gives: map[ssa.Instruction]bool{}, mayGive: map[ssa.Instruction]bool{}}
	for i := range cf.Ops {
		op := &cf.Ops[i]
		if op.Unit != 0 || op.Deferred || !op.Direct() {
			continue
		}
		switch op.Kind {
		case chanmodel.Recv:
			u.takes[op.Instr] = true
		case chanmodel.Send:
			if q.carries(op.Chan) {
				u.mayGive[op.Instr] = true
				if _, plain := op.Instr.(*ssa.Send); plain {
					u.gives[op.Instr] = true
				}
			}
		}
	}
	for _, ev := range f.Events {
		if !Same(ev.Obj, q.wg) {
			continue
		}
		switch {
		case ev.Kind == Add:
			u.adds[ev.Instr] = true
		case ev.Kind == Done && ev.Deferred:
			u.deferred = u.deferred || ev.Must
		case ev.Kind == Done:
			u.gives[ev.Instr], u.mayGive[ev.Instr] = true, true
		}
	}
	for _, b := range fn.Blocks {
		for _, x := range b.Instrs {
			var callee *ssa.Function
			switch x := x.(type) {
			case *ssa.Call:
				callee = x.Call.StaticCallee()
			case *ssa.Go:
				callee = x.Call.StaticCallee()
			}
			if callee == nil || m.byFn[flow.Body(callee)] == nil {
				continue
			}
			callee = flow.Body(callee)
			if _, isGo := x.(*ssa.Go); isGo {
				// The started goroutine gets the unit when it gives it
				// up on every path; one that may mark Done may give
				// back the unit of the goroutine that starts it.
				if q.startsHolding(callee) {
					u.gives[x], u.mayGive[x] = true, true
				} else if m.marksDone(callee, q.wg, false, 0) {
					u.mayGive[x] = true
				}
				continue
			}
			if m.marksDone(callee, q.wg, true, 0) {
				u.gives[x] = true
			}
			if m.marksDone(callee, q.wg, false, 0) {
				u.mayGive[x] = true
			}
		}
	}
	return u, true
}

// held judges the two halves of heldUntilDone at in, an instruction of
// fn: after (a give follows before the next take or the return) and
// before (a take separates in from every earlier give), each only
// while still open; what fn leaves open its callers must close, and
// what is open before a go statement its starter, when the goroutine
// closes after itself.
func (q *inflight) held(fn *ssa.Function, in ssa.Instruction, after, before bool, seen map[heldKey]bool, depth int) bool {
	k := heldKey{in, after, before}
	if depth > 6 || seen[k] {
		return depth <= 6 && seen[k] // a cycle of calls adds no path
	}
	seen[k] = true
	if !q.spend() {
		return false
	}
	u, ok := q.units(fn)
	if !ok {
		return false
	}
	if after {
		if u.gives[in] {
			// in itself hands the message on.
			after = false
		} else if after, ok = q.settles(fn, u, func(visit func(ssa.Instruction) bool) { flow.Forward.Walk(in, visit) }); !ok {
			return false
		}
	}
	if before {
		// The next element of a counted loop over a batch takes its
		// message's unit.
		heads := map[*ssa.BasicBlock]bool{}
		for _, h := range fn.Blocks {
			if h.Dominates(in.Block()) && len(h.Preds) > 1 {
				if entry, _, ok := flow.CountedHead(h); ok && entry == h && flow.NaturalLoop(h)[in.Block()] {
					heads[h] = true
				}
			}
		}
		took := func(x ssa.Instruction) bool { return u.takes[x] || heads[x.Block()] }
		for g := range u.mayGive {
			if flow.Reaches(g, in, took) {
				return false
			}
		}
		first := fn.Blocks[0].Instrs[0]
		before = first == in || !took(first) && flow.Reaches(first, in, took)
	}
	if !after && !before {
		return true
	}
	sites := q.m.callers[fn]
	if len(sites) == 0 || q.m.open(fn) {
		return false
	}
	for _, s := range sites {
		if s.IsGo() {
			// The goroutine holds from its start only the unit its
			// starter hands it: the starter must hold one at the go
			// statement and give none up after it before taking
			// another; what the goroutine leaves open after in stays
			// open.
			if after || !q.handsOver(s.Caller, s.Instr) || !q.held(s.Caller, s.Instr, false, true, seen, depth+1) {
				return false
			}
			continue
		}
		if s.Goroutine || !q.held(s.Caller, s.Instr, after, before, seen, depth+1) {
			return false
		}
	}
	return true
}

// settles walks fn from a point (walk calls visit for what follows it)
// and reports whether some path reaches a return still holding the
// unit (open: the callers must give it up), and false in ok when a
// path takes another unit first.
func (q *inflight) settles(fn *ssa.Function, u *units, walk func(visit func(ssa.Instruction) bool)) (open, ok bool) {
	ok = true
	walk(func(x ssa.Instruction) bool {
		switch {
		case !ok || u.gives[x]:
			return false
		case u.takes[x] || u.adds[x]:
			ok = false
			return false
		}
		if _, isRet := x.(*ssa.Return); isRet && !u.deferred {
			open = true
		}
		return true
	})
	return open, ok
}

// handsOver reports whether the go statement g of fn leaves the unit
// to its goroutine: no path from g gives a unit up before fn takes
// another.
func (q *inflight) handsOver(fn *ssa.Function, g ssa.Instruction) bool {
	u, ok := q.units(fn)
	if !ok {
		return false
	}
	for x := range u.mayGive {
		if x != g && flow.Reaches(g, x, func(y ssa.Instruction) bool { return u.takes[y] }) {
			return false
		}
	}
	return true
}

// carries reports whether a message sent on the channel id stays
// counted until its receiver gives the unit up: the channel is the
// package's own (no code outside the model receives from it), and
// every receive of it, on the paths where it delivers a message (not
// the one that sees the channel closed), gives the unit up before it
// takes another or its goroutine ends, as held's after half judges.
func (q *inflight) carries(id chanmodel.ChanID) bool {
	if v, ok := q.carrying[id]; ok {
		return v
	}
	switch id.Kind {
	case chanmodel.KindMake, chanmodel.KindField, chanmodel.KindGlobal:
	default:
		return false
	}
	if !q.spend() || q.m.Chans.Escapes(id) {
		return false
	}
	q.carrying[id] = true
	ok, any := true, false
	for _, r := range q.m.Chans.OpsOn(id) {
		if r.Op.Kind != chanmodel.Recv || !r.Op.Direct() {
			continue
		}
		if r.Op.Unit != 0 || r.Op.Deferred || !q.settlesAfterRecv(r) {
			ok = false
			break
		}
		any = true
	}
	if !ok || !any {
		q.carrying[id] = false
		return false
	}
	delete(q.carrying, id)
	return true
}

// settlesAfterRecv judges held's after half for the receive r, from
// where it delivers a message: past a plain receive, or into its
// select case, leaving out the branch taken when the receive reports
// the channel closed.
func (q *inflight) settlesAfterRecv(r chanmodel.OpRef) bool {
	fn := r.F.Fn
	u, ok := q.units(fn)
	if !ok {
		return false
	}
	var closed []chanmodel.Edge
	var walk func(visit func(ssa.Instruction) bool)
	s := flow.Search{}
	s.Next = func(b *ssa.BasicBlock) []*ssa.BasicBlock {
		var next []*ssa.BasicBlock
		for i, n := range b.Succs {
			cut := false
			for _, e := range closed {
				cut = cut || e.Block == b && e.Succ == i
			}
			if !cut {
				next = append(next, n)
			}
		}
		return next
	}
	switch x := r.Op.Instr.(type) {
	case *ssa.UnOp:
		closed = chanmodel.ClosedEdges(x, nil)
		walk = func(visit func(ssa.Instruction) bool) { s.Walk(x, visit) }
	case *ssa.Select:
		b, succ, ok := chanmodel.CaseEdge(r.Op)
		if !ok {
			return false
		}
		body := b.Succs[succ]
		closed = chanmodel.ClosedEdges(x, body)
		walk = func(visit func(ssa.Instruction) bool) { s.WalkBlock(body, visit) }
	default:
		return false
	}
	open, ok := q.settles(fn, u, walk)
	if !ok {
		return false
	}
	if !open {
		return true
	}
	// A helper that receives and returns with the message: its callers
	// must give the unit up.
	sites := q.m.callers[fn]
	if len(sites) == 0 || q.m.open(fn) {
		return false
	}
	for _, site := range sites {
		if site.IsGo() || site.Goroutine {
			return false
		}
		if !q.held(site.Caller, site.Instr, true, false, map[heldKey]bool{}, 1) {
			return false
		}
	}
	return true
}

// startsHolding reports whether fn, run as a goroutine that a holder
// of a unit starts, gives the unit up on every path from its entry
// before it takes another or ends.
func (q *inflight) startsHolding(fn *ssa.Function) bool {
	if v, ok := q.starting[fn]; ok {
		return v
	}
	if !q.spend() {
		return false
	}
	u, ok := q.units(fn)
	if !ok || len(fn.Blocks) == 0 {
		return false
	}
	q.starting[fn] = true
	open, ok := q.settles(fn, u, func(visit func(ssa.Instruction) bool) { flow.Forward.WalkBlock(fn.Blocks[0], visit) })
	if !ok || open {
		q.starting[fn] = false
		return false
	}
	delete(q.starting, fn)
	return true
}

// heldKey is a question held has judged, or is judging: a call site is
// judged again when a different callee path reaches it with other
// halves left open (the callee's first send closed by a Done after it,
// its second not).
type heldKey struct {
	in            ssa.Instruction
	after, before bool
}

// marksDone reports whether fn marks wg Done: on every path to a
// return (must), or on some path; itself or through the calls it
// makes, a few deep.
func (m *Model) marksDone(fn *ssa.Function, wg Object, must bool, depth int) bool {
	f := m.byFn[fn]
	if f == nil || depth > 3 {
		return false
	}
	for _, ev := range f.Events {
		if ev.Kind == Done && (ev.Must || !must) && Same(ev.Obj, wg) {
			return true
		}
	}
	for _, b := range fn.Blocks {
		if must && !flow.DominatesReturns(b) {
			continue
		}
		for _, x := range b.Instrs {
			if call, ok := x.(*ssa.Call); ok {
				if callee := call.Common().StaticCallee(); callee != nil && flow.Body(callee) != fn && m.marksDone(flow.Body(callee), wg, must, depth+1) {
					return true
				}
			}
		}
	}
	return false
}
