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

// otherObjects reports, at each direct close of a channel field, how
// many sends of the package on that field may act on the same object
// (Model.OtherObjects does not tell them apart).
var otherObjects = &analysis.Analyzer{
	Name:     "otherobjects",
	Doc:      "report the sends that may share a close's object",
	Requires: []*analysis.Analyzer{chanmodel.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		m := pass.ResultOf[chanmodel.Analyzer].(*chanmodel.Model)
		for _, f := range m.Funcs {
			for i := range f.Ops {
				c := &f.Ops[i]
				if c.Kind != chanmodel.Close || !c.Direct() || c.Chan.Kind != chanmodel.KindField {
					continue
				}
				n := 0
				for _, g := range m.Funcs {
					for j := range g.Ops {
						s := &g.Ops[j]
						if s.Kind == chanmodel.Send && s.Chan == c.Chan && !m.OtherObjects(f, c, g, s) {
							n++
						}
					}
				}
				pass.Reportf(c.Instr.Pos(), "%d sends may share the object", n)
			}
		}
		return nil, nil
	},
}

func TestOtherObjects(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), otherObjects, "otherobjects")
}
