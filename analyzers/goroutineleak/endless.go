package goroutineleak

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// This file reports goroutines that run for ever: a loop with no exit
// (or one whose only way out is a range over a ticker's channel, which
// Stop never closes). Whether that is a leak depends on how often the
// goroutine is started: one started from main, init, TestMain, a test, a
// package-level initializer or a sync.Once lives as long as the
// process by design; one started again and again piles up, and one
// whose owner has a stop method outlives it (ownerEnds). Without
// either sign, a starter with no way to stop what it starts is meant
// to run once. An exit that is written but does not exit (a break in
// the ctx.Done() case, a continue once a channel is closed) shows the
// intent to end whoever starts the goroutine.

// checkEndless reports the goroutine that site (a go statement, or a
// call such as wg.Go that starts one) starts at pos to run callee, if
// it can never terminate and nothing blocks it for good first.
func (c *checker) checkEndless(site ssa.Instruction, pos token.Pos, callee *ssa.Function) {
	body := c.m.Func(callee)
	if body == nil || body.Truncated || c.reported[pos] {
		return
	}
	if at, what := c.falseExit(callee, body.NoReturn); at.IsValid() {
		rel := []analysis.RelatedInformation{{Pos: at, Message: what}}
		if brk := c.caseBreak(at); brk.IsValid() {
			rel = append(rel, analysis.RelatedInformation{Pos: brk, Message: "this break leaves only the select"})
		}
		rel = append(rel, c.stopRelated(site)...)
		msg := "goroutine never terminates: its loop has no exit (" + what + ")"
		if !body.NoReturn {
			msg = "goroutine does not terminate when asked to: " + what
		}
		c.report("falseexit", pos, c.leakTrace(site.Parent(), pos, finding.Place{Pos: at, Message: what, Op: finding.OpRecv, Blocks: true}), rel, msg)
		return
	}
	if body.NoReturn {
		if c.servesSignals(body) {
			return // lives as long as the process's signals: by nature
		}
		loop := c.endlessLoop(callee)
		if !loop.IsValid() {
			loop = pos
		}
		loopRel := []analysis.RelatedInformation{{Pos: loop, Message: "loops forever here"}}
		if c.pureLoop(callee) {
			if c.testDrain(site, callee) {
				return
			}
			c.report("noexit", pos, c.leakTrace(site.Parent(), pos, finding.Place{Pos: loop, Message: "loops forever", Op: finding.OpOther, Blocks: true}),
				loopRel, "goroutine never terminates: its loop has no exit")
			return
		}
		if c.life.StartsBounded(site) || !c.loops(callee) {
			return // lives as long as the process by design, or parks on purpose
		}
		stop := c.stopRelated(site)
		if !c.ownerEnds(site, callee, stop) {
			return
		}
		msg := "goroutine never terminates: its loop has no exit, and " + c.startedHow(site)
		if len(stop) > 0 {
			msg += "; " + stop[0].Message
		} else if g := givenContext(site.Parent()); g != nil && !c.life.RepeatsAt(site) {
			msg += ", whose context it ignores"
		}
		c.report("noexit", pos, c.leakTrace(site.Parent(), pos, finding.Place{Pos: loop, Message: "loops forever", Op: finding.OpOther, Blocks: true}), append(loopRel, stop...), msg)
		return
	}
	if at, name, stoppable := c.tickerRange(callee); at.IsValid() && !c.life.StartsBounded(site) {
		stop := c.stopRelated(site)
		if !c.ownerEnds(site, callee, stop) {
			return
		}
		rel := []analysis.RelatedInformation{{Pos: at, Message: "ranges over " + name + " here"}}
		rel = append(rel, stop...)
		why := "Stop does not close " + name
		if !stoppable {
			why = name + " can be neither stopped nor closed" // time.Tick has no Stop
		}
		c.report("ticker", pos, c.leakTrace(site.Parent(), pos, finding.Place{Pos: at, Message: "ranges over " + name + " for ever", Op: finding.OpRecv, Blocks: true}),
			rel, "goroutine never terminates: "+why+", so ranging over it never ends; select on a done channel too")
	}
}

// testDrain reports whether a test (or main) starts, itself and once
// (startedByRoot), a loop that only waits on channels (for { <-acks }):
// it parks for good once the test is over, and ends with the test
// binary. A loop that waits on nothing burns CPU however it is
// started; a helper that starts one is a function like any other.
func (c *checker) testDrain(site ssa.Instruction, fn *ssa.Function) bool {
	g, ok := site.(*ssa.Go)
	return ok && startedByRoot(g) && waitsOnChannels(fn)
}

// ownerEnds reports whether the goroutine of site, which never
// terminates, is started where its starter's life ends: again and
// again (analysisutil.Lifetime.RepeatsAt: in an accept loop, per
// request, per event, per round of a loop or a benchmark), by a type
// whose stop method (stop, when not empty) cannot reach it, to work
// with a channel of the starting call (callChannel), or by a function
// given a context (givenContext). A constructor or start method of a
// type that has no way to be stopped (a cache's janitor, a rate
// limiter's sweeper, a daemon's scheduler started by its set-up code)
// starts a goroutine meant to live as long as the process: the
// programs read so far run such starters once, at set-up.
func (c *checker) ownerEnds(site ssa.Instruction, callee *ssa.Function, stop []analysis.RelatedInformation) bool {
	return len(stop) > 0 || c.life.RepeatsAt(site) || c.callChannel(site, callee) || givenContext(site.Parent()) != nil
}

// givenContext returns the function, fn or one that fn's literal lies
// in, that takes a context.Context: work for a request, whose end the
// context tells. A goroutine it starts that never ends has ignored it.
func givenContext(fn *ssa.Function) *ssa.Function {
	for ; fn != nil; fn = fn.Parent() {
		p := fn.Signature.Params()
		for i := 0; i < p.Len(); i++ {
			if analysisutil.IsContext(p.At(i).Type()) {
				return fn
			}
		}
	}
	return nil
}

// callChannel reports whether the goroutine running callee, started at
// site, sends on or receives from a channel that site's function
// makes, and that function can return: its partner is that call (or
// whoever the call hands the channel to), whose work ends, not the
// process. A producer feeding its starter's loop, a generator
// returning its channel, are this.
func (c *checker) callChannel(site ssa.Instruction, callee *ssa.Function) bool {
	body := c.m.Func(callee)
	if body == nil || c.m.Ends().Of(site.Parent()).End != flow.Returns {
		return false // a starter that never returns is the partner for good
	}
	for i := range body.Ops {
		op := &body.Ops[i]
		if op.Unit == 0 && op.Chan.Kind == chanmodel.KindMake && op.Chan.Make != nil && op.Chan.Make.Parent() == site.Parent() {
			return true
		}
	}
	return false
}

// perRequest returns the handler that fn is, or whose function
// literal (of any depth) fn is: a function or literal of signature
// func(http.ResponseWriter, *http.Request), or a service method
// (analysisutil.ServiceMethod); nil if there is none. It names the
// starter in the message.
func perRequest(fn *ssa.Function) *ssa.Function {
	for ; fn != nil; fn = fn.Parent() {
		if analysisutil.HandlerSignature(fn.Signature) || analysisutil.ServiceMethod(fn) {
			return fn
		}
	}
	return nil
}

// startedHow says why the goroutine of site may be started without
// bound.
func (c *checker) startedHow(site ssa.Instruction) string {
	if flow.InLoop(site.Block()) {
		return "it is started in a loop"
	}
	if h := perRequest(site.Parent()); h != nil {
		if h.Parent() == nil {
			return "one is started on every request " + declName(h) + " serves"
		}
		return "one is started on every request its handler serves"
	}
	top := site.Parent()
	for top.Parent() != nil {
		top = top.Parent()
	}
	return "one is started on every call of " + declName(top)
}

// declName names a declared function, or a method as Type.Method.
func declName(fn *ssa.Function) string {
	if recv := fn.Signature.Recv(); recv != nil {
		return typeName(recv.Type()) + "." + fn.Name()
	}
	return fn.Name()
}

func typeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return types.TypeString(t, nil)
}

// loopBodies returns callee and the functions of the package it calls
// that cannot terminate either: where the endless loop may lie.
func (c *checker) loopBodies(callee *ssa.Function) []*ssa.Function {
	fns := []*ssa.Function{callee}
	seen := map[*ssa.Function]bool{callee: true}
	for i := 0; i < len(fns) && i < 8; i++ {
		for _, b := range fns[i].Blocks {
			for _, in := range b.Instrs {
				call, ok := in.(*ssa.Call)
				if !ok {
					continue
				}
				fn := flow.Callee(call.Common())
				if fn == nil {
					continue
				}
				if f := c.m.Func(fn); f != nil && f.NoReturn && !seen[fn] {
					seen[fn] = true
					fns = append(fns, fn)
				}
			}
		}
	}
	return fns
}

// endlessLoop returns where the loop that keeps callee from
// terminating starts: the last outermost for statement with no
// condition in callee or in a function of the package it calls that
// cannot terminate either (code after a loop that cannot terminate
// never runs, so an earlier one is left by a break); NoPos if none is
// written so (a loop made of a goto).
func (c *checker) endlessLoop(callee *ssa.Function) token.Pos {
	for _, fn := range c.loopBodies(callee) {
		root := fn.Syntax()
		if root == nil {
			continue
		}
		at := token.NoPos
		ast.Inspect(root, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return n == root // a nested function is another goroutine's or call's
			case *ast.ForStmt:
				if n.Cond == nil {
					at = n.For
					return false
				}
			}
			return true
		})
		if at.IsValid() {
			return at
		}
	}
	return token.NoPos
}

// loops reports whether callee cannot terminate because it loops (not
// because it parks for good on purpose, in a select {}).
func (c *checker) loops(callee *ssa.Function) bool {
	cyclic := false
	for _, fn := range c.loopBodies(callee) {
		for _, b := range fn.Blocks {
			cyclic = cyclic || flow.InLoop(b)
			for _, in := range b.Instrs {
				if sel, ok := in.(*ssa.Select); ok && len(sel.States) == 0 {
					return false
				}
			}
		}
	}
	return cyclic
}

// falseExit finds, in the loop of callee, a receive that says the
// goroutine was meant to stop but whose case does not end it: a select
// case on ctx.Done() or on a quit channel closed for good, whose body
// cannot end the goroutine before the loop brings it back to the same
// select (a break leaves only the select, a continue goes round
// again); or a receive whose closed-channel branch (!ok) loops back to
// it. When callee cannot terminate at all (endless), a select whose
// cases check for a closed channel (a closed input set to nil, then
// waiting on the rest for ever) counts too. It returns where, and
// what; NoPos if none.
func (c *checker) falseExit(callee *ssa.Function, endless bool) (token.Pos, string) {
	for _, fn := range c.loopBodies(callee) {
		for _, b := range fn.Blocks {
			if !flow.InLoop(b) {
				continue
			}
			for _, in := range b.Instrs {
				switch in := in.(type) {
				case *ssa.Select:
					for i, st := range in.States {
						if st.Dir != types.RecvOnly {
							continue
						}
						var what string
						switch {
						case done(st.Chan):
							what = "the " + c.recvText(st.Pos, "ctx.Done()") + " case leaves only the select, not the loop"
						case signal(st.Chan) && stable(st.Chan) && c.closedSomewhere(st.Chan) && !c.stoppedFirst(in, st.Chan) && !c.caseDisables(st.Pos):
							what = "the " + c.recvText(st.Pos, "quit") + " case leaves only the select, not the loop"
						default:
							continue
						}
						blk, succ, ok := chanmodel.SelectCaseEdge(in, i)
						if ok && !c.m.TerminatesVia(chanmodel.Edge{Block: blk, Succ: succ}, in) && !c.endsOnCancelClose(in, i) && !c.caseFires(in, i) {
							return c.m.Start(st.Pos), what
						}
					}
					if endless && okUsed(in) && in.Blocking {
						for _, st := range in.States {
							if st.Dir != types.RecvOnly || !stable(st.Chan) {
								return token.NoPos, ""
							}
						}
						return c.m.Start(in.States[0].Pos), "seeing " + c.chanText(in.States[0].Pos) + " closed does not end it"
					}
				case *ssa.UnOp:
					if in.Op != token.ARROW || !stable(in.X) {
						continue
					}
					if blk, succ, ok := chanmodel.ClosedEdge(in); ok && !c.m.TerminatesVia(chanmodel.Edge{Block: blk, Succ: succ}, in) {
						return c.m.Start(in.Pos()), "seeing " + c.chanText(in.Pos()) + " closed does not end it"
					}
				}
			}
		}
	}
	return token.NoPos, ""
}

// stable reports whether v, a channel (or a context whose Done is
// received from), is the same on every turn of the loop that uses it:
// a parameter, a captured variable, a field, or a value made before
// the loop, possibly set to nil in the loop (a closed input dropped),
// but not one the loop replaces (a subscription renewed after its
// channel closed, a context made per attempt).
func stable(v ssa.Value) bool {
	var leaf ssa.Value
	seen := make(map[*ssa.Phi]bool)
	var visit func(v ssa.Value) bool
	visit = func(v ssa.Value) bool {
		switch x := v.(type) {
		case *ssa.Phi:
			if seen[x] {
				return true
			}
			seen[x] = true
			for _, e := range x.Edges {
				if !visit(e) {
					return false
				}
			}
			return true
		case *ssa.Const:
			return x.IsNil()
		case *ssa.ChangeType:
			return visit(x.X)
		case *ssa.MakeInterface:
			return visit(x.X)
		}
		if leaf != nil && leaf != v {
			return false
		}
		leaf = v
		return true
	}
	if !visit(v) || leaf == nil {
		return false
	}
	switch x := leaf.(type) {
	case *ssa.Parameter, *ssa.FreeVar, *ssa.Global:
		return true
	case *ssa.UnOp:
		if x.Op == token.MUL {
			switch a := x.X.(type) {
			case *ssa.FieldAddr:
				return stable(a.X) // s.c of a stable s
			case *ssa.Global, *ssa.FreeVar:
				return true
			}
		}
	case *ssa.Call:
		// ctx.Done() of a stable context.
		if x.Call.IsInvoke() && x.Call.Method.Name() == "Done" {
			return stable(x.Call.Value)
		}
	}
	if in, ok := leaf.(ssa.Instruction); ok {
		return !flow.InLoop(in.Block())
	}
	return false
}

// recvText is the source of the receive at pos, "<-x", or def.
func (c *checker) recvText(pos token.Pos, def string) string {
	if e := c.m.Expr(pos); e != "" {
		return "<-" + e
	}
	return def
}

func (c *checker) chanText(pos token.Pos) string {
	if e := c.m.Expr(pos); e != "" {
		return e
	}
	return "the channel"
}

// okUsed reports whether the comma-ok result of a select (the case's
// "ok") is used: some case checks whether its channel was closed.
func okUsed(sel *ssa.Select) bool {
	refs := sel.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == 1 && ex.Referrers() != nil && len(*ex.Referrers()) > 0 {
			return true
		}
	}
	return false
}

// done reports whether ch is a context's Done channel, the same one on
// every turn of the loop.
func done(ch ssa.Value) bool {
	return analysisutil.ContextDone(ch) && stable(ch)
}

// signal reports whether ch carries no values, only a close: chan struct{}.
func signal(ch ssa.Value) bool {
	t, ok := ch.Type().Underlying().(*types.Chan)
	if !ok {
		return false
	}
	s, ok := t.Elem().Underlying().(*types.Struct)
	return ok && s.NumFields() == 0
}

// closedSomewhere reports whether the package closes, for good, the
// channel that fn receives from as ch (not a broadcast channel that is
// closed and replaced by a new one, which a loop waits on again).
func (c *checker) closedSomewhere(ch ssa.Value) bool {
	id, ok := c.m.ChanOf(ch)
	if !ok {
		return false
	}
	closed := false
	for _, r := range c.m.OpsOn(id) {
		if r.Op.Kind == chanmodel.Close {
			if r.Op.Replaced || r.Op.ReplacedByCall {
				return false // a broadcast: closed and made anew
			}
			closed = true
		}
	}
	return closed
}

// stoppedFirst reports whether every close of ch, a channel a case of
// sel receives from, follows, on every path of its function, the close
// of another channel of sel whose case ends the goroutine: whoever
// closes ch has asked the loop to stop another way first, and that
// case stays ready once closed, so ch is a request the loop serves
// (a flush, a reload), closed for tidiness, not the owner's way to
// stop it.
func (c *checker) stoppedFirst(sel *ssa.Select, ch ssa.Value) bool {
	id, ok := c.m.ChanOf(ch)
	if !ok {
		return false
	}
	var exits []chanmodel.ChanID
	for i, st := range sel.States {
		if st.Dir != types.RecvOnly || st.Chan == ch {
			continue
		}
		blk, succ, ok := chanmodel.SelectCaseEdge(sel, i)
		if !ok || !c.m.TerminatesVia(chanmodel.Edge{Block: blk, Succ: succ}, sel) {
			continue
		}
		if x, ok := c.m.ChanOf(st.Chan); ok && x != id {
			exits = append(exits, x)
		}
	}
	if len(exits) == 0 {
		return false
	}
	refs := c.m.OpsOn(id)
	closes := 0
	for _, r := range refs {
		if r.Op.Kind != chanmodel.Close || !r.Op.Direct() {
			continue // one made through a call is judged where it is written
		}
		closes++
		if !closedAfter(r, exits) && !callersCloseAfter(refs, r, exits) {
			return false
		}
	}
	return closes > 0
}

// closedAfter reports whether r, a close, follows on every path of its
// function a close, run then and there, of one of exits on the same
// instance (for fields: the same base).
func closedAfter(r chanmodel.OpRef, exits []chanmodel.ChanID) bool {
	if r.Op.Unit != 0 {
		return false
	}
	for i := range r.F.Ops {
		x := &r.F.Ops[i]
		if x.Kind != chanmodel.Close || x.Unit != 0 || x.Deferred || !slices.Contains(exits, x.Chan) {
			continue
		}
		if x.Chan.Kind == chanmodel.KindField && (x.Base == nil || x.Base != r.Op.Base) {
			continue
		}
		if x.Instr != r.Op.Instr && flow.Dominates(x.Instr, r.Op.Instr) {
			return true
		}
	}
	return false
}

// callersCloseAfter reports whether r, a close written in a helper,
// is, in every function of the package that calls the helper, reached
// only after one of exits is closed (closedAfter at the call).
func callersCloseAfter(refs []chanmodel.OpRef, r chanmodel.OpRef, exits []chanmodel.ChanID) bool {
	n := 0
	for _, q := range refs {
		if q.Op.Kind != chanmodel.Close || q.Op.Direct() || q.Op.Pos != r.Op.Pos || flow.Body(q.Op.Via) != r.F.Fn {
			continue
		}
		n++
		if !closedAfter(q, exits) {
			return false
		}
	}
	return n > 0
}

// tickerRange returns where callee ranges over a ticker's channel
// (t.C of a time.Ticker, time.Tick(d)) with no other way to end: Stop
// does not close the channel, so the range never finishes. stoppable
// is false for time.Tick's channel, whose ticker has no Stop at all.
func (c *checker) tickerRange(callee *ssa.Function) (at token.Pos, name string, stoppable bool) {
	var cuts []chanmodel.Edge
	for _, b := range callee.Blocks {
		for _, in := range b.Instrs {
			recv, ok := in.(*ssa.UnOp)
			if !ok || recv.Op != token.ARROW || !chanmodel.TickerChan(recv.X) {
				continue
			}
			if blk, succ, ok := chanmodel.ClosedEdge(recv); ok {
				cuts = append(cuts, chanmodel.Edge{Block: blk, Succ: succ})
				if !at.IsValid() {
					at, stoppable = recv.Pos(), !chanmodel.TickFunc(recv.X)
				}
			}
		}
	}
	if len(cuts) == 0 || c.m.TerminatesWithout(callee, cuts) {
		return token.NoPos, "", false
	}
	return c.m.Start(at), c.chanText(at), stoppable
}

// stopNames are the methods by which an owner is stopped.
var stopNames = []string{"Close", "Stop", "Shutdown", "Cancel", "Halt", "Quit", "Terminate"}

// stopRelated returns, when the goroutine of site is started by a
// method or constructor of a type that has a stop method (Close,
// Stop, Shutdown...), that method as related information: it cannot
// stop a goroutine that never terminates.
func (c *checker) stopRelated(site ssa.Instruction) []analysis.RelatedInformation {
	top := site.Parent()
	for top.Parent() != nil {
		top = top.Parent()
	}
	top = flow.Origin(top)
	var owner *types.Named
	if recv := top.Signature.Recv(); recv != nil {
		owner = localNamed(recv.Type(), c.pass.Pkg)
	} else {
		res := top.Signature.Results()
		for i := 0; i < res.Len() && owner == nil; i++ {
			owner = localNamed(res.At(i).Type(), c.pass.Pkg)
		}
	}
	if owner == nil {
		return nil
	}
	mset := types.NewMethodSet(types.NewPointer(owner))
	for _, name := range stopNames {
		sel := mset.Lookup(c.pass.Pkg, name)
		if sel == nil {
			continue
		}
		fn, ok := sel.Obj().(*types.Func)
		if !ok || fn.Pkg() != c.pass.Pkg || !fn.Pos().IsValid() {
			continue
		}
		return []analysis.RelatedInformation{{Pos: fn.Pos(), Message: owner.Obj().Name() + "." + name + " does not stop it"}}
	}
	return nil
}

// localNamed returns the named type of t (or of what t points to) if
// it is declared in pkg.
func localNamed(t types.Type, pkg *types.Package) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != pkg {
		return nil
	}
	if o := n.Origin(); o != nil {
		n = o
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	return n
}

// caseDisables reports whether the select case that receives at pos
// sets the channel variable it receives from to nil, unconditionally
// (case <-ready: ready = nil): the case is an event the loop takes
// once and then stops waiting for, not a request to stop.
func (c *checker) caseDisables(pos token.Pos) bool {
	cc := c.commClause(pos)
	if cc == nil {
		return false
	}
	var x ast.Expr
	switch comm := cc.Comm.(type) {
	case *ast.ExprStmt:
		x = comm.X
	case *ast.AssignStmt:
		if len(comm.Rhs) == 1 {
			x = comm.Rhs[0]
		}
	}
	recv, ok := ast.Unparen(x).(*ast.UnaryExpr)
	if !ok || recv.Op != token.ARROW {
		return false
	}
	id, ok := ast.Unparen(recv.X).(*ast.Ident)
	if !ok {
		return false
	}
	obj := c.pass.TypesInfo.Uses[id]
	if obj == nil {
		return false
	}
	for _, st := range cc.Body {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, l := range as.Lhs {
			if lid, ok := ast.Unparen(l).(*ast.Ident); ok && c.pass.TypesInfo.Uses[lid] == obj && analysisutil.IsNilExpr(c.pass.TypesInfo, as.Rhs[i]) {
				return true
			}
		}
	}
	return false
}

// commClause returns the select case that holds pos, or nil.
func (c *checker) commClause(pos token.Pos) *ast.CommClause {
	for _, f := range c.pass.Files {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(f, pos, pos)
		for _, n := range path {
			if cc, ok := n.(*ast.CommClause); ok {
				return cc
			}
		}
	}
	return nil
}

// caseBreak returns the break statement of the select case at pos
// that leaves the select itself (unlabelled, not inside a nested loop,
// switch or select): the statement that was meant to end the loop.
func (c *checker) caseBreak(pos token.Pos) token.Pos {
	cc := c.commClause(pos)
	if cc == nil {
		return token.NoPos
	}
	brk := token.NoPos
	for _, st := range cc.Body {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				if n.Tok == token.BREAK && n.Label == nil && !brk.IsValid() {
					brk = n.Pos()
				}
			}
			return true
		})
	}
	return brk
}
