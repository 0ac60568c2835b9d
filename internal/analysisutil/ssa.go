package analysisutil

import "golang.org/x/tools/go/ssa"

// ClosureOf returns the one MakeClosure that makes the function
// literal fn in its parent, or nil if there is none or more than one:
// then its free variables have no single binding.
func ClosureOf(fn *ssa.Function) *ssa.MakeClosure {
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	var mc *ssa.MakeClosure
	for _, blk := range parent.Blocks {
		for _, in := range blk.Instrs {
			if c, ok := in.(*ssa.MakeClosure); ok && c.Fn == fn {
				if mc != nil {
					return nil
				}
				mc = c
			}
		}
	}
	return mc
}

// BoundTo returns the value that the unique MakeClosure of fv's
// function binds to the free variable fv, or nil.
func BoundTo(fv *ssa.FreeVar) ssa.Value {
	mc := ClosureOf(fv.Parent())
	if mc == nil {
		return nil
	}
	for i, v := range fv.Parent().FreeVars {
		if v == fv && i < len(mc.Bindings) {
			return mc.Bindings[i]
		}
	}
	return nil
}
