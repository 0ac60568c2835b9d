package analysisutil_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/atest"
)

// TestHidden pins which unexported types keep their methods to the
// package: each way a type can be let out is tried once.
func TestHidden(t *testing.T) {
	const src = `package p

import "fmt"

type tracker struct{ n int }      // hidden: only package code calls it
func (t *tracker) Unmarshal() { t.n = 1 }

type returned struct{}            // an exported function returns it
func New() *returned { return &returned{} }

type field struct{}               // an exported field of an exported type holds it
type Server struct{ Store *field }

type embedded struct{}            // embedded: its methods are promoted
type wrapper struct{ embedded }

type boxed struct{}               // made into an interface value
func show() { fmt.Println(&boxed{}) }

type chained struct{}             // reached through a let-out type's method
func (r *returned) Next() *chained { return nil }

type generic struct{}             // a type argument
func use[T any](v T) {}
func callUse() { use(generic{}) }

func load() { t := &tracker{}; t.Unmarshal(); _ = wrapper{} }
`
	pkg := atest.BuildSSA(t, src, ssa.InstantiateGenerics)
	var fns []*ssa.Function
	for fn := range ssautil.AllFunctions(pkg.Prog) {
		if fn.Pkg == pkg {
			fns = append(fns, fn)
		}
	}
	hidden := analysisutil.Hidden(pkg.Pkg, fns)
	var got []string
	for tn := range hidden {
		got = append(got, tn.Name())
	}
	slices.Sort(got)
	if want := []string{"tracker", "wrapper"}; !slices.Equal(got, want) {
		t.Errorf("hidden = %v, want %v", got, want)
	}
	for _, fn := range fns {
		want := fn.Name() == "Unmarshal"
		if fn.Name() == "Unmarshal" || fn.Name() == "Next" {
			if got := analysisutil.HiddenMethod(fn, hidden); got != want {
				t.Errorf("HiddenMethod(%s) = %v, want %v", fn, got, want)
			}
		}
	}
}
