package analysisutil

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// SameReceiver reports whether v is, in caller, the receiver of the
// method caller or of the method a function literal caller belongs to
// (captured variables are cells holding it).
func SameReceiver(caller *ssa.Function, v ssa.Value) bool {
	return sameReceiverDepth(caller, v, 0)
}

func sameReceiverDepth(caller *ssa.Function, v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		return caller.Signature.Recv() != nil && len(caller.Params) > 0 && caller.Params[0] == v
	case *ssa.UnOp:
		// A load of a cell: every store into it stores the receiver.
		if v.Op != token.MUL {
			return false
		}
		if a, ok := v.X.(*ssa.Alloc); ok {
			return cellHolds(a, func(x ssa.Value) bool { return sameReceiverDepth(caller, x, depth+1) })
		}
		return sameReceiverDepth(caller, v.X, depth+1)
	case *ssa.FreeVar:
		parent := caller.Parent()
		if parent == nil {
			return false
		}
		for i, fv := range caller.FreeVars {
			if fv != v {
				continue
			}
			for _, b := range parent.Blocks {
				for _, in := range b.Instrs {
					mc, ok := in.(*ssa.MakeClosure)
					if !ok || mc.Fn != caller || i >= len(mc.Bindings) {
						continue
					}
					if a, ok := mc.Bindings[i].(*ssa.Alloc); ok {
						return cellHolds(a, func(x ssa.Value) bool { return sameReceiverDepth(parent, x, depth+1) })
					}
					return sameReceiverDepth(parent, mc.Bindings[i], depth+1)
				}
			}
		}
	}
	return false
}

// cellHolds reports whether every value stored into the cell a (and
// there is one) satisfies ok.
func cellHolds(a *ssa.Alloc, ok func(ssa.Value) bool) bool {
	n := 0
	refs := a.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		if st, isStore := r.(*ssa.Store); isStore && st.Addr == a {
			if !ok(st.Val) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}
