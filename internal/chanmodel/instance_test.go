package chanmodel_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
)

// instances reports, at each go statement whose goroutine sends on a
// channel field, what Model.InstanceIn tells of the object.
var instances = &analysis.Analyzer{
	Name:     "chaninstance",
	Doc:      "report the instance a goroutine's field sends act on",
	Requires: []*analysis.Analyzer{chanmodel.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		m := pass.ResultOf[chanmodel.Analyzer].(*chanmodel.Model)
		names := map[chanmodel.Instance]string{
			chanmodel.InstanceUnknown: "unknown",
			chanmodel.InstanceOuter:   "outer",
			chanmodel.InstanceHanded:  "handed",
			chanmodel.InstanceLocal:   "local",
		}
		for _, f := range m.Funcs {
			for i := range f.Ops {
				op := &f.Ops[i]
				if op.Kind == chanmodel.Send && op.Unit != 0 && op.Chan.Kind == chanmodel.KindField && f.Fn.Parent() == nil {
					pass.Reportf(op.Instr.Pos(), "%s: %s", op.Chan.Field.Name(), names[m.InstanceIn(f, op)])
				}
			}
		}
		return nil, nil
	},
}

func TestInstanceIn(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), instances, "instance")
}
