package missingcancel

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// checkFunc checks every cancel function created by a call in fn.
func (c *checker) checkFunc(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for i, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			if name, src := c.sourceOf(&call.Call); src != nil {
				c.checkSite(fn, b, i, call, name, src)
			}
		}
	}
}

func (c *checker) checkSite(fn *ssa.Function, b *ssa.BasicBlock, idx int, call *ssa.Call, name string, src *cancelSource) {
	pos := call.Pos()
	if !pos.IsValid() || c.ownTests(call) {
		return
	}
	cur, hasCur := c.callCursor(call)
	start, end := pos, pos
	if hasCur {
		start, end = cur.Node().Pos(), cur.Node().End()
	}

	v := analysisutil.ResultValue(call, src.Result)
	g := analysisutil.Goroutine(c.pass.Fset, fn)
	var tr finding.Trace
	tr.Step(finding.Place{Pos: start, End: end, Goroutine: g, Op: finding.OpCancel})
	if v == nil || (hasCur && discards(cur, src.Result)) {
		if awaitsDone(b, idx, call, nil) || timerBoundedInTest(fn, call) || holdsNothing(call) || onlyATimer(b, idx, call) {
			return
		}
		tr.Report(c.pass, analysis.Diagnostic{
			Category: "discarded",
			Pos:      start,
			End:      end,
			Message:  fmt.Sprintf("the %s function returned by %s is discarded (context leak)", src.Verb, name),
		})
		return
	}

	us, derived := c.uses(v)
	// In a test, as for go vet's lostcancel, any use of the cancel
	// function hands it on: one stored in a fixture's field or given
	// to a helper lives, at worst, as long as the test's contexts.
	inTest := flow.InTestFile(fn)
	handles := make(map[ssa.Instruction]bool)
	for _, u := range us {
		if u.handled || inTest {
			handles[u.instr] = true
		}
	}
	if handledBefore(b, idx, handles, derived) {
		return
	}
	ret, leak := leakPath(b, idx, handles, derived)
	if !leak || c.parentEndsFirst(call) || awaitsDone(b, idx, call, handles) || timerBoundedInTest(fn, call) || onlyATimer(b, idx, call) {
		return
	}

	how := "is not called on all paths"
	if len(handles) == 0 {
		how = "is never called"
	}
	d := analysis.Diagnostic{
		Pos:     start,
		End:     end,
		Message: fmt.Sprintf("the %s function returned by %s %s", src.Verb, name, how),
	}
	if len(handles) > 0 {
		if rpos := returnPos(fn, ret); rpos.IsValid() {
			tr.Related(&d, finding.Place{
				Pos:       rpos,
				Message:   fmt.Sprintf("this return is reached without calling %s", src.Verb),
				Goroutine: g,
				Op:        finding.OpReturn,
			})
		}
	}
	for _, u := range us {
		if u.note != "" && u.instr.Pos().IsValid() {
			tr.Related(&d, finding.Place{Pos: u.instr.Pos(), Message: u.note, Goroutine: g, Op: finding.OpOther})
		}
	}
	if hasCur {
		d.SuggestedFixes = analysisutil.Editable(c.pass.Fset, c.deferFix(cur, call, src, v, us))
	}
	d.Category = "uncalled"
	tr.Report(c.pass, d)
}

// timerBoundedInTest reports whether call, in a test file, makes a
// context that its own timer ends (context.WithTimeout, WithDeadline
// and their Cause forms): a test that discards the cancel, or does not
// call it, to hand a context with an expired or short deadline to the
// code under test, holds the timer until it fires, within the test
// binary's run. go vet's lostcancel reports the discarded cancel for
// those who want it.
func timerBoundedInTest(fn *ssa.Function, call *ssa.Call) bool {
	callee := flow.CalleeFunc(&call.Call)
	if !flow.InTestFile(fn) || callee == nil || callee.Pkg() == nil || callee.Pkg().Path() != "context" {
		return false
	}
	return strings.HasPrefix(callee.Name(), "WithTimeout") || strings.HasPrefix(callee.Name(), "WithDeadline")
}

// onlyATimer reports whether call (at b.Instrs[idx]) makes a context
// that ends at its deadline (context.WithTimeout, WithDeadline and
// their Cause forms) and is used only as a timer: every use of it
// waits for its Done channel with a plain receive, and every path from
// the call to a return waits so, or starts a goroutine (or calls a
// function literal, or a function of the package given the context)
// that waits so on every path. Whoever waits, waits
// out the deadline, and the timer releases the context then; calling
// cancel could only end the wait sooner, which the program never
// wants. A cancel kept in a field as a "timer pending" flag (a
// debounce: if c.cancel != nil { return }; ctx, c.cancel =
// context.WithTimeout(bg, delay); go func() { <-ctx.Done(); c.flush();
// c.cancel = nil }()) leaks nothing.
func onlyATimer(b *ssa.BasicBlock, idx int, call *ssa.Call) bool {
	callee := flow.CalleeFunc(&call.Call)
	if callee == nil || callee.Pkg() == nil || callee.Pkg().Path() != "context" || !syncmodel.Timed(call) || stdSource(callee) == nil {
		return false
	}
	ctx := analysisutil.ResultValue(call, 0)
	if ctx == nil {
		return false
	}
	waits := make(map[ssa.Instruction]bool)
	if !timerWaits(ctx, call.Parent(), waits, 0) || len(waits) == 0 {
		return false
	}
	_, leak := leakPath(b, idx, waits, nil)
	return !leak
}

// timerWaits reports whether every use of the context ctx, in fn, in
// the function literals that capture it and in the functions of the
// package it is passed to, is a plain receive from its Done channel,
// and adds to waits the instructions of fn that wait: the receives,
// and the go statements and calls of literals and functions that wait
// on every path.
func timerWaits(ctx ssa.Value, fn *ssa.Function, waits map[ssa.Instruction]bool, depth int) bool {
	refs := ctx.Referrers()
	if refs == nil || depth > 4 {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Call:
			if !r.Call.IsInvoke() || r.Call.Value != ctx {
				// ctx handed to a function of the package as an
				// argument (s.flushAfter(ctx)).
				if !argWaits(r, ctx, fn, waits, depth+1) {
					return false
				}
				continue
			}
			recvs, only := doneReceives(r)
			if !only {
				return false
			}
			for _, recv := range recvs {
				waits[recv] = true
			}
		case *ssa.Store:
			// A variable holding ctx: a literal captures it.
			cell, ok := r.Addr.(*ssa.Alloc)
			if !ok || r.Val != ctx || !cellTimerWaits(cell, ctx, fn, waits, depth+1) {
				return false
			}
		case *ssa.MakeClosure:
			if !literalWaits(r, ctx, fn, waits, depth+1) {
				return false
			}
		case *ssa.Go:
			if !argWaits(r, ctx, fn, waits, depth+1) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// argWaits reports whether the function c calls statically uses each
// parameter that c passes ctx to only to wait as timerWaits asks; if it
// waits on every path, c waits too. A call through an interface, a
// function value or a function without a body could do anything with
// the context.
func argWaits(c ssa.CallInstruction, ctx ssa.Value, fn *ssa.Function, waits map[ssa.Instruction]bool, depth int) bool {
	com := c.Common()
	callee := com.StaticCallee()
	if com.IsInvoke() || com.Value == ctx || callee == nil || len(callee.Blocks) == 0 || len(callee.Params) != len(com.Args) {
		return false
	}
	inner := make(map[ssa.Instruction]bool)
	for i, a := range com.Args {
		if a == ctx && !timerWaits(callee.Params[i], callee, inner, depth) {
			return false
		}
	}
	bodyWaits(c, callee, inner, fn, waits)
	return true
}

// bodyWaits adds the call c of fn to waits when the called body waits,
// its own waits being inner, on every path. A body that waits only on
// some paths is no help to fn's.
func bodyWaits(c ssa.CallInstruction, body *ssa.Function, inner map[ssa.Instruction]bool, fn *ssa.Function, waits map[ssa.Instruction]bool) {
	if len(inner) == 0 {
		return
	}
	if _, leak := leakPath(body.Blocks[0], 0, inner, nil); leak {
		return
	}
	if _, deferred := c.(*ssa.Defer); !deferred && c.Parent() == fn {
		waits[c] = true
	}
}

// cellTimerWaits is timerWaits for a variable that holds only ctx (in
// a literal, its free variable, with ctx nil: the literal stores
// nothing into it).
func cellTimerWaits(cell, ctx ssa.Value, fn *ssa.Function, waits map[ssa.Instruction]bool, depth int) bool {
	refs := cell.Referrers()
	if refs == nil || depth > 4 {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			if ctx == nil || r.Addr != cell || r.Val != ctx {
				return false
			}
		case *ssa.UnOp:
			if r.Op != token.MUL || !timerWaits(r, fn, waits, depth+1) {
				return false
			}
		case *ssa.MakeClosure:
			if !literalWaits(r, cell, fn, waits, depth+1) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// literalWaits reports whether the literal mc makes uses its capture
// of x (ctx, or a variable holding it) only to wait as timerWaits
// asks; if it waits on every path, the go statements and calls of mc
// in fn wait too.
func literalWaits(mc *ssa.MakeClosure, x ssa.Value, fn *ssa.Function, waits map[ssa.Instruction]bool, depth int) bool {
	lit, ok := mc.Fn.(*ssa.Function)
	if !ok || len(lit.Blocks) == 0 {
		return false
	}
	inner := make(map[ssa.Instruction]bool)
	for fv := range flow.Captures(mc, x) {
		ok := false
		if _, isCell := x.(*ssa.Alloc); isCell {
			ok = cellTimerWaits(fv, nil, lit, inner, depth)
		} else {
			ok = timerWaits(fv, lit, inner, depth)
		}
		if !ok {
			return false
		}
	}
	for _, r := range *mc.Referrers() {
		if c, ok := r.(ssa.CallInstruction); ok && c.Common().Value == mc && !c.Common().IsInvoke() {
			bodyWaits(c, lit, inner, fn, waits)
		}
	}
	return true
}

// doneReceives returns the plain receives from the channel that the
// call c of a context's method returns, if c calls Done, and whether
// they are its only uses.
func doneReceives(c *ssa.Call) (recvs []ssa.Instruction, only bool) {
	if c.Call.Method == nil || c.Call.Method.Name() != "Done" || c.Referrers() == nil {
		return nil, false
	}
	only = true
	for _, u := range *c.Referrers() {
		if recv, ok := u.(*ssa.UnOp); ok && recv.Op == token.ARROW {
			recvs = append(recvs, recv)
		} else {
			only = false
		}
	}
	return recvs, only
}

// holdsNothing reports whether call is context.WithCancel or
// WithCancelCause of a context that can never be cancelled
// (analysisutil.NeverCancelled: context.Background(), TODO(), a
// WithValue of those): the new context registers with no parent,
// starts no goroutine and no timer, so a discarded cancel leaks
// nothing (ctx, _ := context.WithCancel(context.TODO()) in a test's
// fixture). A goroutine that waits on such a context's Done waits for
// ever, as on its parent's, and that is goroutineleak's to report. go
// vet's lostcancel reports the discarded cancel for who wants it.
func holdsNothing(call *ssa.Call) bool {
	callee := flow.CalleeFunc(&call.Call)
	if !analysisutil.IsFunc(callee, "context", "WithCancel") && !analysisutil.IsFunc(callee, "context", "WithCancelCause") {
		return false
	}
	return len(call.Call.Args) == 1 && analysisutil.NeverCancelled(call.Call.Args[0])
}

// awaitsDone reports whether every path from the creation of a
// context package's context (call, at b.Instrs[idx]) to a return
// either meets one of handles (its cancel called, deferred or handed
// over) or receives from its Done channel with a plain receive: once that
// receive returns the context is cancelled (its timer fired, or its
// parent was cancelled), and a cancelled context holds nothing, so its
// cancel function has nothing left to release (ctx, _ :=
// context.WithTimeout(bg, time.Second); <-ctx.Done()). Not so for
// signal.NotifyContext, whose stop also unregisters the signals.
func awaitsDone(b *ssa.BasicBlock, idx int, call *ssa.Call, handles map[ssa.Instruction]bool) bool {
	if fn := flow.CalleeFunc(&call.Call); fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "context" {
		return false
	}
	ctx := analysisutil.ResultValue(call, 0)
	if ctx == nil || ctx.Referrers() == nil {
		return false
	}
	waits := make(map[ssa.Instruction]bool)
	for _, r := range *ctx.Referrers() {
		done, ok := r.(*ssa.Call)
		if !ok || !done.Call.IsInvoke() || done.Call.Value != ctx {
			continue
		}
		recvs, _ := doneReceives(done)
		for _, recv := range recvs {
			waits[recv] = true
		}
	}
	if len(waits) == 0 {
		return false
	}
	for h := range handles {
		waits[h] = true
	}
	_, leak := leakPath(b, idx, waits, nil)
	return !leak
}

// discards reports whether the call's result k is assigned to the
// blank identifier, or the whole call is a statement.
func discards(call inspector.Cursor, k int) bool {
	var id ast.Expr
	switch n := call.Parent().Node().(type) {
	case *ast.ExprStmt:
		return true
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 && k < len(n.Lhs) {
			id = n.Lhs[k]
		}
	case *ast.ValueSpec:
		if len(n.Values) == 1 && k < len(n.Names) {
			id = n.Names[k]
		}
	}
	blank, ok := id.(*ast.Ident)
	return ok && blank.Name == "_"
}

// ownTests reports whether call is a call of context's or os/signal's
// own functions within that package or its tests, which leak and
// misuse them on purpose (counting a parent's children, expecting a
// panic).
func (c *checker) ownTests(call *ssa.Call) bool {
	obj := flow.CalleeFunc(&call.Call)
	if obj == nil || obj.Pkg() == nil || stdSource(obj) == nil {
		return false
	}
	path := strings.TrimSuffix(c.pass.Pkg.Path(), "_test")
	return path == obj.Pkg().Path()
}

// callCursor finds the syntax of a call from its SSA form, whose
// position is that of the opening parenthesis.
func (c *checker) callCursor(call *ssa.Call) (inspector.Cursor, bool) {
	cur, ok := c.insp.Root().FindByPos(call.Pos(), call.Pos()+1)
	if !ok {
		return cur, false
	}
	ce, ok := cur.Node().(*ast.CallExpr)
	if !ok || ce.Lparen != call.Pos() {
		return cur, false
	}
	return cur, true
}

// handledBefore reports whether a defer or go statement that handles
// the cancel function may run before its creation: a deferred closure
// or a goroutine that reads the variable later, when it holds this
// cancel function (var cancel func(); defer func() { cancel() }(); ...;
// ctx, cancel = context.WithCancel(ctx)). Such a handler is on no
// forward path from the creation, yet covers every return. So does a
// function literal that captures the variable and is handed over
// before the creation (stored in a fixture, given to a helper): it
// reads the variable when it runs, after the creation (var cancel
// func(error); lw := &ListWatch{WatchFunc: func(...) { cancel(err)
// ... }}; ctx, cancel = context.WithCancelCause(ctx); r.Run(ctx, lw)).
func handledBefore(b *ssa.BasicBlock, idx int, handles map[ssa.Instruction]bool, derived map[ssa.Value]bool) bool {
	for h := range handles {
		if flow.Dominates(b.Instrs[idx], h) {
			continue
		}
		switch h.(type) {
		case *ssa.Defer, *ssa.Go:
			return true
		}
		for _, op := range h.Operands(nil) {
			if mc, ok := flow.Unconverted(*op).(*ssa.MakeClosure); ok && derived[mc] {
				return true
			}
		}
	}
	return false
}

// leakPath searches the control-flow graph, from the instruction after
// the creation at b.Instrs[idx], for a path to a return that meets no
// handling instruction. Paths ending in a panic or a call that cannot
// return are not leaks, and a branch testing a derived value against
// nil is followed only on its non-nil side (the nil side cannot be
// reached with this cancel function in hand).
func leakPath(b *ssa.BasicBlock, idx int, handles map[ssa.Instruction]bool, derived map[ssa.Value]bool) (ret *ssa.Return, leak bool) {
	search := flow.Search{Next: func(b *ssa.BasicBlock) []*ssa.BasicBlock { return feasibleSuccs(b, derived) }}
	search.Walk(b.Instrs[idx], func(instr ssa.Instruction) bool {
		if leak || handles[instr] || flow.InstrEnd(instr) != flow.Returns {
			return false
		}
		ret, leak = instr.(*ssa.Return)
		return !leak
	})
	return ret, leak
}

func feasibleSuccs(b *ssa.BasicBlock, derived map[ssa.Value]bool) []*ssa.BasicBlock {
	if len(b.Instrs) == 0 {
		return b.Succs
	}
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok || len(b.Succs) != 2 {
		return b.Succs
	}
	bin, ok := ifi.Cond.(*ssa.BinOp)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return b.Succs
	}
	x := bin.X
	if !analysisutil.IsNilConst(bin.Y) {
		x = bin.Y
		if !analysisutil.IsNilConst(bin.X) {
			return b.Succs
		}
	}
	switch {
	case derived[x]:
		// x is the context derived from the cancel's: never nil.
		if bin.Op == token.NEQ {
			return b.Succs[:1]
		}
		return b.Succs[1:]
	case nilResult(x):
		// An error (or other result) that the call's constant
		// arguments rule out: the helper fails only for other input.
		if bin.Op == token.NEQ {
			return b.Succs[1:]
		}
		return b.Succs[:1]
	}
	return b.Succs
}

// nilResult reports whether v, a result of a static call, is nil
// whatever happens in the call, given its constant arguments
// (flow.NilResultWith).
func nilResult(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Extract:
		call, ok := v.Tuple.(*ssa.Call)
		return ok && flow.NilResultWith(&call.Call, v.Index)
	case *ssa.Call:
		return flow.NilResultWith(&v.Call, 0)
	}
	return false
}

// returnPos locates a return for the related information; the
// implicit return at the end of a function has no position of its
// own, so point at the closing brace.
func returnPos(fn *ssa.Function, r *ssa.Return) token.Pos {
	if r.Pos().IsValid() {
		return r.Pos()
	}
	return analysisutil.EndBrace(fn)
}

// isCancelCause reports whether t is context.CancelCauseFunc.
func isCancelCause(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "CancelCauseFunc"
}

// parentEndsFirst reports whether the parent of the context call
// derives (a standard cancel source: its first argument) is cancelled
// by a defer statement on every path of the function that created
// it, a standard cancel source too: the child then lives no longer
// than that function, cancelled with its parent (its timer stopped,
// its registration dropped), and one created after that return is
// cancelled at birth. The parent is found through variables that
// closures of the function capture (a callback inside a test that
// derives from the test's own context).
func (c *checker) parentEndsFirst(call *ssa.Call) bool {
	if stdSource(flow.CalleeFunc(&call.Call)) == nil || len(call.Call.Args) == 0 {
		return false
	}
	ex, ok := c.stored(call.Call.Args[0], 0).(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return false
	}
	pc, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	src := stdSource(flow.CalleeFunc(&pc.Call))
	if src == nil {
		return false
	}
	cancel := analysisutil.ResultValue(pc, src.Result)
	if cancel == nil {
		return false
	}
	for _, b := range pc.Parent().Blocks {
		if !flow.DominatesReturns(b) {
			continue
		}
		for _, in := range b.Instrs {
			if d, ok := in.(*ssa.Defer); ok && d.Call.StaticCallee() == nil && !d.Call.IsInvoke() &&
				c.stored(d.Call.Value, 0) == cancel && flow.Dominates(pc, d) {
				return true
			}
		}
	}
	return false
}

// stored returns the value v holds: v itself, or the one value ever
// stored into the variable v loads (one a closure captures, or a
// variable of the enclosing function captured by the closure v is in).
func (c *checker) stored(v ssa.Value, depth int) ssa.Value {
	if depth > 4 {
		return v
	}
	if fv, ok := v.(*ssa.FreeVar); ok {
		if b := analysisutil.PassClosures(c.pass).Bound(fv); b != nil {
			return c.stored(b, depth+1)
		}
		return v
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return v
	}
	addr := c.stored(load.X, depth+1)
	a, ok := addr.(*ssa.Alloc)
	if !ok {
		return v
	}
	var val ssa.Value
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != ssa.Value(a) || val != nil {
				return v // assigned more than once, or its address stored
			}
			val = r.Val
		case *ssa.UnOp, *ssa.DebugRef:
		case *ssa.MakeClosure:
			if accesspath.AssignedBy(r, a) {
				return v // a closure assigns it
			}
		default:
			return v // its address goes elsewhere
		}
	}
	if val == nil {
		return v
	}
	return c.stored(val, depth+1)
}
