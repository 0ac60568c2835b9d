package chanmodel_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
)

// flowDump reports the termination and escape facts of the model.
var flowDump = &analysis.Analyzer{
	Name:     "chanflowdump",
	Doc:      "print the termination and escape facts of the channel model",
	Requires: []*analysis.Analyzer{chanmodel.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		m := pass.ResultOf[chanmodel.Analyzer].(*chanmodel.Model)
		for _, f := range m.Funcs {
			if f.NoReturn {
				pass.Reportf(f.Fn.Pos(), "%s: noreturn", f.Fn.Name())
			}
			if f.Fn.Parent() != nil {
				continue
			}
			for i := range f.Ops {
				op := &f.Ops[i]
				var flags []string
				if op.Avoid {
					flags = append(flags, "avoid")
				}
				if op.NeedsClose {
					flags = append(flags, "needsclose")
				}
				if op.Chan.Kind == chanmodel.KindMake && m.Escapes(op.Chan) {
					flags = append(flags, "escapes")
				}
				kind := op.Chan.String()
				if op.Chan.Kind == chanmodel.KindMake {
					kind = "make" // positions vary
				}
				pass.Reportf(m.Site(op), "%s: %s %s u%d [%s]", f.Fn.Name(), op.Kind, kind, op.Unit, strings.Join(flags, " "))
			}
		}
		return nil, nil
	},
}

func TestFlow(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), flowDump, "flow")
}
