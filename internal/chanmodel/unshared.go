package chanmodel

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// Unshared reports whether the object obj points to, and every channel
// stored in its fields, is still private to the goroutine running at
// when at runs: obj is a fresh allocation of at's own function; along
// every path from the allocation to at the object has only had its
// fields set or read; a channel field was set only to a fresh make; and
// a channel read from a field was only sent on, received from or
// closed. No call, store, closure or go statement has handed either on,
// so no other goroutine can hold them, and nothing done at `at` can race
// or block with another goroutine.
//
// A test that builds a bare struct literal and closes one of its
// channels before calling a method is the common case: the goroutines
// that would use the channel in production are never started for that
// object. An allocation inside a loop makes a new object per
// iteration, so what an earlier iteration did with its own object does
// not count.
func Unshared(obj ssa.Value, at ssa.Instruction) bool {
	alloc, ok := obj.(*ssa.Alloc)
	if !ok || alloc.Parent() != at.Parent() || at.Block() == nil {
		return false
	}
	w := &escWalker{local: true}
	if !w.object(alloc, 0) {
		return false
	}
	for _, h := range w.handOffs {
		// A path from h to at that runs alloc again reaches a new
		// object.
		if flow.Reaches(h, at, func(in ssa.Instruction) bool { return in == alloc }) {
			return false
		}
	}
	return true
}

// object collects the hand-offs of v, the object or the address of one
// of its fields, and of the channels loaded from its fields. It
// reports false when a use cannot be placed (it is not an instruction
// of a block).
func (w *escWalker) object(v ssa.Value, depth int) bool {
	refs := v.Referrers()
	if refs == nil || depth > 4 {
		return refs == nil
	}
	for _, r := range *refs {
		if r.Block() == nil {
			return false
		}
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.FieldAddr:
			if !w.object(r, depth+1) {
				return false
			}
		case *ssa.Store:
			if r.Val == v {
				w.handOffs = append(w.handOffs, r)
			} else if IsChan(r.Val.Type()) && !freshChan(r.Val) {
				return false // a channel others may already hold
			}
		case *ssa.UnOp:
			switch _, isField := v.(*ssa.FieldAddr); {
			case r.Op != token.MUL || !isField:
				// A copy of the whole struct carries its fields'
				// pointers, channels and maps with it.
				w.handOffs = append(w.handOffs, r)
			case IsChan(r.Type()):
				for _, u := range *r.Referrers() {
					w.use(r, u, ChanID{})
				}
			}
		default:
			w.handOffs = append(w.handOffs, r)
		}
	}
	return true
}

// IsChan reports whether t is a channel type (of any direction).
func IsChan(t types.Type) bool {
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// freshChan reports whether v is a make(chan) used only where it is
// stored.
func freshChan(v ssa.Value) bool {
	mk, ok := v.(*ssa.MakeChan)
	if !ok {
		return false
	}
	for _, r := range *mk.Referrers() {
		if _, ok := r.(*ssa.Store); !ok {
			if _, ok := r.(*ssa.DebugRef); !ok {
				return false
			}
		}
	}
	return true
}
