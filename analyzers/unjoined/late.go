package unjoined

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// A testCall is a t.Log or t.Error call in a test's goroutine.
type testCall struct {
	in   ssa.CallInstruction
	what string
}

// lateOnOrdinaryPath reports whether the goroutine body that the test
// fn starts can reach a t.Log or t.Error after the test returned on a
// path that a working program takes, and moves s.effect to it. Two
// kinds of call cannot:
//
//   - one reached only once a wait on the test's own context succeeded
//     (if cc.WaitForStateChange(ctx, s) { t.Errorf(...) }, if err :=
//     waitFor(ctx); err == nil { ... }): the test cancels that context
//     when it returns (defer cancel()), after which the wait fails;
//   - one under a check (an if, a select's default) that the goroutine
//     makes as soon as it runs, with no sleep or wait before it: it
//     fires only when the code under test is broken, and runs late
//     only when the goroutine is not scheduled before the test ends.
//
// A t.Log or t.Error that a goroutine reaches after a sleep or a wait
// unrelated to the test's lifetime, or on every path, runs after the
// test on an ordinary path. Calls in callees of the goroutine are
// taken as ordinary.
func (s *scan) lateOnOrdinaryPath(fn, body *ssa.Function) bool {
	if len(s.tests) == 0 {
		return true // the effect lies in a callee
	}
	for _, tc := range s.tests {
		if afterTestContextWait(s.closures, fn, tc.in) || immediateCheck(body, tc.in) {
			continue
		}
		s.effect, s.what = tc.in.Pos(), tc.what
		return true
	}
	return false
}

// afterTestContextWait reports whether every path to in passes a
// branch taken only when a call given the test's cancellable context
// succeeded: its bool result true, or its error result nil.
func afterTestContextWait(closures *analysisutil.Closures, test *ssa.Function, in ssa.Instruction) bool {
	for b := in.Block(); b != nil; b = b.Idom() {
		if len(b.Preds) != 1 {
			continue
		}
		p := b.Preds[0]
		if len(p.Instrs) == 0 {
			continue
		}
		ifi, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
		if !ok || p.Succs[0] == p.Succs[1] {
			continue
		}
		call, onSuccess := successTest(ifi.Cond)
		if call == nil {
			continue
		}
		taken := 0
		if b == p.Succs[1] {
			taken = 1
		}
		if taken == onSuccess && takesTestContext(closures, test, call) {
			return true
		}
	}
	return false
}

// successTest returns the call whose result cond tests, and the
// successor of the If taken when the call succeeded (0 or 1); nil if
// cond is not such a test.
func successTest(cond ssa.Value) (*ssa.Call, int) {
	switch x := cond.(type) {
	case *ssa.Call:
		if types.Identical(x.Type().Underlying(), types.Typ[types.Bool]) {
			return x, 0 // if wait(ctx) { ... }
		}
	case *ssa.UnOp:
		if x.Op == token.NOT {
			if c, ok := x.X.(*ssa.Call); ok {
				return c, 1 // if !wait(ctx) { return }
			}
		}
	case *ssa.BinOp:
		if x.Op != token.EQL && x.Op != token.NEQ {
			return nil, 0
		}
		v, other := x.X, x.Y
		if c, ok := v.(*ssa.Const); ok && c.IsNil() {
			v, other = other, v
		}
		if c, ok := other.(*ssa.Const); !ok || !c.IsNil() || !analysisutil.IsError(v.Type()) {
			return nil, 0
		}
		var call *ssa.Call
		switch r := v.(type) {
		case *ssa.Call:
			call = r
		case *ssa.Extract:
			call, _ = r.Tuple.(*ssa.Call)
		}
		if call == nil {
			return nil, 0
		}
		if x.Op == token.EQL {
			return call, 0 // if err == nil { ... }
		}
		return call, 1 // if err != nil { return }
	}
	return nil, 0
}

// takesTestContext reports whether call is given a context that the
// test function made with a cancel it defers (ctx, cancel :=
// context.WithTimeout(...); defer cancel()): done once the test
// returns.
func takesTestContext(closures *analysisutil.Closures, test *ssa.Function, call *ssa.Call) bool {
	for _, a := range call.Call.Args {
		if !analysisutil.IsNamed(a.Type(), "context", "Context") {
			continue
		}
		if cancelledOnReturn(test, closures.Origin(a)) {
			return true
		}
	}
	return false
}

// cancelledOnReturn reports whether ctx is the context result of a
// context.With* call of test whose cancel test defers.
func cancelledOnReturn(test *ssa.Function, ctx ssa.Value) bool {
	ex, ok := ctx.(*ssa.Extract)
	if !ok || ex.Index != 0 || ex.Parent() != test {
		return false
	}
	mk, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	fn := flow.CalleeFunc(&mk.Call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "context" || !strings.HasPrefix(fn.Name(), "With") {
		return false
	}
	for _, r := range *mk.Referrers() {
		cancel, ok := r.(*ssa.Extract)
		if !ok || cancel.Index != 1 {
			continue
		}
		for _, u := range *cancel.Referrers() {
			if d, ok := u.(*ssa.Defer); ok && d.Call.Value == cancel {
				return true
			}
		}
	}
	return false
}

// immediateCheck reports whether in, in the goroutine's function body,
// is reached only under a check (some path from the entry returns
// without it) and with no sleep, channel operation or wait on any
// path before it.
func immediateCheck(body *ssa.Function, in ssa.Instruction) bool {
	if len(body.Blocks) == 0 {
		return false
	}
	entry := body.Blocks[0].Instrs[0]
	conditional := false
	for _, b := range body.Blocks {
		for _, x := range b.Instrs {
			if _, ok := x.(*ssa.Return); ok && (x == entry || flow.Reaches(entry, x, func(y ssa.Instruction) bool { return y == in })) {
				conditional = true
			}
			if blocks(x) && flow.Reaches(x, in, nil) {
				return false
			}
		}
	}
	return conditional
}

// blocks reports whether x may wait for another goroutine or for time
// to pass: a sleep, a channel operation, a select that can block, a
// call of a Wait method or of a function of the package (which may).
func blocks(x ssa.Instruction) bool {
	switch x := x.(type) {
	case *ssa.Send:
		return true
	case *ssa.UnOp:
		return x.Op == token.ARROW
	case *ssa.Select:
		return x.Blocking
	case ssa.CallInstruction:
		c := x.Common()
		fn := flow.CalleeFunc(c)
		if fn == nil {
			return false
		}
		if analysisutil.IsFunc(fn, "time", "Sleep") || strings.HasPrefix(fn.Name(), "Wait") || strings.HasPrefix(fn.Name(), "Await") {
			return true
		}
		callee := c.StaticCallee()
		return callee != nil && callee.Pkg != nil && callee.Pkg == x.Parent().Pkg && callee.Blocks != nil
	}
	return false
}

// valueHook reports whether c calls a function value held in a struct
// field that computes a value and cannot report an error (a clock,
// now func() time.Time): such a hook tells no one that the goroutine is
// done.
func valueHook(c *ssa.CallCommon) bool {
	load, ok := c.Value.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	if _, ok := load.X.(*ssa.FieldAddr); !ok {
		return false
	}
	res := c.Signature().Results()
	if res.Len() == 0 {
		return false
	}
	for i := range res.Len() {
		if analysisutil.IsError(res.At(i).Type()) {
			return false
		}
	}
	return true
}

// releasesOwnLock reports whether the Unlock or RUnlock call in, in a
// function the goroutine calls, releases a mutex that the same
// function locks (m.mu.Lock(); defer m.mu.Unlock()): a critical
// section of the callee, which the starter cannot wait on.
func releasesOwnLock(in ssa.CallInstruction) bool {
	op, mu := lockset.LockCallOf(in.Common())
	var lock lockset.MutexOp
	switch op {
	case lockset.MutexUnlock:
		lock = lockset.MutexLock
	case lockset.MutexRUnlock:
		lock = lockset.MutexRLock
	default:
		return false
	}
	for _, b := range in.Parent().Blocks {
		for _, x := range b.Instrs {
			call, ok := x.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if lop, lmu := lockset.LockCallOf(call.Common()); lop == lock && lockset.KeyOf(lmu) == lockset.KeyOf(mu) {
				return true
			}
		}
	}
	return false
}
