package chanmodel_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
)

// dump reports every operation of the model as a diagnostic at its
// site, so that the testdata's // want comments pin identities, units
// and flags down.
var dump = &analysis.Analyzer{
	Name:     "chanmodeldump",
	Doc:      "print the channel model",
	Requires: []*analysis.Analyzer{chanmodel.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		m := pass.ResultOf[chanmodel.Analyzer].(*chanmodel.Model)
		for _, f := range m.Funcs {
			for i := range f.Ops {
				op := &f.Ops[i]
				var flags []string
				for _, fl := range []struct {
					on   bool
					name string
				}{
					{op.Deferred, "deferred"}, {op.Must, "must"}, {op.RecvBefore, "recvbefore"},
					{op.AfterWait, "afterwait"}, {op.Locked, "locked"}, {op.NonBlocking, "nonblocking"},
					{op.Chan.Kind == chanmodel.KindField && op.Base != nil, "base"},
					{op.Fresh, "fresh"}, {op.Renewed, "renewed"}, {!op.Direct() && op.CalleeMust && !op.Must, "calleemust"},
				} {
					if fl.on {
						flags = append(flags, fl.name)
					}
				}
				pass.Reportf(m.Site(op), "%s: %s %s u%d [%s]", f.Fn.Name(), op.Kind, op.Chan, op.Unit, strings.Join(flags, " "))
			}
		}
		return nil, nil
	},
}

func TestModel(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), dump, "model")
}

func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), chanmodel.Analyzer, "model/lib")
}

func TestChanIDString(t *testing.T) {
	if got := fmt.Sprint(chanmodel.ChanID{}); got != "unknown" {
		t.Errorf("zero ChanID = %q", got)
	}
}
