package lockset

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
)

// Reporter wraps pass.Report, dropping diagnostics in generated files
// (nobody fixes those by hand; cmd/cgo's translations of the user's
// files are not generated in this sense). Install it with
// pass.Report = lockset.Reporter(pass).
func Reporter(pass *analysis.Pass) func(analysis.Diagnostic) {
	report := pass.Report
	gen := map[*token.File]bool{}
	for _, f := range pass.Files {
		if analysisutil.Generated(pass.Fset, f) {
			gen[pass.Fset.File(f.FileStart)] = true
		}
	}
	return func(d analysis.Diagnostic) {
		if len(gen) > 0 && gen[pass.Fset.File(d.Pos)] {
			return
		}
		report(d)
	}
}
