package partnerexit

import (
	_ "embed"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

//go:embed doc.go
var doc string

// Analyzer reports a blocking operation whose partner goroutine can
// end without performing the operation that would unblock it.
var Analyzer = &analysis.Analyzer{
	Name:     "partnerexit",
	Doc:      analysisutil.MustExtractDoc(doc, "partnerexit"),
	Requires: []*analysis.Analyzer{syncmodel.Analyzer, analysisutil.ModeAnalyzer},
	Run:      run,
}

// How far up the calls the partner's goroutine is looked for.
const depth = 2

func run(pass *analysis.Pass) (any, error) {
	if analysisutil.FactsOnly(pass) {
		return nil, nil
	}
	sm := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
	for _, f := range sm.Funcs {
		checkCtxDone(pass, sm, f)
		for i := range f.Events {
			e := &f.Events[i]
			if e.Deferred || !e.Pos.IsValid() {
				continue
			}
			var x *leave
			switch e.Kind {
			case syncmodel.Wait:
				x = waitLeaves(sm, f, e)
			case syncmodel.Chan:
				op := e.Op
				if op.Select || op.NonBlocking || !op.Direct() || op.Unit != 0 {
					continue
				}
				switch op.Kind {
				case chanmodel.Recv:
					x = recvLeaves(sm, f, op)
					if x != nil {
						if se, sx := sendFirst(sm, f, op, x); se != nil {
							e, x = se, sx
						}
					}
				case chanmodel.Send:
					x = sendLeaves(sm, f, op)
					if x == nil {
						x = requestLeaves(sm, f, op)
					}
				}
			}
			if x != nil {
				report(pass, sm, f, e, x)
			}
		}
	}
	return nil, nil
}

// A leave is the partner's path out: the function it leaves from and
// where, and what it skips.
type leave struct {
	fn   *ssa.Function
	exit syncmodel.Exit
	op   token.Pos // the partner's operation it skips
	// partner is the function whose goroutine leaves (for a receive:
	// the sender).
	partner *ssa.Function
}

// sendFirst returns, for a receive x of f whose partner can leave (xl),
// a plain send of f on an unbuffered channel that comes first on every
// path to x and that only the same partner receives, when the partner
// can leave without that receive too: f then blocks at the send, before
// it gets to x (u.chunks <- c; <-c.done, to a loop that returns on
// ctx.Done() without taking the chunk). The send, with the partner's
// way out past it, is the finding.
func sendFirst(sm *syncmodel.Model, f *syncmodel.Func, x *chanmodel.Op, xl *leave) (*syncmodel.Event, *leave) {
	for i := range f.Events {
		e := &f.Events[i]
		if e.Kind != syncmodel.Chan {
			continue
		}
		s := e.Op
		if s.Kind != chanmodel.Send || !s.Direct() || s.Unit != 0 || s.Select || s.Deferred || s.Chan == x.Chan ||
			!flow.Dominates(s.Instr, x.Instr) || sm.Chans.Escapes(s.Chan) || !sm.Chans.Unbuffered(s.Chan) {
			continue
		}
		var does syncmodel.Does
		var at token.Pos
		ok := true
		for _, r := range sm.Chans.OpsOn(s.Chan) {
			if r.Op.Kind == chanmodel.Close {
				ok = false
				break
			}
			if r.Op.Kind != chanmodel.Recv {
				continue
			}
			fn, ops, good := performer(sm, r, s.Chan)
			if !good || len(ops) > 0 && fn != xl.partner {
				ok = false
				break
			}
			for _, op := range ops {
				if !at.IsValid() {
					at = op.Pos
				}
				if !does.Add(op) {
					ok = false
				}
			}
		}
		if !ok || !at.IsValid() {
			continue
		}
		does.Waiter = f.Fn
		if ex, left := sm.Leaves(xl.partner, does, depth); left && ex.Deliberate() {
			return e, &leave{fn: ex.Return.Parent(), exit: ex, op: at, partner: xl.partner}
		}
	}
	return nil, nil
}

// waitLeaves returns how a goroutine that wg.Wait (e, of f) waits for
// can return without its Done: a goroutine counted by an Add of its
// starter, whose Done is not on every path to its end.
func waitLeaves(sm *syncmodel.Model, f *syncmodel.Func, e *syncmodel.Event) *leave {
	if !sm.Contained(e.Obj) {
		return nil
	}
	refs := sm.EventsOn(f.Fn, e.Obj, syncmodel.Done, syncmodel.Add)
	dones := make(map[*ssa.Function]*syncmodel.Does)
	var order []*ssa.Function
	var first = make(map[*ssa.Function]token.Pos)
	for _, r := range refs {
		if r.E.Kind != syncmodel.Done {
			continue
		}
		if r.F.Fn == f.Fn || flow.InLoop(r.E.Instr.Block()) {
			return nil // the waiter's own Done, or one per task, not per goroutine
		}
		d := dones[r.F.Fn]
		if d == nil {
			d = new(syncmodel.Does)
			dones[r.F.Fn] = d
			order = append(order, r.F.Fn)
			first[r.F.Fn] = r.E.Pos
		}
		d.AddInstr(r.E.Instr)
	}
	for _, p := range order {
		sites := sm.GoSites(p, depth)
		if len(sites) == 0 || !counted(refs, sites) {
			continue
		}
		dones[p].Waiter = f.Fn
		if x, ok := sm.Leaves(p, *dones[p], depth); ok && x.Deliberate() {
			return &leave{fn: x.Return.Parent(), exit: x, op: first[p]}
		}
	}
	return nil
}

// counted reports whether each goroutine start of sites follows an
// Add, of the WaitGroup refs are on, in the starting function on
// every path to it.
func counted(refs []syncmodel.Ref, sites []syncmodel.Site) bool {
	for _, s := range sites {
		ok := false
		for _, r := range refs {
			if r.E.Kind == syncmodel.Add && r.F.Fn == s.Caller && flow.Dominates(r.E.Instr, s.Instr) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// recvLeaves returns how the one goroutine that sends on or closes
// the channel x receives from can return without doing either: the
// channel is the package's own, every send and close of it is in one
// function that one go statement, outside any loop, starts, and x is
// outside any loop too (a receive per value of a producer is not a
// one-shot protocol), unless the protocol is counted (see counted).
func recvLeaves(sm *syncmodel.Model, f *syncmodel.Func, x *chanmodel.Op) *leave {
	var count ssa.Value
	perElem := false
	if flow.InLoop(x.Instr.Block()) {
		if count = countedRecv(f, x); count == nil {
			if perElem = elemRecv(x); !perElem {
				return nil
			}
		}
	}
	if sm.Chans.Escapes(x.Chan) || sm.LockChan(x.Chan) {
		return nil // a lock's acquire (or a semaphore's release) waits for no partner: lockleak's
	}
	var p *ssa.Function
	var does syncmodel.Does
	var at token.Pos
	var sends []*chanmodel.Op
	for _, r := range sm.Chans.OpsOn(x.Chan) {
		if r.Op.Kind != chanmodel.Send && r.Op.Kind != chanmodel.Close {
			continue
		}
		if (count != nil || perElem) && r.Op.Kind == chanmodel.Close {
			return nil // a close ends every receive, however many
		}
		fn, ops, ok := performer(sm, r, x.Chan)
		if !ok {
			return nil
		}
		for _, op := range ops {
			if p != nil && fn != p || fn == f.Fn {
				return nil // several senders, or the waiter's own goroutine sends
			}
			if op.Kind == chanmodel.Send && flow.InLoop(op.Instr.Block()) {
				if _, ok := chanmodel.PerElement(op); !ok || !perElem {
					return nil
				}
			}
			p = fn
			if !at.IsValid() {
				at = op.Pos
			}
			if !does.Add(op) {
				return nil
			}
			sends = append(sends, op)
		}
	}
	if p == nil {
		return nil // nobody sends: selfdeadlock's and goroutineleak's
	}
	if count != nil {
		if !startedPer(sm, f, p, count) || !flow.OneOf(instrsOf(sends)) {
			return nil
		}
	} else if sites := sm.GoSites(p, depth); len(sites) != 1 || flow.InLoop(sites[0].Instr.Block()) {
		return nil
	}
	does.Waiter = f.Fn
	if ex, ok := sm.Leaves(p, does, depth); ok && ex.Deliberate() {
		if sm.Gated(f.Fn, x.Instr, p, does) {
			return nil // the waiter first waits for something p does only after its send
		}
		return &leave{fn: ex.Return.Parent(), exit: ex, op: at, partner: p}
	}
	return nil
}

// countedRecv returns what counts the receives of x, a receive in a
// loop, when the protocol is a counted one-shot: x is a plain receive
// on every iteration of a loop that runs once per element of a slice
// (or n times) and has no other way out (flow.CountedBy), from a
// channel made outside loops in x's own function. Paired with a
// goroutine started per element by a loop of the same count, each
// sending at most once (startedPer, flow.OneOf), every receive waits for
// its own goroutine's send: one goroutine that leaves without sending
// leaves the last receive waiting for ever.
//
//	for _, u := range users {
//		go func(user string) {
//			row, err := lookup(user)
//			if err != nil {
//				return // the collector is one result short
//			}
//			results <- row
//		}(u)
//	}
//	for range users {
//		out = append(out, <-results)
//	}
func countedRecv(f *syncmodel.Func, x *chanmodel.Op) ssa.Value {
	if x.Chan.Kind != chanmodel.KindMake || x.Chan.Make.Parent() != f.Fn || flow.InLoop(x.Chan.Make.Block()) {
		return nil
	}
	n, ok := flow.CountedBy(x.Instr.Block())
	if !ok {
		return nil
	}
	return n
}

// elemRecv reports whether x, a plain receive in a loop, receives once
// from each element of a slice of channels, in order: the loop ranges
// over the slice with no other way out, and x takes the element of the
// iteration (chanmodel.PerElement). Paired with a sender that sends at
// most once on each element, in the same order (for _, ch := range
// r.chans { select { case ch <- v: case <-ctx.Done(): return } }), each
// receive waits for its own send: a sender that returns before
// reaching an element leaves the receive of that element waiting for
// ever.
func elemRecv(x *chanmodel.Op) bool {
	s, ok := chanmodel.PerElement(x)
	if !ok {
		return false
	}
	n, ok := flow.CountedBy(x.Instr.Block())
	return ok && n == s
}

// startedPer reports whether p's goroutines are started only by one go
// statement of f (the waiter's function), on every iteration of a loop
// counted by count: one goroutine per receive.
func startedPer(sm *syncmodel.Model, f *syncmodel.Func, p *ssa.Function, count ssa.Value) bool {
	sites := sm.Callers(p)
	if len(sites) != 1 || sites[0].Caller != f.Fn || sm.Open(p) {
		return false
	}
	if _, ok := sites[0].Instr.(*ssa.Go); !ok {
		return false
	}
	n, ok := flow.CountedBy(sites[0].Instr.Block())
	return ok && n == count
}

// performer returns the function that performs r's operation itself
// and its own records of it: r's function for a direct one; for one
// that comes from a call or go statement on a channel the callee knows
// by another name (its parameter), the callee's direct operations.
// None when the callee's own record is on the same channel: it is
// seen as a direct operation of its own.
func performer(sm *syncmodel.Model, r chanmodel.OpRef, id chanmodel.ChanID) (*ssa.Function, []*chanmodel.Op, bool) {
	if r.Op.Direct() {
		if r.Op.Unit != 0 {
			return nil, nil, false
		}
		return r.F.Fn, []*chanmodel.Op{r.Op}, true
	}
	inner := sm.Chans.Inner(r.F, r.Op)
	if len(inner) == 0 {
		return nil, nil, false // in another package
	}
	var out []*chanmodel.Op
	for _, op := range inner {
		if op.Chan == id {
			continue
		}
		if !op.Direct() || op.Unit != 0 {
			return nil, nil, false // deeper than one call
		}
		out = append(out, op)
	}
	return flow.Body(r.Op.Via), out, true
}

// sendLeaves returns how every goroutine that receives from the
// unbuffered channel x sends on can return first, x being a one-shot
// send of a goroutine of its own (go func() { ch <- v }()): the
// goroutine then blocks forever. A channel anything closes is left
// alone (the send would panic: sendafterclose's).
func sendLeaves(sm *syncmodel.Model, f *syncmodel.Func, x *chanmodel.Op) *leave {
	if sm.Chans.Escapes(x.Chan) || !sm.Chans.Unbuffered(x.Chan) {
		return nil
	}
	loop := flow.InLoop(x.Instr.Block())
	if len(sm.GoSites(f.Fn, depth)) == 0 || !sm.EndsGoroutine(f.Fn, depth) {
		return nil
	}
	var self syncmodel.Does
	self.AddInstr(x.Instr)
	if sm.SignalsBesides(f.Fn, self) {
		return nil // the sender may itself tell the receiver to stop, after its send (a cancel)
	}
	rs, ok := receivers(sm, f, x)
	if !ok {
		return nil
	}
	order, recvs, recvOps, first := rs.order, rs.does, rs.ops, rs.first
	var out *leave
	for _, p := range order {
		// The sender waits in a plain send and hears nothing else: a
		// close or send the receiver makes on its way out tells
		// others, unless a goroutine woken by it could start the
		// receiver again.
		does := *recvs[p]
		does.Deaf = startedOnce(sm, p)
		does.Waiter = f.Fn
		ex, ok := sm.Leaves(p, does, depth)
		if !ok || !ex.Declined {
			// This receiver stays, or leaves only when its loop ends
			// (a counted loop, a range over another channel), which
			// the model cannot weigh against the number of sends.
			return nil
		}
		if loop && !pollsBefore(sm, f, x, declines(sm, p, recvOps[p])) {
			// A send per iteration: the sender may be done sending
			// before the receiver leaves.
			return nil
		}
		if out == nil {
			out = &leave{fn: ex.Return.Parent(), exit: ex, op: first[p]}
		}
	}
	return out
}

// A recvSet is the functions that receive from a channel, in the
// order the model lists them, each with what it does to receive (its
// direct receives), those receives, and the position of its first.
type recvSet struct {
	order []*ssa.Function
	does  map[*ssa.Function]*syncmodel.Does
	ops   map[*ssa.Function][]*chanmodel.Op
	first map[*ssa.Function]token.Pos
}

// receivers returns the receivers of the channel x sends on, not
// ok when anything closes it (a send on it could panic:
// sendafterclose's) or a receive is one the model cannot place (in
// another package, deeper than one call, or in f itself).
func receivers(sm *syncmodel.Model, f *syncmodel.Func, x *chanmodel.Op) (recvSet, bool) {
	rs := recvSet{does: map[*ssa.Function]*syncmodel.Does{}, ops: map[*ssa.Function][]*chanmodel.Op{}, first: map[*ssa.Function]token.Pos{}}
	for _, r := range sm.Chans.OpsOn(x.Chan) {
		switch r.Op.Kind {
		case chanmodel.Close:
			return rs, false
		case chanmodel.Recv:
		default:
			continue
		}
		fn, ops, ok := performer(sm, r, x.Chan)
		if !ok || fn == f.Fn && len(ops) > 0 {
			return rs, false
		}
		for _, op := range ops {
			d := rs.does[fn]
			if d == nil {
				d = new(syncmodel.Does)
				rs.does[fn] = d
				rs.order = append(rs.order, fn)
				rs.first[fn] = op.Pos
			}
			if !d.Add(op) {
				return rs, false
			}
			rs.ops[fn] = append(rs.ops[fn], op)
		}
	}
	return rs, true
}

// declines returns the channels whose receive p selects instead of
// performing ops, its receives: the other receive cases of the selects
// ops are cases of (a quit or ctx.Done() case).
func declines(sm *syncmodel.Model, p *ssa.Function, ops []*chanmodel.Op) []chanmodel.ChanID {
	cf := sm.Chans.Func(p)
	if cf == nil {
		return nil
	}
	sels := map[ssa.Instruction]bool{}
	for _, op := range ops {
		if op.Select {
			sels[op.Instr] = true
		}
	}
	var out []chanmodel.ChanID
	for i := range cf.Ops {
		op := &cf.Ops[i]
		if op.Direct() && sels[op.Instr] && op.Kind == chanmodel.Recv && op.Chan.Kind != 0 && !slices.Contains(ops, op) {
			out = append(out, op.Chan)
		}
	}
	return out
}

// pollsBefore reports whether the send x, in a loop of f, comes on
// every path after a select with a default case that receives from one
// of the channels exits (the channels the receiver leaves on): the
// sender means to stop on the receiver's signal but only polls it, so
// the signal can come between the poll and the send, the receiver
// leaves, and the send blocks forever.
//
//	for {
//		select {
//		case <-stopper.ShouldStop():
//			return
//		default:
//			events <- ev // the receiver returns on ShouldStop too
//		}
//	}
func pollsBefore(sm *syncmodel.Model, f *syncmodel.Func, x *chanmodel.Op, exits []chanmodel.ChanID) bool {
	cf := sm.Chans.Func(f.Fn)
	if cf == nil {
		return false
	}
	for i := range cf.Ops {
		op := &cf.Ops[i]
		if op.Direct() && op.Select && op.NonBlocking && op.Kind == chanmodel.Recv && op.Unit == 0 &&
			slices.Contains(exits, op.Chan) && flow.Dominates(op.Instr, x.Instr) {
			return true
		}
	}
	return false
}

// startedOnce reports whether the goroutines that run fn are started
// by go statements that run once per call of their function, which
// nothing calls in a loop, or which start fn on a value the function
// has just made: once fn returns, its goroutine is not started again
// for the same values (a supervisor restarting a loop that stopped
// calls the start in a loop).
func startedOnce(sm *syncmodel.Model, fn *ssa.Function) bool {
	sites := sm.GoSites(fn, depth)
	if len(sites) == 0 {
		return false
	}
	for _, s := range sites {
		if flow.InLoop(s.Instr.Block()) {
			return false
		}
		if len(s.Args) > 0 && analysisutil.Fresh(s.Args[0]) {
			continue
		}
		for _, c := range sm.Callers(s.Caller) {
			if flow.InLoop(c.Instr.Block()) {
				return false
			}
		}
	}
	return true
}

// maxCallers bounds the calls of a waiting helper a finding lists.
const maxCallers = 3

func report(pass *analysis.Pass, sm *syncmodel.Model, f *syncmodel.Func, e *syncmodel.Event, x *leave) {
	var msg, skips string
	op := finding.OpWait
	switch e.Kind {
	case syncmodel.Wait:
		msg = e.Expr + ".Wait may block forever: a goroutine it waits for can return without calling " + e.Expr + ".Done"
		skips = "without calling " + e.Expr + ".Done"
	case syncmodel.Chan:
		name := e.Op.Expr
		if name == "" {
			name = "the channel"
		}
		op = chanmodel.StepOp(e.Op)
		if e.Op.Kind == chanmodel.Recv {
			msg = "receive from " + name + " may block forever: the goroutine that sends on it can return without sending"
			skips = "without sending on or closing " + name
		} else {
			msg = "send on " + name + " may block forever: the goroutine that receives from it can return first"
			skips = "without receiving from " + name
		}
	}
	if x.exit.Recovered {
		skips = "panics here, and its deferred recover returns, " + skips
	} else {
		skips = "returns here " + skips
	}
	d := analysis.Diagnostic{Pos: e.Pos, Message: msg}
	g := func(fn *ssa.Function) string { return analysisutil.Goroutine(pass.Fset, fn) }
	var tr finding.Trace
	tr.Step(finding.Place{Pos: e.Pos, Goroutine: g(f.Fn), Op: op, Blocks: true})
	tr.Related(&d, finding.Place{Pos: x.exit.Pos, Message: skips, Goroutine: g(x.fn), Op: finding.OpReturn})
	// A wait inside a helper (a generic future's Await, a queue's get)
	// strands whoever calls it: the calls of the package name the
	// waiters (the model keys a generic helper's calls by its origin).
	n := 0
	for _, s := range sm.Callers(f.Fn) {
		if s.Goroutine || n == maxCallers {
			continue
		}
		n++
		tr.Related(&d, finding.Place{Pos: s.Instr.Pos(), Message: "waits here, in " + f.Fn.Name(), Goroutine: g(s.Caller), Op: finding.OpCall})
	}
	tr.Report(pass, d)
}

// instrsOf returns the instructions of ops.
func instrsOf(ops []*chanmodel.Op) []ssa.Instruction {
	out := make([]ssa.Instruction, len(ops))
	for i, op := range ops {
		out[i] = op.Instr
	}
	return out
}
