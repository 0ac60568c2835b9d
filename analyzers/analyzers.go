// Package analyzers holds the list of goconcheck analyzers, the one
// list that every front end (the goconcheck command, go vet -vettool,
// the golangci-lint plugin) runs.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/analyzers/closebyreceiver"
	"github.com/goconcheck/goconcheck/analyzers/condwait"
	"github.com/goconcheck/goconcheck/analyzers/missingcancel"
	"github.com/goconcheck/goconcheck/analyzers/sendafterclose"
	"github.com/goconcheck/goconcheck/analyzers/sleepsync"
	"github.com/goconcheck/goconcheck/analyzers/waitgroupadd"
)

// All returns the goconcheck suite, in a stable order.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		closebyreceiver.Analyzer,
		condwait.Analyzer,
		missingcancel.Analyzer,
		sendafterclose.Analyzer,
		sleepsync.Analyzer,
		waitgroupadd.Analyzer,
	}
}
