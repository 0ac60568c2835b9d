package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/internal/finding"
)

// Two packages' findings, the test variant repeating one, merge into
// one sorted report; the JSON tree keeps go vet's shape.
func testReport() *report {
	pos := func(line int) finding.Position { return finding.Position{File: "/m/p/x.go", Line: line, Col: 2} }
	rep := &report{}
	rep.add(&pkgResult{Findings: []finding.Finding{
		{Package: "example.com/p", Analyzer: "a", Pos: pos(10), End: pos(10), Message: "ten"},
		{Package: "example.com/p", Analyzer: "a", Category: "rule", Pos: pos(9), End: pos(9), Message: "nine",
			Related: []finding.Step{{Pos: pos(3), End: pos(3), Message: "started here"}}},
	}})
	rep.add(&pkgResult{
		Findings: []finding.Finding{{Package: "example.com/p [example.com/p.test]", Analyzer: "a", Category: "rule", Pos: pos(9), End: pos(9), Message: "nine"}},
		Errors:   []analyzerError{{"example.com/p [example.com/p.test]", "b", "b failed"}},
	})
	rep.finish()
	return rep
}

func TestReport(t *testing.T) {
	rep := testReport()
	var got []string
	for _, f := range rep.sorted() {
		got = append(got, f.Pos.String()+" "+f.Message+" "+f.Rule())
	}
	if want := "/m/p/x.go:9:2 nine a/rule|/m/p/x.go:10:2 ten a"; strings.Join(got, "|") != want {
		t.Errorf("sorted() = %q, want %q (sorted by line number, the test variant's repeat dropped)", strings.Join(got, "|"), want)
	}
	if len(rep.errors) != 1 || rep.errors[0].String() != "example.com/p [example.com/p.test]: b: b failed" {
		t.Errorf("errors = %v", rep.errors)
	}
	var a, b bytes.Buffer
	if err := writeJSON(&a, rep); err != nil {
		t.Fatal(err)
	}
	if err := writeJSON(&b, testReport()); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("writeJSON is not deterministic:\n%s\n%s", a.String(), b.String())
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(a.Bytes(), &tree); err != nil {
		t.Fatal(err)
	}
	var diags []struct {
		Posn, Category, Message string
		Related                 []struct{ Posn, Message string }
	}
	if err := json.Unmarshal(tree["example.com/p"]["a"], &diags); err != nil {
		t.Fatal(err)
	}
	if len(diags) != 2 || diags[0].Posn != "/m/p/x.go:9:2" || diags[0].Category != "rule" || len(diags[0].Related) != 1 || diags[0].Related[0].Posn != "/m/p/x.go:3:2" {
		t.Errorf("the JSON tree lost the order, category or related places: %+v", diags)
	}
	if !strings.Contains(a.String(), `"error": "b failed"`) {
		t.Errorf("writeJSON lost the error:\n%s", a.String())
	}
	var text bytes.Buffer
	if err := writeText(&text, rep, &printOptions{context: -1}); err != nil {
		t.Fatal(err)
	}
	if want := "/m/p/x.go:9:2: nine (a/rule)\n/m/p/x.go:3:2: \tstarted here\n/m/p/x.go:10:2: ten (a)\n"; text.String() != want {
		t.Errorf("text output:\n%s\nwant:\n%s", text.String(), want)
	}
}

func TestGitHubEscapes(t *testing.T) {
	rep := &report{findings: []finding.Finding{{Analyzer: "a", Category: "r", Pos: finding.Position{File: "x,y:z.go", Line: 3, Col: 4}, Message: "100% bad\nreally"}}}
	var out bytes.Buffer
	if err := writeGitHub(&out, rep, &printOptions{}); err != nil {
		t.Fatal(err)
	}
	if want := "::warning file=x%2Cy%3Az.go,line=3,col=4,endLine=3,title=goconcheck%3A a/r::100%25 bad%0Areally\n"; out.String() != want {
		t.Errorf("got  %q\nwant %q", out.String(), want)
	}
}

func TestParseDiff(t *testing.T) {
	const diff = `diff --git a/p/x.go b/p/x.go
--- a/p/x.go
+++ b/p/x.go
@@ -3,0 +4,2 @@ func f() {
+	go g()
+	ch <- 1
@@ -10 +12 @@
-	old
+	new
@@ -20,3 +22,3 @@
 	context
-	removed
+	added
 	context
@@ -30,3 +33,0 @@
diff --git a/gone.go b/gone.go
--- a/gone.go
+++ /dev/null
@@ -1 +0,0 @@
-package gone
`
	got := parseDiff(diff, "/root")
	var lines []int
	for l := range got["/root/p/x.go"] {
		lines = append(lines, l)
	}
	sort.Ints(lines)
	if fmt.Sprint(lines) != "[4 5 12 23]" || len(got) != 1 {
		t.Errorf("parseDiff = %v, want lines [4 5 12 23] of /root/p/x.go only", got)
	}
	if !isChanged(map[string]map[int]bool{"/r/new.go": wholeFile()}, "/r/new.go", 7) {
		t.Errorf("an untracked file is not new throughout")
	}
}

func TestInvokedByGoCommand(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"-json", "/tmp/x/vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"-json", "./..."}, false},
		{nil, false},
	} {
		if got := invokedByGoCommand(tc.args); got != tc.want {
			t.Errorf("invokedByGoCommand(%q) = %v", tc.args, got)
		}
	}
}

func TestFactAnalyzers(t *testing.T) {
	facts := &analysis.Analyzer{Name: "model", Doc: "model", Run: func(*analysis.Pass) (any, error) { return nil, nil }, FactTypes: []analysis.Fact{new(testFact)}}
	plain := &analysis.Analyzer{Name: "plain", Doc: "plain", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	reporter := &analysis.Analyzer{Name: "reporter", Doc: "reporter", Requires: []*analysis.Analyzer{facts, plain},
		Run: func(*analysis.Pass) (any, error) { panic("must not run on a dependency") }}
	reporter.Flags.Bool("strict", false, "")
	exporter := &analysis.Analyzer{Name: "exporter", Doc: "exporter", Run: facts.Run, FactTypes: []analysis.Fact{new(testFact)}}

	got := factAnalyzers([]*analysis.Analyzer{reporter, exporter})
	if got[1] != exporter {
		t.Errorf("an analyzer with facts was replaced")
	}
	idle := got[0]
	if idle.Name != "reporter" || idle.Flags.Lookup("strict") == nil {
		t.Errorf("the idle copy lost the name or flags the go command passes")
	}
	if len(idle.Requires) != 1 || idle.Requires[0] != facts {
		t.Errorf("the idle copy requires %v, want only the model with facts", idle.Requires)
	}
	if _, err := idle.Run(nil); err != nil || reporter.Requires[1] != plain {
		t.Errorf("the idle copy runs, or the original changed")
	}
}

type testFact struct{}

func (*testFact) AFact() {}
