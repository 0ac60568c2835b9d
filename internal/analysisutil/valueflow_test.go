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
