package flow

import (
	"go/token"
	"iter"

	"golang.org/x/tools/go/ssa"
)

// ParamIndex returns the index of v among fn's parameters, or -1 when
// v is not one of them.
func ParamIndex(fn *ssa.Function, v ssa.Value) int {
	for i, p := range fn.Params {
		if p == v {
			return i
		}
	}
	return -1
}

// Unconverted strips off v the conversions that keep the identity of
// a channel or function value: ChangeType (a channel to a send- or
// receive-only one, a function literal to a named function type, to or
// from a named type) and Convert (to or from a type parameter's type).
// Meant for channels and functions: on numbers Convert changes the
// value. The chain ends, as an operand is defined before its use.
func Unconverted(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		default:
			return v
		}
	}
}

// Captures returns the free variables of the closure mc's function
// that mc binds to v: where v, a captured variable's cell or a value,
// goes on inside the literal. Each walk that follows a value into the
// closures that capture it steps through here; what it then asks of
// the free variable is its own.
func Captures(mc *ssa.MakeClosure, v ssa.Value) iter.Seq[*ssa.FreeVar] {
	return func(yield func(*ssa.FreeVar) bool) {
		fn, ok := mc.Fn.(*ssa.Function)
		if !ok {
			return
		}
		for i, b := range mc.Bindings {
			if b == v && i < len(fn.FreeVars) && !yield(fn.FreeVars[i]) {
				return
			}
		}
	}
}

// Replaced reports whether the value the load l took from a struct
// field (or a package variable) is no longer the field's at the
// instruction at: l's function stores another value into the same
// field of the same object after l, and no path leads from l to at
// around that store. A swap that takes a map or channel out and leaves
// nil or a fresh one behind:
//
//	pending := s.pending // l
//	s.pending = nil
//	pending[k] = v       // at: the taken map, not s.pending's
func Replaced(l *ssa.UnOp, at ssa.Instruction) bool {
	if l.Op != token.MUL || !Dominates(l, at) {
		return false
	}
	var stores []*ssa.Store
	switch addr := l.X.(type) {
	case *ssa.FieldAddr:
		for _, r := range referrers(addr.X) {
			if other, ok := r.(*ssa.FieldAddr); ok && other.Field == addr.Field {
				stores = append(stores, storesTo(other)...)
			}
		}
	case *ssa.Global:
		stores = storesTo(addr)
	}
	for _, st := range stores {
		if st.Val != ssa.Value(l) && Dominates(l, st) && !Reaches(l, at, func(in ssa.Instruction) bool { return in == st }) {
			return true
		}
	}
	return false
}

func referrers(v ssa.Value) []ssa.Instruction {
	if refs := v.Referrers(); refs != nil {
		return *refs
	}
	return nil
}

// storesTo returns the stores whose address is addr.
func storesTo(addr ssa.Value) []*ssa.Store {
	var out []*ssa.Store
	for _, r := range referrers(addr) {
		if st, ok := r.(*ssa.Store); ok && st.Addr == addr {
			out = append(out, st)
		}
	}
	return out
}
