package syncmodel

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
)

// A method that the package uses as a value only to store it, bound to
// an object, into a field or table of that same object runs where that
// field is called: a connection whose run loop dispatches through
// c.onAck = c.handleAck or c.table[t] = c.handleData runs its handlers
// in the loop, and code outside the package cannot reach an
// unexported field to call them anywhere else.
//
//	func New() *Conn {
//		c := &Conn{}
//		c.table[frameData] = c.handleData
//		go c.loop()                    // loop calls c.table[f.typ](f)
//		return c
//	}
//	func (c *Conn) handleData(f frame) { c.seq++ } // runs in c's loop

// A slotCall is a call, in caller, of a function loaded from a field of
// obj, a value of caller.
type slotCall struct {
	caller *ssa.Function
	obj    ssa.Value
}

// MethodValues returns the method values made of the method fn (c.fn)
// that are not only called where they are made.
func (m *Model) MethodValues(fn *ssa.Function) []*ssa.MakeClosure {
	return m.entryIdx().bound[fn]
}

// slotCalls returns the calls that run fn, an unexported method, other
// than the package's direct calls: when every value made of fn is a
// method value stored into an unexported field (a func field, an array,
// slice or map of them) of the object it binds, and every read of
// those fields is only called or compared with nil, those calls, each
// running fn on the object whose field it read. ok is false otherwise.
func (m *Model) slotCalls(fn *ssa.Function) (calls []slotCall, ok bool) {
	x := m.entryIdx()
	if fn.Signature.Recv() == nil || isEntry(fn) || x.plainValue[fn] || x.invoked[fn.Name()] || len(x.bound[fn]) == 0 {
		return nil, false
	}
	if obj := fn.Object(); obj == nil || obj.Exported() {
		return nil, false
	}
	var slots []*types.Var
	for _, mc := range x.bound[fn] {
		for _, r := range *mc.Referrers() {
			v := storedSlot(r, mc)
			if v == nil || v.Exported() {
				return nil, false
			}
			if !slices.Contains(slots, v) {
				slots = append(slots, v)
			}
		}
	}
	for _, v := range slots {
		for _, in := range x.fields[v] {
			fa, ok := in.(*ssa.FieldAddr)
			if !ok {
				return nil, false
			}
			called, ok := slotUses(fa, 0)
			if !ok {
				return nil, false
			}
			if called {
				calls = append(calls, slotCall{fa.Parent(), fa.X})
			}
		}
	}
	return calls, true
}

// storedSlot returns the field of the object mc binds that the
// instruction r, a referrer of the method value mc, stores it into
// (c.f = mc, c.table[i] = mc, c.handlers[k] = mc), or nil.
func storedSlot(r ssa.Instruction, mc *ssa.MakeClosure) *types.Var {
	var base ssa.Value
	switch r := r.(type) {
	case *ssa.Store:
		if r.Val != mc {
			return nil
		}
		base = r.Addr
		if ia, ok := base.(*ssa.IndexAddr); ok {
			base = loaded(ia.X)
		}
	case *ssa.MapUpdate:
		if r.Value != mc || r.Key == mc {
			return nil
		}
		base = loaded(r.Map)
	case *ssa.DebugRef:
		return nil
	default:
		return nil
	}
	fa, ok := base.(*ssa.FieldAddr)
	if !ok || len(mc.Bindings) != 1 || fa.X != mc.Bindings[0] {
		return nil
	}
	return analysisutil.FieldOf(fa)
}

// loaded returns the address v is loaded from, or v itself.
func loaded(v ssa.Value) ssa.Value {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		return u.X
	}
	return v
}

// slotUses follows v, the address of a field holding functions, or a
// value read from it, to its uses: stores into it, calls of the
// functions it holds (called is then true), comparisons with nil and
// len. ok is false for any other use: the function escapes.
func slotUses(v ssa.Value, depth int) (called, ok bool) {
	if depth > 4 {
		return false, false
	}
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Val == v {
				return false, false
			}
		case *ssa.MapUpdate:
			if r.Map != v {
				return false, false
			}
		case *ssa.DebugRef:
		case *ssa.Call:
			c := r.Common()
			if c.Value == v && !c.IsInvoke() && !isArg(c, v) {
				called = true
				continue
			}
			if b, isBuiltin := c.Value.(*ssa.Builtin); isBuiltin && (b.Name() == "len" || b.Name() == "cap") {
				continue
			}
			return false, false
		case *ssa.Defer:
			if c := r.Common(); c.Value != v || isArg(c, v) {
				return false, false
			}
			called = true
		case *ssa.BinOp:
			if r.Op != token.EQL && r.Op != token.NEQ || !analysisutil.IsNilConst(r.X) && !analysisutil.IsNilConst(r.Y) {
				return false, false
			}
		case *ssa.UnOp, *ssa.IndexAddr, *ssa.Index, *ssa.Lookup, *ssa.Extract:
			if x, isTuple := r.(*ssa.Extract); isTuple && x.Index != 0 {
				continue // the comma-ok of a lookup
			}
			if u, isUnOp := r.(*ssa.UnOp); isUnOp && u.Op != token.MUL {
				return false, false
			}
			c, ok := slotUses(r.(ssa.Value), depth+1)
			if !ok {
				return false, false
			}
			called = called || c
		default:
			return false, false
		}
	}
	return called, true
}

func isArg(c *ssa.CallCommon, v ssa.Value) bool {
	for _, a := range c.Args {
		if a == v {
			return true
		}
	}
	return false
}
