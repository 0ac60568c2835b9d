package analysisutil

import (
	"go/token"
	"go/types"
	"sync"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// FieldInvariants answers, for the struct types a package declares,
// which pointer-like fields are never nil once a value of the type has
// been built: every allocation of the type in the package stores a
// non-nil value into the field before the constructor returns, and
// every later store into it is of a non-nil value too. A branch taken
// only when such a field is nil is dead, and the analyzers that judge
// paths (lockset, chanmodel) leave it out, so that a Lock or a send
// that can never run is not reported.
//
// Only unexported fields of the package's own types qualify (another
// package could assign an exported field), and only of types the
// package allocates itself: a type without a constructor is used from
// its zero value. A value made outside the
// package without its constructor (new(pkg.T) of an exported type) is
// taken as misuse, as the type's methods would fail on it anyway.
type FieldInvariants struct {
	pkg      *types.Package
	fns      []*ssa.Function
	tested   map[*types.Var]bool
	neverNil map[*types.Var]bool
	// dead memoizes Dead per function; deadMu guards it, as the
	// lock-set model that owns the invariants is queried by several
	// analyzers, which a driver may run at once.
	deadMu  sync.Mutex
	dead    map[*ssa.Function]map[*ssa.BasicBlock]bool
	returns map[*ssa.Function]bool // callees whose results are being judged (recursion)
}

// NewFieldInvariants scans fns, the package's source functions
// (function literals are followed), for the fields tested against nil
// and decides for each whether it can be nil.
func NewFieldInvariants(pkg *types.Package, fns []*ssa.Function) *FieldInvariants {
	inv := &FieldInvariants{pkg: pkg, tested: map[*types.Var]bool{}, dead: map[*ssa.Function]map[*ssa.BasicBlock]bool{}, returns: map[*ssa.Function]bool{}}
	// Package variables are built in the package initializer.
	inv.fns = flow.WithClosures(fns)
	for _, fn := range inv.fns {
		for _, b := range fn.Blocks {
			if v, _, ok := inv.nilTest(b); ok {
				inv.tested[v] = true
			}
		}
	}
	if len(inv.tested) > 0 {
		inv.decide()
	}
	return inv
}

// NeverNil reports whether the field v is never nil after construction.
func (inv *FieldInvariants) NeverNil(v *types.Var) bool {
	return inv != nil && inv.neverNil[v]
}

// DeadEdge reports whether the edge from b to b.Succs[i] is taken only
// when a never-nil field is nil.
func (inv *FieldInvariants) DeadEdge(b *ssa.BasicBlock, i int) bool {
	if inv == nil || len(inv.neverNil) == 0 {
		return false
	}
	v, eq, ok := inv.nilTest(b)
	if !ok || !inv.neverNil[v] {
		return false
	}
	// x.f == nil: the true edge is dead; x.f != nil: the false edge.
	return eq && i == 0 || !eq && i == 1
}

// Dead reports whether block b can be reached only through dead edges.
func (inv *FieldInvariants) Dead(b *ssa.BasicBlock) bool {
	if inv == nil || len(inv.neverNil) == 0 || b == nil {
		return false
	}
	fn := b.Parent()
	inv.deadMu.Lock()
	defer inv.deadMu.Unlock()
	d, ok := inv.dead[fn]
	if !ok {
		d = inv.deadBlocks(fn)
		inv.dead[fn] = d
	}
	return d[b]
}

func (inv *FieldInvariants) deadBlocks(fn *ssa.Function) map[*ssa.BasicBlock]bool {
	if len(fn.Blocks) == 0 {
		return nil
	}
	roots := []*ssa.BasicBlock{fn.Blocks[0]}
	if fn.Recover != nil {
		roots = append(roots, fn.Recover)
	}
	live := flow.Search{Next: func(b *ssa.BasicBlock) []*ssa.BasicBlock {
		var out []*ssa.BasicBlock
		for i, s := range b.Succs {
			if !inv.DeadEdge(b, i) {
				out = append(out, s)
			}
		}
		return out
	}}.Reach(roots...)
	for _, r := range roots {
		live[r] = true
	}
	var dead map[*ssa.BasicBlock]bool
	for _, b := range fn.Blocks {
		if !live[b] {
			if dead == nil {
				dead = map[*ssa.BasicBlock]bool{}
			}
			dead[b] = true
		}
	}
	return dead
}

// nilTest recognises a block ending in if x.f == nil (eq) or
// if x.f != nil, for a field f of a struct of the package.
func (inv *FieldInvariants) nilTest(b *ssa.BasicBlock) (*types.Var, bool, bool) {
	if len(b.Instrs) == 0 {
		return nil, false, false
	}
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return nil, false, false
	}
	cmp, ok := ifi.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
		return nil, false, false
	}
	x := cmp.X
	if c, ok := x.(*ssa.Const); ok && c.IsNil() {
		x = cmp.Y
	} else if c, ok := cmp.Y.(*ssa.Const); !ok || !c.IsNil() {
		return nil, false, false
	}
	v := loadedField(x)
	if v == nil || v.Pkg() != inv.pkg || v.Exported() {
		return nil, false, false
	}
	return v, cmp.Op == token.EQL, true
}

// loadedField returns the field whose value x is (a load of x.f, or
// x.f of a struct value), or nil.
func loadedField(x ssa.Value) *types.Var {
	switch x := x.(type) {
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return nil
		}
		return FieldOf(x.X)
	case *ssa.Field:
		return FieldValueOf(x)
	}
	return nil
}

// PointedStruct returns the struct type that t, a pointer, points to,
// or nil.
func PointedStruct(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		st, _ := p.Elem().Underlying().(*types.Struct)
		return st
	}
	return nil
}

// ownNamed returns the named struct type of the package that t is, or
// nil.
func (inv *FieldInvariants) ownNamed(t types.Type) *types.Named {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != inv.pkg {
		return nil
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	return n.Origin()
}

// decide settles neverNil for the tested fields. A field fails when a
// store into it may be of nil, when its address is taken other than to
// load or store it, when an allocation of its struct does not store it
// before every return, or when a value of the struct can come into
// being without an allocation the package's code makes (a zero value,
// an element of a slice or array, a field of another struct, a
// package variable).
func (inv *FieldInvariants) decide() {
	bad := map[*types.Var]bool{}
	badType := map[*types.Named]bool{}
	// The fields tested, grouped by their struct type.
	fieldsOf := map[*types.Named][]int{}
	for _, fn := range inv.fns {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				switch in := in.(type) {
				case *ssa.FieldAddr:
					v := FieldOf(in)
					if v == nil || !inv.tested[v] {
						continue
					}
					if n := inv.ownNamed(pointerElem(in.X.Type())); n != nil {
						if !contains(fieldsOf[n], in.Field) {
							fieldsOf[n] = append(fieldsOf[n], in.Field)
						}
					}
					for _, r := range *in.Referrers() {
						switch r := r.(type) {
						case *ssa.UnOp:
							if r.Op != token.MUL {
								bad[v] = true
							}
						case *ssa.Store:
							if r.Addr != in || !inv.nonNil(r.Val, r.Block(), 0) {
								bad[v] = true
							}
						case *ssa.DebugRef:
						default:
							bad[v] = true // the address escapes: written elsewhere
						}
					}
				}
			}
		}
	}
	if len(fieldsOf) == 0 {
		// No tested field is one of the package's struct fields
		// reached through a pointer: none is never nil, and where
		// values come from is not asked.
		inv.neverNil = map[*types.Var]bool{}
		return
	}
	// Where values of the types come from. A type the package never
	// allocates has no constructor: its zero value is how it is used.
	built := map[*types.Named]bool{}
	var rands []*ssa.Value // one buffer: every instruction of the package is scanned
	for _, fn := range inv.fns {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				v, ok := in.(ssa.Value)
				if !ok {
					continue
				}
				if n := inv.ownNamed(pointerElem(v.Type())); n != nil && fieldsOf[n] != nil {
					switch v := v.(type) {
					case *ssa.Alloc:
						built[n] = true
						for _, i := range fieldsOf[n] {
							if !storedBeforeReturn(v, i) {
								badType[n] = true
							}
						}
					case *ssa.IndexAddr, *ssa.FieldAddr:
						badType[n] = true
					}
				}
				rands = in.Operands(rands[:0])
				for _, r := range rands {
					if r == nil || *r == nil {
						continue
					}
					switch r := (*r).(type) {
					case *ssa.Const:
						if n := inv.ownNamed(r.Type()); n != nil {
							badType[n] = true
						}
					case *ssa.Global:
						if n := inv.ownNamed(pointerElem(r.Type())); n != nil {
							badType[n] = true
						}
					}
				}
			}
		}
	}
	inv.neverNil = map[*types.Var]bool{}
	for n, idx := range fieldsOf {
		if badType[n] || !built[n] {
			continue
		}
		st := n.Underlying().(*types.Struct)
		for _, i := range idx {
			if v := st.Field(i).Origin(); !bad[v] {
				inv.neverNil[v] = true
			}
		}
	}
}

func contains(s []int, x int) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

func pointerElem(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return nil
}

// storedBeforeReturn reports whether the allocation a has its field i
// stored (the store itself is judged with the other stores) on every
// path from the allocation to a return: the constructor sets it
// (a composite literal stores in the allocation's own block).
func storedBeforeReturn(a *ssa.Alloc, i int) bool {
	for _, r := range *a.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.Field != i {
			continue
		}
		for _, u := range *fa.Referrers() {
			if s, ok := u.(*ssa.Store); ok && s.Addr == fa && flow.DominatesReturnsFrom(s.Block(), a.Block()) {
				return true
			}
		}
	}
	return false
}

// nonNil reports whether v, stored in block at, is certainly not nil.
func (inv *FieldInvariants) nonNil(v ssa.Value, at *ssa.BasicBlock, depth int) bool {
	if depth > 6 {
		return false
	}
	switch x := v.(type) {
	case *ssa.MakeChan, *ssa.MakeMap, *ssa.MakeClosure, *ssa.Function, *ssa.Alloc, *ssa.MakeSlice, *ssa.MakeInterface:
		return true
	case *ssa.ChangeType:
		return inv.nonNil(x.X, at, depth+1)
	case *ssa.Phi:
		for i, e := range x.Edges {
			p := x.Block().Preds[i]
			if !inv.nonNil(e, p, depth+1) && !flow.NonNilEdge(p, x.Block(), e) {
				return false
			}
		}
		return true
	case *ssa.Call:
		callee := x.Call.StaticCallee()
		if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg != inv.pkg || callee.Blocks == nil || inv.returns[callee] {
			return false
		}
		if _, ok := x.Type().(*types.Tuple); ok {
			return false
		}
		inv.returns[callee] = true
		defer delete(inv.returns, callee)
		n := 0
		for _, b := range callee.Blocks {
			if len(b.Instrs) == 0 {
				continue
			}
			if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
				n++
				if len(r.Results) != 1 || !inv.nonNil(r.Results[0], b, depth+1) {
					return false
				}
			}
		}
		return n > 0
	}
	// Any other value: non-nil if a test on the way here says so.
	return flow.TestedNonNil(v, at)
}
