package chanmodel

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// Contained reports whether the object that alloc makes can be used
// only where the model of alloc's function sees it: alloc's function
// and the functions of the package it hands the object to (as an
// argument of a static call, go or defer statement, or a free variable
// of a closure that is only called or started), recursively, use it
// only to read or write its fields, take the address of an embedded
// struct field (followed the same way), compare it, or hand it on the
// same way. Nothing stores it, converts it to an interface, returns it,
// copies the whole struct or passes it to another package: so every
// operation on one of its channel fields is among the operations of
// alloc's function (Func.Ops), with the object as (the root of) their
// Base. A channel loaded from a field may still be handed on: ask
// Escapes for the field.
func (m *Model) Contained(alloc *ssa.Alloc) bool {
	w := containWalk{m: m, seen: make(map[ssa.Value]bool)}
	return w.walk(alloc, 0)
}

// A containWalk follows the uses of an object's pointer. It walks the
// same referrers as Escapes's escWalker (escape.go), through captured
// variables' cells, closures' free variables and static calls'
// parameters, but it answers another question with other rules, so
// the two stay two walks rather than one with a parameter:
//
//   - it follows a struct object, to be sure that every operation on
//     its channel fields is one of alloc's function's own: it accepts
//     field addresses and comparisons, and rejects a conversion, a
//     phi, a return or a store of the pointer anywhere but a cell,
//     which escWalker follows or judges;
//   - a closure that captures it must be only called, and a callee
//     only one the model summarizes in full: the object's operations
//     must all be in the model's summary of alloc's function, while
//     escWalker asks only whether unseen code can reach the channel
//     (a closure handed on runs code the model sees, unless what it
//     captures is a parameter's channel: see onlyCalled).
//
// syncmodel's Contained (addrContained, object.go) follows a sync
// object's pointer through the same referrers, but "seen" means there
// the package's model, not one function's summary: a callee need only
// be the package's, a closure may be handed on (every literal of the
// package is modelled), and a sync method called on the object is an
// event, not a use. So it is a third walk; all three step into a
// closure through flow.Captures.
type containWalk struct {
	m    *Model
	seen map[ssa.Value]bool
}

func (w *containWalk) walk(v ssa.Value, depth int) bool {
	if w.seen[v] {
		return true
	}
	w.seen[v] = true
	if depth > 6 {
		return false
	}
	refs := v.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.FieldAddr:
			if isStruct(r.Type()) && !w.walk(r, depth+1) {
				return false
			}
		case *ssa.BinOp:
			// A comparison (p == nil, p == q).
		case *ssa.Store:
			// A local variable that a closure captures lives in a
			// cell: followed when v is all it ever holds.
			cell, ok := r.Addr.(*ssa.Alloc)
			if !ok || r.Val != v || !w.cell(cell, v, depth+1) {
				return false
			}
		case *ssa.MakeClosure:
			fn, ok := r.Fn.(*ssa.Function)
			if !ok || !onlyCalled(r) || w.m.Func(fn) == nil || w.m.Func(fn).Truncated {
				return false
			}
			for fv := range flow.Captures(r, v) {
				if !w.walk(fv, depth+1) {
					return false
				}
			}
		case ssa.CallInstruction:
			c := r.Common()
			callee := c.StaticCallee()
			if c.Value == v || callee == nil || w.m.Func(callee) == nil || w.m.Func(callee).Truncated {
				return false
			}
			for i, a := range c.Args {
				if a == v && (i >= len(callee.Params) || !w.walk(callee.Params[i], depth+1)) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// cell follows the loads of a captured variable's cell (in its function
// and, through free variables, in the closures that capture it) when
// every store into it stores v.
func (w *containWalk) cell(addr ssa.Value, v ssa.Value, depth int) bool {
	if w.seen[addr] {
		return true
	}
	w.seen[addr] = true
	if depth > 6 {
		return false
	}
	for _, r := range *addr.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			if r.Addr != addr || r.Val != v {
				return false
			}
		case *ssa.UnOp:
			if !w.walk(r, depth+1) {
				return false
			}
		case *ssa.MakeClosure:
			fn, ok := r.Fn.(*ssa.Function)
			if !ok || !onlyCalled(r) || w.m.Func(fn) == nil {
				return false
			}
			for fv := range flow.Captures(r, addr) {
				if !w.cell(fv, v, depth+1) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// isStruct reports whether t is a pointer to a struct: the address of
// a struct field, whose own fields are the object's too.
func isStruct(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = p.Elem().Underlying().(*types.Struct)
	return ok
}

// RootOf returns the allocation a field operation's Base is part of,
// through the addresses of embedded struct fields, the bindings of
// closures' free variables and captured variables (canon), and the path of field indices from it; nil
// when the Base has no such root.
func (m *Model) RootOf(base ssa.Value) (*ssa.Alloc, []int) {
	var path []int
	m.mu.Lock()
	defer m.mu.Unlock()
	for range 16 {
		switch v := m.b.canon(base).(type) {
		case *ssa.Alloc:
			for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
				path[i], path[j] = path[j], path[i]
			}
			return v, path
		case *ssa.FieldAddr:
			path = append(path, v.Field)
			base = v.X
		case *ssa.FreeVar:
			b := m.b.closures.Bound(v)
			if b == nil {
				return nil, nil
			}
			base = b
		default:
			return nil, nil
		}
	}
	return nil, nil
}
