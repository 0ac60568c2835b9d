package lockset

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// FlagGuarded reports whether f skips instr whenever a boolean field,
// read while a mutex of class cls is held, is true: the completion flag
// of a lazy initialisation or handshake, checked again under its lock
// (if c.done { return } ... work), so the work after it runs only until
// some call has completed it. It returns the field.
func (f *Func) FlagGuarded(instr ssa.Instruction, cls Class) (*types.Var, bool) {
	for _, g := range skippingIfs(f.Fn, instr) {
		// Successor 0 is taken when the flag is true.
		if field := flagField(g.cond.Cond); field != nil && g.skips == 0 && f.holdsClass(g.cond, cls) {
			return field, true
		}
	}
	return nil, false
}

// A skippingIf is an if that dominates an instruction and one of
// whose successors, skips, cannot reach it.
type skippingIf struct {
	cond  *ssa.If
	skips int
}

// skippingIfs returns the ifs of fn on which instr depends: they
// dominate it, and one successor cannot reach it.
func skippingIfs(fn *ssa.Function, instr ssa.Instruction) []skippingIf {
	var out []skippingIf
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok || !flow.Dominates(ifi, instr) {
			continue
		}
		for i, s := range b.Succs {
			if s != instr.Block() && !flow.Reachable(s, instr.Block()) {
				out = append(out, skippingIf{ifi, i})
				break
			}
		}
	}
	return out
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

// StateGuarded returns the struct fields f reaches instr only when
// they are set: read while a mutex of class cls is held (or anywhere
// in f, if held is true: the caller holds it across the call), and
// tested against their zero value (if c.pending == nil { return },
// if p.waiters > 0 { ... }, if s.ready { ... }), instr being out of
// reach of the branch on which the field is zero. A partner that sets
// the field in the section it locks cls for has passed that section
// by the time instr runs.
func (f *Func) StateGuarded(instr ssa.Instruction, cls Class, held bool) []*types.Var {
	var out []*types.Var
	for _, g := range skippingIfs(f.Fn, instr) {
		field, zero := zeroTest(g.cond.Cond)
		if field != nil && zero == g.skips && (held || f.holdsClass(g.cond, cls)) {
			out = append(out, field)
		}
	}
	return out
}

// zeroTest returns the struct field cond tests against its zero value
// and the successor of the If (0 for true, 1 for false) taken when the
// field is zero: a boolean field, its negation, a comparison with the
// zero constant (== or !=, or > 0, 0 <).
func zeroTest(cond ssa.Value) (*types.Var, int) {
	switch c := cond.(type) {
	case *ssa.UnOp:
		if c.Op == token.NOT {
			if fv := fieldRead(c.X); fv != nil && analysisutil.IsBool(fv.Type()) {
				return fv, 0
			}
		} else if fv := fieldRead(c); fv != nil && analysisutil.IsBool(fv.Type()) {
			return fv, 1
		}
	case *ssa.BinOp:
		x, y := c.X, c.Y
		if flow.ZeroConst(x) {
			x, y = y, x
		}
		fv := fieldRead(x)
		if fv == nil || !flow.ZeroConst(y) {
			return nil, 0
		}
		switch {
		case c.Op == token.EQL:
			return fv, 0
		case c.Op == token.NEQ:
			return fv, 1
		case c.Op == token.GTR && x == c.X, c.Op == token.LSS && x == c.Y:
			return fv, 1 // x > 0, 0 < x: false when zero
		}
	}
	return nil, 0
}

// fieldRead returns the struct field v is a plain read of, or nil.
func fieldRead(v ssa.Value) *types.Var {
	if l, ok := v.(*ssa.UnOp); ok && l.Op == token.MUL {
		return analysisutil.FieldOf(l.X)
	}
	return nil
}

// SetsUnder returns the struct fields f sets (stores a value other
// than the zero constant or a decrement into) while holding a mutex of
// class cls, in the section that the acquisition a starts: after a
// direct Lock and before one of points, or anywhere in the helper a
// calls to lock (beginRequest, which locks, registers the request and
// unlocks).
func (r *Result) SetsUnder(f *Func, a Acquire, cls Class, points []ssa.Instruction) []*types.Var {
	in, from := f, a.Instr
	if a.Via != nil {
		if in = r.Funcs[a.Via]; in == nil {
			return nil
		}
		from, points = nil, nil
	}
	var out []*types.Var
	for _, b := range in.Fn.Blocks {
		for _, instr := range b.Instrs {
			st, ok := instr.(*ssa.Store)
			if !ok || !setsValue(st) || !in.holdsClass(st, cls) {
				continue
			}
			fv := analysisutil.FieldOf(st.Addr)
			if fv == nil || from != nil && !flow.Reaches(from, st, nil) {
				continue
			}
			if points != nil && !reachesOne(st, points) {
				continue
			}
			out = append(out, fv)
		}
	}
	return out
}

// setsValue reports whether st may make its location set: it stores
// neither the zero constant nor the location's value decreased.
func setsValue(st *ssa.Store) bool {
	if flow.ZeroConst(st.Val) {
		return false
	}
	b, ok := st.Val.(*ssa.BinOp)
	return !ok || b.Op != token.SUB
}

// reachesOne reports whether from reaches one of to.
func reachesOne(from ssa.Instruction, to []ssa.Instruction) bool {
	for _, t := range to {
		if flow.Reaches(from, t, nil) {
			return true
		}
	}
	return false
}
