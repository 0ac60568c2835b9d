package syncmodel

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// A Role is what the program knows, at one point, of the role fields
// of an object: for each field, the constants it can hold there. A
// role field tells apart objects of one type that the program keeps in
// different parts (a connection's kind: client, route, gateway, leaf):
// it is set when the object is built and never written once it is
// shared, so an object that was a gateway when the program checked
// is a gateway still.
type Role map[*types.Var]map[string]bool

// Apart reports whether a and b rule out one object: some role field
// holds a value in one that it cannot hold in the other.
func Apart(a, b Role) bool {
	for f, va := range a {
		vb, ok := b[f]
		if !ok {
			continue
		}
		shared := false
		for v := range va {
			if vb[v] {
				shared = true
				break
			}
		}
		if !shared {
			return true
		}
	}
	return false
}

// RoleOf returns what the program knows at at of the role fields of
// the struct v points to:
//
//   - a branch that dominates at and compares a role field of v with
//     a constant (switch c.kind { case LEAF: ... }) fixes the field;
//   - a parameter of a function only the package's calls enter has the
//     role its arguments have at every call (up to a few calls up);
//   - an element of a map held in a struct field (for _, c := range
//     g.in) has one of the roles of the values the package stores in
//     that field's maps, when those are its only writes.
//
// Anything else, or a role the program does not fix on every way in,
// is unknown: the field is missing from the result.
func (m *Model) RoleOf(v ssa.Value, at ssa.Instruction) Role {
	return m.roleOf(v, at, map[ssa.Value]bool{}, 0)
}

func (m *Model) roleOf(v ssa.Value, at ssa.Instruction, seen map[ssa.Value]bool, depth int) Role {
	r := m.branchRole(v, at)
	if depth > 6 || seen[v] {
		return r
	}
	seen[v] = true
	defer delete(seen, v)
	var from Role
	switch v := v.(type) {
	case *ssa.Parameter:
		from = m.paramRole(v, seen, depth)
	case *ssa.Extract, *ssa.Lookup:
		// A value of a map: a range's or a lookup's.
		if c, ok := analysisutil.ContainerOf(v); ok {
			from = m.containerRole(c, seen, depth)
		}
	}
	return meet(r, from)
}

// meet returns what both a and b say: a field either fixes is fixed,
// to the values both allow.
func meet(a, b Role) Role {
	if len(b) == 0 {
		return a
	}
	out := Role{}
	for f, va := range a {
		out[f] = va
	}
	for f, vb := range b {
		va, ok := out[f]
		if !ok {
			out[f] = vb
			continue
		}
		both := map[string]bool{}
		for v := range va {
			if vb[v] {
				both[v] = true
			}
		}
		out[f] = both
	}
	return out
}

// join returns what holds on either of two ways in: only the fields
// both fix, to the values either allows. A nil a is no way in yet.
func join(a, b Role) Role {
	if a == nil {
		return b
	}
	out := Role{}
	for f, va := range a {
		vb, ok := b[f]
		if !ok {
			continue
		}
		either := map[string]bool{}
		for v := range va {
			either[v] = true
		}
		for v := range vb {
			either[v] = true
		}
		out[f] = either
	}
	return out
}

// branchRole returns the role fields of v that the guards of at
// (flow.Guards: branches on a comparison with a constant, on the side
// where they are equal) fix.
func (m *Model) branchRole(v ssa.Value, at ssa.Instruction) Role {
	r := Role{}
	if at.Parent() == nil || at.Block() == nil {
		return r
	}
	for _, g := range flow.Guards(at.Block()) {
		field := m.roleFieldOf(g.X, v)
		if field == nil {
			continue
		}
		val := g.K.Value.ExactString()
		if old, ok := r[field]; ok && !old[val] {
			r[field] = map[string]bool{} // two checks that cannot both hold
			continue
		}
		r[field] = map[string]bool{val: true}
	}
	return r
}

// roleFieldOf returns the role field x loads from the object v points
// to, or nil.
func (m *Model) roleFieldOf(x, v ssa.Value) *types.Var {
	load, ok := x.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok || fa.X != v {
		return nil
	}
	f := analysisutil.FieldOf(fa)
	if f == nil || !m.isRoleField(f) {
		return nil
	}
	return f
}

// isRoleField reports whether f is a field of a basic type that the
// package writes only into objects it is building: a composite literal
// or new value not yet shared (see Unshared). Writes in _test.go files
// do not count: a test that sets a fake connection's kind before it
// parses a line runs no server code concurrently with it.
func (m *Model) isRoleField(f *types.Var) bool {
	m.roleMu.Lock()
	defer m.roleMu.Unlock()
	if v, ok := m.roleFields[f]; ok {
		return v
	}
	ok := true
	if _, basic := f.Type().Underlying().(*types.Basic); !basic || f.Pkg() != m.pkg {
		ok = false
	}
	for _, in := range m.FieldAccesses(f) {
		if !ok {
			break
		}
		fa, isAddr := in.(*ssa.FieldAddr)
		if !isAddr {
			continue
		}
		for _, use := range *fa.Referrers() {
			switch use := use.(type) {
			case *ssa.UnOp, *ssa.DebugRef:
			case *ssa.Store:
				if use.Val == fa {
					ok = false
				} else if a, isAlloc := fa.X.(*ssa.Alloc); !(isAlloc && private(a, use)) && !flow.InTestFile(use.Parent()) {
					ok = false
				}
			default:
				ok = false // its address escapes
			}
		}
	}
	m.roleFields[f] = ok
	return ok
}

// paramRole returns the role a parameter has at every call of its
// function, when only the package's calls enter it.
func (m *Model) paramRole(p *ssa.Parameter, seen map[ssa.Value]bool, depth int) Role {
	args, ok := m.argsOf(p)
	if !ok {
		return nil
	}
	var out Role
	for _, a := range args {
		r := m.roleOf(a.Value, a.Instr, seen, depth+1)
		if len(r) == 0 {
			return nil
		}
		out = join(out, r)
	}
	return out
}

// A callArg is what one call passes for a parameter.
type callArg struct {
	Value ssa.Value
	Instr ssa.Instruction // the call, go or defer statement
}

// argsOf returns what every call of p's function passes for p, when
// only the package's calls enter it and each passes its arguments
// (not a table, Once.Do or WaitGroup.Go call).
func (m *Model) argsOf(p *ssa.Parameter) ([]callArg, bool) {
	fn := p.Parent()
	i := flow.ParamIndex(fn, p)
	sites := m.callers[fn]
	if i < 0 || len(sites) == 0 || !m.EnteredOnlyByCalls(fn) {
		return nil, false
	}
	args := make([]callArg, 0, len(sites))
	for _, s := range sites {
		com, ok := callOf(s.Instr)
		if !ok || flow.Callee(com) != fn || len(s.Args) != len(fn.Params) {
			return nil, false
		}
		args = append(args, callArg{s.Args[i], s.Instr})
	}
	return args, true
}

func callOf(in ssa.Instruction) (*ssa.CallCommon, bool) {
	switch in := in.(type) {
	case *ssa.Call:
		return in.Common(), true
	case *ssa.Go:
		return in.Common(), true
	case *ssa.Defer:
		return in.Common(), true
	}
	return nil, false
}

// containerRole returns the role of the values in the map x, loaded
// from a struct field: what the values the package puts in that
// field's maps have in common, when map updates are the only way in.
func (m *Model) containerRole(x ssa.Value, seen map[ssa.Value]bool, depth int) Role {
	load, ok := x.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	f := analysisutil.FieldOf(load.X)
	if f == nil {
		return nil
	}
	if _, isMap := f.Type().Underlying().(*types.Map); !isMap {
		return nil
	}
	var out Role
	add := func(r Role) bool {
		if len(r) == 0 {
			return false
		}
		out = join(out, r)
		return true
	}
	for _, in := range m.FieldAccesses(f) {
		fa, isAddr := in.(*ssa.FieldAddr)
		if !isAddr {
			return nil // a copy of the struct: its map goes unwatched
		}
		for _, use := range *fa.Referrers() {
			switch use := use.(type) {
			case *ssa.DebugRef:
			case *ssa.Store:
				if use.Val == fa || !emptyMap(use.Val) {
					return nil
				}
			case *ssa.UnOp:
				for _, mu := range *use.Referrers() {
					switch mu := mu.(type) {
					case *ssa.MapUpdate:
						if mu.Map != use || !add(m.roleOf(mu.Value, mu, seen, depth+1)) {
							return nil
						}
					case *ssa.Call:
						if !readsOnly(mu.Common(), use) {
							return nil
						}
					case *ssa.Range, *ssa.Lookup, *ssa.DebugRef:
					default:
						return nil // the map flows on: a copy's updates go unwatched
					}
				}
			default:
				return nil
			}
		}
	}
	return out
}

// emptyMap reports whether v is a map made empty on the spot, with
// nothing put in it but by the field's own updates.
func emptyMap(v ssa.Value) bool {
	mk, ok := v.(*ssa.MakeMap)
	if !ok {
		return false
	}
	for _, use := range *mk.Referrers() {
		if _, ok := use.(*ssa.Store); !ok {
			return false
		}
	}
	return true
}

// readsOnly reports whether the call com only reads the map mp: the
// builtins len and delete, or a function of the package whose
// parameter only ranges over and looks up the map.
func readsOnly(com *ssa.CallCommon, mp ssa.Value) bool {
	if b, ok := com.Value.(*ssa.Builtin); ok {
		return b.Name() == "len" || b.Name() == "delete"
	}
	fn := flow.Callee(com)
	if fn == nil || len(fn.Params) != len(com.Args) || len(fn.Blocks) == 0 {
		return false
	}
	for i, a := range com.Args {
		if a != mp {
			continue
		}
		for _, use := range *fn.Params[i].Referrers() {
			switch use := use.(type) {
			case *ssa.Range, *ssa.Lookup, *ssa.DebugRef:
			case *ssa.Call:
				if b, ok := use.Common().Value.(*ssa.Builtin); !ok || b.Name() != "len" {
					return false
				}
			default:
				return false
			}
		}
	}
	return true
}
