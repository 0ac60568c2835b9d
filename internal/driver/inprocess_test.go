package driver

import (
	"fmt"
	"go/types"
	"slices"
	"testing"

	"github.com/goconcheck/goconcheck/analyzers"
)

// TestDependencyFacts checks the in-process driver's one shortcut that
// could change results: a dependency is analyzed only for its facts,
// and analyzers skip work then (lockset, for one, skips the dataflow of
// functions without a lock operation). Its facts must be exactly those
// of a full analysis, on packages that lock, wait and spawn a lot.
func TestDependencyFacts(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks net/http and its dependencies twice")
	}
	patterns := []string{"net/http", "os/exec"}
	facts := func(allRoots bool) []string {
		units, err := graph(patterns, "", false)
		if err != nil {
			t.Fatal(err)
		}
		if allRoots {
			for _, u := range units {
				u.root = true
			}
		}
		_, problems, err := analyzeUnits(analyzers.All(), units, nil, nil)
		if err != nil || len(problems) > 0 {
			t.Fatalf("analyzing %v: %v %v", patterns, err, problems)
		}
		var out []string
		for _, u := range units {
			if u.facts == nil {
				continue
			}
			for k, f := range u.facts.objects {
				out = append(out, fmt.Sprintf("%s: %s: %T %v", u.pkg.ID, types.ObjectString(k.obj, nil), f, f))
			}
			for _, f := range u.facts.packages {
				out = append(out, fmt.Sprintf("%s: %T %v", u.pkg.ID, f, f))
			}
		}
		slices.Sort(out)
		return out
	}
	full, depOnly := facts(true), facts(false)
	if len(full) == 0 {
		t.Fatal("no facts at all")
	}
	if !slices.Equal(full, depOnly) {
		for _, f := range full {
			if !slices.Contains(depOnly, f) {
				t.Errorf("only in the full analysis: %s", f)
			}
		}
		for _, f := range depOnly {
			if !slices.Contains(full, f) {
				t.Errorf("only in the facts-only analysis: %s", f)
			}
		}
	}
	t.Logf("%d facts", len(full))
}
