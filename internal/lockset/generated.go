package lockset

import (
	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
)

// Reporter returns pass.Report without the diagnostics in generated
// files.
//
// Deprecated: the suite drops those for every analyzer (see
// analyzers.All and analysisutil.DropGenerated); this remains until
// its last caller, unlockedwrite, stops calling it.
func Reporter(pass *analysis.Pass) func(analysis.Diagnostic) {
	return analysisutil.DropGenerated(pass)
}
