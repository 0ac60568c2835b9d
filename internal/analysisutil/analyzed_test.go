package analysisutil

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
)

type testMark struct{ Analyzed }

func (*testMark) AFact() {}

func newTestMark() AnalyzedFact { return new(testMark) }

// marksPass returns a pass of package p importing imps, whose package
// facts are marks: each dependency with a mark in marks (its Deps).
func marksPass(imps []*types.Package, marks map[*types.Package]bool, exported *AnalyzedFact) *analysis.Pass {
	p := types.NewPackage("p", "p")
	p.SetImports(imps)
	return &analysis.Pass{
		Pkg: p,
		ImportPackageFact: func(pkg *types.Package, f analysis.Fact) bool {
			deps, ok := marks[pkg]
			if ok {
				f.(AnalyzedFact).analyzed().Deps = deps
			}
			return ok
		},
		ExportPackageFact: func(f analysis.Fact) { *exported = f.(AnalyzedFact) },
	}
}

func TestMarks(t *testing.T) {
	a := types.NewPackage("a", "a")
	b := types.NewPackage("b", "b")
	indirect := types.NewPackage("c", "c") // a dependency of a or b, not imported by p

	// Every import marked with its dependencies: every package p can
	// see was analyzed, the indirect one too.
	var got AnalyzedFact
	m := NewMarks(marksPass([]*types.Package{a, b, types.Unsafe}, map[*types.Package]bool{a: true, b: true}, &got), newTestMark)
	for _, pkg := range []*types.Package{a, b, indirect} {
		if !m.Analyzed(pkg) {
			t.Errorf("all imports marked with their dependencies: %s not analyzed", pkg.Path())
		}
	}
	m.Export()
	if got == nil || !got.analyzed().Deps {
		t.Errorf("all imports marked with their dependencies: exported %v, want a mark with Deps", got)
	}

	// b's dependencies not all analyzed: only what is marked counts.
	got = nil
	m = NewMarks(marksPass([]*types.Package{a, b}, map[*types.Package]bool{a: true, b: false}, &got), newTestMark)
	for pkg, want := range map[*types.Package]bool{a: true, b: true, indirect: false} {
		if m.Analyzed(pkg) != want {
			t.Errorf("b without its dependencies: Analyzed(%s) = %t, want %t", pkg.Path(), !want, want)
		}
	}
	m.Export()
	if got == nil || got.analyzed().Deps {
		t.Errorf("b without its dependencies: exported %v, want a mark without Deps", got)
	}

	// b not analyzed at all.
	m = NewMarks(marksPass([]*types.Package{a, b}, map[*types.Package]bool{a: true, indirect: true}, &got), newTestMark)
	for pkg, want := range map[*types.Package]bool{a: true, b: false, indirect: true} {
		if m.Analyzed(pkg) != want {
			t.Errorf("b unmarked: Analyzed(%s) = %t, want %t", pkg.Path(), !want, want)
		}
	}
}
