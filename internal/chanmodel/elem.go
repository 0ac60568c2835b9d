package chanmodel

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// Channels kept in a slice field. A fan-out keeps one channel per
// worker or per command in a field (r.chans []chan bool), fills it
// with channels it makes, and ranges over it to send on or receive from
// each. KindElem names the elements of such a field, for every
// instance, the way KindField names the field: an operation on
// r.chans[i] is an operation on one of them. Two operations on the
// elements are not known to be on the same channel (SameChan is false),
// but the model knows every operation on any of them when the slice
// itself stays in the package: Escapes follows the field's slices only
// through indexing, len, cap and an append of fresh channels stored
// back into the field, and the channels read out of it like any other.
// PerElement says when a loop pairs its operations with the elements
// one by one.

// elemField returns the slice field f whose element a addresses:
// a = &x.f[i], x.f read from the field (through a pointer or a value),
// f a slice of channels.
func (b *builder) elemField(a *ssa.IndexAddr) *types.Var {
	s, ok := a.X.Type().Underlying().(*types.Slice)
	if !ok {
		return nil
	}
	if _, ok := s.Elem().Underlying().(*types.Chan); !ok {
		return nil
	}
	switch x := a.X.(type) {
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
			return b.fieldVar(fa.X.Type(), fa.Field)
		}
	case *ssa.Field:
		return b.fieldVar(x.X.Type(), x.Field)
	}
	return nil
}

// elems is field for the elements of a slice field: the field's own
// (unexported, or of package main, of a type of the package), stored
// only nil, a fresh slice or an append of fresh channels to itself, and
// its slices only indexed (each element read as a channel the walk
// follows, or stored a fresh one), measured, or appended to and stored
// back.
func (w *escWalker) elems(id ChanID) bool {
	return w.fieldUses(id.Field,
		func(u *ssa.Field) bool { return w.slice(u, id) },
		func(u *ssa.FieldAddr) bool { return w.elemsAddr(u, id) })
}

// elemsAddr follows the address of the elements' field: loads of the
// slice, followed as slices, and stores of a fresh slice only.
func (w *escWalker) elemsAddr(a *ssa.FieldAddr, id ChanID) bool {
	if a.Referrers() == nil {
		return false
	}
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if r.Op != token.MUL || w.slice(r, id) {
				return true
			}
		case *ssa.Store:
			if r.Addr != a || !w.m.freshSlice(r.Val, id.Field) {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// slice follows a slice read out of the elements' field.
func (w *escWalker) slice(s ssa.Value, id ChanID) bool {
	refs := s.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.IndexAddr:
			if r.X != s || r.Referrers() == nil {
				continue
			}
			for _, u := range *r.Referrers() {
				switch u := u.(type) {
				case *ssa.DebugRef:
				case *ssa.UnOp:
					if u.Op != token.MUL || w.value(u, id) {
						return true
					}
				case *ssa.Store:
					if u.Addr != r || !nilOrFresh(u.Val) {
						return true
					}
				default:
					return true
				}
			}
		case *ssa.Call:
			bi, ok := r.Call.Value.(*ssa.Builtin)
			if !ok {
				return true
			}
			switch bi.Name() {
			case "len", "cap":
			case "append":
				// The store of the result is the field's, checked there.
				if r.Call.Args[0] != s || !storedInto(r, id.Field, w.m) {
					return true
				}
			default:
				return true
			}
		default:
			return true
		}
	}
	return false
}

// storedInto reports whether v is only stored into the field f.
func storedInto(v ssa.Value, f *types.Var, m *Model) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			fa, ok := r.Addr.(*ssa.FieldAddr)
			if !ok || r.Val != v || m.b.fieldVar(fa.X.Type(), fa.Field) != f {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// freshSlice reports whether v, stored into the slice field f, holds no
// channel from elsewhere: nil, a slice just made (its elements nil or
// fresh; any stored later are checked where the field is read), or an
// append to the field's own slice of channels just made (fresh
// elements).
func (m *Model) freshSlice(v ssa.Value, f *types.Var) bool {
	switch v := v.(type) {
	case *ssa.Const:
		return v.IsNil()
	case *ssa.MakeSlice:
		return storedInto(v, f, m)
	case *ssa.Slice:
		// make([]chan T, 0, 2) allocates an array and slices it.
		_, ok := m.freshElems(v)
		return ok && storedInto(v, f, m)
	case *ssa.Call:
		bi, ok := v.Call.Value.(*ssa.Builtin)
		if !ok || bi.Name() != "append" || len(v.Call.Args) != 2 {
			return false
		}
		if _, ok := m.freshElems(v.Call.Args[1]); !ok {
			return false
		}
		switch x := v.Call.Args[0].(type) {
		case *ssa.Const:
			return x.IsNil()
		case *ssa.UnOp:
			fa, ok := x.X.(*ssa.FieldAddr)
			return ok && x.Op == token.MUL && m.b.fieldVar(fa.X.Type(), fa.Field) == f
		}
	}
	return false
}

// freshElems returns the channels of the variadic slice s of an append
// (append(x, make(chan T), make(chan T))): an array allocated for the
// call whose elements are only stored, each a channel just made.
func (m *Model) freshElems(s ssa.Value) ([]*ssa.MakeChan, bool) {
	sl, ok := s.(*ssa.Slice)
	if !ok {
		return nil, false
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok || arr.Referrers() == nil {
		return nil, false
	}
	var out []*ssa.MakeChan
	for _, r := range *arr.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Slice:
			if r != sl {
				return nil, false
			}
		case *ssa.IndexAddr:
			if r.Referrers() == nil {
				continue
			}
			for _, u := range *r.Referrers() {
				st, ok := u.(*ssa.Store)
				if !ok || st.Addr != r || !nilOrFresh(st.Val) {
					return nil, false
				}
				if mc, ok := st.Val.(*ssa.MakeChan); ok {
					out = append(out, mc)
				}
			}
		default:
			return nil, false
		}
	}
	return out, true
}

// nilOrFresh reports whether v, stored into an element, is nil or a
// channel just made for it (freshChan).
func nilOrFresh(v ssa.Value) bool {
	if c, ok := v.(*ssa.Const); ok {
		return c.IsNil()
	}
	return freshChan(v)
}

// elemMakes lists the make(chan T) sites of the channels stored into
// the elements of the slice field id.Field: those appended to it and
// those stored into an element of a slice read out of it.
func (m *Model) elemMakes(id ChanID) []*ssa.MakeChan {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []*ssa.MakeChan
	addStores := func(ia *ssa.IndexAddr) {
		if ia.Referrers() == nil {
			return
		}
		for _, u := range *ia.Referrers() {
			if st, ok := u.(*ssa.Store); ok && st.Addr == ia {
				if mc, ok := st.Val.(*ssa.MakeChan); ok {
					out = append(out, mc)
				}
			}
		}
	}
	slices := func(s ssa.Value) {
		if s.Referrers() == nil {
			return
		}
		for _, r := range *s.Referrers() {
			if ia, ok := r.(*ssa.IndexAddr); ok && ia.X == s {
				addStores(ia)
			}
		}
	}
	for _, u := range m.index().fieldUses[id.Field] {
		switch u := u.(type) {
		case *ssa.Field:
			slices(u)
		case *ssa.FieldAddr:
			if u.Referrers() == nil {
				continue
			}
			for _, r := range *u.Referrers() {
				switch r := r.(type) {
				case *ssa.UnOp:
					slices(r)
				case *ssa.Store:
					if c, ok := r.Val.(*ssa.Call); ok && len(c.Call.Args) == 2 {
						if mcs, ok := m.freshElems(c.Call.Args[1]); ok {
							out = append(out, mcs...)
						}
					}
				}
			}
		}
	}
	return out
}

// PerElement reports whether the direct operation op, on the elements
// of a slice field, acts on a new element on each iteration of its
// innermost loop, and at most once per iteration, and returns the
// slice the loop runs over: the channel is
// x.f[i] for the counter i of a loop over that very slice value x.f
// (for _, ch := range r.chans, or for i := 0; i < len(r.chans); i++),
// and no loop nested inside that one holds the operation. A run of
// the loop then operates once on each element it reaches, in order.
func PerElement(op *Op) (ssa.Value, bool) {
	if op.Chan.Kind != KindElem || !op.Direct() {
		return nil, false
	}
	var ch ssa.Value
	switch in := op.Instr.(type) {
	case *ssa.Send:
		ch = in.Chan
	case *ssa.UnOp:
		ch = in.X
	case *ssa.Select:
		for _, st := range in.States {
			if st.Pos == op.origPos {
				ch = st.Chan
			}
		}
	}
	ld, ok := ch.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return nil, false
	}
	ia, ok := ld.X.(*ssa.IndexAddr)
	if !ok {
		return nil, false
	}
	h, s, ok := flow.CounterOf(ia.Index)
	if !ok || !sameSlice(ia.X, s) {
		return nil, false
	}
	b := op.Instr.Block()
	if !flow.LoopOf(h)[b] || !h.Succs[0].Dominates(b) || flow.InnerLoop(h, b) {
		return nil, false
	}
	return s, true
}

// sameSlice reports whether a and b are the same slice of channels:
// one value, or two reads of one field from one struct pointer in a
// function that stores nothing into that field (for i := range r.chans
// { <-r.chans[i] } reads r.chans twice).
func sameSlice(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	la, ok1 := a.(*ssa.UnOp)
	lb, ok2 := b.(*ssa.UnOp)
	if !ok1 || !ok2 || la.Op != token.MUL || lb.Op != token.MUL {
		return false
	}
	fa, ok1 := la.X.(*ssa.FieldAddr)
	fb, ok2 := lb.X.(*ssa.FieldAddr)
	if !ok1 || !ok2 || fa.X != fb.X || fa.Field != fb.Field {
		return false
	}
	for _, blk := range la.Parent().Blocks {
		for _, in := range blk.Instrs {
			if st, ok := in.(*ssa.Store); ok {
				if x, ok := st.Addr.(*ssa.FieldAddr); ok && x.Field == fa.Field && types.Identical(x.X.Type(), fa.X.Type()) {
					return false
				}
			}
		}
	}
	return true
}
