package analysisutil

import (
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// HelperArg returns the value of its maker's frame that a function
// literal's parameter i is bound to, when the maker hands the literal
// to a helper of the same package that only calls it, passing one of
// its own parameters there:
//
//	stop := make(chan struct{})
//	waitFor(func(done <-chan struct{}) { ... }, stop) // done is stop
//
//	func waitFor(wait func(<-chan struct{}), done <-chan struct{}) { wait(done) }
//
// The maker's one use of the literal is that call, and the helper does
// nothing with the parameter that holds it but call it (no go
// statement, no store, no passing on), each time with the same one of
// its parameters as argument i: every run of the literal happens
// within the helper's run from that call, with the argument the maker
// gave it there. nil otherwise.
func HelperArg(closures *Closures, fn *ssa.Function, i int) ssa.Value {
	parent := fn.Parent()
	if parent == nil || i >= len(fn.Params) {
		return nil
	}
	var lit ssa.Value = fn
	if len(fn.FreeVars) > 0 {
		mc := closures.Of(fn)
		if mc == nil {
			return nil
		}
		lit = mc
	}
	call := literalCall(parent, lit)
	if call == nil {
		return nil
	}
	c := call.Common()
	lit = literalArg(c, lit)
	helper := c.StaticCallee()
	if helper == nil || helper.Blocks == nil || helper.Pkg != parent.Pkg || len(c.Args) != len(helper.Params) {
		return nil
	}
	k := -1
	for j, a := range c.Args {
		if a == lit {
			if k >= 0 {
				return nil
			}
			k = j
		}
	}
	if k < 0 {
		return nil
	}
	p := helper.Params[k]
	bound := -1
	for _, r := range *p.Referrers() {
		if _, ok := r.(*ssa.DebugRef); ok {
			continue
		}
		in, ok := r.(*ssa.Call)
		if !ok {
			return nil
		}
		hc := in.Common()
		if hc.Value != p || hc.IsInvoke() || argOf(hc, p) || i >= len(hc.Args) {
			return nil
		}
		j := flow.ParamIndex(helper, flow.Unconverted(hc.Args[i]))
		if j < 0 || bound >= 0 && j != bound {
			return nil
		}
		bound = j
	}
	if bound < 0 {
		return nil
	}
	return c.Args[bound]
}

// literalCall returns the static call of parent that is the only use of
// lit, the value of a function literal, other than debug references:
// lit passed as an argument. nil if lit has any other use.
func literalCall(parent *ssa.Function, lit ssa.Value) *ssa.Call {
	var uses []ssa.Instruction
	if mc, ok := lit.(*ssa.MakeClosure); ok {
		uses = *mc.Referrers()
	} else {
		// go/ssa lists no referrers of a function: look for them.
		var ops []*ssa.Value
		for _, blk := range parent.Blocks {
			for _, in := range blk.Instrs {
				for _, o := range in.Operands(ops[:0]) {
					if *o == lit {
						uses = append(uses, in)
						break
					}
				}
			}
		}
	}
	var call *ssa.Call
	for range 4 {
		var conv *ssa.ChangeType
		for _, in := range uses {
			switch in := in.(type) {
			case *ssa.DebugRef:
			case *ssa.ChangeType: // to a named function type
				if conv != nil || call != nil {
					return nil
				}
				conv = in
			case *ssa.Call:
				if conv != nil || call != nil || in.Common().Value == lit || in.Common().IsInvoke() {
					return nil
				}
				call = in
			default:
				return nil
			}
		}
		if conv == nil {
			break
		}
		lit, uses = conv, *conv.Referrers()
	}
	if call == nil || !argOf(call.Common(), lit) {
		return nil
	}
	return call
}

// literalArg returns the argument of c that is lit, or a conversion of
// it to a named function type.
func literalArg(c *ssa.CallCommon, lit ssa.Value) ssa.Value {
	for _, a := range c.Args {
		if flow.Unconverted(a) == lit {
			return a
		}
	}
	return lit
}
