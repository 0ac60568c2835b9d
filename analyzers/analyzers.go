// Package analyzers holds the list of goconcheck analyzers, the one
// list that every front end (the goconcheck command, go vet -vettool,
// the golangci-lint plugin) runs.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/analyzers/closebyreceiver"
	"github.com/goconcheck/goconcheck/analyzers/condwait"
	"github.com/goconcheck/goconcheck/analyzers/goroutineleak"
	"github.com/goconcheck/goconcheck/analyzers/missingcancel"
	"github.com/goconcheck/goconcheck/analyzers/selfdeadlock"
	"github.com/goconcheck/goconcheck/analyzers/sendafterclose"
	"github.com/goconcheck/goconcheck/analyzers/sleepsync"
	"github.com/goconcheck/goconcheck/analyzers/waitgroupadd"
)

// All returns the goconcheck suite, in a stable order.
//
// doublelock, lockleak and unlockedwrite (on internal/lockset) are
// built and tested but not yet in the suite: on nats-server they still
// report correct code (objects not yet shared, helpers called with the
// lock held), and a finding must be a bug before an analyzer ships.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		closebyreceiver.Analyzer,
		condwait.Analyzer,
		goroutineleak.Analyzer,
		missingcancel.Analyzer,
		selfdeadlock.Analyzer,
		sendafterclose.Analyzer,
		sleepsync.Analyzer,
		waitgroupadd.Analyzer,
	}
}
