package chanmodel_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
)

// concurrentQueries asks one Model the lazily cached questions from
// several goroutines at once, as the analyzers that share a Model do
// when a driver runs them in parallel. scripts/test.sh runs this test
// with -race; without it, the runtime's map checks may still catch a
// regression.
var concurrentQueries = &analysis.Analyzer{
	Name:     "chanconcurrent",
	Doc:      "query one channel model from several goroutines",
	Requires: []*analysis.Analyzer{chanmodel.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		m := pass.ResultOf[chanmodel.Analyzer].(*chanmodel.Model)
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				for _, f := range m.Funcs {
					for i := range f.Ops {
						op := &f.Ops[i]
						m.Escapes(op.Chan)
						m.OpsOn(op.Chan)
						m.TerminatesAfter(op.Instr)
						if g, ok := op.Instr.(*ssa.Go); ok {
							m.GoUnit(g)
						}
					}
				}
			})
		}
		wg.Wait()
		return nil, nil
	},
}

// onlyFailures passes on analysistest's errors except the unmet
// expectations of the testdata, which are written for other tests.
type onlyFailures struct{ t *testing.T }

func (o onlyFailures) Errorf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if strings.Contains(msg, "no diagnostic was reported") || strings.Contains(msg, "no fact was reported") {
		return
	}
	o.t.Error(msg)
}

func TestConcurrentQueries(t *testing.T) {
	analysistest.Run(onlyFailures{t}, analysistest.TestData(), concurrentQueries, "flow", "model")
}
