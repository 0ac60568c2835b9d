package driver

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestSplitPosn(t *testing.T) {
	for _, tc := range []struct {
		posn      string
		file      string
		line, col int
	}{
		{"/a/b.go:12:3", "/a/b.go", 12, 3},
		{"/a/b.go:12", "/a/b.go", 12, 0},
		{"C:/a/b.go:9:1", "C:/a/b.go", 9, 1},
		{"b.go", "b.go", 0, 0},
	} {
		file, line, col := splitPosn(tc.posn)
		if file != tc.file || line != tc.line || col != tc.col {
			t.Errorf("splitPosn(%q) = %q, %d, %d; want %q, %d, %d", tc.posn, file, line, col, tc.file, tc.line, tc.col)
		}
	}
}

// Two packages' trees, as go vet prints them (in completion order, with
// comment lines), merge into one sorted report.
const vetOutput = `# example.com/p
{
	"example.com/p": {
		"a": [
			{"posn": "/m/p/x.go:10:2", "message": "ten"},
			{"posn": "/m/p/x.go:9:2", "message": "nine"}
		]
	}
}
{
	"example.com/p [example.com/p.test]": {
		"a": [
			{"posn": "/m/p/x.go:9:2", "message": "nine"}
		],
		"b": {"error": "b failed"}
	}
}
`

func TestReport(t *testing.T) {
	rep, err := parseReport([]byte(vetOutput))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range rep.sorted() {
		got = append(got, d.Posn+" "+d.Message)
	}
	if want := "/m/p/x.go:9:2 nine|/m/p/x.go:10:2 ten"; strings.Join(got, "|") != want {
		t.Errorf("sorted() = %q, want %q (sorted by line number, the test variant's repeat dropped)", strings.Join(got, "|"), want)
	}
	if len(rep.errors) != 1 || rep.errors[0].String() != "example.com/p [example.com/p.test]: b: b failed" {
		t.Errorf("errors = %v", rep.errors)
	}
	var a, b bytes.Buffer
	if err := rep.writeJSON(&a); err != nil {
		t.Fatal(err)
	}
	rep2, _ := parseReport([]byte(vetOutput))
	if err := rep2.writeJSON(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("writeJSON is not deterministic:\n%s\n%s", a.String(), b.String())
	}
	if !strings.Contains(a.String(), `"error": "b failed"`) || strings.Index(a.String(), "nine") > strings.Index(a.String(), "ten") {
		t.Errorf("writeJSON lost the error or the order:\n%s", a.String())
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
