package analysisutil

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// A ValueFlow follows a function value through the functions of one
// package: through conversions, phis, closures that capture it, the
// parameters of the package's functions it is passed to, and the
// local variables and fields of the package's own types it is stored
// in (to every load of the field, in any instance).
type ValueFlow struct {
	funcs []*ssa.Function
	// loads lists, per field of a type of the package, the values
	// read from it.
	loads map[*types.Var][]ssa.Value
	pkg   *types.Package
}

// NewValueFlow indexes funcs, the functions of pkg (closures
// included), for OnlyCalled.
func NewValueFlow(pkg *types.Package, funcs []*ssa.Function) *ValueFlow {
	vf := &ValueFlow{pkg: pkg, loads: make(map[*types.Var][]ssa.Value), funcs: flow.WithClosures(funcs)}
	for _, fn := range vf.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				switch in := in.(type) {
				case *ssa.UnOp:
					if f := FieldOf(in.X); f != nil && in.Op == token.MUL {
						vf.loads[f] = append(vf.loads[f], in)
					}
				case *ssa.Field:
					if f := FieldValueOf(in); f != nil {
						vf.loads[f] = append(vf.loads[f], in)
					}
				}
			}
		}
	}
	return vf
}

// OnlyCalled reports whether the function value v (a closure, a
// function, or a value converted from one), used by the instruction
// at, is, wherever it flows from there in the package, only called: by a call statement, or by a call that
// calls(c, x) says runs x, a value v flowed to, on the caller's
// goroutine and keeps it no longer (such as the ServeHTTP method of
// http.HandlerFunc). False as soon as it may reach code the package
// does not show: a function of another package or a function value
// it is passed to, a go or defer statement, a field of another
// package's type (http.Server's Handler), a map, slice, channel,
// interface method other than the ones calls accepts, a package
// variable, an exported field, or a result. A closure's other uses
// are followed too; a named function's are not (go/ssa does not list
// them), only at's.
func (vf *ValueFlow) OnlyCalled(v ssa.Value, at ssa.Instruction, calls func(c *ssa.CallCommon, x ssa.Value) bool) bool {
	seen := make(map[ssa.Value]bool)
	var follow func(x ssa.Value) bool
	follow = func(x ssa.Value) bool {
		if seen[x] {
			return true
		}
		seen[x] = true
		if len(seen) > 200 {
			return false
		}
		refs := x.Referrers()
		if refs == nil {
			return true
		}
		for _, in := range *refs {
			if !vf.use(x, in, calls, follow) {
				return false
			}
		}
		return true
	}
	if _, ok := v.(*ssa.Function); ok {
		seen[v] = true
		return vf.use(v, at, calls, follow)
	}
	return follow(v)
}

// use reports whether the instruction in, a referrer of x, keeps x
// within the package's sight, following what it makes of x.
func (vf *ValueFlow) use(x ssa.Value, in ssa.Instruction, calls func(c *ssa.CallCommon, x ssa.Value) bool, follow func(ssa.Value) bool) bool {
	switch in := in.(type) {
	case *ssa.DebugRef:
		return true
	case *ssa.ChangeType:
		return follow(in)
	case *ssa.MakeInterface:
		return follow(in)
	case *ssa.Phi:
		return follow(in)
	case *ssa.MakeClosure:
		fn, ok := in.Fn.(*ssa.Function)
		if !ok {
			return false
		}
		if in.Fn == x {
			return follow(in) // the closure of x is x's value
		}
		for i, b := range in.Bindings {
			if b == x && i < len(fn.FreeVars) && !follow(fn.FreeVars[i]) {
				return false
			}
		}
		return true
	case *ssa.Store:
		if in.Val != x {
			return true // stored into, not stored
		}
		switch addr := in.Addr.(type) {
		case *ssa.Alloc:
			return follow(addr) // a local variable: its loads are its referrers
		case *ssa.FieldAddr:
			f := FieldOf(addr)
			if f == nil || f.Pkg() != vf.pkg || f.Exported() {
				return false // another package's field (http.Server.Handler), or one it may read
			}
			for _, l := range vf.loads[f] {
				if !follow(l) {
					return false
				}
			}
			return true
		}
		return false
	case *ssa.UnOp:
		if in.Op == token.MUL {
			return follow(in) // a load of a local variable that holds it
		}
		return false
	case *ssa.FieldAddr, *ssa.Field:
		return true // x is the struct here, not the function
	case ssa.CallInstruction:
		c := in.Common()
		if _, ok := in.(*ssa.Call); !ok {
			return false // a go or defer statement
		}
		if !c.IsInvoke() && c.Value == x && !argOf(c, x) {
			return true
		}
		if calls(c, x) {
			return true
		}
		callee := flow.Callee(c)
		if c.IsInvoke() || callee == nil || callee.Blocks == nil || callee.Pkg == nil || callee.Pkg.Pkg != vf.pkg {
			return false
		}
		if c.Value == x {
			return false // called and passed on at once
		}
		for i, a := range c.Args {
			if a == x && (i >= len(callee.Params) || !follow(callee.Params[i])) {
				return false
			}
		}
		return true
	}
	return false
}

// argOf reports whether x is among c's arguments.
func argOf(c *ssa.CallCommon, x ssa.Value) bool {
	for _, a := range c.Args {
		if a == x {
			return true
		}
	}
	return false
}
