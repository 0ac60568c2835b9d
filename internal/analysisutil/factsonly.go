package analysisutil

import (
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// Mode is what the driver wants of the analysis of one package: the
// result of ModeAnalyzer.
type Mode struct {
	// FactsOnly: the package is analyzed only for its facts (a
	// dependency of the packages named) and its diagnostics are
	// thrown away. Analyzers must compute the same facts either way
	// and may only skip reporting work.
	FactsOnly bool
}

// ModeAnalyzer carries the Mode of a pass to the analyzers that require
// it, which read it with FactsOnly. A driver that does not know it (the
// golangci-lint plugin, analysistest, gopls) gets its default, a full
// analysis. goconcheck's in-process driver gives each pass its result
// itself, without running it; under go vet, where a process analyzes one
// package, the driver sets its -factsonly flag when the go command asks
// only for facts (VetxOnly).
var ModeAnalyzer = &analysis.Analyzer{
	Name:       "goconcheckmode",
	Doc:        "tell the analyzers whether the diagnostics of the package are wanted (set by the goconcheck driver)",
	Run:        func(*analysis.Pass) (any, error) { return Mode{FactsOnly: factsOnlyFlag}, nil },
	ResultType: reflect.TypeFor[Mode](),
}

var factsOnlyFlag bool

func init() {
	ModeAnalyzer.Flags.BoolVar(&factsOnlyFlag, "factsonly", false, "analyze for facts only: the diagnostics are discarded")
}

// FactsOnly reports whether the diagnostics of pass are discarded, as
// the ModeAnalyzer its analyzer requires says.
func FactsOnly(pass *analysis.Pass) bool {
	m, ok := pass.ResultOf[ModeAnalyzer].(Mode)
	if !ok {
		panic("analysisutil.FactsOnly: analyzer " + pass.Analyzer.Name + " does not require analysisutil.ModeAnalyzer")
	}
	return m.FactsOnly
}
