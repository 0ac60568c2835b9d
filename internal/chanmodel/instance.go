package chanmodel

import (
	"go/token"
	"go/types"

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

// OtherObjects reports whether a of fa and b of fb, operations on one
// channel field, surely act on two different channels: each acts on an
// object made anew by one of a few known allocations (allocations),
// no allocation of one is one of the other's (two evaluations, neither
// the constructor call that returns the other's object), and no two
// objects of the type can share a channel (ownChannels). Two tests
// that each build a mock with newMockReader() and use its readChan
// never meet on one channel, though the model names both readChan; nor
// does a helper method that one test calls on its mock meet the mock
// of another test.
func (m *Model) OtherObjects(fa *Func, a *Op, fb *Func, b *Op) bool {
	if a.Chan.Kind != KindField || a.Chan != b.Chan {
		return false
	}
	as, bs := m.allocations(fa, a, 0), m.allocations(fb, b, 0)
	if as == nil || bs == nil {
		return false
	}
	for _, va := range as {
		for _, vb := range bs {
			if va == vb || returnedBy(va, vb) || returnedBy(vb, va) {
				return false
			}
		}
	}
	return m.ownChannels(a.Chan.Field)
}

// allocations returns the values that make the object whose field op,
// of f, acts on, when each is one allocation (analysisutil.FreshThrough:
// &T{...}, a constructor's result, through constructorDepth calls); nil
// when some is not known. For op's Base itself, that is the Base; for
// a parameter of a function whose every call the package holds, what
// those calls pass (a test's helper method on the mock it built);
// through a call that names no Base in f's terms, the allocations of
// the callee's views of op (a helper that makes the object, starts its
// sender and returns it).
func (m *Model) allocations(f *Func, op *Op, depth int) []ssa.Value {
	if op.Base != nil {
		return m.valueAllocations(op.Base, 0)
	}
	if op.Direct() || depth > 4 {
		return nil
	}
	cf := m.Func(flow.Body(op.Via))
	var out []ssa.Value
	for _, in := range m.Inner(f, op) {
		vs := m.allocations(cf, in, depth+1)
		if vs == nil {
			return nil
		}
		out = append(out, vs...)
	}
	return out
}

// valueAllocations is allocations for a value v of its function (a
// variable a function literal captures is read from its cell: the one
// value the function stores there).
func (m *Model) valueAllocations(v ssa.Value, depth int) []ssa.Value {
	if depth > 3 {
		return nil
	}
	if l, ok := v.(*ssa.UnOp); ok && l.Op == token.MUL {
		if cell, ok := l.X.(*ssa.Alloc); ok {
			if stored := accesspath.StoredOnce(cell); stored != nil {
				return m.valueAllocations(stored, depth+1)
			}
		}
		return nil
	}
	if accesspath.Object(v) != v {
		return nil
	}
	if analysisutil.FreshThrough(v, constructorDepth) {
		return []ssa.Value{v}
	}
	p, ok := v.(*ssa.Parameter)
	if !ok {
		return nil
	}
	fn := p.Parent()
	i := flow.ParamIndex(fn, p)
	sites, ok := m.staticCalls(fn)
	if !ok || len(sites) == 0 || i < 0 {
		return nil
	}
	var out []ssa.Value
	for _, c := range sites {
		if i >= len(c.Call.Args) {
			return nil
		}
		vs := m.valueAllocations(c.Call.Args[i], depth+1)
		if vs == nil {
			return nil
		}
		out = append(out, vs...)
	}
	return out
}

// staticCalls returns the calls of fn, when they are all its calls
// (Model.closed) and no go or defer statement runs it: then the
// arguments of those calls are all its parameters can hold.
func (m *Model) staticCalls(fn *ssa.Function) ([]*ssa.Call, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.closed(fn) || m.index().goOrDefer[fn] {
		return nil, false
	}
	return m.index().callers[fn], true
}

// constructorDepth is how many nested constructor calls allocation
// follows to an allocation.
const constructorDepth = 2

// returnedBy reports whether v, a constructor's call, may return the
// object that alloc makes: alloc lies in the constructor (or a
// function literal of it), or in a constructor whose call it returns.
func returnedBy(v, alloc ssa.Value) bool {
	return returnedWithin(v, alloc, constructorDepth)
}

func returnedWithin(v, alloc ssa.Value, depth int) bool {
	c, ok := v.(*ssa.Call)
	if !ok || depth == 0 {
		return false
	}
	callee := c.Call.StaticCallee()
	if callee == nil {
		return false
	}
	callee = flow.Body(callee)
	for fn := alloc.Parent(); fn != nil; fn = fn.Parent() {
		if fn == callee || flow.Body(fn) == callee {
			return true
		}
	}
	for _, b := range callee.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			for _, r := range ret.Results {
				if returnedWithin(r, alloc, depth-1) {
					return true
				}
			}
		}
	}
	return false
}

// ownChannels reports whether every object of the struct type holding
// the field f has a channel of its own there: every store into the
// field stores a make(chan), and the package never copies a whole
// value of the struct (which would copy the channel along).
func (m *Model) ownChannels(f *types.Var) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	tn := m.b.fieldType[f]
	if tn == nil {
		return false
	}
	x := m.index()
	for _, u := range x.fieldUses[f] {
		fa, ok := u.(*ssa.FieldAddr)
		if !ok || fa.Referrers() == nil {
			continue
		}
		for _, r := range *fa.Referrers() {
			if s, ok := r.(*ssa.Store); ok && s.Addr == fa {
				if _, made := flow.Unconverted(s.Val).(*ssa.MakeChan); !made {
					return false
				}
			}
		}
	}
	return !x.copiedStructs()[tn]
}

// copiedStructs returns the named struct types whose whole values the
// package loads or stores (*p read as a value, a struct value stored
// through a pointer).
func (x *escapeIndex) copiedStructs() map[*types.TypeName]bool {
	if x.copied != nil {
		return x.copied
	}
	x.copied = make(map[*types.TypeName]bool)
	mark := func(t types.Type) {
		if n, ok := types.Unalias(t).(*types.Named); ok {
			if _, ok := n.Underlying().(*types.Struct); ok {
				x.copied[n.Origin().Obj()] = true
			}
		}
	}
	for _, fn := range x.funcs {
		for _, blk := range fn.Blocks {
			for _, in := range blk.Instrs {
				switch in := in.(type) {
				case *ssa.UnOp:
					if in.Op == token.MUL {
						mark(in.Type())
					}
				case *ssa.Store:
					mark(in.Val.Type())
				}
			}
		}
	}
	return x.copied
}
