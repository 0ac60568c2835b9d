package driver

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"path/filepath"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/internal/finding"
)

// A report is what the analysis of the packages named found: every
// package's findings (a package's files appear again in its test
// variant, and so do their findings) and the analyzers that failed.
// It stays typed until it is printed, once, in the format asked for.
type report struct {
	findings []finding.Finding
	errors   []analyzerError
	files    map[string]bool // the files of the packages analyzed in full
}

// analyzed reports whether file belongs to a package analyzed in full.
func (r *report) analyzed(file string) bool { return r.files[filepath.Clean(file)] }

// An analyzerError is an analyzer that failed on a package.
type analyzerError struct {
	Pkg, Analyzer, Text string
}

func (e analyzerError) String() string { return e.Pkg + ": " + e.Analyzer + ": " + e.Text }

// A pkgResult is what the analyzers found on one package, as cached.
type pkgResult struct {
	Findings []finding.Finding
	Errors   []analyzerError
}

// add merges one package's result.
func (r *report) add(res *pkgResult) {
	r.findings = append(r.findings, res.Findings...)
	r.errors = append(r.errors, res.Errors...)
}

// finish sorts the report, so two runs print the same bytes.
func (r *report) finish() {
	sort.Slice(r.errors, func(i, j int) bool { return r.errors[i].String() < r.errors[j].String() })
	sort.SliceStable(r.findings, func(i, j int) bool {
		a, b := &r.findings[i], &r.findings[j]
		if a.Package != b.Package {
			return a.Package < b.Package
		}
		return finding.Less(a, b)
	})
}

// sorted returns every finding once, in position order: the repeats of
// a package's findings in its test variant are dropped.
func (r *report) sorted() []finding.Finding {
	var all []finding.Finding
	seen := make(map[string]bool)
	for _, f := range r.findings {
		key := f.Pos.String() + "\x00" + f.Analyzer + "\x00" + f.Message
		if !seen[key] {
			seen[key] = true
			all = append(all, f)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return finding.Less(&all[i], &all[j]) })
	return all
}

// filter keeps the findings keep accepts.
func (r *report) filter(keep func(*finding.Finding) bool) {
	out := r.findings[:0]
	for i := range r.findings {
		if keep(&r.findings[i]) {
			out = append(out, r.findings[i])
		}
	}
	r.findings = out
}

// newFindings turns an analyzer's diagnostics on package pkg into
// findings, with positions resolved in fset and the steps its Traces
// recorded for them (see finding.Trace).
func newFindings(fset *token.FileSet, pkg string, a *analysis.Analyzer, diags []analysis.Diagnostic, traces map[traceKey][]finding.Place) []finding.Finding {
	out := make([]finding.Finding, 0, len(diags))
	for _, d := range diags {
		f := finding.Finding{
			Package:  pkg,
			Analyzer: a.Name,
			Category: d.Category,
			Pos:      position(fset, d.Pos),
			End:      position(fset, orPos(d.End, d.Pos)),
			Message:  d.Message,
			URL:      d.URL,
		}
		if f.URL == "" && a.URL != "" {
			// As the x/tools drivers resolve it.
			f.URL = a.URL
			if d.Category != "" {
				f.URL += "#" + d.Category
			}
		}
		if places, ok := traces[traceKey{d.Pos, d.Message}]; ok {
			f.Trace = finding.Steps(fset, d, places)
		}
		for _, r := range d.Related {
			f.Related = append(f.Related, finding.Step{
				Pos:     position(fset, r.Pos),
				End:     position(fset, orPos(r.End, r.Pos)),
				Message: r.Message,
			})
		}
		for _, sf := range d.SuggestedFixes {
			fix := finding.Fix{Message: sf.Message, Edits: []finding.Edit{}}
			for _, e := range sf.TextEdits {
				start, end := fset.Position(e.Pos), fset.Position(orPos(e.End, e.Pos))
				fix.Edits = append(fix.Edits, finding.Edit{File: start.Filename, Start: start.Offset, End: end.Offset, New: string(e.NewText)})
			}
			f.Fixes = append(f.Fixes, fix)
		}
		out = append(out, f)
	}
	return out
}

func position(fset *token.FileSet, pos token.Pos) finding.Position {
	p := fset.Position(pos)
	return finding.Position{File: p.Filename, Line: p.Line, Col: p.Column, Offset: p.Offset}
}

func orPos(p, q token.Pos) token.Pos {
	if p.IsValid() {
		return p
	}
	return q
}

// The -json format of go vet and the x/tools drivers: package ID ->
// analyzer -> diagnostics, or {"error": text}.
type (
	jsonDiagnostic struct {
		Category       string        `json:"category,omitempty"`
		Posn           string        `json:"posn"`
		End            string        `json:"end"`
		Message        string        `json:"message"`
		URL            string        `json:"url,omitempty"`
		SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated `json:"related,omitempty"`
		// Trace is goconcheck's own addition to the format: the
		// finding's story (see finding.Trace), as the HTML report
		// draws it.
		Trace []finding.Step `json:"trace,omitempty"`
	}
	jsonFix struct {
		Message string         `json:"message"`
		Edits   []finding.Edit `json:"edits"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
)

func toJSON(f *finding.Finding) jsonDiagnostic {
	jd := jsonDiagnostic{
		Category: f.Category,
		Posn:     f.Pos.String(),
		End:      f.End.String(),
		Message:  f.Message,
		URL:      f.URL,
		Trace:    f.Trace,
	}
	for _, fix := range f.Fixes {
		jd.SuggestedFixes = append(jd.SuggestedFixes, jsonFix{fix.Message, fix.Edits})
	}
	for _, r := range f.Related {
		jd.Related = append(jd.Related, jsonRelated{r.Pos.String(), r.End.String(), r.Message})
	}
	return jd
}

// writeJSON prints the report as one tree in go vet's -json format,
// errors in their places. Map keys are sorted, so two runs on the same
// code print the same bytes.
func writeJSON(w io.Writer, r *report) error {
	out := make(map[string]map[string]any)
	byAnalyzer := make(map[string]map[string][]jsonDiagnostic)
	for i := range r.findings {
		f := &r.findings[i]
		if byAnalyzer[f.Package] == nil {
			byAnalyzer[f.Package] = make(map[string][]jsonDiagnostic)
		}
		byAnalyzer[f.Package][f.Analyzer] = append(byAnalyzer[f.Package][f.Analyzer], toJSON(f))
	}
	for pkg, m := range byAnalyzer {
		out[pkg] = make(map[string]any)
		for name, diags := range m {
			out[pkg][name] = diags
		}
	}
	for _, e := range r.errors {
		if out[e.Pkg] == nil {
			out[e.Pkg] = make(map[string]any)
		}
		out[e.Pkg][e.Analyzer] = map[string]string{"error": e.Text}
	}
	data, err := json.MarshalIndent(out, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
