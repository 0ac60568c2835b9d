package analysisutil

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A Plumbing call is a call of container/heap or sort that runs the
// methods of its interface argument (heap.Interface, sort.Interface)
// synchronously, in the caller's goroutine, before it returns: the
// methods run where the call is, with what the caller holds there.
type Plumbing struct {
	Call ssa.CallInstruction
	// Recv is the value converted to the interface (the heap itself).
	Recv ssa.Value
	// Methods are the interface's methods on Recv's type, as functions.
	Methods []*ssa.Function
}

// plumbingPkgs are the packages whose functions call their interface
// argument's methods only during the call, never keep it.
var plumbingPkgs = map[string]bool{"container/heap": true, "sort": true}

// PlumbingCall returns the plumbing of c: heap.Push(h, x), sort.Sort(s)
// and the like, on a concrete value converted at the call.
func PlumbingCall(c ssa.CallInstruction) (Plumbing, bool) {
	cc := c.Common()
	callee := cc.StaticCallee()
	if callee == nil || callee.Pkg == nil || !plumbingPkgs[callee.Pkg.Pkg.Path()] || len(cc.Args) == 0 {
		return Plumbing{}, false
	}
	mi, ok := cc.Args[0].(*ssa.MakeInterface)
	if !ok {
		return Plumbing{}, false
	}
	iface, ok := cc.Args[0].Type().Underlying().(*types.Interface)
	if !ok {
		return Plumbing{}, false
	}
	prog := callee.Prog
	mset := prog.MethodSets.MethodSet(mi.X.Type())
	p := Plumbing{Call: c, Recv: mi.X}
	for i := range iface.NumMethods() {
		m := iface.Method(i)
		sel := mset.Lookup(m.Pkg(), m.Name())
		if sel == nil {
			continue
		}
		if fn := prog.MethodValue(sel); fn != nil {
			p.Methods = append(p.Methods, fn)
		}
	}
	return p, len(p.Methods) > 0
}

// PlumbingMethod reports whether fn is one of the methods by which a
// type implements heap.Interface or sort.Interface (Len, Less, Swap,
// and Push and Pop for a heap): exported to satisfy the interface, and
// called by container/heap and sort where the package calls them.
func PlumbingMethod(fn *ssa.Function) bool {
	sig := fn.Signature
	if sig.Recv() == nil {
		return false
	}
	params, results := sig.Params(), sig.Results()
	heapOnly := false
	switch fn.Name() {
	case "Len":
		if params.Len() != 0 || results.Len() != 1 || !isInt(results.At(0).Type()) {
			return false
		}
	case "Less":
		if params.Len() != 2 || results.Len() != 1 {
			return false
		}
	case "Swap":
		if params.Len() != 2 || results.Len() != 0 {
			return false
		}
	case "Push":
		if params.Len() != 1 || results.Len() != 0 || !isEmptyInterface(params.At(0).Type()) {
			return false
		}
		heapOnly = true
	case "Pop":
		if params.Len() != 0 || results.Len() != 1 || !isEmptyInterface(results.At(0).Type()) {
			return false
		}
		heapOnly = true
	default:
		return false
	}
	mset := fn.Prog.MethodSets.MethodSet(sig.Recv().Type())
	has := func(name string) bool { return mset.Lookup(nil, name) != nil }
	return has("Len") && has("Less") && has("Swap") && (!heapOnly || has("Push") && has("Pop"))
}

func isInt(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Int
}

func isEmptyInterface(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	return ok && it.Empty()
}

// plumbingFuncPkgs are the packages whose functions call a function
// argument only during the call, in the caller's goroutine (sort.Search,
// sort.Slice, slices.SortFunc, slices.IndexFunc, maps.DeleteFunc).
var plumbingFuncPkgs = map[string]bool{"sort": true, "slices": true, "maps": true}

// PlumbingLiteral reports whether the function literal fn is made once
// and only passed to plumbing functions (plumbingFuncPkgs): it runs
// only inside those calls, where its parent is.
func (c *Closures) PlumbingLiteral(fn *ssa.Function) bool {
	mc := c.Of(fn)
	if mc == nil || mc.Referrers() == nil {
		return false
	}
	n := 0
	for _, r := range *mc.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Call:
			callee := r.Call.StaticCallee()
			if r.Call.Value == ssa.Value(mc) || callee == nil || callee.Pkg == nil || !plumbingFuncPkgs[callee.Pkg.Pkg.Path()] {
				return false
			}
			n++
		default:
			return false
		}
	}
	return n > 0
}
