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
//   - after r, every path marks a unit Done before it can take another
//     (a receive, an Add on wg) or the goroutine ends (a deferred Done
//     counts at the return);
//   - before r, every path from a Done (one that may give back a unit)
//     takes a unit again first (a receive, an Add, the next element of
//     a counted loop over a batch of messages, each with its unit), so
//     the unit given back after r was already held at r. A send after
//     the Done, of the message or of a per-batch notice, is not held.
//
// A goroutine's start is no way in: a goroutine counted as a whole is
// doneAfter's own case, and one started otherwise holds nothing until
// it takes a message.
func (m *Model) heldUntilDone(r chanmodel.OpRef, wg Object) bool {
	var direct []chanmodel.OpRef
	if !m.Chans.DirectViews(r.F, r.Op, &direct) {
		return false
	}
	for _, d := range direct {
		if !m.held(d.F.Fn, d.Op.Instr, wg, true, true, map[heldKey]bool{}, 0) {
			return false
		}
	}
	return len(direct) > 0
}

// held judges the two halves of heldUntilDone at in, an instruction of
// fn: after (a Done follows before the next take or the return) and
// before (a take separates in from every earlier Done), each only
// while still open; what fn leaves open its callers must close.
func (m *Model) held(fn *ssa.Function, in ssa.Instruction, wg Object, after, before bool, seen map[heldKey]bool, depth int) bool {
	k := heldKey{in, after, before}
	if depth > 6 || seen[k] {
		return depth <= 6 && seen[k] // a cycle of calls adds no path
	}
	seen[k] = true
	f, cf := m.byFn[fn], m.Chans.Func(fn)
	if f == nil || cf == nil || len(fn.Blocks) == 0 {
		return false
	}
	takes := map[ssa.Instruction]bool{}
	for i := range cf.Ops {
		if op := &cf.Ops[i]; op.Kind == chanmodel.Recv && op.Unit == 0 && !op.Deferred {
			takes[op.Instr] = true
		}
	}
	gives, mayGive := map[ssa.Instruction]bool{}, map[ssa.Instruction]bool{}
	deferred := false
	for _, ev := range f.Events {
		if !Same(ev.Obj, wg) {
			continue
		}
		switch {
		case ev.Kind == Add:
			takes[ev.Instr] = true
		case ev.Kind == Done && ev.Deferred:
			deferred = deferred || ev.Must
		case ev.Kind == Done:
			gives[ev.Instr], mayGive[ev.Instr] = true, true
		}
	}
	for _, b := range fn.Blocks {
		for _, x := range b.Instrs {
			call, ok := x.(*ssa.Call)
			if !ok {
				continue
			}
			callee := call.Common().StaticCallee()
			if callee == nil || m.byFn[flow.Body(callee)] == nil {
				continue
			}
			callee = flow.Body(callee)
			if m.marksDone(callee, wg, true, 0) {
				gives[x] = true
			}
			if m.marksDone(callee, wg, false, 0) {
				mayGive[x] = true
			}
		}
	}
	if after {
		after = false
		for t := range takes {
			if flow.Reaches(in, t, func(x ssa.Instruction) bool { return gives[x] }) {
				return false
			}
		}
		for _, b := range fn.Blocks {
			if n := len(b.Instrs); n > 0 {
				if ret, ok := b.Instrs[n-1].(*ssa.Return); ok && !deferred && flow.Reaches(in, ret, func(x ssa.Instruction) bool { return gives[x] }) {
					after = true
				}
			}
		}
	}
	if before {
		// The next element of a counted loop over a batch takes its
		// message's unit.
		heads := map[*ssa.BasicBlock]bool{}
		for _, h := range fn.Blocks {
			if h.Dominates(in.Block()) && len(h.Preds) > 1 {
				if entry, _, ok := flow.CountedLoop(h); ok && entry == h && flow.LoopOf(h)[in.Block()] {
					heads[h] = true
				}
			}
		}
		took := func(x ssa.Instruction) bool { return takes[x] || heads[x.Block()] }
		for g := range mayGive {
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
	sites := m.callers[fn]
	if len(sites) == 0 || m.open(fn) {
		return false
	}
	for _, s := range sites {
		if _, isGo := s.Instr.(*ssa.Go); isGo || s.Goroutine {
			return false
		}
		if !m.held(s.Caller, s.Instr, wg, after, before, seen, depth+1) {
			return false
		}
	}
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
