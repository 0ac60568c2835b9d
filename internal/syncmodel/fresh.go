package syncmodel

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
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
			if use.Val == v && !privateCell(use.Addr, v, at, depth+1) {
				return false
			}
		case *ssa.Call:
			if lockset.MutexOpOf(flow.CalleeFunc(use.Common())) == lockset.NotMutexOp {
				return false
			}
		case *ssa.Defer:
			// defer x.mu.Unlock(): a mutex operation at the exit
			// lets nothing out.
			if lockset.MutexOpOf(flow.CalleeFunc(use.Common())) == lockset.NotMutexOp {
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
func privateCell(addr ssa.Value, v ssa.Value, at ssa.Instruction, depth int) bool {
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
			if use.Op != token.MUL || !private(use, at, depth+1) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// UnsharedAt is Unshared that follows a parameter up to the calls of a
// function only the package's calls enter (a set-up helper such as a
// handshake run by the constructor): the object is private at every
// call (allocated by the caller and not let out yet, or a parameter
// private in its turn, a few calls up), the call runs it there and
// then (not in a go or defer statement), and the function lets it out
// nowhere on its way to at.
func (m *Model) UnsharedAt(k lockset.Key, at ssa.Instruction) bool {
	return Unshared(k, at) || m.privateParam(k.Root, at, 0)
}

func (m *Model) privateParam(v ssa.Value, at ssa.Instruction, depth int) bool {
	p, ok := v.(*ssa.Parameter)
	if !ok || depth > 3 || p.Parent() != at.Parent() {
		return false
	}
	if !private(p, at, 0) {
		return false
	}
	args, ok := m.argsOf(p)
	if !ok {
		return false
	}
	for _, a := range args {
		call, ok := a.Instr.(*ssa.Call)
		if !ok {
			return false // run later, by a go or defer statement
		}
		switch v := a.Value.(type) {
		case *ssa.Alloc:
			if v.Parent() != call.Parent() || !private(v, call, 0) {
				return false
			}
		default:
			if !m.privateParam(v, call, depth+1) {
				return false
			}
		}
	}
	return true
}
