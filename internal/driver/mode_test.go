package driver

import (
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
)

// modeFact makes modeProbe run on dependencies, as analyzers with
// facts do.
type modeFact struct{}

func (*modeFact) AFact() {}

// TestModePerPass checks that the in-process driver tells each pass,
// through analysisutil.ModeAnalyzer, whether its package is one the
// user named (full analysis) or a dependency (facts only).
func TestModePerPass(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]bool{}
	probe := &analysis.Analyzer{
		Name:      "modeprobe",
		Doc:       "record the mode of each pass",
		Requires:  []*analysis.Analyzer{analysisutil.ModeAnalyzer},
		FactTypes: []analysis.Fact{new(modeFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			mu.Lock()
			seen[pass.Pkg.Path()] = analysisutil.FactsOnly(pass)
			mu.Unlock()
			return nil, nil
		},
	}
	units, err := graph([]string{"sort"}, "", false)
	if err != nil {
		t.Fatal(err)
	}
	if _, problems, err := analyzeUnits([]*analysis.Analyzer{probe}, units, nil, nil, nil); err != nil || len(problems) > 0 {
		t.Fatalf("analyzing sort: %v %v", err, problems)
	}
	if factsOnly, ok := seen["sort"]; !ok || factsOnly {
		t.Errorf("sort, named: ran %v, facts only %v; want a full analysis", ok, factsOnly)
	}
	deps := 0
	for path, factsOnly := range seen {
		if path != "sort" {
			deps++
			if !factsOnly {
				t.Errorf("%s, a dependency: a full analysis; want facts only", path)
			}
		}
	}
	if deps == 0 {
		t.Errorf("no dependency of sort analyzed: %v", seen)
	}
}
