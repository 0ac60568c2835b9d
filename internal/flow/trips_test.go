package flow_test

import (
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/atest"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// tripsSrc's loops call a in their body; CountedBy asks what counts
// the loop around that call.
const tripsSrc = `package p

func a() {}

var cond bool

func rangeSlice(xs []int)   { for range xs { a() } }
func rangeValues(xs []int)  { for _, x := range xs { _ = x; a() } }
func rangeInt(n int)        { for range n { a() } }
func counter(n int)         { for i := 0; i < n; i++ { a() } }
func counterLen(xs []int)   { for i := 0; i < len(xs); i++ { a() } }
func constant()             { for i := 0; i < 3; i++ { a() } }
func breaks(xs []int)       { for range xs { a(); if cond { break } } }
func returns(xs []int)      { for range xs { a(); if cond { return } } }
func skips(xs []int)        { for range xs { if cond { continue }; a() } }
func step2(n int)           { for i := 0; i < n; i += 2 { a() } }
func whileCond()            { for cond { a() } }
func rangeMap(m map[int]int) { for range m { a() } }
func continues(xs []int)    { for range xs { a(); if cond { continue }; b() } }
func nested(xss [][]int)    { for _, xs := range xss { for range xs { a() } } }

func b() {}
`

func TestCountedBy(t *testing.T) {
	pkg := atest.BuildSSA(t, tripsSrc, ssa.InstantiateGenerics)
	for _, tc := range []struct {
		fn   string
		want string // the parameter counting the loop, or "" for none
	}{
		{"rangeSlice", "xs"},
		{"rangeValues", "xs"},
		{"rangeInt", "n"},
		{"counter", "n"},
		{"counterLen", "xs"},
		{"constant", ""}, // ConstTrips's
		{"breaks", ""},
		{"returns", ""},
		{"skips", ""}, // a does not run on every iteration
		{"step2", ""},
		{"whileCond", ""},
		{"rangeMap", ""},
		{"continues", "xs"}, // a continue is a second back edge, also stepping
		{"nested", ""},      // the inner loop runs len(xs) times per outer iteration
	} {
		f := fn(t, pkg, tc.fn)
		v, ok := flow.CountedBy(call(t, f, "a", 0).Block())
		got := ""
		if ok {
			p, isParam := v.(*ssa.Parameter)
			if !isParam {
				t.Errorf("%s: CountedBy = %v, not a parameter", tc.fn, v)
				continue
			}
			got = p.Name()
		}
		if got != tc.want {
			t.Errorf("%s: CountedBy = %q, want %q", tc.fn, got, tc.want)
		}
	}
}

// TestCountedHead: the loop an inner header heads is counted on its
// natural loop, not on the outer loop whose blocks also cycle through
// it.
func TestCountedHead(t *testing.T) {
	pkg := atest.BuildSSA(t, tripsSrc, ssa.InstantiateGenerics)
	f := fn(t, pkg, "nested")
	ab := call(t, f, "a", 0).Block()
	var inner *ssa.BasicBlock
	for _, h := range f.Blocks {
		if loop := flow.NaturalLoop(h); loop[ab] && h.Dominates(ab) && (inner == nil || len(loop) < len(flow.NaturalLoop(inner))) {
			inner = h
		}
	}
	if inner == nil {
		t.Fatal("nested: no loop around a")
	}
	if flow.NaturalLoop(inner)[f.Blocks[0]] {
		t.Errorf("nested: the inner natural loop holds the entry block")
	}
	if _, n, ok := flow.CountedHead(inner); !ok {
		t.Errorf("nested: CountedHead of the inner loop failed")
	} else if p, isParam := n.(*ssa.Parameter); isParam && p.Name() == "xss" {
		t.Errorf("nested: CountedHead of the inner loop = xss, want the inner slice")
	}
}
