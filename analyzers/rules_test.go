package analyzers

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestRulesDocumented checks the rule list against the categories the
// analyzers' report sites set: every category has its line in rules,
// every line of rules is a category some report site sets, and every
// analyzer has a documentation URL.
func TestRulesDocumented(t *testing.T) {
	site := regexp.MustCompile(`(?:Category: |d\.Category = |c\.report\()"([a-z]+)"`)
	used := map[string]bool{}
	for _, a := range All() {
		if !strings.HasPrefix(a.URL, DocURL) {
			t.Errorf("%s: URL %q", a.Name, a.URL)
		}
		files, err := filepath.Glob(filepath.Join(a.Name, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range site.FindAllStringSubmatch(string(src), -1) {
				id := a.Name + "/" + m[1]
				used[id] = true
				if RuleDoc(id) == "" {
					t.Errorf("%s: category %q is not in the rule list (analyzers/rules.go)", f, m[1])
				}
			}
		}
	}
	for _, id := range Rules() {
		if !used[id] {
			t.Errorf("rule %s is listed in analyzers/rules.go, but no report site sets its category", id)
		}
	}
	if len(used) < 10 {
		t.Errorf("found only %d categories at report sites: the pattern is stale", len(used))
	}
}

// TestSuiteWrapped checks that the suite's analyzers are the wrapped
// copies, with the originals' names, flags and fact types, and that
// All hands out a fresh slice.
func TestSuiteWrapped(t *testing.T) {
	a, b := All(), All()
	a[0] = nil
	if b[0] == nil {
		t.Fatalf("All returns a shared slice")
	}
	orig := unwrapped()
	for i, w := range b {
		o := orig[i]
		if w == o || w.Name != o.Name || !slices.Equal(w.FactTypes, o.FactTypes) || !slices.Equal(w.Requires, o.Requires) {
			t.Errorf("%s: the suite's analyzer is not a wrapped copy of the original", o.Name)
		}
		// Flags set on the command line reach the original's variables.
		o.Flags.VisitAll(func(f *flag.Flag) {
			if w.Flags.Lookup(f.Name) != f {
				t.Errorf("%s: flag %s is not shared with the original", o.Name, f.Name)
			}
		})
	}
}
