package condwait

import (
	_ "embed"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

//go:embed doc.go
var doc string

// Analyzer reports calls of sync.Cond.Wait that do not re-check their
// condition in a loop, and calls made while the Cond's lock is
// certainly not held.
var Analyzer = &analysis.Analyzer{
	Name:      "condwait",
	Doc:       analysisutil.MustExtractDoc(doc, "condwait"),
	Requires:  []*analysis.Analyzer{inspect.Analyzer, buildssa.Analyzer, lockset.Analyzer, analysisutil.ModeAnalyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(waiterFact)},
}

// waiterFact marks a function that calls sync.Cond.Wait as its last
// action without re-checking anything: a wrapper whose callers must
// loop in its place.
type waiterFact struct{}

func (*waiterFact) AFact()         {}
func (*waiterFact) String() string { return "waiter" }

func run(pass *analysis.Pass) (any, error) {
	// Nothing to judge or export in a package that neither waits on a
	// Cond nor calls a function that does.
	if !analysisutil.Mentions(pass.TypesInfo, func(obj types.Object) bool {
		fn, ok := obj.(*types.Func)
		return ok && (isCondWait(fn) || fn.Pkg() != pass.Pkg && pass.ImportObjectFact(fn, new(waiterFact)))
	}) {
		return nil, nil
	}
	calls := checkLoops(pass)
	if analysisutil.FactsOnly(pass) {
		return nil, nil
	}
	checkLocks(pass, pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA), pass.ResultOf[lockset.Analyzer].(*lockset.Result), calls)
	return nil, nil
}
