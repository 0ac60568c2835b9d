package analysisutil

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// A ValueFlow follows a function value through the functions of one
// package: through conversions, phis, closures that capture it, the
// parameters of the package's functions it is passed to, and the
// local variables and fields of the package's own types it is stored
// in (to every load of the field, in any instance).
type ValueFlow struct {
	funcs []*ssa.Function
	// loads lists, per field, the values read from it.
	loads map[*types.Var][]ssa.Value
	// globals lists, per package variable, the values loaded from it;
	// addressed, those whose address goes elsewhere too.
	globals   map[*ssa.Global][]ssa.Value
	addressed map[*ssa.Global]bool
	// elems lists the values read from an element of a map, slice or
	// array, with the element's type.
	elems []elemLoad
	pkg   *types.Package
}

type elemLoad struct {
	typ types.Type
	v   ssa.Value
}

// NewValueFlow indexes funcs, the functions of pkg (closures
// included), for OnlyCalled and CallSites.
func NewValueFlow(pkg *types.Package, funcs []*ssa.Function) *ValueFlow {
	vf := &ValueFlow{pkg: pkg, loads: make(map[*types.Var][]ssa.Value), globals: make(map[*ssa.Global][]ssa.Value), addressed: make(map[*ssa.Global]bool), funcs: flow.WithClosures(funcs)}
	for _, fn := range vf.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				vf.addresses(in)
				switch in := in.(type) {
				case *ssa.UnOp:
					if in.Op != token.MUL {
						continue
					}
					if f := FieldOf(in.X); f != nil {
						vf.loads[f] = append(vf.loads[f], in)
					}
					switch x := in.X.(type) {
					case *ssa.Global:
						vf.globals[x] = append(vf.globals[x], in)
					case *ssa.IndexAddr:
						vf.elems = append(vf.elems, elemLoad{in.Type(), in})
					}
				case *ssa.Field:
					if f := FieldValueOf(in); f != nil {
						vf.loads[f] = append(vf.loads[f], in)
					}
				case *ssa.Index:
					vf.elems = append(vf.elems, elemLoad{in.Type(), in})
				case *ssa.Lookup:
					if m, ok := in.X.Type().Underlying().(*types.Map); ok {
						vf.elems = append(vf.elems, elemLoad{m.Elem(), in})
					}
				case *ssa.Next:
					if m, ok := in.Iter.(*ssa.Range).X.Type().Underlying().(*types.Map); ok {
						vf.elems = append(vf.elems, elemLoad{m.Elem(), in})
					}
				}
			}
		}
	}
	return vf
}

// addresses marks the package variables whose address in passes on:
// anything but a load or a store into them.
func (vf *ValueFlow) addresses(in ssa.Instruction) {
	var ops [4]*ssa.Value
	for i, p := range in.Operands(ops[:0]) {
		g, ok := (*p).(*ssa.Global)
		if !ok {
			continue
		}
		switch in := in.(type) {
		case *ssa.UnOp:
			if in.Op == token.MUL {
				continue
			}
		case *ssa.Store:
			if i == 0 && in.Addr == g {
				continue
			}
		case *ssa.DebugRef:
			continue
		}
		vf.addressed[g] = true
	}
}

// OnlyCalled reports whether the function value v (a closure, a
// function, or a value converted from one), used by the instruction
// at, is, wherever it flows from there in the package, only called: by a call statement, or by a call that
// calls(c, x) says runs x, a value v flowed to, on the caller's
// goroutine and keeps it no longer (such as the ServeHTTP method of
// http.HandlerFunc). False as soon as it may reach code the package
// does not show: a function of another package or a function value
// it is passed to, a go or defer statement, a field of another
// package's type (http.Server's Handler), a map, slice, channel,
// interface method other than the ones calls accepts, a package
// variable, an exported field, or a result. A closure's other uses
// are followed too; a named function's are not (go/ssa does not list
// them), only at's. A closure that captures the value may run it
// whenever it runs itself (a middleware's handler calling
// next.ServeHTTP), so it is followed as well; a value a function of
// the package returns, having been handed it by a call the walk came
// through, is followed on at that call's result.
func (vf *ValueFlow) OnlyCalled(v ssa.Value, at ssa.Instruction, calls func(c *ssa.CallCommon, x ssa.Value) bool) bool {
	w := &walk{vf: vf, calls: calls}
	return w.start(v, at)
}

// CallSites follows the function value v, used by the instruction at,
// as OnlyCalled does, and returns the instructions that run it: the
// calls, go and defer statements of the values it flows to, and the
// stores that hand it to a field of another package's type that
// extern accepts (a command framework's, which runs it; nil: none).
// ok is false when the value may reach code the package does not show
// otherwise. In a main package (main true), whose types and variables
// no other package can name, the value is also followed through
// exported fields, package variables, and the elements of maps,
// slices and arrays (to every load of an element of the same type, in
// any container: a table of commands).
func (vf *ValueFlow) CallSites(v ssa.Value, at ssa.Instruction, main bool, extern func(*ssa.Store) bool) (sites []ssa.Instruction, ok bool) {
	w := &walk{vf: vf, collect: true, main: main, extern: extern}
	if !w.start(v, at) {
		return nil, false
	}
	return w.sites, true
}

// A walk follows one function value through the package.
type walk struct {
	vf    *ValueFlow
	calls func(c *ssa.CallCommon, x ssa.Value) bool // OnlyCalled's
	// collect: CallSites, which records the sites, takes go and defer
	// statements as sites, and follows package variables, plus, in a
	// main package, exported fields and tables.
	collect bool
	main    bool
	extern  func(*ssa.Store) bool
	sites   []ssa.Instruction
	seen    map[ssa.Value]bool
	// entered are the calls of the package's functions the walk is
	// in, innermost last: a return of the value from the callee hands
	// it to the call's result (OnlyCalled only).
	entered []*ssa.Call
}

func (w *walk) start(v ssa.Value, at ssa.Instruction) bool {
	w.seen = make(map[ssa.Value]bool)
	if _, ok := v.(*ssa.Function); ok {
		w.seen[v] = true
		return w.use(v, at)
	}
	return w.follow(v)
}

func (w *walk) follow(x ssa.Value) bool {
	if w.seen[x] {
		return true
	}
	w.seen[x] = true
	if len(w.seen) > 200 {
		return false
	}
	refs := x.Referrers()
	if refs == nil {
		return true
	}
	for _, in := range *refs {
		if !w.use(x, in) {
			return false
		}
	}
	return true
}

// decorates reports whether the call c is a call of a function value
// the package does not show (a parameter, a captured variable, a
// field) of type func(T) T, with x as its argument: a decorator, such as
// net/http middleware (func(http.Handler) http.Handler), whose result
// runs x when it runs itself. OnlyCalled follows the result in x's
// place.
func decorates(c *ssa.CallCommon, x ssa.Value) bool {
	if c.IsInvoke() || c.StaticCallee() != nil || len(c.Args) != 1 || c.Args[0] != x {
		return false
	}
	switch c.Value.(type) {
	case *ssa.Function, *ssa.MakeClosure:
		return false // code the package shows: followed as such
	}
	sig := c.Signature()
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 || sig.Variadic() {
		return false
	}
	return types.Identical(sig.Params().At(0).Type(), sig.Results().At(0).Type())
}

func (w *walk) followAll(vs []ssa.Value) bool {
	for _, v := range vs {
		if !w.follow(v) {
			return false
		}
	}
	return true
}

// use reports whether the instruction in, a referrer of x, keeps x
// within the package's sight, following what it makes of x.
func (w *walk) use(x ssa.Value, in ssa.Instruction) bool {
	vf := w.vf
	switch in := in.(type) {
	case *ssa.DebugRef:
		return true
	case *ssa.ChangeType:
		return w.follow(in)
	case *ssa.MakeInterface:
		return w.follow(in)
	case *ssa.Phi:
		return w.follow(in)
	case *ssa.MakeClosure:
		if _, ok := in.Fn.(*ssa.Function); !ok {
			return false
		}
		if in.Fn == x {
			return w.follow(in) // the closure of x is x's value
		}
		for fv := range flow.Captures(in, x) {
			if !w.follow(fv) {
				return false
			}
		}
		if !w.collect {
			// The closure may run x whenever it runs itself (a
			// middleware's handler calling next.ServeHTTP): x is
			// only called if the closure is.
			return w.follow(in)
		}
		return true
	case *ssa.Store:
		if in.Val != x {
			return true // stored into, not stored
		}
		switch addr := in.Addr.(type) {
		case *ssa.Alloc:
			return w.follow(addr) // a local variable: its loads are its referrers
		case *ssa.FieldAddr:
			f := FieldOf(addr)
			if f == nil {
				return false
			}
			if f.Pkg() != vf.pkg && w.collect && w.extern != nil && w.extern(in) {
				w.sites = append(w.sites, in)
				return w.followAll(vf.loads[f]) // and where the package reads it back
			}
			if f.Pkg() != vf.pkg || f.Exported() && !w.main {
				return false // another package's field (http.Server.Handler), or one it may read
			}
			if a, ok := addr.X.(*ssa.Alloc); ok && w.collect {
				// A composite literal's field: follow the literal, so
				// that the loads of the field of other instances do not
				// count (a command's init closure is not called where
				// another command's init is).
				tracked, ok := w.inStruct(a, addr.Field, make(map[ssa.Value]bool))
				if !ok || tracked {
					return ok
				}
			}
			return w.followAll(vf.loads[f])
		case *ssa.Global:
			if !w.collect || addr.Object().Exported() && !w.main || vf.addressed[addr] {
				return false
			}
			return w.followAll(vf.globals[addr])
		case *ssa.IndexAddr:
			return w.main && w.collect && w.followElems(x.Type())
		}
		return false
	case *ssa.MapUpdate:
		return in.Value == x && w.main && w.collect && w.followElems(x.Type())
	case *ssa.UnOp:
		if in.Op == token.MUL {
			return w.follow(in) // a load of a local variable that holds it
		}
		return false
	case *ssa.FieldAddr, *ssa.Field:
		return true // x is the struct here, not the function
	case ssa.CallInstruction:
		c := in.Common()
		direct := !c.IsInvoke() && c.Value == x && !argOf(c, x)
		if _, ok := in.(*ssa.Call); !ok {
			if direct && w.collect {
				w.sites = append(w.sites, in) // go x(), defer x()
				return true
			}
			return false // a go or defer statement
		}
		if direct {
			if w.collect {
				w.sites = append(w.sites, in)
			}
			return true
		}
		if w.calls != nil && w.calls(c, x) {
			return true
		}
		if call, ok := in.(*ssa.Call); ok && !w.collect && decorates(c, x) {
			// Middleware: its result wraps x and stands for it.
			return w.follow(call)
		}
		callee := flow.Callee(c)
		if c.IsInvoke() || callee == nil || callee.Blocks == nil || callee.Pkg == nil || callee.Pkg.Pkg != vf.pkg {
			return false
		}
		if c.Value == x {
			return false // called and passed on at once
		}
		call, _ := in.(*ssa.Call)
		for i, a := range c.Args {
			if a != x {
				continue
			}
			if i >= len(callee.Params) {
				return false
			}
			w.entered = append(w.entered, call)
			ok := w.follow(callee.Params[i])
			w.entered = w.entered[:len(w.entered)-1]
			if !ok {
				return false
			}
		}
		return true
	case *ssa.Return:
		// Returned by the callee the walk entered from a call (the
		// package's own middleware returns a handler wrapping its
		// parameter): the call's result carries it on.
		if n := len(w.entered); !w.collect && n > 0 && len(in.Results) == 1 && in.Parent() == flow.Callee(w.entered[n-1].Common()) {
			top := w.entered[n-1]
			w.entered = w.entered[:n-1]
			ok := w.follow(top)
			w.entered = append(w.entered, top)
			return ok
		}
		return false
	}
	return false
}

// inStruct follows s, a struct or a pointer to one whose field i holds
// the value the walk follows, through loads, copies, phis and the
// parameters of the package's functions it is passed to, and follows
// every read of its field i. tracked is false when s goes where the
// walk loses it (returned, stored in a field, passed to another
// package); ok is false when the value read from the field escapes.
func (w *walk) inStruct(s ssa.Value, i int, seen map[ssa.Value]bool) (tracked, ok bool) {
	if seen[s] {
		return true, true
	}
	seen[s] = true
	if len(seen) > 100 {
		return false, true
	}
	refs := s.Referrers()
	if refs == nil {
		return true, true
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.FieldAddr:
			if r.Field != i {
				continue
			}
			refs := r.Referrers()
			if refs == nil {
				continue
			}
			for _, u := range *refs {
				switch u := u.(type) {
				case *ssa.UnOp:
					if u.Op != token.MUL {
						return false, true
					}
					if !w.follow(u) {
						return true, false
					}
				case *ssa.Store:
					if u.Addr != r {
						return false, true // &s.f kept somewhere
					}
				case *ssa.DebugRef:
				default:
					return false, true // &s.f passed on
				}
			}
		case *ssa.Field:
			if r.Field == i && !w.follow(r) {
				return true, false
			}
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false, true
			}
			if tracked, ok := w.inStruct(r, i, seen); !tracked || !ok {
				return tracked, ok
			}
		case *ssa.Phi:
			if tracked, ok := w.inStruct(r, i, seen); !tracked || !ok {
				return tracked, ok
			}
		case *ssa.Store:
			if r.Val != s {
				continue // the whole struct written over
			}
			a, isAlloc := r.Addr.(*ssa.Alloc)
			if !isAlloc {
				return false, true
			}
			if tracked, ok := w.inStruct(a, i, seen); !tracked || !ok {
				return tracked, ok
			}
		case *ssa.Call:
			c := r.Common()
			callee := flow.Callee(c)
			if c.IsInvoke() || c.Value == s || callee == nil || callee.Blocks == nil || callee.Pkg == nil || callee.Pkg.Pkg != w.vf.pkg {
				return false, true
			}
			for j, a := range c.Args {
				if a != s {
					continue
				}
				if j >= len(callee.Params) {
					return false, true
				}
				if tracked, ok := w.inStruct(callee.Params[j], i, seen); !tracked || !ok {
					return tracked, ok
				}
			}
		default:
			return false, true
		}
	}
	return true, true
}

// followElems follows every value read from an element of type t of a
// map, slice or array.
func (w *walk) followElems(t types.Type) bool {
	for _, e := range w.vf.elems {
		if !types.Identical(e.typ, t) {
			continue
		}
		v := e.v
		if n, ok := v.(*ssa.Next); ok {
			// The element is the range's third value.
			if refs := n.Referrers(); refs != nil {
				for _, r := range *refs {
					if ex, ok := r.(*ssa.Extract); ok && ex.Index == 2 && !w.follow(ex) {
						return false
					}
				}
			}
			continue
		}
		if l, ok := v.(*ssa.Lookup); ok && l.CommaOk {
			if refs := l.Referrers(); refs != nil {
				for _, r := range *refs {
					if ex, ok := r.(*ssa.Extract); ok && ex.Index == 0 && !w.follow(ex) {
						return false
					}
				}
			}
			continue
		}
		if !w.follow(v) {
			return false
		}
	}
	return true
}

// argOf reports whether x is among c's arguments.
func argOf(c *ssa.CallCommon, x ssa.Value) bool {
	for _, a := range c.Args {
		if a == x {
			return true
		}
	}
	return false
}
