package goroutineleak

import (
	"go/ast"
	"go/constant"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// checkOrphans reports, in the function f, an unbuffered channel made
// by f on which a goroutine started by f sends its result while f can
// return without receiving it: the orphaned sender blocks forever.
// Not in main.main: its return ends the process, sender and all (a
// server goroutine reporting its error to main, which returns on a
// signal instead).
func (c *checker) checkOrphans(f *chanmodel.Func) {
	if flow.IsMain(f.Fn) {
		return
	}
	for _, s := range spawnedSends(f) {
		if n, ok := chanmodel.Cap(s.Chan); !ok || n != 0 || c.m.Escapes(s.Chan) {
			continue
		}
		if ret := c.orphanPath(f, s); ret != nil && !c.sendNeverRuns(f, s) && !c.signalsFailure(f, s) {
			c.reportOrphan(f, s, ret)
		}
	}
}

// spawnedSends returns, one per channel, the plain sends that
// goroutines started by f make on channels that f itself makes.
func spawnedSends(f *chanmodel.Func) []*chanmodel.Op {
	var sends []*chanmodel.Op
	done := make(map[*ssa.MakeChan]bool)
	for i := range f.Ops {
		s := &f.Ops[i]
		if s.Kind != chanmodel.Send || s.Unit == 0 || s.Select || s.Chan.Kind != chanmodel.KindMake {
			continue
		}
		mc := s.Chan.Make
		if done[mc] || mc.Parent() != f.Fn {
			continue
		}
		done[mc] = true
		sends = append(sends, s)
	}
	return sends
}

// orphanPath returns an instruction of f that returns, reachable from
// the statement that starts the sending goroutine s without receiving
// from its channel; nil if there is none or the receivers are unclear.
func (c *checker) orphanPath(f *chanmodel.Func, s *chanmodel.Op) ssa.Instruction {
	stop := make(map[ssa.Instruction]bool)
	cuts := make(map[edge]bool)
	recvs := 0
	for _, r := range c.m.OpsOn(s.Chan) {
		op := r.Op
		switch op.Kind {
		case chanmodel.Close:
			if !c.bySender(f, r, s.Unit) {
				return nil
			}
			continue // the sender closes after its send: no help to it
		case chanmodel.Send:
			if r.F == f && op.Unit == 0 {
				return nil // f sends too
			}
			continue
		}
		if r.F != f {
			// A closure's own view; it must also be one of f's
			// receives, else someone else receives.
			if !c.alsoIn(f, op) {
				return nil
			}
			continue
		}
		if op.Unit != 0 || op.Deferred {
			return nil
		}
		recvs++
		switch {
		case op.Direct() && op.Select:
			b, i, ok := chanmodel.CaseEdge(op)
			if !ok {
				stop[op.Instr] = true
				continue
			}
			cuts[edge{b, i}] = true
			// A case that waits on what the sending goroutine itself
			// sends or closes says nothing about the abandonment:
			// no path through it.
			for _, e := range c.casesFedBy(f, op, s.Unit) {
				cuts[e] = true
			}
		case op.Direct():
			stop[op.Instr] = true
		default:
			if !c.calleeMayAvoid(op) || c.avoidFails(f, op) {
				stop[op.Instr] = true
			}
		}
	}
	if recvs == 0 {
		return nil // nothing receives: the blocked goroutine is reported at its go statement
	}
	// Goroutines started in a loop and receives in a loop pair up by
	// counts that paths do not see (n goroutines, n receives): a path
	// that leaves a loop early is then infeasible. Not so when each
	// iteration makes its own channel for its own goroutine: then
	// leaving the iteration without receiving, by a return or by
	// looping back to the make, abandons that goroutine.
	mc := s.Chan.Make
	perIter := perIteration(s.Instr, mc)
	if !perIter {
		if flow.InLoop(s.Instr.Block()) {
			return nil
		}
		for _, r := range c.m.OpsOn(s.Chan) {
			if r.F == f && r.Op.Kind == chanmodel.Recv && countedLoop(r.Op.Instr.Block()) {
				return nil
			}
		}
	}
	var next *ssa.MakeChan // the next iteration's channel replaces this one
	if perIter {
		next = mc
	}
	skip := func(b *ssa.BasicBlock, i int) bool { return cuts[edge{b, i}] }
	if flow.InTestFile(f.Fn) {
		// A flag the test fails on when the wait gave up (received
		// stays false, then requireTrue(t, received)): the paths on
		// which it is false end in a failed test.
		rejected := c.rejectedEdges(f.Fn)
		skip = func(b *ssa.BasicBlock, i int) bool { return cuts[edge{b, i}] || rejected(b, i) }
	}
	return c.exitPath(s.Instr, nil, stop, skip, next)
}

// alsoIn reports whether the receive op of a closure nested in f is
// one of f's own receives (the closure is called by f).
func (c *checker) alsoIn(f *chanmodel.Func, op *chanmodel.Op) bool {
	if !op.Pos.IsValid() {
		return false
	}
	for i := range f.Ops {
		o := &f.Ops[i]
		if o.Kind == op.Kind && o.Pos == op.Pos && o.Chan == op.Chan {
			return true
		}
	}
	return false
}

// An edge is the i'th incoming edge of block b.
type edge struct {
	b *ssa.BasicBlock
	i int
}

// casesFedBy returns the edges into the other cases of the select of
// op that wait on a channel that the sending goroutine (unit u of f)
// itself sends on or closes: such a case follows the goroutine's
// progress (after its send, or instead of it), not an abandonment.
func (c *checker) casesFedBy(f *chanmodel.Func, op *chanmodel.Op, u int) []edge {
	var cuts []edge
	for i := range f.Ops {
		o := &f.Ops[i]
		if o.Instr != op.Instr || o == op || o.Chan.Kind == 0 || !o.Direct() {
			continue
		}
		for _, r := range c.m.OpsOn(o.Chan) {
			if r.F == f && r.Op.Unit == u && r.Op.Kind != chanmodel.Recv {
				if b, i, ok := chanmodel.CaseEdge(o); ok {
					cuts = append(cuts, edge{b, i})
				}
				break
			}
		}
	}
	return cuts
}

// bySender reports whether r, an operation of the model, is one that
// the goroutine of unit u of f performs (seen from f, or from the
// goroutine's own function).
func (c *checker) bySender(f *chanmodel.Func, r chanmodel.OpRef, u int) bool {
	if r.F == f {
		return r.Op.Unit == u
	}
	if !r.Op.Pos.IsValid() {
		return false
	}
	for i := range f.Ops {
		o := &f.Ops[i]
		if o.Unit == u && o.Kind == r.Op.Kind && o.Pos == r.Op.Pos && o.Chan == r.Op.Chan {
			return true
		}
	}
	return false
}

// perIteration reports whether the go statement g, in a loop, runs
// once per run of mc, the make of its channel: no path leads from g
// back to g without making a new channel.
func perIteration(g ssa.Instruction, mc *ssa.MakeChan) bool {
	if mc == nil || mc.Block() == nil || mc.Parent() != g.Parent() || !flow.InLoop(g.Block()) {
		return false
	}
	return !flow.Reaches(g, g, func(in ssa.Instruction) bool { return in == ssa.Instruction(mc) })
}

// calleeMayAvoid reports whether the function called at op.Instr can
// return without performing the receive op (e.g. it selects on the
// channel and on a timeout), on a path that does not fail a test: a
// test helper whose timeout case calls t.Fatalf strands the sender only
// in a test already failed (exitPath).
func (c *checker) calleeMayAvoid(op *chanmodel.Op) bool {
	callee := c.m.Func(op.Via)
	if o := op.Via.Origin(); o != nil {
		callee = c.m.Func(o)
	}
	if callee == nil || !op.Pos.IsValid() {
		return false
	}
	found := false
	for i := range callee.Ops {
		o := &callee.Ops[i]
		if o.Kind != chanmodel.Recv || o.Pos != op.Pos || o.Unit != 0 {
			continue
		}
		if !o.Avoid || !o.Select {
			return false
		}
		if countedLoop(o.Instr.Block()) {
			// As for f's own receives: n sends and a loop of n
			// receives pair up by counts; leaving early is not a path.
			return false
		}
		b, i, ok := chanmodel.CaseEdge(o)
		if !ok || len(callee.Fn.Blocks) == 0 {
			return false
		}
		taken := func(x *ssa.BasicBlock, j int) bool { return x == b && j == i }
		if c.exitPath(nil, callee.Fn.Blocks[0], nil, taken, nil) == nil {
			return false
		}
		found = true
	}
	return found
}

func (c *checker) reportOrphan(f *chanmodel.Func, s *chanmodel.Op, ret ssa.Instruction) {
	mc := s.Chan.Make
	pos := c.m.Start(mc.Pos())
	name := s.Expr
	if name == "" {
		name = "the channel"
	}
	rel := []analysis.RelatedInformation{}
	if s.Pos.IsValid() {
		rel = append(rel, analysis.RelatedInformation{Pos: s.Pos, Message: "the goroutine sends here"})
	}
	switch {
	case ret == ssa.Instruction(mc):
		rel = append(rel, analysis.RelatedInformation{Pos: pos, Message: "the next iteration makes a new channel here without receiving"})
	case ret.Pos().IsValid():
		rel = append(rel, analysis.RelatedInformation{Pos: ret.Pos(), Message: "the function can return here without receiving"})
	}
	exit := finding.Place{Pos: ret.Pos(), Message: "returns here without receiving", Op: finding.OpReturn}
	if ret == ssa.Instruction(mc) {
		exit = finding.Place{Pos: pos, Message: "the next iteration makes a new channel here without receiving", Op: finding.OpOther}
	}
	var fixes []analysis.SuggestedFix
	if fix, ok := c.bufferFix(f, s); ok {
		fixes = append(fixes, fix)
	}
	c.report("orphan", pos, c.orphanTrace(f, pos, s, exit), rel, "goroutine leak: the send on unbuffered channel "+name+" blocks forever once the receiver returns without receiving", fixes...)
}

// bufferFix offers make(chan T, 1) when one buffer slot certainly
// suffices: one send site, run once per goroutine, by one goroutine
// started once per call.
func (c *checker) bufferFix(f *chanmodel.Func, s *chanmodel.Op) (analysis.SuggestedFix, bool) {
	var none analysis.SuggestedFix
	for _, r := range c.m.OpsOn(s.Chan) {
		if r.Op.Kind == chanmodel.Send && r.Op.Pos != s.Pos {
			return none, false
		}
		if r.F == f && r.Op.Kind == chanmodel.Send && r.Op.Instr != s.Instr {
			return none, false
		}
	}
	if !s.Pos.IsValid() || flow.InLoop(s.Instr.Block()) && !perIteration(s.Instr, s.Chan.Make) {
		return none, false
	}
	var send ssa.Instruction
	for _, g := range c.m.Funcs {
		for i := range g.Ops {
			if o := &g.Ops[i]; o.Direct() && o.Kind == chanmodel.Send && o.Pos == s.Pos {
				send = o.Instr
			}
		}
	}
	if send == nil || flow.InLoop(send.Block()) {
		return none, false
	}
	call := c.makeCall(s.Chan.Make.Pos())
	if call == nil || len(call.Args) != 1 || call.Args[0].End() != call.Rparen {
		return none, false
	}
	return analysis.SuggestedFix{
		Message:   "Give the channel a buffer of 1",
		TextEdits: []analysis.TextEdit{{Pos: call.Rparen, End: call.Rparen, NewText: []byte(", 1")}},
	}, true
}

func (c *checker) makeCall(lparen token.Pos) *ast.CallExpr {
	if c.makes == nil {
		c.makes = make(map[token.Pos]*ast.CallExpr)
		ins := c.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		ins.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
			call := n.(*ast.CallExpr)
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "make" {
				c.makes[call.Lparen] = call
			}
		})
	}
	return c.makes[lparen]
}

// countedLoop reports whether b lies in a loop that a condition other
// than a select's choice of case can leave: for i := 0; i < n; i++,
// for cond, for range. A for { select { ... } } loop, left only from
// the bodies of its cases, is not counted.
func countedLoop(b *ssa.BasicBlock) bool {
	loop := flow.LoopOf(b)
	for x := range loop {
		iff, ok := x.Instrs[len(x.Instrs)-1].(*ssa.If)
		if !ok || selectDispatch(iff.Cond) {
			continue
		}
		for _, s := range x.Succs {
			if !loop[s] {
				return true // a condition leaves the loop
			}
		}
	}
	return false
}

// selectDispatch reports whether cond tests which case a select took.
func selectDispatch(cond ssa.Value) bool {
	bin, ok := cond.(*ssa.BinOp)
	if !ok {
		return false
	}
	ex, ok := bin.X.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return false
	}
	_, ok = ex.Tuple.(*ssa.Select)
	return ok
}

// signalsFailure reports whether, in a test, the sending goroutine can
// end without sending and receiving from its channel fails the test on
// every path: the send is the failure signal of a negative check (an
// event that must not arrive within the window the test watches), and
// it strands its goroutine only when the misbehaviour came after the
// window, once the test has seen it pass. A receive fails the test when every path
// on from it reports a failure, directly (t.Fatal) or by giving a
// variable the value an assertion after the wait rejects
// (noEvents = false; break; ... require.True(t, noEvents)).
func (c *checker) signalsFailure(f *chanmodel.Func, s *chanmodel.Op) bool {
	// A goroutine that sends on every path (serveErr <- srv.Serve())
	// reports its end, not a misbehaviour: once it ends, whatever the
	// test saw, its send blocks.
	if !flow.InTestFile(f.Fn) || !s.Avoid {
		return false
	}
	skip := c.rejectedEdges(f.Fn)
	n := 0
	for _, r := range c.m.OpsOn(s.Chan) {
		if r.F != f || r.Op.Kind != chanmodel.Recv {
			continue
		}
		op := r.Op
		if !op.Direct() {
			return false
		}
		var ret ssa.Instruction
		if op.Select {
			b, i, ok := chanmodel.CaseEdge(op)
			if !ok {
				return false
			}
			ret = c.exitPath(nil, b.Succs[i], nil, skip, nil)
		} else {
			ret = c.exitPath(op.Instr, nil, nil, skip, nil)
		}
		if ret != nil {
			return false
		}
		n++
	}
	return n > 0
}

// rejectedEdges returns, as a skip function for exitPath, the edges of
// fn into a block whose boolean phi takes, on that edge, a constant
// that fails the test further on, on every path: the phi is handed to
// an assertion that rejects the constant (testify's True or False, a
// helper of the test's own that fails on it), or tested by an if whose
// branch for the constant fails.
func (c *checker) rejectedEdges(fn *ssa.Function) func(*ssa.BasicBlock, int) bool {
	if cut, ok := c.rejected[fn]; ok {
		return func(b *ssa.BasicBlock, i int) bool { return cut[edge{b, i}] }
	}
	cut := make(map[edge]bool)
	if c.rejected == nil {
		c.rejected = make(map[*ssa.Function]map[edge]bool)
	}
	c.rejected[fn] = cut
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			phi, ok := in.(*ssa.Phi)
			if !ok {
				break
			}
			use, bad, ok := c.rejects(phi)
			if !ok || c.exitPath(nil, b, map[ssa.Instruction]bool{use: true}, nil, nil) != nil {
				continue // the check may be skipped
			}
			for i, v := range phi.Edges {
				if k, isConst := v.(*ssa.Const); isConst && k.Value != nil && k.Value.Kind() == constant.Bool && constant.BoolVal(k.Value) == bad {
					p := b.Preds[i]
					for j, s := range p.Succs {
						if s == b {
							cut[edge{p, j}] = true
						}
					}
				}
			}
		}
	}
	return func(b *ssa.BasicBlock, i int) bool { return cut[edge{b, i}] }
}

// rejects returns the use of phi, a boolean, that fails the test when
// phi has the value bad (see flow.Ends.FailingUse).
func (c *checker) rejects(phi *ssa.Phi) (ssa.Instruction, bool, bool) {
	if !analysisutil.IsBool(phi.Type()) {
		return nil, false, false
	}
	for _, bad := range []bool{true, false} {
		if u := c.m.Ends().FailingUse(phi, flow.Is(ssa.NewConst(constant.MakeBool(bad), phi.Type()))); u != nil {
			return u, bad, true
		}
	}
	return nil, false, false
}

// avoidFails reports whether, in a test, the receive op that f makes
// through a helper (a waitFor with a timeout) is avoided only by
// returns that hand back a constant (false, nil, zero) on which f then
// fails the test on every path: if _, ok := waitFor(ch, d); !ok {
// t.Fatal(...) }. A sender stranded by the timeout exists only in a
// test that has already failed.
func (c *checker) avoidFails(f *chanmodel.Func, op *chanmodel.Op) bool {
	call, ok := op.Instr.(*ssa.Call)
	if !ok || !flow.InTestFile(f.Fn) {
		return false
	}
	callee := op.Via
	if o := callee.Origin(); o != nil {
		callee = o
	}
	cf := c.m.Func(callee)
	if cf == nil || len(callee.Blocks) == 0 {
		return false
	}
	// The returns reached without taking the receive's case.
	var cases []edge
	for i := range cf.Ops {
		o := &cf.Ops[i]
		if o.Kind != chanmodel.Recv || o.Pos != op.Pos || o.Unit != 0 {
			continue
		}
		b, i, ok := chanmodel.CaseEdge(o)
		if !ok {
			return false
		}
		cases = append(cases, edge{b, i})
	}
	if len(cases) == 0 {
		return false
	}
	var rets []*ssa.Return
	flow.Search{Next: func(b *ssa.BasicBlock) []*ssa.BasicBlock {
		var next []*ssa.BasicBlock
		for i, s := range b.Succs {
			if !slices.Contains(cases, edge{b, i}) {
				next = append(next, s)
			}
		}
		return next
	}}.WalkBlock(callee.Blocks[0], func(in ssa.Instruction) bool {
		if r, ok := in.(*ssa.Return); ok {
			rets = append(rets, r)
		}
		return true
	})
	if len(rets) == 0 {
		return false
	}
	// One result that every such return sets to the same constant, or
	// to a value that is surely not nil (an error).
	for k := range rets[0].Results {
		vc, ok := sameResult(rets, k)
		if !ok {
			continue
		}
		// The failing use must come on every path from the call.
		if v := analysisutil.ResultValue(call, k); v != nil {
			if u := c.m.Ends().FailingUse(v, vc); u != nil && c.exitPath(call, nil, map[ssa.Instruction]bool{u: true}, nil, nil) == nil {
				return true
			}
		}
	}
	return false
}

// sameResult returns what every return of rets says in its k'th result:
// the same constant, or a value that is not nil.
func sameResult(rets []*ssa.Return, k int) (flow.ValueCond, bool) {
	if want, ok := rets[0].Results[k].(*ssa.Const); ok {
		for _, r := range rets[1:] {
			if got, ok := r.Results[k].(*ssa.Const); !ok || !flow.SameConst(got, want) {
				return flow.ValueCond{}, false
			}
		}
		return flow.Is(want), true
	}
	t := rets[0].Results[k].Type()
	if !analysisutil.Nilable(t) {
		return flow.ValueCond{}, false
	}
	for _, r := range rets {
		if !flow.NonNilAt(r.Results[k], r.Block()) {
			return flow.ValueCond{}, false
		}
	}
	return flow.ValueCond{K: ssa.NewConst(nil, t), Other: true}, true
}
