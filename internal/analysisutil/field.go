package analysisutil

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// FieldOf returns the struct field whose address addr is (addr a
// *ssa.FieldAddr), as its generic origin, or nil for any other value
// or when addr's operand is not a pointer to a struct.
//
// The origin makes a field of an instantiated type (holder[int].f)
// the same object as the field the generic code of its methods
// selects (holder[T].f), so an index keyed by it sees both.
func FieldOf(addr ssa.Value) *types.Var {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	return field(PointedStruct(fa.X.Type()), fa.Field)
}

// FieldValueOf returns the struct field that v, a *ssa.Field (x.f of
// a struct value), selects, as its generic origin, or nil for any
// other value.
func FieldValueOf(v ssa.Value) *types.Var {
	f, ok := v.(*ssa.Field)
	if !ok {
		return nil
	}
	st, _ := f.X.Type().Underlying().(*types.Struct)
	return field(st, f.Field)
}

// field returns the origin of field i of st, or nil.
func field(st *types.Struct, i int) *types.Var {
	if st == nil || i >= st.NumFields() {
		return nil
	}
	return st.Field(i).Origin()
}

// IsCondL reports whether fa is the address of the L field of a
// sync.Cond: the Locker its Wait unlocks and locks again. The Cond
// may be reached through a pointer of a defined type, or embedded.
func IsCondL(fa *ssa.FieldAddr) bool {
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	return ok && IsNamed(ptr.Elem(), "sync", "Cond") && FieldOf(fa).Name() == "L"
}
