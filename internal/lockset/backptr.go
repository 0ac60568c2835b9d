package lockset

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
)

// A back pointer is a field of the elements of a map field that points
// at the map's owner: every Replica in s.replicas has r.store == s, so
// a lock a callee takes on r.store.mu, for r read out of s.replicas, is
// a lock of s.mu. Without it, a method holding s.mu that reaches
// r.store.mu through a sibling's call chain looks like it locks some
// other Store's mutex.
//
//	store := &Store{replicas: map[int]*Replica{}}
//	r := &Replica{store: store}
//	store.replicas[k] = r
//
// The package decides it for its own fields, on every use of them
// (backPointers): the map field C and the element field F are
// unexported (or in package main), the map is only ever a fresh map
// (make or nil) stored into C and read back for lookups, range, len,
// delete and insertions; every insertion puts in a value the same
// function allocated and whose F it set to the very owner of that map;
// and F is only ever written once, in the function that allocates its
// struct. Anything else (a map passed on or shared between owners, an
// element not allocated there, F reassigned or the struct copied over)
// drops the field pair.
type backPtr struct {
	field int // F's index in the element struct
}

// backPointers returns the map fields of the package whose elements
// point back at their owner, with the index of the field that does.
func backPointers(pkg *types.Package, fns []*ssa.Function) map[*types.Var]backPtr {
	closed := func(v *types.Var) bool {
		return v != nil && v.Pkg() == pkg && (!v.Exported() || pkg.Name() == "main")
	}
	cands := map[*types.Var]map[int]bool{} // C -> F indexes every insertion agrees on
	bad := map[*types.Var]bool{}           // C or F fields that fail
	fStores := map[*ssa.Alloc]map[int]int{}
	var ops []*ssa.Value // reused: the scan visits every instruction of the package
	for _, fn := range fns {
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					if s := elemStruct(st.Val.Type()); s != nil {
						// A whole struct stored over another resets its
						// fields; none of its pointer fields is a back
						// pointer.
						for i := 0; i < s.NumFields(); i++ {
							bad[s.Field(i).Origin()] = true
						}
					}
					if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
						if a, ok := fa.X.(*ssa.Alloc); ok && a.Parent() == fn {
							if fStores[a] == nil {
								fStores[a] = map[int]int{}
							}
							fStores[a][fa.Field]++
						} else if f := analysisutil.FieldOf(fa); f != nil {
							if _, ok := types.Unalias(f.Type()).Underlying().(*types.Pointer); ok {
								bad[f] = true // a pointer field written after construction
							}
						}
					}
				}
				if fv, ok := instr.(*ssa.Field); ok {
					// The map read out of a struct value: its uses are
					// not followed.
					if st, ok := fv.X.Type().Underlying().(*types.Struct); ok && fv.Field < st.NumFields() {
						bad[st.Field(fv.Field).Origin()] = true
					}
				}
				ops = instr.Operands(ops[:0])
				for _, op := range ops {
					fa, ok := (*op).(*ssa.FieldAddr)
					if !ok {
						continue
					}
					c := analysisutil.FieldOf(fa)
					if c == nil || mapElemStruct(c.Type()) == nil {
						continue
					}
					if !closed(c) || !mapFieldUse(instr, fa, cands, c) {
						bad[c] = true
					}
				}
			}
		}
	}
	out := map[*types.Var]backPtr{}
	for c, fs := range cands {
		if bad[c] || len(fs) != 1 {
			continue
		}
		for i := range fs {
			f := mapElemStruct(c.Type()).Field(i).Origin()
			if bad[f] || !closed(f) || !onceEach(fStores, f, i) {
				continue
			}
			out[c] = backPtr{field: i}
		}
	}
	return out
}

// onceEach reports whether no allocation of the struct field f belongs
// to gets it set twice.
func onceEach(stores map[*ssa.Alloc]map[int]int, f *types.Var, i int) bool {
	for a, n := range stores {
		if n[i] > 1 && elemField(a.Type(), i) == f {
			return false
		}
	}
	return true
}

// mapFieldUse reports whether instr's use of fa, the address of the map
// field c, keeps the back pointer: a fresh map stored into it, or a
// load whose every use reads the map or inserts a value whose back
// field is fa's owner. The back fields an insertion allows are
// intersected into cands[c].
func mapFieldUse(instr ssa.Instruction, fa *ssa.FieldAddr, cands map[*types.Var]map[int]bool, c *types.Var) bool {
	switch instr := instr.(type) {
	case *ssa.DebugRef:
		return true
	case *ssa.Store:
		if instr.Addr != fa {
			return false
		}
		switch v := instr.Val.(type) {
		case *ssa.MakeMap:
			return true
		case *ssa.Const:
			return v.IsNil()
		}
		return false
	case *ssa.UnOp:
		if instr.Op.String() != "*" {
			return false
		}
		for _, u := range *instr.Referrers() {
			switch u := u.(type) {
			case *ssa.DebugRef:
			case *ssa.Range:
			case *ssa.Lookup:
				if u.X != instr {
					return false
				}
			case *ssa.MapUpdate:
				if u.Map != instr {
					return false
				}
				fs := backFields(u.Value, fa.X, u.Parent())
				if old, ok := cands[c]; ok {
					for i := range old {
						if !fs[i] {
							delete(old, i)
						}
					}
				} else {
					cands[c] = fs
				}
			case *ssa.Call:
				b, ok := u.Call.Value.(*ssa.Builtin)
				if !ok || (b.Name() != "len" && b.Name() != "delete") || u.Call.Args[0] != instr {
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	return false
}

// backFields returns the fields of v, a struct fn allocates, that fn
// sets to owner.
func backFields(v, owner ssa.Value, fn *ssa.Function) map[int]bool {
	out := map[int]bool{}
	a, ok := v.(*ssa.Alloc)
	if !ok || a.Parent() != fn || a.Referrers() == nil {
		return out
	}
	for _, u := range *a.Referrers() {
		fa, ok := u.(*ssa.FieldAddr)
		if !ok || fa.Referrers() == nil {
			continue
		}
		for _, w := range *fa.Referrers() {
			if st, ok := w.(*ssa.Store); ok && st.Addr == fa && st.Val == owner {
				out[fa.Field] = true
			}
		}
	}
	return out
}

// mapElemStruct returns the struct a map type's elements point to.
func mapElemStruct(t types.Type) *types.Struct {
	m, ok := types.Unalias(t).Underlying().(*types.Map)
	if !ok {
		return nil
	}
	return analysisutil.PointedStruct(m.Elem())
}

// elemStruct returns t's struct type when t is a named struct (a whole
// value stored).
func elemStruct(t types.Type) *types.Struct {
	if _, ok := types.Unalias(t).(*types.Named); !ok {
		return nil
	}
	s, _ := t.Underlying().(*types.Struct)
	return s
}

// elemField returns field i of the struct t points to.
func elemField(t types.Type, i int) *types.Var {
	s := analysisutil.PointedStruct(t)
	if s == nil || i >= s.NumFields() {
		return nil
	}
	return s.Field(i).Origin()
}

// owner rewrites k, a key a callee's summary gave, when its root is an
// element read out of a map field with a back pointer and its path
// starts through that pointer: the element's owner is the map's owner.
func (b *builder) owner(k Key) Key {
	if k.Root == nil {
		return k
	}
	fa := mapRead(k.Root)
	if fa == nil {
		return k
	}
	bp, ok := b.backPtrs()[analysisutil.FieldOf(fa)]
	if !ok {
		return k
	}
	through := accesspath.FieldStep(bp.field) + accesspath.Load
	if !strings.HasPrefix(k.Path, through) {
		return k
	}
	return KeyOf(fa.X).Extend(k.Path[len(through):])
}

// mapRead returns the map field's address when v is an element read
// from it: a range's value or a lookup.
func mapRead(v ssa.Value) *ssa.FieldAddr {
	m, ok := analysisutil.ContainerOf(v)
	if !ok || !analysisutil.IsMap(m.Type()) {
		return nil
	}
	if u, ok := m.(*ssa.UnOp); ok && u.Op.String() == "*" {
		fa, _ := u.X.(*ssa.FieldAddr)
		return fa
	}
	return nil
}
