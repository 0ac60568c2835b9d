package analysisutil

import (
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// Analyzed is the content of the package fact with which an analyzer
// marks each package it has analyzed to the end. With the mark, the
// analyzer need not export the object facts that say nothing but its
// default ("no effect"): an importer reads a missing fact about a
// function of a marked package as that default, and about a function
// of an unmarked package (the analyzer failed there, or never ran) as
// unknown. Under go vet, facts are most of what a fact file holds, and
// a fact about a method is copied into the fact file of every package
// that imports its package, directly or not.
//
// Facts are told apart by their type, and an analyzer may import only
// the types it declares, so each analyzer declares its own mark, a
// struct embedding Analyzed, among its FactTypes:
//
//	type analyzedFact struct{ analysisutil.Analyzed }
//
// Under go vet an importer sees the package facts of its direct imports
// only (unlike facts about methods, they are not copied), so a mark
// also says whether the package's dependencies were all marked, each
// with its own dependencies: when every direct import's mark says so,
// every package the importer can see was analyzed.
type Analyzed struct {
	// Deps: every dependency of the package, direct or not, was
	// analyzed to the end too.
	Deps bool
}

func (a *Analyzed) analyzed() *Analyzed { return a }

func (a *Analyzed) String() string {
	if a.Deps {
		return "analyzed, dependencies too"
	}
	return "analyzed"
}

// An AnalyzedFact is an analyzer's own mark type, a struct embedding
// Analyzed.
type AnalyzedFact interface {
	analysis.Fact
	analyzed() *Analyzed
}

// Marks tells one pass which packages its analyzer has analyzed to the
// end, by their AnalyzedFact marks.
type Marks struct {
	pass    *analysis.Pass
	newMark func() AnalyzedFact
	all     bool // every package pass.Pkg depends on is marked
	known   map[*types.Package]bool
}

// NewMarks reads the marks of newMark's type that pass's dependencies
// carry.
func NewMarks(pass *analysis.Pass, newMark func() AnalyzedFact) *Marks {
	m := &Marks{pass: pass, newMark: newMark, all: true, known: make(map[*types.Package]bool)}
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == "unsafe" {
			continue // no functions, and no driver analyzes it
		}
		f := newMark()
		ok := pass.ImportPackageFact(imp, f)
		m.known[imp] = ok
		if !ok || !f.analyzed().Deps {
			m.all = false
		}
	}
	return m
}

// Analyzed reports whether the analyzer has analyzed pkg, a dependency
// of the pass's package, to the end, so that a missing fact about one
// of its functions means the default.
func (m *Marks) Analyzed(pkg *types.Package) bool {
	if m.all {
		return true
	}
	ok, seen := m.known[pkg]
	if !seen {
		ok = m.pass.ImportPackageFact(pkg, m.newMark())
		m.known[pkg] = ok
	}
	return ok
}

// Export marks the pass's package. Call it once the analyzer has
// exported all its facts: a package whose analysis failed halfway must
// stay unmarked.
func (m *Marks) Export() {
	f := m.newMark()
	f.analyzed().Deps = m.all
	m.pass.ExportPackageFact(f)
}
