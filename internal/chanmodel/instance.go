package chanmodel

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// An Instance says which object, of those whose field a KindField
// channel is, an operation acts on, as far as its function can tell.
// A ChanID names a field of every object of its struct type; two
// operations on it act on one channel only if they reach one object.
type Instance uint8

const (
	// InstanceUnknown: the base is not known, or is a value the
	// model does not follow (a phi of several objects, an element
	// of a map or slice).
	InstanceUnknown Instance = iota
	// InstanceOuter: an object the function was handed or found (a
	// parameter, a captured variable, a global, a field of one, or a
	// call result that is not made anew by the call): code outside
	// the function can hold it too.
	InstanceOuter
	// InstanceHanded: an object each run of the function makes anew
	// and hands to its caller: returns it, alone or inside a value it
	// returns, or stores it where an outer object holds it (a
	// constructor that starts the component's goroutines and returns
	// it).
	InstanceHanded
	// InstanceLocal: an object each run makes anew and does not hand
	// to its caller: code outside the function cannot name it, except
	// through the calls it was passed to, which the model does not
	// follow. Another function that closes a field of "an object of
	// the type" cannot be shown to close this one's.
	InstanceLocal
)

// InstanceOf classifies base, an Op's Base in the terms of the
// function the Op belongs to.
func InstanceOf(base ssa.Value) Instance {
	if base == nil {
		return InstanceUnknown
	}
	root := accesspath.Object(base)
	switch x := root.(type) {
	case *ssa.Parameter, *ssa.FreeVar, *ssa.Global:
		return InstanceOuter
	case *ssa.Alloc:
		if !x.Heap {
			// A local struct variable whose field holds the object:
			// the object itself is what was stored there.
			return storedInstance(x)
		}
	case *ssa.Call:
	default:
		return InstanceUnknown
	}
	if !analysisutil.Fresh(root) {
		if _, ok := root.(*ssa.Call); ok {
			return InstanceOuter
		}
		return InstanceUnknown
	}
	if handedOut(root, 0) {
		return InstanceHanded
	}
	return InstanceLocal
}

// storedInstance classifies the objects stored into the fields of a,
// a struct variable of its function (x := T{inner: p}; x.inner.ch):
// one kind for all of them, else unknown.
func storedInstance(a *ssa.Alloc) Instance {
	in := InstanceUnknown
	refs := a.Referrers()
	if refs == nil {
		return in
	}
	for _, r := range *refs {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		for _, fr := range *fa.Referrers() {
			st, ok := fr.(*ssa.Store)
			if !ok || st.Addr != fa {
				continue
			}
			k := InstanceOf(st.Val)
			if in != InstanceUnknown && k != in {
				return InstanceUnknown
			}
			in = k
		}
	}
	return in
}

// handedOut reports whether v, an object a function makes, reaches its
// caller: it is returned, or stored into an object the caller can
// reach (a parameter's, a global's, or one returned), directly or
// inside a struct value or interface.
func handedOut(v ssa.Value, depth int) bool {
	refs := v.Referrers()
	if refs == nil || depth > 4 {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Return:
			return true
		case *ssa.MakeInterface, *ssa.ChangeType, *ssa.ChangeInterface:
			if handedOut(r.(ssa.Value), depth+1) {
				return true
			}
		case *ssa.UnOp:
			// A struct variable loaded as a value (return T{p}).
			if r.Op == token.MUL && handedOut(r, depth+1) {
				return true
			}
		case *ssa.Store:
			if r.Val != v {
				continue
			}
			switch root := accesspath.Object(r.Addr).(type) {
			case *ssa.Parameter, *ssa.FreeVar, *ssa.Global:
				return true
			case *ssa.Alloc, *ssa.Call:
				if root != v && handedOut(root, depth+1) {
					return true
				}
			}
		}
	}
	return false
}

// InstanceIn classifies the object whose channel field op, an
// operation of f, acts on, in the terms of the outermost function
// that names it: f's own when op.Base is known there, else, for an
// operation through a call or go statement, the callee's views of it
// (Inner), the least known of them. A field load that a callee makes
// from its receiver (p.queue.tasks in poll, started by go p.poll())
// has no value in the starter's terms; the poll's view names it.
func (m *Model) InstanceIn(f *Func, op *Op) Instance {
	return m.instanceIn(f, op, 0)
}

func (m *Model) instanceIn(f *Func, op *Op, depth int) Instance {
	if op.Base != nil {
		return InstanceOf(op.Base)
	}
	if op.Direct() || depth > 6 {
		return InstanceUnknown
	}
	cf := m.Func(flow.Body(op.Via))
	inner := m.Inner(f, op)
	if cf == nil || len(inner) == 0 {
		return InstanceUnknown
	}
	in := InstanceOuter
	for _, ic := range inner {
		switch k := m.instanceIn(cf, ic, depth+1); k {
		case InstanceUnknown, InstanceLocal:
			return k
		case InstanceHanded:
			// Handed to the callee's caller: in f's terms, a value
			// the call returned, which the model does not follow.
			in = InstanceHanded
		}
	}
	return in
}
