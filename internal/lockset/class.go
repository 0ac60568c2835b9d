package lockset

import (
	"go/types"
	"strconv"
	"strings"
)

// A Class names every mutex held in one struct field (of any value of
// the struct type) or at one path in a package variable: the identity
// lock-order checkers such as Linux's lockdep use, which holds across
// functions and instances.
type Class struct {
	field  *types.Var
	global string
}

// ClassOf returns the class of the mutex k names (the struct field at
// the end of its path, or the package variable path) and a name for it
// such as Store.mu.
func ClassOf(k Key) (Class, string, bool) {
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
	owner, chain := "struct", []string(nil) // the last named type, the fields after it
	for _, step := range strings.Split(k.Path, ".")[1:] {
		if step == "*" {
			p, ok := t.Underlying().(*types.Pointer)
			if !ok {
				return Class{}, "", false
			}
			t = p.Elem() // a field holding *sync.Mutex names its mutex
			continue
		}
		i, err := strconv.Atoi(step)
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
		last = s.Field(i)
		chain = append(chain, last.Name())
		t = last.Type()
	}
	if last == nil {
		return Class{}, "", false
	}
	if len(chain) > 1 && last.Embedded() && IsMutex(last.Type()) {
		chain = chain[:len(chain)-1] // Store.coalescedMu, not Store.coalescedMu.Mutex
	}
	return Class{field: last.Origin()}, owner + "." + strings.Join(chain, "."), true
}
