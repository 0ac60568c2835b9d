package accesspath_test

import (
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/atest"
)

const src = `package p

type T struct {
	a int
	p *U
}

type U struct{ x, y int }

var g T

func f(t *T, s []int) {
	t.p.y = 1
	g.a = 2
	s[0] = 3
	go func() { t.a = 4 }()
	h(t)
}

func h(t *T) { t.p.x = 5 }
`

// stores returns the addresses fn stores to, by the constant stored.
func stores(fn *ssa.Function) map[string]ssa.Value {
	out := make(map[string]ssa.Value)
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if st, ok := in.(*ssa.Store); ok {
				if c, ok := st.Val.(*ssa.Const); ok {
					out[c.Value.String()] = st.Addr
				}
			}
		}
	}
	return out
}

func name(k accesspath.Key) string {
	switch k.Root.(type) {
	case *ssa.Parameter, *ssa.FreeVar, nil:
		return k.String()
	}
	return "(" + k.Root.Type().String() + ")" + k.Path
}

func TestWalks(t *testing.T) {
	pkg := atest.BuildSSA(t, src, 0)
	got := stores(pkg.Func("f"))
	for _, c := range []struct{ val, of, shape, memory string }{
		// t is spilled for the literal: Of and Shape see the parameter,
		// Memory the cell; Shape drops the load of t.p.
		{"1", "t.1.*.1", "t.1.1", "(**p.T).*.1.*.1"},
		{"2", "p.g.0", "p.g.0", "(*p.T).0"},
		{"3", "(*int)", "(*int)", "s[]"},
	} {
		a := got[c.val]
		if a == nil {
			t.Fatalf("no store of %s", c.val)
		}
		if s := name(accesspath.Of(a)); s != c.of {
			t.Errorf("store of %s: Of = %s, want %s", c.val, s, c.of)
		}
		if s := name(accesspath.Shape(a)); s != c.shape {
			t.Errorf("store of %s: Shape = %s, want %s", c.val, s, c.shape)
		}
		if s := name(accesspath.Memory(a)); s != c.memory {
			t.Errorf("store of %s: Memory = %s, want %s", c.val, s, c.memory)
		}
	}
}

func TestRebind(t *testing.T) {
	pkg := atest.BuildSSA(t, src, 0)
	f, h := pkg.Func("f"), pkg.Func("h")
	k := accesspath.Of(stores(h)["5"])
	r, ok := accesspath.Relative(h, k)
	if !ok || r.String() != "p0.1.*.0" {
		t.Fatalf("Relative(h, %s) = %s, %v; want p0.1.*.0", k, r, ok)
	}
	// The call h(t) in f binds h's t to f's t.
	var call *ssa.Call
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(*ssa.Call); ok && c.Call.StaticCallee() == h {
				call = c
			}
		}
	}
	ck, ok := r.Bind(call.Call.Args, nil)
	if !ok || ck.Root != f.Params[0] || ck.Path != ".1.*.0" {
		t.Errorf("Bind = %s, %v; want t.1.*.0 rooted at f's parameter", ck, ok)
	}
	if !ck.HasPrefix(accesspath.Key{Root: f.Params[0], Path: ".1"}) || ck.HasPrefix(accesspath.Key{Root: f.Params[0], Path: ".0"}) {
		t.Errorf("HasPrefix of %s is wrong", ck)
	}
	// The literal's t is a free variable; its maker binds it to the
	// cell t was spilled to, which Of names by the parameter itself.
	lit := f.AnonFuncs[0]
	lk := accesspath.Of(stores(lit)["4"])
	lr, ok := accesspath.Relative(lit, lk)
	if !ok || lr.FreeVar != 0 {
		t.Fatalf("Relative(literal, %s) = %s, %v; want fv0...", lk, lr, ok)
	}
	var mc *ssa.MakeClosure
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			if m, ok := in.(*ssa.MakeClosure); ok {
				mc = m
			}
		}
	}
	if bk, ok := lr.Bind(nil, mc.Bindings); !ok || bk.Root != f.Params[0] || bk.Path != ".0" {
		t.Errorf("Bind of the literal's %s = %s, %v; want t.0 rooted at f's parameter", lr, bk, ok)
	}
	// BoundTo turns Input round: the literal receives t as its free
	// variable 0, which Relative names the same way.
	if got := accesspath.BoundTo(nil, mc.Bindings, mc.Bindings[0]); len(got) != 1 || got[0] != (accesspath.Rel{Param: -1, FreeVar: 0}) {
		t.Errorf("BoundTo(bindings, t) = %v; want [fv0]", got)
	}
	if got := accesspath.BoundTo(call.Call.Args, nil, call.Call.Args[0]); len(got) != 1 || got[0] != (accesspath.Rel{Param: 0, FreeVar: -1}) || got[0].Input(call.Call.Args, nil) != call.Call.Args[0] {
		t.Errorf("BoundTo(args, t) = %v; want [p0]", got)
	}
	if got := accesspath.BoundTo(call.Call.Args, mc.Bindings, f.Params[1]); len(got) != 0 {
		t.Errorf("BoundTo of a value the call does not pass = %v; want none", got)
	}
	if r, ok := accesspath.Relative(lit, accesspath.Key{Root: lit.FreeVars[0]}); !ok || r != (accesspath.Rel{Param: -1, FreeVar: 0}) {
		t.Errorf("Relative(literal, its free variable) = %v, %v; want fv0", r, ok)
	}
	// Out of range and unbound roots fail.
	if _, ok := (accesspath.Rel{Param: 3, FreeVar: -1}).Bind(call.Call.Args, nil); ok {
		t.Errorf("Bind of an unbound parameter succeeded")
	}
	// A package variable needs no binding.
	if gk, ok := (accesspath.Rel{Param: -1, FreeVar: -1, Global: "p.g", Path: ".0"}).Bind(nil, nil); !ok || gk.String() != "p.g.0" {
		t.Errorf("Bind of a global = %s, %v", gk, ok)
	}
}

func TestSteps(t *testing.T) {
	for _, c := range []struct {
		path, prefix string
		within       bool
	}{
		{".1.2", ".1", true},
		{".12", ".1", false},
		{".1[]", ".1", true},
		{".1", ".1", true},
		{".1", ".1.2", false},
		{".1.*", "", true},
	} {
		if got := accesspath.Within(c.path, c.prefix); got != c.within {
			t.Errorf("Within(%q, %q) = %v", c.path, c.prefix, got)
		}
	}
	if n := accesspath.Len(".1.*[].2"); n != 4 {
		t.Errorf("Len = %d, want 4", n)
	}
}

const storedSrc = `package p

func once() func() int {
	x := 1
	return func() int { return x }
}

func reassigned() func() int {
	x := 1
	set := func() { x = 2 }
	set()
	return func() int { return x }
}

func nested() func() int {
	x := 1
	return func() int {
		func() { x = 3 }()
		return x
	}
}

func byAddress() func() int {
	x := 1
	set(&x)
	return func() int { return x }
}

func set(p *int) { *p = 4 }
`

// TestStoredOnce: a variable a function literal assigns does not hold
// its initial value for good.
func TestStoredOnce(t *testing.T) {
	pkg := atest.BuildSSA(t, storedSrc, 0)
	for name, want := range map[string]bool{"once": true, "reassigned": false, "nested": false, "byAddress": false} {
		var cell *ssa.Alloc
		for _, b := range pkg.Func(name).Blocks {
			for _, in := range b.Instrs {
				if a, ok := in.(*ssa.Alloc); ok && a.Heap {
					cell = a
				}
			}
		}
		if cell == nil {
			t.Fatalf("%s: no captured variable", name)
		}
		if got := accesspath.StoredOnce(cell) != nil; got != want {
			t.Errorf("%s: StoredOnce found one value: %v, want %v", name, got, want)
		}
	}
}

const objectSrc = `package p

type N struct {
	n *N
	v struct{ x int }
	x int
}

var g *N

func f(t *N, pp **N) {
	t.n.x = 1
	t.v.x = 2
	g.n.x = 3
	(*pp).n.x = 4
	t.n.n.n.x = 5
	t.n.n.n.n.x = 6
	s := []*N{t}
	s[0].x = 7
}

func lit(t *N) {
	go func() { t.x = 8 }()
}
`

// TestObject: Object is Of's walk that stops at a load from anything
// but a field or a package variable, and after eight steps.
func TestObject(t *testing.T) {
	pkg := atest.BuildSSA(t, objectSrc, 0)
	f := pkg.Func("f")
	got := stores(f)
	lit := stores(pkg.Func("lit").AnonFuncs[0])
	param := func(v ssa.Value) bool { return v == f.Params[0] }
	for _, c := range []struct {
		val  string
		addr ssa.Value
		want func(ssa.Value) bool
		of   string
	}{
		// Through loads of fields and a value field to the parameter.
		{"1", got["1"], param, "t.0.*.2"},
		{"2", got["2"], param, "t.1.0"},
		// A load of a package variable: the variable.
		{"3", got["3"], func(v ssa.Value) bool { _, ok := v.(*ssa.Global); return ok }, "p.g.*.0.*.2"},
		// A load through a pointer handed in, an element, or the
		// literal's captured variable: the value loaded, where Of goes
		// on to the pointer, the slice's array and the cell.
		{"4", got["4"], isLoadOf[*ssa.Parameter], "pp.*.0.*.2"},
		{"7", got["7"], isLoadOf[*ssa.IndexAddr], "(**p.N).*.2"},
		{"8", lit["8"], isLoadOf[*ssa.FreeVar], "t.*.2"},
		// Eight steps reach t three pointer fields down, not four.
		{"5", got["5"], param, "t.0.*.0.*.0.*.2"},
		{"6", got["6"], func(v ssa.Value) bool { _, ok := v.(*ssa.FieldAddr); return ok }, "t.0.*.0.*.0.*.0.*.2"},
	} {
		if c.addr == nil {
			t.Fatalf("no store of %s", c.val)
		}
		if o := accesspath.Object(c.addr); !c.want(o) {
			t.Errorf("store of %s: Object = %s (%T)", c.val, o.Name(), o)
		}
		if s := name(accesspath.Of(c.addr)); s != c.of {
			t.Errorf("store of %s: Of = %s, want %s", c.val, s, c.of)
		}
	}
}

func isLoadOf[T ssa.Value](v ssa.Value) bool {
	u, ok := v.(*ssa.UnOp)
	if !ok {
		return false
	}
	_, ok = u.X.(T)
	return ok
}

const spilledSrc = `package p

func spilled(t *int) func() int {
	return func() int { return *t }
}

func reassigned(t *int) func() {
	return func() { t = nil }
}

func local() func() int {
	x := 1
	return func() int { return x }
}
`

// TestSpilledParam: a parameter's cell stands for the parameter only
// while it holds nothing else (StoredOnce).
func TestSpilledParam(t *testing.T) {
	pkg := atest.BuildSSA(t, spilledSrc, 0)
	for name, want := range map[string]bool{"spilled": true, "reassigned": false, "local": false} {
		fn := pkg.Func(name)
		var cell *ssa.Alloc
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if a, ok := in.(*ssa.Alloc); ok && a.Heap {
					cell = a
				}
			}
		}
		if cell == nil {
			t.Fatalf("%s: no captured variable", name)
		}
		p := accesspath.SpilledParam(cell)
		if got := p != nil; got != want || p != nil && p != fn.Params[0] {
			t.Errorf("%s: SpilledParam = %v, want the parameter: %v", name, p, want)
		}
	}
}
