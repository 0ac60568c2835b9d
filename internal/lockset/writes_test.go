package lockset_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/lockset"
)

// writesDump reports, at each call of another package's function, the
// Writes summary lockset imported for it.
var writesDump = &analysis.Analyzer{
	Name:     "writesdump",
	Doc:      "print the imported Writes summaries",
	Requires: []*analysis.Analyzer{lockset.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[lockset.Analyzer].(*lockset.Result)
		for _, fn := range res.Functions() {
			for _, b := range fn.Blocks {
				for _, in := range b.Instrs {
					c, ok := in.(*ssa.Call)
					if !ok || c.Call.StaticCallee() == nil {
						continue
					}
					ws := res.ImportedWrites(c.Call.StaticCallee())
					if len(ws) == 0 {
						continue
					}
					var parts []string
					for _, w := range ws {
						s := fmt.Sprintf("%s %s %s", w.Key, w.Func, w.Text)
						if w.LosesUpdates {
							s += " loses"
						}
						if w.Always {
							s += " always"
						}
						if w.Guard != "" {
							s += " guard=" + w.Guard
						}
						parts = append(parts, s)
					}
					pass.Reportf(c.Pos(), "%s writes %s", c.Call.StaticCallee().RelString(nil)[len("writes/"):], strings.Join(parts, "; "))
				}
			}
		}
		return nil, nil
	},
}

func TestWrites(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), writesDump, "writes/use")
}
