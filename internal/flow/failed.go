package flow

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// This file is the one notion of "the test has failed by now": a path
// of test code that has reported a failure (t.Errorf, t.Fail, an
// assertion helper that returned false) is not one a passing test
// takes. A goroutine stranded only by such a path (the test function
// returned early after reporting, so nobody receives what the goroutine
// sends) is not a defect: it outlives a run the report already calls
// broken, and goroutineleak cuts its receivers' ways out at [Ends.Fails]
// and [Ends.FailEdge]. A waiter stranded by such a path is different:
// the test hangs until go test's timeout instead of failing, so
// partnerexit still counts those ways out.
//
// Test code also bails out of a failed set-up: `if err != nil {
// return err }` in a test helper whose caller fails the test on that
// error, or `if err != nil { return }` in the goroutine of a test whose
// Accept, Dial or handshake failed. Such a path is taken only when
// the test's own set-up is broken, not by a test that can pass; both
// analyzers leave it out ([SetupBailout]).
//
// A report counts when it is made on a value that holds a test: a
// *testing.T, *testing.B, *testing.F or testing.TB; or, in a _test.go
// file, a value of an interface *testing.T satisfies. A helper's body
// says whether it reports on its parameter: FuncEnds.Fails when it
// does on every path that returns (a t.Helper(); t.Errorf wrapper,
// testify's assert.Fail), FuncEnds.FalseFails when it does on every
// path that returns false (testify's assert.NoError, assert.Equal:
// each returns true, or false after t.Errorf). An Errorf on a logger
// in code that is not a test's counts for nothing.

// Fails reports whether the call marks a test failed and returns: a
// method of package testing (Error, Errorf, Fail; FailNow and Fatal do
// not return, see [Ends.CallEnd]), the same method through an
// interface of a test value, or a helper that reports a failure on
// every path on the test value it is passed.
func (e *Ends) Fails(call *ssa.Call) bool {
	c := call.Common()
	if FailsTest(CalleeFunc(c)) {
		return true
	}
	if c.IsInvoke() {
		return FailsTestThrough(c) && testValue(c.Value, call.Parent())
	}
	if e == nil {
		return false
	}
	callee := c.StaticCallee()
	if callee == nil {
		return false
	}
	e.mu.Lock()
	fe := e.funcEnds(callee)
	e.mu.Unlock()
	return fe.End == Returns && testArg(c, fe.Fails, call.Parent())
}

// FailEdge reports whether the edge from b to its succ'th successor is
// taken only after a test failure was reported: b ends in an if on the
// result of a call that returns false only after reporting a failure
// on the test value it is passed (FuncEnds.FalseFails), and the edge
// is the false side (if !assert.NoError(t, err) { return }).
func (e *Ends) FailEdge(b *ssa.BasicBlock, succ int) bool {
	if e == nil || succ != 1 || len(b.Instrs) == 0 {
		return false
	}
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	call, ok := iff.Cond.(*ssa.Call)
	if !ok {
		return false
	}
	callee := call.Common().StaticCallee()
	if callee == nil {
		return false
	}
	e.mu.Lock()
	fe := e.funcEnds(callee)
	e.mu.Unlock()
	k := fe.FalseFails
	if k == 0 {
		k = fe.Fails
	}
	return fe.End == Returns && testArg(call.Common(), k, b.Parent())
}

// SetupBailout reports whether the edge from b to its succ'th successor
// is a test's bail-out from a failed set-up: b, in a _test.go file,
// ends in `if err != nil` on an error value, the edge is the true side,
// and the block it enters does nothing but return (running the
// deferred calls). A bail-out that reports (t.Fatal) is [Ends.Fails];
// one that decides something first (if tc.wantErr { return }) is not a
// bail-out.
func SetupBailout(b *ssa.BasicBlock, succ int) bool {
	if succ != 0 || len(b.Succs) != 2 {
		return false
	}
	if op, ok := ErrorNilTest(b); !ok || op != token.NEQ {
		return false
	}
	s := b.Succs[0]
	if len(s.Preds) != 1 {
		return false
	}
	for _, in := range s.Instrs {
		switch in.(type) {
		case *ssa.RunDefers, *ssa.DebugRef, *ssa.Return:
		default:
			return false
		}
	}
	return InTestFile(b.Parent())
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// ErrorNilTest reports whether b ends in `if err == nil` or `if err !=
// nil` on an error value err, and which.
func ErrorNilTest(b *ssa.BasicBlock) (token.Token, bool) {
	if len(b.Instrs) == 0 {
		return 0, false
	}
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return 0, false
	}
	cmp, ok := iff.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.NEQ && cmp.Op != token.EQL {
		return 0, false
	}
	c, ok := cmp.Y.(*ssa.Const)
	if !ok || !c.IsNil() || !IsError(cmp.X.Type()) {
		return 0, false
	}
	return cmp.Op, true
}

// IsError reports whether values of type t are errors.
func IsError(t types.Type) bool { return types.Implements(t, errorIface) }

// testArg reports whether c's argument for parameter k-1 (k > 0) holds
// a test, in fn.
func testArg(c *ssa.CallCommon, k int, fn *ssa.Function) bool {
	return k > 0 && k-1 < len(c.Args) && testValue(c.Args[k-1], fn)
}

// testValue reports whether v, a value of fn, holds a test: its type,
// before any conversion to an interface, is one of package testing's
// (a *T, *B, *F, TB), or fn is in a _test.go file and the type is an
// interface *testing.T satisfies.
func testValue(v ssa.Value, fn *ssa.Function) bool {
	v = unconvert(v)
	if testingType(v.Type()) {
		return true
	}
	iface, ok := v.Type().Underlying().(*types.Interface)
	return ok && fn != nil && InTestFile(fn) && satisfiedByT(iface, fn)
}

// unconvert strips the conversions of v to interfaces.
func unconvert(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		default:
			return v
		}
	}
}

// testingType reports whether t is *testing.T, *testing.B, *testing.F
// or testing.TB.
func testingType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "testing" {
		return false
	}
	switch n.Obj().Name() {
	case "T", "B", "F", "TB":
		return true
	}
	return false
}

// satisfiedByT reports whether *testing.T satisfies iface, an
// interface of a test value of fn (see throughTest): go/types decides
// when package testing is at hand, else the shape of every method.
func satisfiedByT(iface *types.Interface, fn *ssa.Function) bool {
	if iface.NumMethods() == 0 {
		return false // any holds anything
	}
	var pkgs []*types.Package
	if fn.Pkg != nil {
		pkgs = append(pkgs, fn.Pkg.Pkg)
	}
	for m := range iface.Methods() {
		if m.Pkg() != nil {
			pkgs = append(pkgs, m.Pkg())
			break
		}
	}
	if ok, known := implementedByT(iface, pkgs); known {
		return ok
	}
	for m := range iface.Methods() {
		if !testShape(m) {
			return false
		}
	}
	return true
}

// InTestFile reports whether fn is declared in a _test.go file (a
// function literal: where its outermost enclosing function is).
func InTestFile(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	pos := fn.Pos()
	if !pos.IsValid() || fn.Prog == nil {
		return false
	}
	f := fn.Prog.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// failsOn returns, for fn (a function that returns), 1 + the index of
// the parameter on which it reports a test failure on every path to a
// return (Fails), and 1 + the index of the one on which it reports a
// failure on every path that returns false (FalseFails); 0 for none.
// Only a parameter whose type can hold a test is asked about. Called
// with e.mu held.
func (e *Ends) failsOn(fn *ssa.Function) (fails, falseFails int) {
	boolResult := false
	if r := fn.Signature.Results(); r.Len() == 1 {
		b, ok := r.At(0).Type().Underlying().(*types.Basic)
		boolResult = ok && b.Kind() == types.Bool
	}
	var rets []*ssa.Return
	for i, p := range fn.Params {
		if !testParam(p) {
			continue
		}
		if rets == nil {
			for _, b := range fn.Blocks {
				if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
					rets = append(rets, r)
				}
			}
			if len(rets) == 0 {
				return 0, 0
			}
		}
		reports := func(in ssa.Instruction) bool { return e.reportsOn(in, p) }
		all, onFalse := true, boolResult
		for _, r := range rets {
			if afterEvery(r.Block(), len(r.Block().Instrs)-1, reports) {
				continue
			}
			all = false
			if onFalse && !e.trueOrFailed(r.Results[0], r.Block(), len(r.Block().Instrs)-1, p, reports) {
				onFalse = false
			}
		}
		switch {
		case all && boolResult:
			return i + 1, i + 1
		case all:
			return i + 1, 0
		case onFalse && falseFails == 0:
			falseFails = i + 1
		}
	}
	return 0, falseFails
}

// testParam reports whether p's type can hold a test: one of package
// testing's, or an interface whose every method has the shape of
// *testing.T's (testify's TestingT).
func testParam(p *ssa.Parameter) bool {
	if testingType(p.Type()) {
		return true
	}
	iface, ok := p.Type().Underlying().(*types.Interface)
	if !ok {
		return false
	}
	return satisfiedByT(iface, p.Parent())
}

// reportsOn reports whether in reports a test failure on p: a method
// of package testing called on it, the same through an interface, or
// a helper that always reports on its parameter given p.
func (e *Ends) reportsOn(in ssa.Instruction, p *ssa.Parameter) bool {
	call, ok := in.(*ssa.Call)
	if !ok {
		return false
	}
	c := call.Common()
	switch {
	case c.IsInvoke():
		return unconvert(c.Value) == p && FailsTestThrough(c)
	case FailsTest(CalleeFunc(c)):
		return len(c.Args) > 0 && unconvert(c.Args[0]) == p
	}
	callee := c.StaticCallee()
	if callee == nil {
		return false
	}
	fe := e.funcEnds(callee)
	return fe.End == Returns && fe.Fails > 0 && fe.Fails-1 < len(c.Args) && unconvert(c.Args[fe.Fails-1]) == p
}

// trueOrFailed reports whether v, the result returned at instruction
// i of b, is false only after a failure reported on p: a constant
// true, the result of a helper that returns false only after reporting
// on p, or (through a phi) each of its incoming values in turn at the
// end of the block it comes from, or any value once reports has run
// on every path.
func (e *Ends) trueOrFailed(v ssa.Value, b *ssa.BasicBlock, i int, p *ssa.Parameter, reports func(ssa.Instruction) bool) bool {
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value != nil && v.Value.String() == "true" {
			return true
		}
	case *ssa.Call:
		c := v.Common()
		if callee := c.StaticCallee(); callee != nil && !c.IsInvoke() {
			fe := e.funcEnds(callee)
			k := fe.FalseFails
			if k == 0 {
				k = fe.Fails
			}
			if fe.End == Returns && k > 0 && k-1 < len(c.Args) && unconvert(c.Args[k-1]) == p {
				return true
			}
		}
	case *ssa.Phi:
		if v.Block() == b {
			for j, x := range v.Edges {
				pred := b.Preds[j]
				if !e.trueOrFailed(x, pred, len(pred.Instrs), p, reports) {
					return false
				}
			}
			return true
		}
	}
	return afterEvery(b, i, reports)
}

// afterEvery reports whether every path from the entry of b's
// function to instruction i of b (i == len(b.Instrs): its end) passes
// an instruction for which is reports true. A path from a block with
// no predecessors (the entry, the recover block) counts.
func afterEvery(b *ssa.BasicBlock, i int, is func(ssa.Instruction) bool) bool {
	for j := i - 1; j >= 0; j-- {
		if is(b.Instrs[j]) {
			return true
		}
	}
	if len(b.Preds) == 0 {
		return false
	}
	seen := map[*ssa.BasicBlock]bool{b: true}
	stack := append([]*ssa.BasicBlock(nil), b.Preds...)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		if blockHas(x, is) {
			continue
		}
		if len(x.Preds) == 0 {
			return false
		}
		stack = append(stack, x.Preds...)
	}
	return true
}

func blockHas(b *ssa.BasicBlock, is func(ssa.Instruction) bool) bool {
	for _, in := range b.Instrs {
		if is(in) {
			return true
		}
	}
	return false
}
