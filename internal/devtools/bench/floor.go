// Package bench holds goconcheck's benchmarks (see bench_test.go) and
// the SSA floor they measure against.
package bench

import (
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Floor loads, type-checks and builds SSA, nothing more: no analyzer of
// goconcheck can cost less. It requires buildssa and inspect, as
// goconcheck's analyzers do, and declares a fact type that it never
// exports, so that every driver runs it on the dependencies of the
// packages it is given as well: goconcheck needs facts from every
// dependency, so it visits all of them, and the floor must visit the
// same packages. (Today buildssa's own requirement ctrlflow has facts,
// which has the same effect under go vet; the declaration keeps the
// floor honest if that changes, and go/analysis's checker, unlike go
// vet, only follows an analyzer's own fact types.)
var Floor = &analysis.Analyzer{
	Name:       "ssafloor",
	Doc:        "load, type-check and build SSA, nothing more (the benchmark floor)",
	Requires:   []*analysis.Analyzer{buildssa.Analyzer, inspect.Analyzer},
	FactTypes:  []analysis.Fact{new(noFact)},
	ResultType: reflect.TypeFor[int](),
	Run: func(pass *analysis.Pass) (any, error) {
		// Use the result, so that nothing can be skipped.
		return len(pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs), nil
	},
}

// noFact is the floor's fact type; no fact of it is ever exported.
type noFact struct{}

func (*noFact) AFact()         {}
func (*noFact) String() string { return "noFact" }
