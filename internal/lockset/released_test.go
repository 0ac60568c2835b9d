package lockset_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// releasedProbe asks ReleasedBefore about the mutex passed to each
// call of a function named probe, and reports the answer there: the
// line of the release, or the entry of a goroutine.
var releasedProbe = probe("releasedprobe", func(pass *analysis.Pass, res *lockset.Result) {
	for _, fn := range res.Functions() {
		f := res.Funcs[fn]
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok || call.Call.StaticCallee() == nil || call.Call.StaticCallee().Name() != "probe" {
					continue
				}
				want := lockset.KeyOf(call.Call.Args[0])
				q := lockset.ReleaseQuery{
					Match:     func(k lockset.Key) bool { return k == want },
					FromEntry: analysisutil.GoOf(fn) != nil,
					Touches:   func(c *ssa.Call) bool { return c.Call.StaticCallee() == nil },
					Ends: func(in ssa.Instruction) bool {
						c, ok := in.(*ssa.Call)
						return ok && c.Call.StaticCallee() != nil && c.Call.StaticCallee().Name() == "mustHold"
					},
				}
				r, ok := f.ReleasedBefore(call, q)
				switch {
				case !ok:
				case r.Pos.IsValid():
					pass.Reportf(call.Pos(), "released at line %d, entry %v", pass.Fset.Position(r.Pos).Line, r.Entry)
				default:
					pass.Reportf(call.Pos(), "free since entry")
				}
			}
		}
	}
})

func TestReleasedBefore(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), releasedProbe, "released")
}

// probe makes an analyzer that reports what run finds in the lockset
// result.
func probe(name string, run func(*analysis.Pass, *lockset.Result)) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     name,
		Doc:      "report answers of the lockset model",
		Requires: []*analysis.Analyzer{lockset.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			run(pass, pass.ResultOf[lockset.Analyzer].(*lockset.Result))
			return nil, nil
		},
	}
}
