package analysisutil

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Hidden returns the named types of pkg whose methods only the package
// itself can call, each through a static call it can see: an
// unexported type that no exported function, method, variable or
// field of the package lets out (as a parameter, result or element),
// that no struct of the package embeds (its methods would be promoted
// to the outer type), and that none of fns turns into an interface
// value or hands to a generic function as a type argument (a dynamic
// call could then come from anywhere). An exported method of such a
// type (Unmarshal on an unexported tracker) has only the callers the
// package shows.
func Hidden(pkg *types.Package, fns []*ssa.Function) map[*types.TypeName]bool {
	hidden := make(map[*types.TypeName]bool)
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.Exported() && !tn.IsAlias() {
			if _, ok := tn.Type().(*types.Named); ok {
				hidden[tn] = true
			}
		}
	}
	if len(hidden) == 0 {
		return hidden
	}
	out := func(t types.Type) {
		mentioned(t, hidden, make(map[types.Type]bool))
	}
	var named []*types.TypeName
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if obj.Exported() {
			out(obj.Type())
		}
		tn, ok := obj.(*types.TypeName)
		if !ok {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		named = append(named, tn)
		if st, ok := n.Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				if f := st.Field(i); f.Embedded() {
					delete(hidden, typeNameOf(f.Type()))
				}
			}
		}
	}
	for _, fn := range fns {
		for _, t := range fn.TypeArgs() {
			out(t)
		}
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				switch in := in.(type) {
				case *ssa.MakeInterface:
					out(in.X.Type())
				case ssa.CallInstruction:
					if callee := in.Common().StaticCallee(); callee != nil {
						for _, t := range callee.TypeArgs() {
							out(t)
						}
					}
				}
			}
		}
	}
	// A type let out lets out what its exported methods and fields
	// mention, until nothing changes.
	for done := make(map[*types.TypeName]bool); ; {
		before := len(hidden)
		for _, tn := range named {
			if hidden[tn] || done[tn] {
				continue
			}
			done[tn] = true
			n := tn.Type().(*types.Named)
			for i := range n.NumMethods() {
				if m := n.Method(i); m.Exported() {
					out(m.Type())
				}
			}
			if st, ok := n.Underlying().(*types.Struct); ok {
				for i := range st.NumFields() {
					if f := st.Field(i); f.Exported() {
						out(f.Type())
					}
				}
			}
		}
		if len(hidden) == before {
			break
		}
	}
	return hidden
}

// typeNameOf returns the type name of t or of what t points to.
func typeNameOf(t types.Type) *types.TypeName {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}

// mentioned removes from hidden every type name that t lets out: t
// itself, what it points to or holds, a signature's parameters and
// results, a struct's fields, an interface's methods.
func mentioned(t types.Type, hidden map[*types.TypeName]bool, seen map[types.Type]bool) {
	if t == nil || seen[t] {
		return
	}
	seen[t] = true
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		delete(hidden, t.Origin().Obj())
		if args := t.TypeArgs(); args != nil {
			for i := range args.Len() {
				mentioned(args.At(i), hidden, seen)
			}
		}
	case *types.Pointer:
		mentioned(t.Elem(), hidden, seen)
	case *types.Slice:
		mentioned(t.Elem(), hidden, seen)
	case *types.Array:
		mentioned(t.Elem(), hidden, seen)
	case *types.Chan:
		mentioned(t.Elem(), hidden, seen)
	case *types.Map:
		mentioned(t.Key(), hidden, seen)
		mentioned(t.Elem(), hidden, seen)
	case *types.Signature:
		for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
			for i := range tup.Len() {
				mentioned(tup.At(i).Type(), hidden, seen)
			}
		}
	case *types.Struct:
		for i := range t.NumFields() {
			mentioned(t.Field(i).Type(), hidden, seen)
		}
	case *types.Interface:
		for i := range t.NumMethods() {
			mentioned(t.Method(i).Type(), hidden, seen)
		}
	}
}

// HiddenMethod reports whether fn is a method, exported or not, of a
// type in hidden (see Hidden): all its callers are in the package.
func HiddenMethod(fn *ssa.Function, hidden map[*types.TypeName]bool) bool {
	recv := fn.Signature.Recv()
	if recv == nil || fn.Parent() != nil || fn.Synthetic != "" {
		return false
	}
	tn := typeNameOf(recv.Type())
	return tn != nil && hidden[tn]
}
