package flow_test

import (
	"go/types"
	"slices"
	"sort"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/atest"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// src is the program the tests ask about. The calls of a, b, c, d and
// e mark places; cond is a condition the compiler cannot fold.
const src = `package p

import (
	"log"
	"os"
	"runtime"
	"testing"
)

func a() {}
func b() {}
func c() {}
func d() {}
func e() {}

var cond bool

func straight() { a(); b() }

func branch() {
	if cond {
		a()
	} else {
		b()
	}
	c()
}

func loop() {
	a()
	for cond {
		b()
		if cond {
			continue
		}
		c()
	}
	d()
}

func loopEvery() {
	for cond {
		a()
		b()
	}
}

func returns() int {
	a()
	if cond {
		b()
		return 1
	}
	c()
	return 2
}

func withRecover() {
	defer func() { recover() }()
	a()
}

func noReturn() {
	a()
	for {
		b()
	}
}

func ends(t *testing.T, tb testing.TB, l *log.Logger) {
	os.Exit(1)
	runtime.Goexit()
	log.Fatal(); log.Fatalf(""); log.Fatalln()
	log.Panic(); log.Panicf(""); log.Panicln()
	l.Fatal(); l.Fatalf(""); l.Fatalln(); l.Panic(); l.Panicf(""); l.Panicln()
	t.FailNow(); t.Fatal(); t.Fatalf(""); t.SkipNow(); t.Skip(); t.Skipf("")
	tb.FailNow(); tb.Fatal(); tb.Fatalf(""); tb.SkipNow(); tb.Skip(); tb.Skipf("")
	f := t.Fatal
	f()
	panic("x")
}

func benchEnds(bm *testing.B, fz *testing.F) {
	bm.Fatal()
	fz.Skip()
}

func returning(t *testing.T, l *log.Logger) {
	t.Error(); t.Errorf(""); t.Fail(); t.Log(); t.Failed(); t.Helper()
	l.Print(); log.Println(); os.Getenv("")
	recover()
}

func Fatal() {}

func localFatal() { Fatal() }

func id[T any](x T) T { return x }

type box[T any] struct{ v T }

func (x box[T]) get() T { return x.v }

func generic() {
	id(1)
	box[int]{}.get()
	g := box[string]{}.get
	g()
}

func closureUses(sink func(func())) {
	n := 0
	f := func() { n++ }
	f()
	defer f()
	go f()
	sink(f)
}

func closureCalled() {
	n := 0
	f := func() { n++ }
	f()
	defer f()
	go f()
}

func paramsConverted(a chan int, b chan int) <-chan int {
	type named <-chan int
	return (<-chan int)(named(b))
}
`

func build(t *testing.T) *ssa.Package { return atest.BuildSSA(t, src, ssa.InstantiateGenerics) }

func fn(t *testing.T, pkg *ssa.Package, name string) *ssa.Function {
	t.Helper()
	f := pkg.Func(name)
	if f == nil {
		t.Fatalf("no function %s", name)
	}
	return f
}

// call returns the nth (from 0) call in f of the function named name.
func call(t *testing.T, f *ssa.Function, name string, nth int) *ssa.Call {
	t.Helper()
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(*ssa.Call); ok {
				if g := c.Call.StaticCallee(); g != nil && g.Name() == name {
					if nth == 0 {
						return c
					}
					nth--
				}
			}
		}
	}
	t.Fatalf("%s calls no %s", f.Name(), name)
	return nil
}

// marks lists the marker calls among instrs, in order.
func marks(instrs []ssa.Instruction) string {
	var s string
	for _, in := range instrs {
		if c, ok := in.(*ssa.Call); ok {
			if g := c.Call.StaticCallee(); g != nil && len(g.Name()) == 1 {
				s += g.Name()
			}
		}
	}
	return s
}

func TestWalk(t *testing.T) {
	pkg := build(t)
	for _, tc := range []struct {
		fn, from string
		search   flow.Search
		cut      string // the marker at which visit cuts the path
		want     string // the marker calls visited, sorted
	}{
		{"straight", "a", flow.Forward, "", "b"},
		{"straight", "b", flow.Backward, "", "a"},
		{"branch", "a", flow.Forward, "", "c"},
		{"branch", "c", flow.Backward, "", "ab"},
		{"loop", "b", flow.Forward, "", "bcd"}, // round the loop to b again
		{"loop", "b", flow.Forward, "c", "bcd"},
		{"loop", "a", flow.Forward, "b", "bd"},
		{"loop", "d", flow.Backward, "", "abc"},
		{"returns", "a", flow.Forward, "b", "bc"},
	} {
		from := call(t, fn(t, pkg, tc.fn), tc.from, 0)
		var seen []ssa.Instruction
		tc.search.Walk(from, func(in ssa.Instruction) bool {
			seen = append(seen, in)
			return tc.cut == "" || marks([]ssa.Instruction{in}) != tc.cut
		})
		got := []byte(marks(seen))
		sort.Slice(got, func(i, j int) bool { return got[i] < got[j] })
		got = slices.Compact(got)
		if string(got) != tc.want {
			t.Errorf("%s from %s (backward %v, cut at %q): visited %s, want %s", tc.fn, tc.from, tc.search.Backward, tc.cut, got, tc.want)
		}
	}
}

func TestWalkOrderAndFilter(t *testing.T) {
	pkg := build(t)
	f := fn(t, pkg, "straight")
	var seen []ssa.Instruction
	flow.Backward.WalkBlock(f.Blocks[0], func(in ssa.Instruction) bool { seen = append(seen, in); return true })
	if got := marks(seen); got != "ba" {
		t.Errorf("backward walk of straight's block met %q, want ba (last to first)", got)
	}

	// A filter that never takes the first successor of a branch skips
	// the then-branch.
	br := fn(t, pkg, "branch")
	onlyElse := flow.Search{Next: func(b *ssa.BasicBlock) []*ssa.BasicBlock {
		if len(b.Succs) == 2 {
			return b.Succs[1:]
		}
		return b.Succs
	}}
	seen = nil
	onlyElse.WalkBlock(br.Blocks[0], func(in ssa.Instruction) bool { seen = append(seen, in); return true })
	if got := marks(seen); got != "bc" {
		t.Errorf("walk of branch without then-edges met %q, want bc", got)
	}
	if r := onlyElse.Reach(br.Blocks[0]); r[call(t, br, "a", 0).Block()] || !r[call(t, br, "c", 0).Block()] {
		t.Errorf("Reach with the filter: %v", r)
	}
}

func TestReach(t *testing.T) {
	pkg := build(t)
	lp := fn(t, pkg, "loop")
	a, b, c, d := call(t, lp, "a", 0), call(t, lp, "b", 0), call(t, lp, "c", 0), call(t, lp, "d", 0)
	if !flow.Reachable(b.Block(), b.Block()) || flow.Reachable(a.Block(), a.Block()) || flow.Reachable(d.Block(), c.Block()) {
		t.Errorf("Reachable: a loop body reaches itself, the entry and the exit do not")
	}
	if !flow.Reaches(a, d, nil) || flow.Reaches(d, a, nil) || !flow.Reaches(c, b, nil) {
		t.Errorf("Reaches: a reaches d, d not a, c reaches b round the loop")
	}
	if flow.Reaches(a, b, func(in ssa.Instruction) bool { return in.Block() == b.Block() && in != b }) != true {
		t.Errorf("Reaches: a stop after the target must not cut the path to it")
	}
	if flow.Reaches(c, d, func(in ssa.Instruction) bool { return in == b }) != true {
		t.Errorf("Reaches: c reaches d by the loop's header, not through b")
	}
	if flow.Reaches(a, c, func(in ssa.Instruction) bool { return in == b }) {
		t.Errorf("Reaches: every path from a to c passes b")
	}
	if flow.Reaches(b, b, nil) != true || flow.Reaches(a, a, nil) {
		t.Errorf("Reaches: an instruction reaches itself only round a loop")
	}
	if got := flow.Forward.Reach(d.Block()); len(got) != 0 {
		t.Errorf("Forward.Reach(exit) = %v, want nothing", got)
	}
	if got := flow.Backward.Reach(a.Block()); len(got) != 0 {
		t.Errorf("Backward.Reach(entry) = %v, want nothing", got)
	}
}

func TestBetween(t *testing.T) {
	pkg := build(t)
	is := func(m string) func(ssa.Instruction) bool {
		return func(in ssa.Instruction) bool { return marks([]ssa.Instruction{in}) == m }
	}
	st, br, lp := fn(t, pkg, "straight"), fn(t, pkg, "branch"), fn(t, pkg, "loop")
	for _, tc := range []struct {
		fn       *ssa.Function
		from, to string
		is       string
		want     bool
	}{
		{st, "a", "b", "b", true},  // to itself counts
		{st, "a", "b", "a", false}, // from does not
		{br, "a", "c", "b", false}, // b is on another branch
		{lp, "a", "d", "b", true},  // through the loop on the way to d
		{lp, "a", "d", "c", true},
		{lp, "a", "b", "c", true},  // round the loop: a, b, c, b
		{lp, "b", "d", "b", false}, // from, even round the loop
		{lp, "c", "d", "b", true},
		{lp, "d", "a", "b", false}, // d reaches nothing
	} {
		from, to := call(t, tc.fn, tc.from, 0), call(t, tc.fn, tc.to, 0)
		if got := flow.Between(from, to, is(tc.is)); got != tc.want {
			t.Errorf("%s: Between(%s, %s, %s) = %v, want %v", tc.fn.Name(), tc.from, tc.to, tc.is, got, tc.want)
		}
	}
}

func TestLoops(t *testing.T) {
	pkg := build(t)
	lp := fn(t, pkg, "loop")
	a, b, c, d := call(t, lp, "a", 0), call(t, lp, "b", 0), call(t, lp, "c", 0), call(t, lp, "d", 0)
	loop := flow.LoopOf(b.Block())
	if !loop[b.Block()] || !loop[c.Block()] || loop[a.Block()] || loop[d.Block()] {
		t.Errorf("LoopOf(b) = %v: want b's and c's blocks, not a's or d's", loop)
	}
	if flow.LoopOf(a.Block()) != nil || flow.LoopOf(d.Block()) != nil {
		t.Errorf("LoopOf of a block on no cycle must be nil")
	}
	if !flow.InLoop(c.Block()) || flow.InLoop(a.Block()) || !flow.InLoop(nil) {
		t.Errorf("InLoop: c in, a out, nil counts as in")
	}
	// b runs on the way to c, but c does not run on every iteration
	// (continue); in loopEvery, b runs on each.
	if flow.InLoopAfter(c, b) {
		t.Errorf("InLoopAfter(c, b): c is skipped by continue")
	}
	// The loop's header, the only way into its body: b dominates both
	// back edges (continue and the body's end), c only the second.
	h := b.Block().Preds[0]
	if !flow.EveryIteration(h, b.Block()) || flow.EveryIteration(h, c.Block()) || flow.EveryIteration(a.Block(), a.Block()) {
		t.Errorf("EveryIteration: b runs on every iteration, c not; the entry heads no loop")
	}
	le := fn(t, pkg, "loopEvery")
	if !flow.InLoopAfter(call(t, le, "b", 0), call(t, le, "a", 0)) {
		t.Errorf("InLoopAfter(b, a) in loopEvery: a runs again after b")
	}
	if flow.InLoopAfter(call(t, le, "a", 0), call(t, le, "b", 0)) {
		t.Errorf("InLoopAfter(a, b): b does not dominate a")
	}
}

func TestDominance(t *testing.T) {
	pkg := build(t)
	br := fn(t, pkg, "branch")
	a, b, c := call(t, br, "a", 0), call(t, br, "b", 0), call(t, br, "c", 0)
	if flow.Dominates(a, c) || flow.Dominates(b, c) || !flow.Dominates(c, c) || flow.Dominates(c, a) {
		t.Errorf("Dominates in branch")
	}
	st := fn(t, pkg, "straight")
	sa, sb := call(t, st, "a", 0), call(t, st, "b", 0)
	if !flow.Dominates(sa, sb) || flow.Dominates(sb, sa) || flow.Dominates(sa, a) {
		t.Errorf("Dominates in one block, or across functions")
	}
	if got := flow.Index(sb); got != flow.Index(sa)+1 {
		t.Errorf("Index(b) = %d, want Index(a)+1", got)
	}

	re := fn(t, pkg, "returns")
	ra, rb, rc := call(t, re, "a", 0), call(t, re, "b", 0), call(t, re, "c", 0)
	if !flow.DominatesReturns(ra.Block()) || flow.DominatesReturns(rb.Block()) || flow.DominatesReturns(rc.Block()) {
		t.Errorf("DominatesReturns: a's block precedes both returns, b's and c's one each")
	}
	if !flow.DominatesReturnsFrom(rc.Block(), rc.Block()) || !flow.DominatesReturnsFrom(rb.Block(), rb.Block()) {
		t.Errorf("DominatesReturnsFrom(x, x) holds")
	}
	if flow.DominatesReturnsFrom(rb.Block(), ra.Block()) || !flow.DominatesReturnsFrom(ra.Block(), ra.Block()) {
		t.Errorf("DominatesReturnsFrom: from a's block, b's misses a return")
	}
	// The recover block's return is reached only by a panic.
	wr := fn(t, pkg, "withRecover")
	if wr.Recover == nil || !flow.DominatesReturns(call(t, wr, "a", 0).Block()) {
		t.Errorf("DominatesReturns must leave out the recover block")
	}
	// A function that never returns has no return to dominate.
	if flow.DominatesReturns(fn(t, pkg, "noReturn").Blocks[0]) {
		t.Errorf("DominatesReturns of a function without return")
	}
}

func TestEnds(t *testing.T) {
	pkg := build(t)
	var got []string
	for _, f := range []string{"ends", "benchEnds", "returning", "localFatal"} {
		for _, b := range fn(t, pkg, f).Blocks {
			for _, in := range b.Instrs {
				e := flow.InstrEnd(in)
				if _, call := in.(*ssa.Call); e == flow.Returns && !call {
					continue
				}
				if c, call := in.(*ssa.Call); call && flow.NeverReturns(c.Common()) != (e != flow.Returns) {
					t.Errorf("NeverReturns(%v) disagrees with InstrEnd", c)
				}
				got = append(got, f+": "+describe(in)+": "+e.String())
			}
		}
	}
	want := []string{
		// go/ssa does not end a block at a call that cannot return:
		// every call of ends is there, in order.
		"ends: os.Exit: exits the process",
		"ends: runtime.Goexit: exits the goroutine",
		"ends: log.Fatal: exits the process",
		"ends: log.Fatalf: exits the process",
		"ends: log.Fatalln: exits the process",
		"ends: log.Panic: panics",
		"ends: log.Panicf: panics",
		"ends: log.Panicln: panics",
		"ends: (*log.Logger).Fatal: exits the process",
		"ends: (*log.Logger).Fatalf: exits the process",
		"ends: (*log.Logger).Fatalln: exits the process",
		"ends: (*log.Logger).Panic: panics",
		"ends: (*log.Logger).Panicf: panics",
		"ends: (*log.Logger).Panicln: panics",
		"ends: (*testing.common).FailNow: exits the goroutine",
		"ends: (*testing.common).Fatal: exits the goroutine",
		"ends: (*testing.common).Fatalf: exits the goroutine",
		"ends: (*testing.common).SkipNow: exits the goroutine",
		"ends: (*testing.common).Skip: exits the goroutine",
		"ends: (*testing.common).Skipf: exits the goroutine",
		"ends: (testing.TB).FailNow: exits the goroutine",
		"ends: (testing.TB).Fatal: exits the goroutine",
		"ends: (testing.TB).Fatalf: exits the goroutine",
		"ends: (testing.TB).SkipNow: exits the goroutine",
		"ends: (testing.TB).Skip: exits the goroutine",
		"ends: (testing.TB).Skipf: exits the goroutine",
		"ends: (*testing.common).Fatal: exits the goroutine", // the method value f
		"ends: panic: panics",
		"benchEnds: (*testing.common).Fatal: exits the goroutine",
		"benchEnds: (*testing.common).Skip: exits the goroutine",
		"returning: (*testing.common).Error: returns",
		"returning: (*testing.common).Errorf: returns",
		"returning: (*testing.common).Fail: returns",
		"returning: (*testing.common).Log: returns",
		"returning: (*testing.common).Failed: returns",
		"returning: (*testing.common).Helper: returns",
		"returning: (*log.Logger).Print: returns",
		"returning: log.Println: returns",
		"returning: os.Getenv: returns",
		"returning: recover(): returns",
		"localFatal: p.Fatal: returns",
	}
	if !slices.Equal(got, want) {
		t.Errorf("ends:\n%s\nwant:\n%s", join(got), join(want))
	}
}

func describe(in ssa.Instruction) string {
	switch in := in.(type) {
	case *ssa.Panic:
		return "panic"
	case *ssa.Call:
		if fn := flow.CalleeFunc(in.Common()); fn != nil {
			return fn.FullName()
		}
	}
	return in.String()
}

func join(s []string) string {
	var out string
	for _, x := range s {
		out += "\t" + x + "\n"
	}
	return out
}

func TestTestMethods(t *testing.T) {
	pkg := build(t)
	type verdict struct{ fails, skips, ends bool }
	got := map[string]verdict{}
	for _, f := range []string{"ends", "returning"} {
		for _, b := range fn(t, pkg, f).Blocks {
			for _, in := range b.Instrs {
				if c, ok := in.(*ssa.Call); ok {
					if m := flow.CalleeFunc(c.Common()); m != nil && m.Pkg() != nil && m.Pkg().Path() == "testing" {
						got[m.Name()] = verdict{flow.FailsTest(m), flow.SkipsTest(m), flow.EndsTest(m)}
					}
				}
			}
		}
	}
	want := map[string]verdict{
		"Error": {fails: true}, "Errorf": {fails: true}, "Fail": {fails: true},
		"FailNow": {fails: true, ends: true}, "Fatal": {fails: true, ends: true}, "Fatalf": {fails: true, ends: true},
		"SkipNow": {skips: true, ends: true}, "Skip": {skips: true, ends: true}, "Skipf": {skips: true, ends: true},
		"Log": {}, "Failed": {}, "Helper": {},
	}
	for name, w := range want {
		if g, ok := got[name]; !ok || g != w {
			t.Errorf("%s: got %+v (found %v), want %+v", name, g, ok, w)
		}
	}
	// A function of another package named Fatal is no test method.
	lf := fn(t, pkg, "localFatal")
	if m := flow.CalleeFunc(call(t, lf, "Fatal", 0).Common()); flow.FailsTest(m) || flow.FuncEnd(m) != flow.Returns {
		t.Errorf("p.Fatal taken for testing's or log's")
	}
}

func TestCallee(t *testing.T) {
	pkg := build(t)
	g := fn(t, pkg, "generic")
	id, get := fn(t, pkg, "id"), pkg.Members["box"].(*ssa.Type)
	var callees []*ssa.Function
	var objs []*types.Func
	for _, b := range g.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(*ssa.Call); ok {
				callees = append(callees, flow.Callee(c.Common()))
				objs = append(objs, flow.CalleeFunc(c.Common()))
			}
		}
	}
	if len(callees) != 3 {
		t.Fatalf("generic makes %d calls, want 3", len(callees))
	}
	if callees[0] != id {
		t.Errorf("Callee(id(1)) = %v, want the generic id", callees[0])
	}
	getObj := get.Type().(*types.Named).Method(0)
	if callees[1] == nil || callees[1].Origin() != nil || callees[1].Object() != getObj {
		t.Errorf("Callee(box[int].get) = %v, want the generic method", callees[1])
	}
	// A method value calls a bound wrapper of the instance.
	if callees[2] == nil || callees[2].Object().(*types.Func).Origin() != getObj {
		t.Errorf("Callee of the method value = %v, want the bound get", callees[2])
	}
	for i, o := range objs {
		if i > 0 && o != getObj || i == 0 && o != id.Object() {
			t.Errorf("CalleeFunc of call %d = %v", i, o)
		}
	}
	inst := call(t, g, "id[int]", 0).Call.StaticCallee()
	if flow.Origin(inst) != id || flow.Body(inst) != id || flow.Origin(id) != id || flow.Body(id) != id {
		t.Errorf("Origin and Body of id[int]")
	}
}

func TestUseOf(t *testing.T) {
	pkg := build(t)
	f := fn(t, pkg, "closureUses")
	var mc *ssa.MakeClosure
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(*ssa.MakeClosure); ok {
				mc = c
			}
		}
	}
	if mc == nil {
		t.Fatal("closureUses makes no closure")
	}
	var got []flow.FuncUse
	for _, r := range *mc.Referrers() {
		got = append(got, flow.UseOf(mc, r))
	}
	want := []flow.FuncUse{flow.Called, flow.Deferred, flow.Started, flow.HandedOn}
	if !slices.Equal(got, want) {
		t.Errorf("uses of the closure = %v, want %v", got, want)
	}
	// The same call calls the sink: a function value in a parameter.
	sink := f.Params[0]
	last := (*mc.Referrers())[3]
	if u := flow.UseOf(sink, last); u != flow.Called {
		t.Errorf("use of the sink = %v, want Called", u)
	}
}

const guardSrc = `package p

func a() {}
func b() {}
func c() {}
func d() {}
func e() {}

func guarded(m int, s string) {
	if m == 1 {
		a()
		if 2 != m {
			c()
		} else {
			b()
		}
	}
	switch s {
	case "x":
		d()
	}
	if m == 4 {
		return
	}
	e()
}
`

// TestGuards: the comparisons with a constant each call runs under,
// in both forms (== and, on the else branch, !=) and as a switch case;
// none after the branches join, nor for the side where they differ.
func TestGuards(t *testing.T) {
	pkg := atest.BuildSSA(t, guardSrc, 0)
	g := fn(t, pkg, "guarded")
	for name, want := range map[string][]string{
		"a": {"1:int"},
		"b": {"1:int", "2:int"},
		"c": {"1:int"},
		"d": {`"x":string`},
		"e": nil,
	} {
		var got []string
		for _, gd := range flow.Guards(call(t, g, name, 0).Block()) {
			if gd.X != g.Params[0] && gd.X != g.Params[1] {
				t.Errorf("%s: guard on %v, want a parameter", name, gd.X)
			}
			got = append(got, gd.K.String())
		}
		if !slices.Equal(got, want) {
			t.Errorf("Guards of %s = %v, want %v", name, got, want)
		}
	}
}

func TestOnlyUsedAs(t *testing.T) {
	pkg := build(t)
	closure := func(name string) *ssa.MakeClosure {
		for _, b := range fn(t, pkg, name).Blocks {
			for _, in := range b.Instrs {
				if c, ok := in.(*ssa.MakeClosure); ok {
					return c
				}
			}
		}
		t.Fatalf("%s makes no closure", name)
		return nil
	}
	all := []flow.FuncUse{flow.Called, flow.Deferred, flow.Started}
	if flow.OnlyUsedAs(closure("closureUses"), all...) {
		t.Errorf("closureUses: the closure handed to sink is only called")
	}
	called := closure("closureCalled")
	if !flow.OnlyUsedAs(called, all...) {
		t.Errorf("closureCalled: the closure called, deferred and started is handed on")
	}
	if flow.OnlyUsedAs(called, flow.Called) {
		t.Errorf("closureCalled: the closure deferred and started is only called")
	}
}

func TestParamIndexUnconverted(t *testing.T) {
	f := fn(t, build(t), "paramsConverted")
	var ret *ssa.Return
	for _, b := range f.Blocks {
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			ret = r
		}
	}
	v := ret.Results[0]
	if _, ok := v.(*ssa.ChangeType); !ok {
		t.Fatalf("paramsConverted returns %T, want a conversion", v)
	}
	if got := flow.ParamIndex(f, flow.Unconverted(v)); got != 1 {
		t.Errorf("ParamIndex(Unconverted(result)) = %d, want 1 (b)", got)
	}
	if got := flow.ParamIndex(f, v); got != -1 {
		t.Errorf("ParamIndex(result) = %d, want -1", got)
	}
}
