package unlockedwrite

import (
	_ "embed"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/lockset"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

//go:embed doc.go
var doc string

// Analyzer reports writes to shared state without the lock that
// guards it.
var Analyzer = &analysis.Analyzer{
	Name:     "unlockedwrite",
	Doc:      analysisutil.MustExtractDoc(doc, "unlockedwrite"),
	Requires: []*analysis.Analyzer{lockset.Analyzer, chanmodel.Analyzer, syncmodel.Analyzer, inspect.Analyzer, analysisutil.ClosuresAnalyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[lockset.Analyzer].(*lockset.Result)
	report := pass.Report
	// done holds the writes reported already: a write to a guarded
	// field in a handler is one finding, not two.
	done := map[token.Pos]bool{}
	pass.Report = func(d analysis.Diagnostic) {
		done[d.Pos] = true
		report(d)
	}
	checkFields(pass, res)
	checkGoroutines(pass, res, done)
	checkSpawner(pass, res)
	checkOwned(pass, res, done)
	return nil, nil
}
