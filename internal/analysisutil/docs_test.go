package analysisutil

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
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

// TestExtractDocAsParsed checks extractDoc, which reads the comment
// lines itself, against the package comment as go/parser and
// (*ast.CommentGroup).Text give it, on every analyzer's doc.go.
func TestExtractDocAsParsed(t *testing.T) {
	files, err := filepath.Glob("../../analyzers/*/doc.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no doc.go files: %v", err)
	}
	for _, file := range append(files, "sample") {
		content, name := sampleDoc, "foo"
		if file != "sample" {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			content, name = string(data), filepath.Base(filepath.Dir(file))
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, content, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil || f.Doc == nil {
			t.Fatalf("%s: no package comment: %v", file, err)
		}
		text := f.Doc.Text()
		_, after, ok := strings.Cut(text, "# Analyzer "+name+"\n")
		if !ok {
			t.Errorf("%s: no section for analyzer %s", file, name)
			continue
		}
		if i := strings.Index(after, "\n# "); i >= 0 {
			after = after[:i]
		}
		want := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(after), name+":"))
		got, err := extractDoc(content, name)
		if err != nil || got != want {
			t.Errorf("%s: extractDoc = %q, %v; the parser gives %q", file, got, err, want)
		}
	}
}
