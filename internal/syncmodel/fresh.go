package syncmodel

import (
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
	return private(a, at)
}

// private reports whether no use of the address v that can run before
// at lets it out, calls of mutex methods aside.
func private(v ssa.Value, at ssa.Instruction) bool {
	return lockset.Private(v, at, func(c ssa.CallInstruction) bool {
		_, isGo := c.(*ssa.Go)
		return !isGo && lockset.MutexOpOf(flow.CalleeFunc(c.Common())) != lockset.NotMutexOp
	})
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
	if !private(p, at) {
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
			if v.Parent() != call.Parent() || !private(v, call) {
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
