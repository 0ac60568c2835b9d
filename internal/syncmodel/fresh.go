package syncmodel

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// Unshared reports whether the object k's path starts at is still
// private to its goroutine at at: it was allocated in at's function
// and, on the way to at, only its own fields are read, written and
// locked; it has not been stored anywhere, passed to a call or started
// a goroutine with. Set-up before sharing: no other goroutine can hold
// or wait for a mutex of such an object yet.
func Unshared(k lockset.Key, at ssa.Instruction) bool {
	a, ok := k.Root.(*ssa.Alloc)
	if !ok || a.Parent() != at.Parent() {
		return false
	}
	return private(a, at, 0)
}

// private reports whether no use of the address v that can run before
// at lets it out.
func private(v ssa.Value, at ssa.Instruction, depth int) bool {
	if depth > 4 {
		return false
	}
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, use := range *refs {
		if use == at || !flow.Reaches(use, at, nil) {
			continue
		}
		switch use := use.(type) {
		case *ssa.DebugRef:
		case *ssa.FieldAddr:
			if !private(use, at, depth+1) {
				return false
			}
		case *ssa.IndexAddr:
			if use.X != v || !private(use, at, depth+1) {
				return false
			}
		case *ssa.UnOp:
			if use.Op != token.MUL {
				return false
			}
		case *ssa.Store:
			if use.Val == v {
				return false
			}
		case *ssa.Call:
			if lockset.MutexOpOf(flow.CalleeFunc(use.Common())) == lockset.NotMutexOp {
				return false
			}
		default:
			return false
		}
	}
	return true
}
