package analysisutil

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtractDoc returns the documentation of the analyzer name from
// the package comment of a doc.go file (passed as its source text, as
// embedded with //go:embed). The section starts at a heading
// "# Analyzer name" and runs to the next heading or the end; its
// first paragraph must be "name: summary", and the "name:" is dropped
// (the drivers print the name themselves).
// It panics if the section is missing: a programming error caught by
// every test of the analyzer.
func MustExtractDoc(content, name string) string {
	doc, err := extractDoc(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

func extractDoc(content, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("parsing doc.go of %s: %v", name, err)
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go of %s has no package comment", name)
	}
	text := (&ast.CommentGroup{List: f.Doc.List}).Text()
	heading := "# Analyzer " + name
	_, after, ok := strings.Cut(text, heading+"\n")
	if !ok {
		return "", fmt.Errorf("doc.go of %s has no %q heading", name, heading)
	}
	if i := strings.Index(after, "\n# "); i >= 0 {
		after = after[:i]
	}
	body, ok := strings.CutPrefix(strings.TrimSpace(after), name+":")
	if !ok {
		return "", fmt.Errorf("doc.go of %s: %q heading not followed by a %q line", name, heading, name+": summary")
	}
	return strings.TrimSpace(body), nil
}
