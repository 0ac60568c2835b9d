package analysisutil

import (
	"strings"
	"testing"
)

const sampleDoc = `// Package foo defines an Analyzer.
//
// # Analyzer foo
//
// foo: report foos
//
// The foo analyzer reports foos.
//
// # Other
//
// not part of it
package foo
`

func TestExtractDoc(t *testing.T) {
	doc, err := extractDoc(sampleDoc, "foo")
	if err != nil {
		t.Fatal(err)
	}
	if want := "report foos\n\nThe foo analyzer reports foos."; doc != want {
		t.Errorf("got %q, want %q", doc, want)
	}
	if _, err := extractDoc(sampleDoc, "bar"); err == nil || !strings.Contains(err.Error(), "# Analyzer bar") {
		t.Errorf("missing heading: err = %v", err)
	}
	noSummary := strings.Replace(sampleDoc, "// foo: report foos", "// Reports foos.", 1)
	if _, err := extractDoc(noSummary, "foo"); err == nil || !strings.Contains(err.Error(), "foo: summary") {
		t.Errorf("missing summary line: err = %v", err)
	}
	if _, err := extractDoc("package foo\n", "foo"); err == nil {
		t.Error("no package comment: no error")
	}
}
