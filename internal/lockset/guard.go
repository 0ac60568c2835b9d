package lockset

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// FlagGuarded reports whether f skips instr whenever a boolean field,
// read while a mutex of class cls is held, is true: the completion flag
// of a lazy initialisation or handshake, checked again under its lock
// (if c.done { return } ... work), so the work after it runs only until
// some call has completed it. It returns the field.
func (f *Func) FlagGuarded(instr ssa.Instruction, cls Class) (*types.Var, bool) {
	for _, b := range f.Fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok || !flow.Dominates(ifi, instr) {
			continue
		}
		field := flagField(ifi.Cond)
		if field == nil || !f.holdsClass(ifi, cls) {
			continue
		}
		done := b.Succs[0] // the flag is true
		if done == instr.Block() || flow.Reachable(done, instr.Block()) {
			continue
		}
		return field, true
	}
	return nil, false
}

// holdsClass reports whether a mutex of class cls is certainly held
// just before in.
func (f *Func) holdsClass(in ssa.Instruction, cls Class) bool {
	for k := range f.HeldBefore(in) {
		if c, _, ok := ElemClassOf(k); ok && c == cls {
			return true
		}
	}
	return false
}

// flagField returns the boolean struct field v reads: a plain load of
// it, or the Load of a sync/atomic.Bool field.
func flagField(v ssa.Value) *types.Var {
	var addr ssa.Value
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return nil
		}
		addr = v.X
	case *ssa.Call:
		fn := flow.CalleeFunc(v.Common())
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "sync/atomic" || fn.Name() != "Load" {
			return nil
		}
		recv := fn.Signature().Recv()
		if recv == nil || !isNamed(recv.Type(), "Bool") || len(v.Call.Args) != 1 {
			return nil
		}
		addr = v.Call.Args[0]
	default:
		return nil
	}
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	s, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= s.NumFields() {
		return nil
	}
	field := s.Field(fa.Field)
	if b, ok := field.Type().Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
		return field
	}
	if isNamed(field.Type(), "Bool") {
		return field
	}
	return nil
}

// isNamed reports whether t, or what it points to, is the named type
// sync/atomic.name.
func isNamed(t types.Type, name string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "sync/atomic" && n.Obj().Name() == name
}
