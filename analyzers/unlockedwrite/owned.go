package unlockedwrite

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// A field that only one goroutine ever touches needs no lock, whatever
// locks happen to be held around its accesses. A connection's run loop,
// started once per connection, owns its queues and counters; the
// connection's mutex guards the siblings that its exported methods
// share with the loop, and the loop takes it when it touches those,
// sometimes in the middle of work on its own fields:
//
//	func (c *Conn) loop() {
//		c.queue = append(c.queue, f) // c's loop only
//		c.mu.Lock()
//		c.queue = c.queue[1:]        // held for c.stats, not for c.queue
//		c.stats.sent++
//		c.mu.Unlock()
//	}
//
// Those locked accesses are no evidence that the mutex guards the
// field, and its unlocked writes race with nothing.

// objAccess is one access of a field, with the object it is made on.
type objAccess struct {
	instr ssa.Instruction
	obj   ssa.Value
}

// fieldAccesses returns the accesses of the field v in the package,
// each with the value that holds its object, leaving out those made on
// an object their function allocated and has not shared yet (a
// constructor filling it in). ok is false when the object of some
// access is not a value of its own function (a field reached through
// another field, a struct held by value).
func fieldAccesses(sm *syncmodel.Model, v *types.Var) ([]objAccess, bool) {
	var out []objAccess
	for _, in := range sm.FieldAccesses(v) {
		var obj ssa.Value
		switch x := in.(type) {
		case *ssa.FieldAddr:
			obj = x.X
		case *ssa.Field:
			load, ok := x.X.(*ssa.UnOp)
			if !ok || load.Op != token.MUL {
				return nil, false
			}
			obj = load.X
		}
		if obj == nil {
			return nil, false
		}
		if chanmodel.Unshared(obj, in) {
			continue
		}
		out = append(out, objAccess{in, obj})
	}
	return out, true
}

// ownedField returns the go statement whose goroutine, started once
// per object, makes every access of the unexported field v (the
// constructor's before it starts aside).
func ownedField(pass *analysis.Pass, v *types.Var) (syncmodel.Site, bool) {
	sm, ok := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
	if !ok || v.Exported() {
		return syncmodel.Site{}, false
	}
	accs, ok := fieldAccesses(sm, v)
	if !ok || len(accs) == 0 {
		return syncmodel.Site{}, false
	}
	var owner syncmodel.Site
	for _, a := range accs {
		rs, ok := sm.Runners(a.instr.Parent(), a.obj)
		if !ok {
			return syncmodel.Site{}, false
		}
		// No runner: nothing in the package calls the function, and
		// nothing else can.
		for _, r := range rs {
			if r.Entry != nil || !r.PerObject || owner.Instr != nil && r.Go.Instr != owner.Instr {
				return syncmodel.Site{}, false
			}
			owner = r.Go
		}
	}
	return owner, owner.Instr != nil
}
