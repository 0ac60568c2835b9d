package flow

import (
	"go/constant"
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// PassingReturn returns a return that control can reach from the
// instruction from (or, when from is nil, from the start of block b)
// on a path on which the test does not fail: no call on it reports a
// failure or ends the test, the process or the goroutine, no panic,
// no edge taken only after a failure ([Ends.FailEdge]) or out of a
// failed set-up ([SetupBailout]), and none that skip rules out. The
// search stops at the instructions in stop, and returns the first
// instruction that also (when not nil) accepts as an end of its own;
// nil if there is none.
func (e *Ends) PassingReturn(from ssa.Instruction, b *ssa.BasicBlock, stop map[ssa.Instruction]bool, skip func(*ssa.BasicBlock, int) bool, also func(ssa.Instruction) bool) ssa.Instruction {
	search := Search{Next: func(b *ssa.BasicBlock) []*ssa.BasicBlock {
		var next []*ssa.BasicBlock
		for i, s := range b.Succs {
			if (skip == nil || !skip(b, i)) && !e.FailEdge(b, i) && !SetupBailout(b, i) {
				next = append(next, s)
			}
		}
		return next
	}}
	var found ssa.Instruction
	visit := func(in ssa.Instruction) bool {
		if found != nil || stop[in] {
			return false
		}
		if also != nil && also(in) {
			found = in
			return false
		}
		switch in := in.(type) {
		case *ssa.Return:
			found = in
		case *ssa.Panic:
			return false
		case *ssa.Call:
			if end := e.CallEnd(in); end == ExitsProcess || end == Hangs {
				return false // the process ends here, or the path never goes on
			}
			return !e.Fails(in) && !SkipsTest(CalleeFunc(in.Common()))
		}
		return found == nil
	}
	if from != nil {
		search.Walk(from, visit)
	} else {
		search.WalkBlock(b, visit)
	}
	return found
}

// A ValueCond is what a use of a value is asked about: that the value
// is K, or, with Other set, that it is anything but K (an error that
// is not nil).
type ValueCond struct {
	K     *ssa.Const
	Other bool
}

// Is is the condition that a value is k.
func Is(k *ssa.Const) ValueCond { return ValueCond{K: k} }

// boolean returns the condition as a boolean value, if it is one.
func (vc ValueCond) boolean() (val, ok bool) {
	if vc.K == nil || vc.K.Value == nil || vc.K.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(vc.K.Value) != vc.Other, true
}

// isNil reports whether the condition is that a value is nil (true)
// or is not (false); ok is false for a condition on another constant.
func (vc ValueCond) isNil() (isNil, ok bool) {
	if vc.K == nil || vc.K.Value != nil {
		return false, false
	}
	return !vc.Other, true
}

// SameConst reports whether a and b are the same constant value.
func SameConst(a, b *ssa.Const) bool {
	if a.Value == nil || b.Value == nil {
		return a.Value == nil && b.Value == nil
	}
	return constant.Compare(a.Value, token.EQL, b.Value)
}

// maxAssertDepth bounds how deep FailingUse follows a value into the
// assertion helpers of the code (a helper calling a helper).
const maxAssertDepth = 3

// FailingUse returns a use of v that fails the test on every path on
// which v meets vc: an if on v (or on !v, or on v compared with K)
// whose branch for vc fails, a testify-style assertion that rejects it
// (True or False on a boolean; Error, EqualError, ErrorIs,
// ErrorContains or ErrorAs on a nil error, NoError on another), or a
// call of a function with a body that, handed such a v, fails on every
// path through it (the test's own requireTrue(t, ok) or mustNoErr(t,
// err)); nil if there is none.
func (e *Ends) FailingUse(v ssa.Value, vc ValueCond) ssa.Instruction {
	return e.failingUse(v, vc, maxAssertDepth)
}

func (e *Ends) failingUse(v ssa.Value, vc ValueCond, depth int) ssa.Instruction {
	if v == nil || v.Referrers() == nil || vc.K == nil {
		return nil
	}
	val, isBool := vc.boolean()
	failsFrom := func(b *ssa.BasicBlock) bool { return e.PassingReturn(nil, b, nil, nil, nil) == nil }
	for _, u := range *v.Referrers() {
		switch u := u.(type) {
		case *ssa.If:
			if !isBool {
				continue
			}
			succ := 1 // the branch taken when v is false
			if val {
				succ = 0
			}
			if failsFrom(u.Block().Succs[succ]) {
				return u
			}
		case *ssa.UnOp:
			if u.Op == token.NOT && isBool {
				if w := e.failingUse(u, Is(ssa.NewConst(constant.MakeBool(!val), u.Type())), depth); w != nil {
					return w
				}
			}
		case *ssa.BinOp:
			other := u.Y
			if other == v {
				other = u.X
			}
			o, ok := other.(*ssa.Const)
			if !ok || !SameConst(o, vc.K) || (u.Op != token.EQL && u.Op != token.NEQ) || u.Referrers() == nil {
				continue
			}
			for _, w := range *u.Referrers() {
				if ifi, ok := w.(*ssa.If); ok {
					// The comparison is true when v is K (EQL) or is
					// not (NEQ); the If takes Succs[0] when it is.
					succ := 1
					if (u.Op == token.EQL) != vc.Other {
						succ = 0
					}
					if failsFrom(ifi.Block().Succs[succ]) {
						return ifi
					}
				}
			}
		case *ssa.Call:
			if depth > 0 && e.helperFails(u, v, vc, depth-1) {
				return u
			}
			if assertionRejects(u, vc) {
				return u
			}
		}
	}
	return nil
}

// assertionRejects reports whether call is an assertion, named as
// testify's are, that fails the test when its argument meets vc.
func assertionRejects(call *ssa.Call, vc ValueCond) bool {
	fn := CalleeFunc(call.Common())
	if fn == nil {
		return false
	}
	if val, ok := vc.boolean(); ok {
		switch fn.Name() {
		case "True", "Truef":
			return !val
		case "False", "Falsef":
			return val
		}
		return false
	}
	isNil, ok := vc.isNil()
	if !ok || fn.Pkg() == nil {
		return false
	}
	if p := fn.Pkg().Path(); !strings.HasSuffix(p, "/assert") && !strings.HasSuffix(p, "/require") {
		return false
	}
	switch fn.Name() {
	case "Error", "Errorf", "EqualError", "EqualErrorf", "ErrorIs", "ErrorIsf", "ErrorContains", "ErrorContainsf", "ErrorAs", "ErrorAsf":
		return isNil
	case "NoError", "NoErrorf":
		return !isNil
	}
	return false
}

// helperFails reports whether call, a call of a function with a body
// with v among its arguments, fails the test whenever v meets vc: the
// callee's parameter for v has a failing use (see FailingUse) that
// every path through the callee passes.
func (e *Ends) helperFails(call *ssa.Call, v ssa.Value, vc ValueCond, depth int) bool {
	callee := call.Common().StaticCallee()
	if callee == nil {
		return false
	}
	if o := callee.Origin(); o != nil {
		callee = o
	}
	if len(callee.Blocks) == 0 {
		return false
	}
	for i, a := range call.Common().Args {
		if a != v || i >= len(callee.Params) {
			continue
		}
		if w := e.failingUse(callee.Params[i], vc, depth); w != nil && e.PassingReturn(nil, callee.Blocks[0], map[ssa.Instruction]bool{w: true}, nil, nil) == nil {
			return true
		}
	}
	return false
}
