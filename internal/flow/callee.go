package flow

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Origin returns the generic function fn instantiates, or fn itself
// when it is no instantiation.
func Origin(fn *ssa.Function) *ssa.Function {
	if o := fn.Origin(); o != nil {
		return o
	}
	return fn
}

// Body returns the function whose blocks stand for fn's: its origin
// when that was built (a generic function of the package under
// analysis), else fn (an instantiation built on its own, or a function
// without a body).
func Body(fn *ssa.Function) *ssa.Function {
	if o := fn.Origin(); o != nil && o.Blocks != nil {
		return o
	}
	return fn
}

// Callee returns the function c statically calls, seen through
// generics (an instantiation is given as its origin) and through a
// method value (the closure of a bound method is given as its wrapper,
// whose object is the method), or nil for a dynamic call, an interface
// method invocation or a builtin.
func Callee(c *ssa.CallCommon) *ssa.Function {
	if f := c.StaticCallee(); f != nil {
		return Origin(f)
	}
	return nil
}

// CalleeFunc returns the function or method c calls as a *types.Func:
// the static callee's (a method value's method; for an instantiation,
// the generic function or method), or for a call through an interface
// the abstract method; nil for builtins and dynamic calls of function
// values.
func CalleeFunc(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	f := c.StaticCallee()
	if f == nil {
		return nil
	}
	if obj, ok := f.Object().(*types.Func); ok {
		return obj.Origin()
	}
	if o := f.Origin(); o != nil {
		if obj, ok := o.Object().(*types.Func); ok {
			return obj
		}
	}
	return nil
}
