package lockset

import (
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
)

// A Class names every mutex held in one struct field (of any value of
// the struct type) or at one path in a package variable: the identity
// lock-order checkers such as Linux's lockdep use, which holds across
// functions and instances.
type Class struct {
	field  *types.Var
	global string
	// elem is set for the mutexes in the elements of the field (a map
	// or slice of per-key mutexes): see ElemClassOf.
	elem bool
}

// ClassOf returns the class of the mutex k names (the struct field at
// the end of its path, or the package variable path) and a name for it
// such as Store.mu.
func ClassOf(k Key) (Class, string, bool) { return classOf(k, false) }

// ElemClassOf is ClassOf that also names the mutexes reached through
// elements of arrays, slices and maps: a field's per-key mutexes
// (Cache.locks[] for the *sync.Mutex values of a map field), or a
// mutex field of a struct kept in a slice (Shard.mu).
func ElemClassOf(k Key) (Class, string, bool) { return classOf(k, true) }

func classOf(k Key, elems bool) (Class, string, bool) {
	if k.Global != "" {
		name := Describe(k)
		if i := strings.IndexByte(name, '.'); i >= 0 && k.Path == "" {
			name = name[i+1:] // the variable, without its package
		}
		return Class{global: k.Global + k.Path}, name, true
	}
	if k.Root == nil || k.Path == "" {
		return Class{}, "", false
	}
	t := k.Root.Type()
	var last *types.Var
	elem := false                           // an element step since the last field
	owner, chain := "struct", []string(nil) // the last named type, the fields after it
	for path := k.Path; path != ""; {
		switch {
		case strings.HasPrefix(path, accesspath.Load):
			path = path[len(accesspath.Load):]
			p, ok := t.Underlying().(*types.Pointer)
			if !ok {
				return Class{}, "", false
			}
			t = p.Elem() // a field holding *sync.Mutex names its mutex
			continue
		case strings.HasPrefix(path, accesspath.Elem):
			path = path[len(accesspath.Elem):]
			if !elems || last == nil {
				return Class{}, "", false
			}
			u := t.Underlying()
			if p, ok := u.(*types.Pointer); ok {
				u = p.Elem().Underlying()
			}
			switch u := u.(type) {
			case *types.Map:
				t = u.Elem()
			case *types.Slice:
				t = u.Elem()
			case *types.Array:
				t = u.Elem()
			default:
				return Class{}, "", false
			}
			elem = true
			continue
		}
		if path[0] != '.' {
			return Class{}, "", false
		}
		end := len(path)
		for i := 1; i < len(path); i++ {
			if path[i] == '.' || path[i] == '[' {
				end = i
				break
			}
		}
		i, err := strconv.Atoi(path[1:end])
		path = path[end:]
		if err != nil {
			return Class{}, "", false
		}
		st := t
		if p, ok := st.Underlying().(*types.Pointer); ok {
			st = p.Elem()
		}
		s, ok := st.Underlying().(*types.Struct)
		if !ok || i >= s.NumFields() {
			return Class{}, "", false
		}
		if n, ok := types.Unalias(st).(*types.Named); ok {
			owner, chain = n.Obj().Name(), nil
		}
		last, elem = s.Field(i), false
		chain = append(chain, last.Name())
		t = last.Type()
	}
	if last == nil {
		return Class{}, "", false
	}
	if len(chain) > 1 && last.Embedded() && IsMutex(last.Type()) {
		chain = chain[:len(chain)-1] // Store.coalescedMu, not Store.coalescedMu.Mutex
	}
	name := owner + "." + strings.Join(chain, ".")
	if elem {
		name += "[]"
	}
	return Class{field: last.Origin(), elem: elem}, name, true
}

// Exclusive reports whether every lock of the class excludes every
// other: its mutexes are sync.Mutex values, which have no read mode.
func (c Class) Exclusive() bool {
	if c.field == nil || c.elem {
		return false
	}
	t := types.Unalias(c.field.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "sync" && n.Obj().Name() == "Mutex"
}

// HeldClasses returns the classes of the mutexes certainly held just
// before instr in f: held by f itself, or, when every caller holds
// some mutex at entry (EntryLocked), by every static caller at its
// call, up to depth callers up. False if one of them has no class
// (a mutex in a local variable) or a caller cannot be seen.
func (r *Result) HeldClasses(f *Func, instr ssa.Instruction, depth int) ([]Class, bool) {
	var out []Class
	for k := range f.HeldBefore(instr) {
		c, _, ok := ElemClassOf(k)
		if !ok {
			return nil, false
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	if !f.EntryLocked {
		return out, true
	}
	if depth == 0 {
		return nil, false
	}
	sites := r.CallSites(f.Fn)
	var common []Class
	for i, s := range sites {
		cf := r.Funcs[s.Parent()]
		if _, started := s.(*ssa.Go); started || cf == nil {
			return nil, false
		}
		cs, ok := r.HeldClasses(cf, s, depth-1)
		if !ok {
			return nil, false
		}
		if i == 0 {
			common = cs
			continue
		}
		common = slices.DeleteFunc(common, func(c Class) bool { return !slices.Contains(cs, c) })
	}
	if len(sites) == 0 {
		return nil, false
	}
	for _, c := range common {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out, true
}
