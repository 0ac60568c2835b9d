package analysisutil

import (
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/goconcheck/goconcheck/internal/atest"
)

const valueSrc = `package p

type holder struct{ f func() }
type Exported struct{ F func() }

func (h holder) run() { h.f() }

var sink func()

func direct()   { g := func() {}; g() }
func viaField() { h := holder{f: func() {}}; h.run() }
func viaParam() { call(func() {}) }
func call(f func()) { f() }
func stored()   { sink = func() {} }
func returned() func() { return func() {} }
func started()  { go func() {}() }
func exported() { e := Exported{F: func() {}}; _ = e }
func handedOn() { keep(func() {}) }
func keep(f func()) { sink = f }

// A field of a generic type: the store is to gholder[int].f, the load
// in the generic method's code is of gholder[T].f, one field.
type gholder[T any] struct{ f func(T) }

var anySink any

func (h *gholder[T]) leak() { anySink = h.f }
func viaGeneric()           { h := &gholder[int]{f: func(int) {}}; h.leak() }
`

func TestOnlyCalled(t *testing.T) {
	pkg := atest.BuildSSA(t, valueSrc, 0)
	var funcs []*ssa.Function
	for _, m := range pkg.Members {
		if fn, ok := m.(*ssa.Function); ok {
			funcs = append(funcs, fn)
		}
	}
	for m := range ssautil.AllFunctions(pkg.Prog) {
		if m.Pkg == pkg && m.Parent() == nil && m.Signature.Recv() != nil {
			funcs = append(funcs, m)
		}
	}
	vf := NewValueFlow(pkg.Pkg, funcs)
	never := func(*ssa.CallCommon, ssa.Value) bool { return false }
	for name, want := range map[string]bool{
		"direct": true, "viaField": true, "viaParam": true,
		"stored": false, "returned": false, "started": false, "exported": false, "handedOn": false,
		"viaGeneric": false,
	} {
		fn := pkg.Func(name)
		var lit ssa.Value
		var at ssa.Instruction
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				var ops []*ssa.Value
				for _, o := range in.Operands(ops) {
					if g, ok := (*o).(*ssa.Function); ok && g.Parent() == fn && lit == nil {
						lit, at = g, in
					}
				}
			}
		}
		if lit == nil {
			t.Fatalf("%s: no function literal", name)
		}
		if got := vf.OnlyCalled(lit, at, never); got != want {
			t.Errorf("%s: OnlyCalled = %v, want %v", name, got, want)
		}
	}
}

const sitesSrc = `package p

type test struct{ init, tick func() }

func runTest(t test) {
	t.init()
	for i := 0; i < 3; i++ {
		t.tick()
	}
}

func once()    { runTest(test{init: func() {}}) }
func looped()  { t := test{init: func() {}}; for range 3 { t.init() } }
func tabled()  { table["x"] = func() {} }
func hooked()  { hook = func() {} }
func started() { f := func() {}; go f() }
func listed()  { list = append(list, func() {}) }
func leaked()  { sink = &kept; kept = func() {} }

var table = map[string]func(){}
var hook, kept func()
var sink *func()
var list []func()

func main() {
	table["x"]()
	hook()
	for _, f := range list {
		f()
	}
}
`

// TestCallSites checks where a function value stored or passed on in
// a main package is called: instance by instance for a struct literal,
// at every load for a table or a package variable.
func TestCallSites(t *testing.T) {
	pkg := atest.BuildSSA(t, sitesSrc, 0)
	var funcs []*ssa.Function
	for _, m := range pkg.Members {
		if fn, ok := m.(*ssa.Function); ok {
			funcs = append(funcs, fn)
		}
	}
	vf := NewValueFlow(pkg.Pkg, funcs)
	for name, want := range map[string]string{
		"once":    "runTest",
		"looped":  "looped",
		"tabled":  "main,main", // every element of type func() read
		"hooked":  "main",
		"started": "started",
		"listed":  "main,main",
		"leaked":  "!", // the variable's address escapes
	} {
		fn := pkg.Func(name)
		var sites []ssa.Instruction
		ok := false
		for _, lit := range fn.AnonFuncs {
			for _, b := range fn.Blocks {
				for _, in := range b.Instrs {
					if mc, isClosure := in.(*ssa.MakeClosure); isClosure && mc.Fn == lit {
						t.Fatalf("%s: a closure with free variables", name)
					}
					var ops []*ssa.Value
					for _, o := range in.Operands(ops) {
						if *o == lit {
							sites, ok = vf.CallSites(lit, in, true, nil)
						}
					}
				}
			}
		}
		got := "!"
		if ok {
			got = ""
			for i, s := range sites {
				if i > 0 {
					got += ","
				}
				got += s.Parent().Name()
			}
		}
		if got != want {
			t.Errorf("%s: called in %q, want %q", name, got, want)
		}
	}
}
