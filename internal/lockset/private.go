package lockset

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// Private reports whether no use of the address v that can run before
// at lets it out: v's own fields are read, written and locked, the
// variable a function literal captures it in is only loaded, and every
// call, go or defer statement it is passed to, callOK accepts. Set-up before sharing: no
// other goroutine can reach the object yet.
func Private(v ssa.Value, at ssa.Instruction, callOK func(ssa.CallInstruction) bool) bool {
	return private(v, at, callOK, 0)
}

// private reports whether no use of the address v that can run before
// at lets it out.
func private(v ssa.Value, at ssa.Instruction, callOK func(ssa.CallInstruction) bool, depth int) bool {
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
			if !private(use, at, callOK, depth+1) {
				return false
			}
		case *ssa.IndexAddr:
			if use.X != v || !private(use, at, callOK, depth+1) {
				return false
			}
		case *ssa.UnOp:
			if use.Op != token.MUL {
				return false
			}
		case *ssa.Store:
			if use.Val == v && !privateCell(use.Addr, v, at, callOK, depth+1) {
				return false
			}
		case ssa.CallInstruction:
			// A call, go or defer statement: callOK judges (defer
			// x.mu.Unlock(), a mutex operation at the exit, lets
			// nothing out).
			if !callOK(use) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// privateCell reports whether addr is the variable v lives in because
// a function literal captures it (c := &T{}; ...; go func() { c.x }()),
// assigned v only, and whether every load of it that can run before at
// is private in its turn and nothing captures it before at.
func privateCell(addr ssa.Value, v ssa.Value, at ssa.Instruction, callOK func(ssa.CallInstruction) bool, depth int) bool {
	cell, ok := addr.(*ssa.Alloc)
	if !ok || depth > 4 || accesspath.StoredOnce(cell) != v {
		return false
	}
	for _, use := range *cell.Referrers() {
		if use == at || !flow.Reaches(use, at, nil) {
			continue
		}
		switch use := use.(type) {
		case *ssa.DebugRef, *ssa.Store:
		case *ssa.UnOp:
			if use.Op != token.MUL || !private(use, at, callOK, depth+1) {
				return false
			}
		default:
			return false
		}
	}
	return true
}
