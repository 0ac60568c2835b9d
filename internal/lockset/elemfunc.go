package lockset

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
)

// Calls of functions kept in a container field: a map or slice of
// callbacks (b.handlers[topic], s.onClose), called by ranging over it
// or looking one up. Which element a call runs is not known, so a lock
// the stored functions take is at most a may-lock of the call
// (Func.MayAcquires): one of the functions the package stores there,
// bound to the very value whose container it is stored in (the
// constructor's b.handlers[t] = []Handler{b.audit}), locks a mutex
// below that value, so the call x.handlers[t][i](ev) may lock it on x.
// Stores the model cannot resolve (a handler passed to an exported
// On) add nothing: they are other elements, and the resolved one is
// still there to be called.

// elemCall records, as MayAcquires, the locks a call of a function
// read out of a container field may take.
func (b *builder) elemCall(f *Func, instr ssa.CallInstruction, c *ssa.CallCommon, st *state, record bool) {
	if !record || c.IsInvoke() {
		return
	}
	fa := containerField(c.Value)
	if fa == nil {
		return
	}
	v := analysisutil.FieldOf(fa)
	if v == nil || !b.own(v) {
		return
	}
	if b.elemLocks == nil {
		b.elemLocks = map[*types.Var][]fieldLock{}
	}
	ls, ok := b.elemLocks[v]
	if !ok {
		b.elemLocks[v] = nil // a store that leads back here resolves to nothing
		ls = b.containerLocks(v)
		b.elemLocks[v] = ls
	}
	base := KeyOf(fa.X)
	name := Describe(KeyOf(fa)) + "[]"
	for _, l := range ls {
		k := base.Extend(l.path)
		if l.global != "" {
			k = Key{Global: l.global, Path: l.path}
		}
		a := acquisition(instr, k, l.mode, nil, st)
		a.Indirect, a.Inside = name, l.at
		f.MayAcquires = append(f.MayAcquires, a)
	}
}

// containerField returns the address of the container field a function
// value is an element of: through slice and map elements, lookups and
// ranges, to the load of the field.
func containerField(v ssa.Value) *ssa.FieldAddr {
	elem := false
	for range 4 {
		switch x := v.(type) {
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return nil
			}
			switch y := x.X.(type) {
			case *ssa.FieldAddr:
				if !elem {
					return nil // the field itself holds the function
				}
				return y
			case *ssa.IndexAddr:
				v, elem = y.X, true
				continue
			}
			return nil
		default:
			c, ok := analysisutil.ContainerOf(v)
			if !ok {
				return nil
			}
			v, elem = c, true
		}
	}
	return nil
}

// containerLocks returns the locks the functions the package stores
// into the container field v take on every path, relative to the value
// the container belongs to (or on a package variable).
func (b *builder) containerLocks(v *types.Var) []fieldLock {
	var out []fieldLock
	for _, fn := range b.all {
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				fa, ok := instr.(*ssa.FieldAddr)
				if !ok || analysisutil.FieldOf(fa) != v {
					continue
				}
				base := KeyOf(fa.X)
				for _, fv := range storedElems(fa) {
					for _, l := range b.funcLocks(fn, fv, base) {
						if !containsLock(out, l) {
							out = append(out, l)
						}
					}
				}
			}
		}
	}
	return out
}

// storedElems returns the function values stored into the container
// at fa: a whole container stored into the field, an element or
// container put into it, appended to it.
func storedElems(fa *ssa.FieldAddr) []ssa.Value {
	var out []ssa.Value
	var into func(addr ssa.Value, depth int)
	into = func(addr ssa.Value, depth int) {
		if depth > 3 || addr.Referrers() == nil {
			return
		}
		for _, r := range *addr.Referrers() {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr == addr {
					out = append(out, elemsOf(r.Val, 0)...)
				}
			case *ssa.UnOp:
				if r.Op != token.MUL || r.Referrers() == nil {
					continue
				}
				for _, u := range *r.Referrers() {
					switch u := u.(type) {
					case *ssa.MapUpdate:
						if u.Map == r {
							out = append(out, elemsOf(u.Value, 0)...)
						}
					case *ssa.IndexAddr:
						if u.X == r {
							into(u, depth+1)
						}
					}
				}
			}
		}
	}
	into(fa, 0)
	return out
}

// elemsOf returns the function values a value stored into a container
// holds: itself if a function, the elements of a slice or map literal,
// the values appended.
func elemsOf(v ssa.Value, depth int) []ssa.Value {
	if depth > 3 {
		return nil
	}
	switch types.Unalias(v.Type()).Underlying().(type) {
	case *types.Signature:
		return []ssa.Value{v}
	case *types.Slice:
		switch x := v.(type) {
		case *ssa.Slice:
			if a, ok := x.X.(*ssa.Alloc); ok {
				return arrayElems(a, depth)
			}
		case *ssa.Call:
			if bi, ok := x.Call.Value.(*ssa.Builtin); ok && bi.Name() == "append" {
				var out []ssa.Value
				for _, arg := range x.Call.Args[1:] {
					out = append(out, elemsOf(arg, depth+1)...)
				}
				return out
			}
		}
	case *types.Map:
		if m, ok := v.(*ssa.MakeMap); ok && m.Referrers() != nil {
			var out []ssa.Value
			for _, r := range *m.Referrers() {
				if u, ok := r.(*ssa.MapUpdate); ok && u.Map == m {
					out = append(out, elemsOf(u.Value, depth+1)...)
				}
			}
			return out
		}
	}
	return nil
}

// arrayElems returns the values stored into the elements of a, the
// array behind a slice literal.
func arrayElems(a *ssa.Alloc, depth int) []ssa.Value {
	var out []ssa.Value
	for _, r := range *a.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok || ia.Referrers() == nil {
			continue
		}
		for _, u := range *ia.Referrers() {
			if st, ok := u.(*ssa.Store); ok && st.Addr == ia {
				out = append(out, elemsOf(st.Val, depth+1)...)
			}
		}
	}
	return out
}

// funcLocks returns the locks the function value fv of fn takes on
// every path on the value base names (or on package variables), by
// their paths below it: what storedLocks resolves for a value stored
// into a field.
func (b *builder) funcLocks(fn *ssa.Function, fv ssa.Value, base Key) []fieldLock {
	sets, ok := b.storedLocks(fn, fv, base, "", b.fields(), 0)
	if !ok {
		return nil
	}
	var out []fieldLock
	for _, s := range sets {
		out = append(out, s...)
	}
	return out
}
