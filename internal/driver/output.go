package driver

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/internal/finding"
)

// An outputFormat prints a report: -format=NAME picks one of formats.
// Each writer gets the whole report; most need only r.sorted(), every
// finding once in position order (the JSON tree keeps the packages).
type outputFormat struct {
	write func(w io.Writer, r *report, o *printOptions) error
	// stderr: the report goes to stderr, as go vet's text, and analyzer
	// errors are printed beside it; otherwise it goes to stdout.
	stderr bool
	// exitFindings: findings make the exit status 3. go vet's JSON
	// exits 0, so the scripts that read it do too.
	exitFindings bool
	// machine: the output is read by a program, so no progress line.
	machine bool
}

var formats = map[string]outputFormat{
	"text":   {write: writeText, stderr: true, exitFindings: true},
	"json":   {write: writeJSONFormat, machine: true},
	"sarif":  {write: writeSARIF, exitFindings: true, machine: true},
	"github": {write: writeGitHub, exitFindings: true},
	"html":   {write: writeHTML, exitFindings: true, machine: true},
}

func formatNames() string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, "|")
}

// printOptions are what the writers need beside the report.
type printOptions struct {
	context   int                  // -c: lines of context in text, or -1
	analyzers []*analysis.Analyzer // the suite, for rule documentation
	version   string
}

func writeJSONFormat(w io.Writer, r *report, _ *printOptions) error { return writeJSON(w, r) }

// writeText prints one line per finding, ending with its rule, and its
// related places after it, as go vet does.
func writeText(w io.Writer, r *report, o *printOptions) error {
	for _, f := range r.sorted() {
		fmt.Fprintf(w, "%s: %s (%s)\n", f.Pos, f.Message, f.Rule())
		if o.context >= 0 {
			printContext(w, f.Pos, o.context)
		}
		for _, rel := range f.Related {
			fmt.Fprintf(w, "%s: \t%s\n", rel.Pos, rel.Message)
		}
	}
	return nil
}

// printContext prints the lines around a position, as go vet -c=N.
func printContext(w io.Writer, p finding.Position, n int) {
	data, err := os.ReadFile(p.File)
	if err != nil {
		return
	}
	lines := strings.Split(string(data), "\n")
	for i := p.Line - n; i <= p.Line+n; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
		}
	}
}

// writeGitHub prints GitHub Actions workflow commands, one warning per
// finding, so findings are shown on the pull request's diff; related
// places go in the message, since an annotation has one position.
func writeGitHub(w io.Writer, r *report, _ *printOptions) error {
	for _, f := range r.sorted() {
		msg := f.Message
		for _, rel := range f.Related {
			msg += "\n" + relPath(rel.Pos.File) + ":" + fmt.Sprint(rel.Pos.Line) + ": " + rel.Message
		}
		fmt.Fprintf(w, "::warning file=%s,line=%d,col=%d,endLine=%d,title=%s::%s\n",
			escapeProperty(relPath(f.Pos.File)), f.Pos.Line, f.Pos.Col, max(f.End.Line, f.Pos.Line),
			escapeProperty("goconcheck: "+f.Rule()), escapeData(msg))
	}
	return nil
}

// The escapes of GitHub's workflow commands (actions/toolkit's
// command.ts): data escapes %, CR and LF; properties also : and ,.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// relPath is name relative to the repository's root in a GitHub
// workflow ($GITHUB_WORKSPACE), where annotations and code scanning
// look for it, else to the working directory, slash-separated, when it
// is inside it; otherwise name as it is.
func relPath(name string) string {
	wd := os.Getenv("GITHUB_WORKSPACE")
	var err error
	if wd == "" {
		wd, err = os.Getwd()
	}
	if err != nil || !filepath.IsAbs(name) {
		return filepath.ToSlash(name)
	}
	rel, err := filepath.Rel(wd, name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(name)
	}
	return filepath.ToSlash(rel)
}
