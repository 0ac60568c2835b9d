package analysisutil

import (
	"fmt"
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

// extractDoc reads the section from the "//" lines of content as
// (*ast.CommentGroup).Text renders them (the marker and one space
// dropped, trailing white space trimmed, runs of empty lines made one),
// without parsing the file: every analyzer's doc is extracted when
// its package is initialised, and go vet starts goconcheck once for
// every package it analyzes, dependencies included (parsing and
// rendering all the doc.go files took 5 ms of each start).
// TestExtractDocAsParsed checks it against the parser on every doc.go.
func extractDoc(content, name string) (string, error) {
	heading := "# Analyzer " + name
	var b strings.Builder
	found, comment, blank := false, false, false
	for line := range strings.Lines(content) {
		text, ok := strings.CutPrefix(line, "//")
		if !ok {
			if found {
				break // the package comment ends
			}
			continue
		}
		comment = true
		text = strings.TrimPrefix(text, " ")
		text = strings.TrimRight(text, " \t\r\n")
		if !found {
			found = text == heading
			continue
		}
		if strings.HasPrefix(text, "# ") {
			break // the next section
		}
		if text == "" {
			blank = b.Len() > 0
			continue
		}
		if blank {
			b.WriteString("\n\n")
		} else if b.Len() > 0 {
			b.WriteByte('\n')
		}
		blank = false
		b.WriteString(text)
	}
	if !comment {
		return "", fmt.Errorf("doc.go of %s has no package comment", name)
	}
	if !found {
		return "", fmt.Errorf("doc.go of %s has no %q heading", name, heading)
	}
	body, ok := strings.CutPrefix(b.String(), name+":")
	if !ok {
		return "", fmt.Errorf("doc.go of %s: %q heading not followed by a %q line", name, heading, name+": summary")
	}
	return strings.TrimSpace(body), nil
}
