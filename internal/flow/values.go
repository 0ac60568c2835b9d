package flow

import (
	"iter"

	"golang.org/x/tools/go/ssa"
)

// ParamIndex returns the index of v among fn's parameters, or -1 when
// v is not one of them.
func ParamIndex(fn *ssa.Function, v ssa.Value) int {
	for i, p := range fn.Params {
		if p == v {
			return i
		}
	}
	return -1
}

// Unconverted strips off v the conversions that keep the identity of
// a channel or function value: ChangeType (a channel to a send- or
// receive-only one, a function literal to a named function type, to or
// from a named type) and Convert (to or from a type parameter's type).
// Meant for channels and functions: on numbers Convert changes the
// value. The chain ends, as an operand is defined before its use.
func Unconverted(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		default:
			return v
		}
	}
}

// Captures returns the free variables of the closure mc's function
// that mc binds to v: where v, a captured variable's cell or a value,
// goes on inside the literal. Each walk that follows a value into the
// closures that capture it steps through here; what it then asks of
// the free variable is its own.
func Captures(mc *ssa.MakeClosure, v ssa.Value) iter.Seq[*ssa.FreeVar] {
	return func(yield func(*ssa.FreeVar) bool) {
		fn, ok := mc.Fn.(*ssa.Function)
		if !ok {
			return
		}
		for i, b := range mc.Bindings {
			if b == v && i < len(fn.FreeVars) && !yield(fn.FreeVars[i]) {
				return
			}
		}
	}
}
