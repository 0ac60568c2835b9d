package closebyreceiver

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// receivedEverySend reports whether the close c, of f, follows every
// send that can reach its channel: each send runs at most once per
// channel (the channel is made, or stored in its field, by a function
// that runs every sender; no send sits in a loop, nor the go statement
// that starts it; sends on alternative paths count once), and the
// closing goroutine completes at least as many receives on the channel
// on every path to the close as there are sends. A receive completes
// only with a sent value (or once the channel is closed), so after
// them no send is left to run. A server's Start that waits for its
// serve goroutine's one "started" message and then closes the channel
// is this case.
func receivedEverySend(m *chanmodel.Model, pkg *types.Package, idx *callIndex, f *chanmodel.Func, c *chanmodel.Op, sends map[chanmodel.ChanID][]unit) bool {
	var maker *chanmodel.Func
	switch c.Chan.Kind {
	case chanmodel.KindMake:
		maker = m.Func(c.Chan.Make.Parent())
	case chanmodel.KindField:
		// A field of this package that one function sets: it makes
		// the channel and starts the senders, as a constructor does.
		if c.Chan.Field.Exported() || c.Chan.Field.Pkg() != pkg {
			return false
		}
		for _, mf := range m.Funcs {
			for i := range mf.Ops {
				if a := &mf.Ops[i]; a.Kind == chanmodel.Assign && a.Chan == c.Chan && a.Direct() {
					if maker != nil && maker != mf {
						return false
					}
					maker = mf
				}
			}
		}
	}
	if maker == nil || maker.Truncated {
		return false
	}
	var own []*chanmodel.Op
	for i := range maker.Ops {
		s := &maker.Ops[i]
		if s.Kind == chanmodel.Send && s.Chan == c.Chan && !runs(unit{maker, s.Unit}, c.Pos) {
			own = append(own, s)
		}
	}
	n := maxSends(m, maker, own, 0)
	if n <= 0 {
		return false
	}
	// Every send must be one the maker runs, in a function that runs
	// only as part of the maker: a literal handed to other code, or a
	// method anyone may call, may send at any time.
	for _, su := range sends[c.Chan] {
		for i := range su.f.Ops {
			s := &su.f.Ops[i]
			if s.Kind != chanmodel.Send || s.Unit != su.u || s.Chan != c.Chan || runs(su, c.Pos) {
				continue
			}
			if !sendAt(maker, s) || s.Direct() && !idx.runsOnlyUnder(su.f.Fn, maker.Fn, 0) {
				return false
			}
		}
	}
	return receivesBefore(m, f, c, 0) >= n
}

// maxSends bounds how many of the sends ops, operations of f, one run
// of f performs: -1 when some may repeat (in a loop, or reached
// through a callee without a model). A send, or a call that leads to
// sends, counts once per run of its instruction; instructions that
// can follow one another on a path add up, alternatives (an error
// send on one branch, a ready send on the other) do not; goroutines
// that f starts add what they send.
func maxSends(m *chanmodel.Model, f *chanmodel.Func, ops []*chanmodel.Op, depth int) int {
	if depth > 8 {
		return -1
	}
	type group struct {
		in  ssa.Instruction
		ops []*chanmodel.Op
		w   int
	}
	var groups []*group
	byInstr := map[ssa.Instruction]*group{}
	for _, op := range ops {
		g := byInstr[op.Instr]
		if g == nil {
			g = &group{in: op.Instr}
			byInstr[op.Instr] = g
			groups = append(groups, g)
		}
		g.ops = append(g.ops, op)
	}
	started := 0
	var seq []*group
	for _, g := range groups {
		if flow.InLoop(g.in.Block()) {
			return -1
		}
		g.w = 1
		if !g.ops[0].Direct() {
			var inner []*chanmodel.Op
			for _, op := range g.ops {
				inner = append(inner, m.Inner(f, op)...)
			}
			callee := m.Func(flow.Origin(g.ops[0].Via))
			if callee == nil || len(inner) == 0 {
				return -1
			}
			if g.w = maxSends(m, callee, inner, depth+1); g.w < 0 {
				return -1
			}
		}
		if _, isGo := g.in.(*ssa.Go); isGo {
			started += g.w
		} else {
			seq = append(seq, g)
		}
	}
	// The longest chain of instructions that can run one after the
	// other: none is in a loop, so Reaches orders them without cycles.
	best := make(map[*group]int)
	var longest func(g *group) int
	longest = func(g *group) int {
		if v, ok := best[g]; ok {
			return v
		}
		v := g.w
		for _, h := range seq {
			if h != g && flow.Reaches(g.in, h.in, nil) {
				v = max(v, g.w+longest(h))
			}
		}
		best[g] = v
		return v
	}
	chain := 0
	for _, g := range seq {
		chain = max(chain, longest(g))
	}
	return chain + started
}

// sendAt reports whether the maker's view holds the send s.
func sendAt(maker *chanmodel.Func, s *chanmodel.Op) bool {
	for i := range maker.Ops {
		o := &maker.Ops[i]
		if o.Kind == chanmodel.Send && o.Pos == s.Pos && o.Chan == s.Chan {
			return true
		}
	}
	return false
}

// receivesBefore counts the receives on c's channel that the goroutine
// of c, an operation of f, completes on every path before c: each a
// blocking receive that dominates c, directly or in a callee where it
// runs on every path, or a case of a blocking select that every path
// to c passes through (the other cases fail the test, return or
// panic: see [caseCompleted]). A close in a goroutine that f starts is
// judged in the goroutine's own function.
func receivesBefore(m *chanmodel.Model, f *chanmodel.Func, c *chanmodel.Op, depth int) int {
	if depth > 8 {
		return 0
	}
	if c.Unit != 0 {
		inner := m.Inner(f, c)
		if len(inner) == 0 {
			return 0
		}
		callee := c.Via
		callee = flow.Body(callee)
		cf := m.Func(callee)
		least := -1
		for _, ic := range inner {
			if k := receivesBefore(m, cf, ic, depth+1); least < 0 || k < least {
				least = k
			}
		}
		return least
	}
	n := 0
	for i := range f.Ops {
		r := &f.Ops[i]
		if r.Kind != chanmodel.Recv || r.Unit != 0 || r.Chan != c.Chan || r.Deferred || r.Instr == c.Instr {
			continue
		}
		if c.Chan.Kind == chanmodel.KindField && !chanmodel.SameChan(r, c) {
			continue
		}
		if !flow.Dominates(r.Instr, c.Instr) {
			continue
		}
		switch {
		case !r.Select:
			if r.Direct() || r.Must {
				n++
			}
		case r.Direct():
			if caseCompleted(m, r, c.Instr) {
				n++
			}
		case flow.DominatesReturns(r.Instr.Block()) && calleeCompletes(m, f, r, depth):
			n++
		}
	}
	return n
}

// caseCompleted reports whether the select case r, a blocking receive
// or send, has completed on every path from its select to the
// instruction to of the same function (to nil: to each normal return):
// every such path takes the case's edge, or ends first in a call that
// never returns (t.Fatalf in a timeout case, a helper that calls
// t.FailNow), or reports a test failure first (t.Errorf: only a run
// that has failed goes on without the value). A case whose
// alternatives return, as a timeout that returns an error does, leaves
// those paths without a way to to.
func caseCompleted(m *chanmodel.Model, r *chanmodel.Op, to ssa.Instruction) bool {
	if r.NonBlocking {
		return false
	}
	from, succ, ok := chanmodel.CaseEdge(r)
	if !ok {
		return false
	}
	ends := m.Ends()
	// Walk every way on from the select but the case's edge.
	search := flow.Search{Next: func(b *ssa.BasicBlock) []*ssa.BasicBlock {
		if b != from {
			return b.Succs
		}
		var next []*ssa.BasicBlock
		for i, s := range b.Succs {
			if i != succ {
				next = append(next, s)
			}
		}
		return next
	}}
	reached := false
	search.Walk(r.Instr, func(in ssa.Instruction) bool {
		switch x := in.(type) {
		case *ssa.Return:
			reached = reached || to == nil
		case *ssa.Call:
			// A path that has reported a test failure (t.Errorf in
			// the timeout case) is a failed run's.
			if ends.CallEnd(x) != flow.Returns || ends.Fails(x) {
				return false
			}
		case *ssa.Panic:
			return false
		}
		if in == to {
			reached = true
		}
		return !reached
	})
	return !reached
}

// calleeCompletes reports whether the call behind r, a select case of
// a callee of f (a helper expectEvent(t, ch) whose timeout fails the
// test), completes the case on every path by which the callee returns.
func calleeCompletes(m *chanmodel.Model, f *chanmodel.Func, r *chanmodel.Op, depth int) bool {
	if depth > 8 {
		return false
	}
	cf := m.Func(flow.Body(r.Via))
	if cf == nil {
		return false
	}
	for _, ir := range m.Inner(f, r) {
		if ir.Kind != chanmodel.Recv || ir.Unit != 0 || !ir.Select || ir.Deferred {
			continue
		}
		if ir.Direct() && caseCompleted(m, ir, nil) {
			return true
		}
		if !ir.Direct() && flow.DominatesReturns(ir.Instr.Block()) && calleeCompletes(m, cf, ir, depth+1) {
			return true
		}
	}
	return false
}
