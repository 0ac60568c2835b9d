package accesspath

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// Shape returns the path of v by its struct fields only: loads are
// seen through, not recorded (a given static type admits only one
// shape, so the fields tell the place), and so is a variable assigned
// once (a parameter spilled because a closure captures it, a closure
// kept in a variable), which stands for the value stored. A root
// reached this way is often a value Of would not reach: the
// MakeClosure behind a callback, a call's result.
func Shape(v ssa.Value) Key {
	path := ""
	for range 64 {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			path = FieldStep(x.Field) + path
			v = x.X
		case *ssa.Field:
			path = FieldStep(x.Field) + path
			v = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return Key{Root: v, Path: path}
			}
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Alloc:
			stored := singleStore(x)
			if stored == nil {
				return Key{Root: v, Path: path}
			}
			v = stored
		case *ssa.Global:
			if x.Pkg == nil {
				return Key{Root: v, Path: path}
			}
			return Key{Global: GlobalName(x), Path: path}
		default:
			return Key{Root: v, Path: path}
		}
	}
	return Key{Root: v, Path: path}
}

// singleStore returns the only value ever stored in the variable a,
// or nil if it may hold more than one (several stores, stores to
// fields, its address passed on, a closure assigning it).
func singleStore(a *ssa.Alloc) ssa.Value {
	var stored ssa.Value
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != a || stored != nil {
				return nil
			}
			stored = r.Val
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil
			}
		case *ssa.DebugRef:
		case *ssa.FieldAddr:
			if !fieldNotAssigned(r, 0) {
				return nil
			}
		case *ssa.MakeClosure:
			for fv := range flow.Captures(r, a) {
				for _, fr := range *fv.Referrers() {
					if u, ok := fr.(*ssa.UnOp); !ok || u.Op != token.MUL {
						return nil
					}
				}
			}
		default:
			return nil
		}
	}
	return stored
}

// fieldNotAssigned reports whether the field at address fa is only
// read or used in place (a method call on it), never assigned.
func fieldNotAssigned(fa *ssa.FieldAddr, depth int) bool {
	if depth > 8 {
		return false
	}
	for _, r := range *fa.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.FieldAddr:
			if !fieldNotAssigned(r, depth+1) {
				return false
			}
		case *ssa.DebugRef:
		case *ssa.Call, *ssa.Defer, *ssa.Go:
			// A method called on a struct field (wg.Add) works in
			// place; a pointer field handed out could be reassigned.
			switch fa.Type().(*types.Pointer).Elem().Underlying().(type) {
			case *types.Struct, *types.Array:
			default:
				return false
			}
		default:
			return false
		}
	}
	return true
}

// Memory returns the path of the memory v addresses or was read from,
// elements included: through field addresses, loads and element
// addresses (a slice of an array or slice is its elements), to a root
// value. A package variable is a root value here, not a Global name,
// so no summary can express it.
func Memory(v ssa.Value) Key {
	root, path := walk(v, memory)
	return Key{Root: root, Path: path}
}
