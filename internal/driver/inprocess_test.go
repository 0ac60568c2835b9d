package driver

import (
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
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
		_, problems, err := analyzeUnits(analyzers.All(), units, nil, nil, nil)
		if err != nil || len(problems) > 0 {
			t.Fatalf("analyzing %v: %v %v", patterns, err, problems)
		}
		return factLines(units)
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

// factLines returns every fact of units, one sorted line each: the
// package, the object (for an object fact), the fact's type and value.
func factLines(units []*unit) []string {
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

// TestTypeErrorsReported checks how a package that does not type-check
// is reported: its errors in source order, at most ten and a line that
// says there were more, as the compiler does.
func TestTypeErrorsReported(t *testing.T) {
	dir := t.TempDir()
	src := "package p\n"
	for i := range 30 {
		src += fmt.Sprintf("var v%d int = \"s\"\n", i)
	}
	for name, text := range map[string]string{"go.mod": "module many\n\ngo 1.26\n", "p/p.go": src} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	units, err := graph([]string{"./..."}, "", false)
	if err != nil {
		t.Fatal(err)
	}
	_, problems, err := analyzeUnits(analyzers.All(), units, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != maxTypeErrors+1 {
		t.Fatalf("%d lines, want %d:\n%s", len(problems), maxTypeErrors+1, strings.Join(problems, "\n"))
	}
	for i, line := range problems[:maxTypeErrors] {
		if want := fmt.Sprintf("p.go:%d:", i+2); !strings.Contains(line, want) {
			t.Errorf("line %d is %q, want the error at %s", i, line, want)
		}
	}
	if last := problems[maxTypeErrors]; last != "many/p: too many errors" {
		t.Errorf("last line %q", last)
	}
}
