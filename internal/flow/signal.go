package flow

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// FailureSignal reports whether v, a local variable of a test's
// function (goroutines of the test capture it), only ever tells the
// test that something failed: every value stored into it by the
// function's literals is not zero (true, a non-zero constant, an
// increment, an error tested not nil first), the literals do not read
// it otherwise, and every read of it by the function itself fails the
// test when it is not zero (if gotErr != nil { t.Fatal(gotErr) }, if
// failed { t.Error(...) }, assert.Zero(t, mismatches)). Goroutines
// that write it without a lock race only when two of them write, that
// is, only once the test has failed: the race is the failure's echo,
// not a defect of a test that can pass.
func (e *Ends) FailureSignal(v *ssa.Alloc) bool {
	fn := v.Parent()
	if fn == nil || !InTestFile(fn) || v.Referrers() == nil {
		return false
	}
	written := false
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			if r.Addr != v || r.Val == ssa.Value(v) {
				return false
			}
			if !ZeroConst(r.Val) && !nonZeroStore(r, v) {
				return false
			}
		case *ssa.UnOp:
			if r.Op != token.MUL || !e.failsUnlessZero(r) {
				return false
			}
		case *ssa.MakeClosure:
			lit := r.Fn.(*ssa.Function)
			for i, b := range r.Bindings {
				if b != ssa.Value(v) {
					continue
				}
				if i >= len(lit.FreeVars) || !onlySignalled(lit.FreeVars[i]) {
					return false
				}
				written = true
			}
		default:
			return false
		}
	}
	return written
}

// onlySignalled reports whether a literal uses its captured variable
// fv only to store non-zero values into it (an increment reads it
// first, for the store alone).
func onlySignalled(fv *ssa.FreeVar) bool {
	if fv.Referrers() == nil {
		return false
	}
	for _, r := range *fv.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			if r.Addr != fv || !nonZeroStore(r, fv) {
				return false
			}
		case *ssa.UnOp:
			if !incrementLoad(r, fv) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// nonZeroStore reports whether st stores a value that is not zero into
// addr: a constant other than zero, addr's value plus a positive
// constant, or a value that an if has tested not nil on the way.
func nonZeroStore(st *ssa.Store, addr ssa.Value) bool {
	switch x := st.Val.(type) {
	case *ssa.Const:
		return !ZeroConst(x)
	case *ssa.BinOp:
		l, ok := x.X.(*ssa.UnOp)
		k, isConst := x.Y.(*ssa.Const)
		return x.Op == token.ADD && ok && l.Op == token.MUL && l.X == addr &&
			isConst && k.Value != nil && k.Value.Kind() == constant.Int && constant.Sign(k.Value) > 0
	}
	return TestedNonNil(st.Val, st.Block())
}

// incrementLoad reports whether l, a read of addr, is used only to
// store it back increased (x++).
func incrementLoad(l *ssa.UnOp, addr ssa.Value) bool {
	if l.Op != token.MUL || l.X != addr || l.Referrers() == nil {
		return false
	}
	for _, r := range *l.Referrers() {
		b, ok := r.(*ssa.BinOp)
		if !ok || b.Op != token.ADD || b.X != ssa.Value(l) || b.Referrers() == nil {
			return false
		}
		for _, u := range *b.Referrers() {
			if st, ok := u.(*ssa.Store); !ok || st.Addr != addr || !nonZeroStore(st, addr) {
				return false
			}
		}
	}
	return true
}

// ZeroConst reports whether v is the zero constant of its type: nil,
// false, 0 or "".
func ZeroConst(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	if !ok {
		return false
	}
	if k.Value == nil {
		return true
	}
	switch k.Value.Kind() {
	case constant.Bool:
		return !constant.BoolVal(k.Value)
	case constant.Int, constant.Float:
		return constant.Sign(k.Value) == 0
	case constant.String:
		return constant.StringVal(k.Value) == ""
	}
	return false
}

// zeroAssertions are the names, in lower case, that assertion helpers
// failing the test unless their value is zero, nil, empty, false or no
// error end with: testify's Zero, Nil, NoError, Empty and False (and
// their f forms), and a test's own assertZero or mustNoError.
var zeroAssertions = []string{"zero", "nil", "noerror", "empty", "false"}

// zeroAssertion reports whether c calls an assertion helper named for
// zero (zeroAssertions) and hands it a test.
func zeroAssertion(c *ssa.Call) bool {
	f := CalleeFunc(c.Common())
	if f == nil {
		return false
	}
	n := strings.TrimSuffix(strings.ToLower(f.Name()), "f")
	named := false
	for _, z := range zeroAssertions {
		named = named || strings.HasSuffix(n, z)
	}
	if !named {
		return false
	}
	for _, a := range c.Common().Args {
		if testValue(a, c.Parent()) {
			return true
		}
	}
	// A method of testify's assertion objects (s.Require().NoError(err)).
	return f.Type().(*types.Signature).Recv() != nil && testifyFunc(f)
}

// testifyFunc reports whether f is a function or method of testify's
// assert or require package.
func testifyFunc(f *types.Func) bool {
	if f == nil || f.Pkg() == nil {
		return false
	}
	p := f.Pkg().Path()
	return strings.HasSuffix(p, "testify/assert") || strings.HasSuffix(p, "testify/require")
}

// failsUnlessZero reports whether every use of l, a read of the
// variable, fails the test when l is not zero: an if on l itself (a
// flag) or on l compared with zero, whose not-zero side fails the test
// on every way on; an argument of a call that fails the test (the
// t.Error(gotErr) of that side); or the value an assertion named for
// zero checks.
func (e *Ends) failsUnlessZero(l *ssa.UnOp) bool {
	if l.Referrers() == nil {
		return false
	}
	for _, r := range *l.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.If:
			if !e.sideFails(r.Block(), 0) {
				return false
			}
		case *ssa.BinOp:
			if (r.Op != token.NEQ && r.Op != token.EQL) || r.X != ssa.Value(l) || !ZeroConst(r.Y) || r.Referrers() == nil {
				return false
			}
			side := 0
			if r.Op == token.EQL {
				side = 1
			}
			for _, u := range *r.Referrers() {
				iff, ok := u.(*ssa.If)
				if !ok || !e.sideFails(iff.Block(), side) {
					return false
				}
			}
		case *ssa.MakeInterface, *ssa.ChangeInterface:
			if !e.failsUnlessZeroIface(r.(ssa.Value)) {
				return false
			}
		case *ssa.Call:
			if !e.failingOrZeroAssert(r) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// failsUnlessZeroIface is failsUnlessZero for the read converted to an
// interface (mi) on its way to a call.
func (e *Ends) failsUnlessZeroIface(mi ssa.Value) bool {
	if mi.Referrers() == nil {
		return false
	}
	for _, r := range *mi.Referrers() {
		switch r := r.(type) {
		case *ssa.Call:
			if !e.failingOrZeroAssert(r) {
				return false
			}
		case *ssa.Store:
			// Into the variadic array of a t.Error(err) call.
			if !e.variadicOfFailing(r) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// variadicOfFailing reports whether st stores into the ...any slice of
// a call that fails the test.
func (e *Ends) variadicOfFailing(st *ssa.Store) bool {
	ia, ok := st.Addr.(*ssa.IndexAddr)
	if !ok {
		return false
	}
	arr, ok := ia.X.(*ssa.Alloc)
	if !ok || arr.Referrers() == nil {
		return false
	}
	for _, r := range *arr.Referrers() {
		sl, ok := r.(*ssa.Slice)
		if !ok || sl.Referrers() == nil {
			continue
		}
		for _, u := range *sl.Referrers() {
			if c, ok := u.(*ssa.Call); ok && e.failingOrZeroAssert(c) {
				return true
			}
		}
	}
	return false
}

// failingOrZeroAssert reports whether c fails the test (t.Error, a
// Fatal that ends it) or is an assertion named for zero.
func (e *Ends) failingOrZeroAssert(c *ssa.Call) bool {
	return e.failing(c) || zeroAssertion(c)
}

// failing reports whether c marks the test failed: Ends.Fails, a
// Fatal or FailNow of the test (directly or through an interface), or
// a Fail method of testify's assert or require (s.Require().Fail).
func (e *Ends) failing(c *ssa.Call) bool {
	if e.Fails(c) {
		return true
	}
	f := CalleeFunc(c.Common())
	if FailsTest(f) || c.Common().IsInvoke() && FailsTestThrough(c.Common()) {
		return true
	}
	return testifyFunc(f) && strings.HasPrefix(f.Name(), "Fail")
}

// sideFails reports whether the succ'th side of b's if fails the test
// on every way on: no return is reached from it without passing a
// failing call first.
func (e *Ends) sideFails(b *ssa.BasicBlock, succ int) bool {
	if len(b.Succs) != 2 {
		return false
	}
	s := b.Succs[succ]
	if len(s.Instrs) == 0 {
		return false
	}
	stop := func(in ssa.Instruction) bool {
		c, ok := in.(*ssa.Call)
		return ok && e.failing(c)
	}
	if c, ok := s.Instrs[0].(*ssa.Call); ok && e.failing(c) {
		return true
	}
	for _, blk := range b.Parent().Blocks {
		for _, in := range blk.Instrs {
			if _, ok := in.(*ssa.Return); ok && Reaches(s.Instrs[0], in, stop) {
				return false
			}
		}
	}
	return true
}
