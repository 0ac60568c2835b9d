// Package analyzers holds the list of goconcheck analyzers, the one
// list that every front end (the goconcheck command, go vet -vettool,
// the golangci-lint plugin) runs.
package analyzers

import (
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/analyzers/closebyreceiver"
	"github.com/goconcheck/goconcheck/analyzers/condwait"
	"github.com/goconcheck/goconcheck/analyzers/doublelock"
	"github.com/goconcheck/goconcheck/analyzers/goroutineleak"
	"github.com/goconcheck/goconcheck/analyzers/goroutinepanic"
	"github.com/goconcheck/goconcheck/analyzers/lockedblock"
	"github.com/goconcheck/goconcheck/analyzers/lockleak"
	"github.com/goconcheck/goconcheck/analyzers/missingcancel"
	"github.com/goconcheck/goconcheck/analyzers/partnerexit"
	"github.com/goconcheck/goconcheck/analyzers/selfdeadlock"
	"github.com/goconcheck/goconcheck/analyzers/sendafterclose"
	"github.com/goconcheck/goconcheck/analyzers/sleepsync"
	"github.com/goconcheck/goconcheck/analyzers/unjoined"
	"github.com/goconcheck/goconcheck/analyzers/unlockedwrite"
	"github.com/goconcheck/goconcheck/analyzers/waitgroupadd"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/suppress"
)

// DocURL is where an analyzer's documentation lives; a rule's is the
// analyzer's with "#category" added, as the x/tools drivers resolve it.
const DocURL = "https://github.com/goconcheck/goconcheck/tree/main/analyzers/"

func wrap(as []*analysis.Analyzer) []*analysis.Analyzer {
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Name
	}
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		w := suppress.Wrap(withoutGenerated(a), names)
		w.URL = DocURL + a.Name
		out[i] = w
	}
	return out
}

// withoutGenerated returns a copy of a that drops the diagnostics in
// generated files (see analysisutil.DropGenerated).
func withoutGenerated(a *analysis.Analyzer) *analysis.Analyzer {
	w := *a
	w.Run = func(pass *analysis.Pass) (any, error) {
		pass.Report = analysisutil.DropGenerated(pass)
		return a.Run(pass)
	}
	return &w
}

// All returns the goconcheck suite, in a stable order: each analyzer
// with its documentation URL, silent in generated files, and with the
// //goconcheck:ignore directives in force (see internal/suppress), the
// same in every front end. The analyzers are shared: callers must not modify them.
//
// lockorder (AB-BA inversions, on internal/lockset) is built and tested
// but not in the suite: on nats-server it reports pairs of one field's
// mutex in values the program keeps apart, and a finding must be a bug
// before an analyzer ships.
func All() []*analysis.Analyzer { return slices.Clone(suite) }

var suite = wrap(unwrapped())

func unwrapped() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		closebyreceiver.Analyzer,
		condwait.Analyzer,
		doublelock.Analyzer,
		goroutineleak.Analyzer,
		goroutinepanic.Analyzer,
		lockedblock.Analyzer,
		lockleak.Analyzer,
		missingcancel.Analyzer,
		partnerexit.Analyzer,
		selfdeadlock.Analyzer,
		sendafterclose.Analyzer,
		sleepsync.Analyzer,
		unjoined.Analyzer,
		unlockedwrite.Analyzer,
		waitgroupadd.Analyzer,
	}
}
