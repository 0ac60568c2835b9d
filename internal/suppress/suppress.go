// Package suppress implements goconcheck's ignore directives:
//
//	//goconcheck:ignore analyzer[,analyzer...] reason
//
// at the end of a finding's line, or on a line of its own just above
// it, silences the named analyzers' findings there. The reason is required. Wrap puts the
// directives in force for one analyzer by filtering its pass.Report, so
// they work the same in every front end (the goconcheck command, go vet
// -vettool, the golangci-lint plugin); a directive that silences nothing
// is reported itself, so stale ones do not pile up, and a malformed one
// (no reason, an unknown analyzer) is reported instead of ignored.
package suppress

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Prefix starts an ignore directive.
const Prefix = "//goconcheck:ignore"

// Categories of the diagnostics about directives themselves.
const (
	CategoryUnused    = "unused-ignore"
	CategoryMalformed = "malformed-ignore"
)

// A directive is one parsed //goconcheck:ignore comment.
type directive struct {
	pos       token.Pos
	end       token.Pos
	file      string
	line      int
	analyzers []string
	reason    string
	problem   string // why it is malformed, or ""
	trailing  bool   // code precedes it on its line
}

// covers reports whether the directive silences analyzer name at line
// of file: a directive after code covers its own line, one on a line
// of its own the next line.
func (d *directive) covers(name, file string, line int) bool {
	target := d.line + 1
	if d.trailing {
		target = d.line
	}
	return d.problem == "" && d.file == file && line == target && slices.Contains(d.analyzers, name)
}

// parse reads the directives of files; known tells analyzer names.
func parse(fset *token.FileSet, files []*ast.File, known func(string) bool) []*directive {
	var out []*directive
	for _, f := range files {
		first := len(out)
		for _, g := range f.Comments {
			for _, c := range g.List {
				rest, ok := strings.CutPrefix(c.Text, Prefix)
				if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
					continue
				}
				p := fset.Position(c.Pos())
				d := &directive{pos: c.Pos(), end: c.End(), file: p.Filename, line: p.Line}
				fields := strings.Fields(rest)
				switch {
				case len(fields) == 0:
					d.problem = "names no analyzer"
				default:
					for _, name := range strings.Split(fields[0], ",") {
						if !known(name) {
							d.problem = "names unknown analyzer " + strqt(name)
							break
						}
						d.analyzers = append(d.analyzers, name)
					}
					d.reason = strings.Join(fields[1:], " ")
					if d.problem == "" && d.reason == "" {
						d.problem = "gives no reason"
					}
				}
				out = append(out, d)
			}
		}
		if len(out) > first {
			markTrailing(fset, f, out[first:])
		}
	}
	return out
}

// markTrailing marks the directives of f that follow code on their line.
func markTrailing(fset *token.FileSet, f *ast.File, dirs []*directive) {
	byLine := make(map[int]*directive, len(dirs))
	for _, d := range dirs {
		byLine[d.line] = d
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if _, ok := n.(*ast.CommentGroup); ok {
			return false
		}
		if _, ok := n.(*ast.Comment); ok {
			return false
		}
		if d := byLine[fset.Position(n.Pos()).Line]; d != nil && n.Pos() < d.pos {
			d.trailing = true
		}
		return true
	})
}

func strqt(s string) string { return `"` + s + `"` }

// Wrap returns a copy of a whose findings the ignore directives of the
// package silence: a directive after code silences the findings on its
// line, one on a line of its own those on the next line. It reports the directives that name a and silence
// nothing of a's; the malformed ones are reported by the wrapper of the
// first analyzer they name, or by the wrapper of suite[0] when they
// name none, so each is reported once. suite is every analyzer name a
// directive may name.
func Wrap(a *analysis.Analyzer, suite []string) *analysis.Analyzer {
	w := *a
	run := a.Run
	known := func(name string) bool { return slices.Contains(suite, name) }
	w.Run = func(pass *analysis.Pass) (any, error) {
		dirs := parse(pass.Fset, pass.Files, known)
		if len(dirs) == 0 {
			return run(pass)
		}
		used := make(map[*directive]bool)
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			p := pass.Fset.Position(d.Pos)
			silenced := false
			for _, dir := range dirs {
				if dir.covers(a.Name, p.Filename, p.Line) {
					used[dir] = true
					silenced = true
				}
			}
			if !silenced {
				report(d)
			}
		}
		res, err := run(pass)
		pass.Report = report
		for _, dir := range dirs {
			switch {
			case dir.problem != "":
				owner := suite[0]
				if len(dir.analyzers) > 0 {
					owner = dir.analyzers[0]
				}
				if owner == a.Name {
					report(analysis.Diagnostic{Pos: dir.pos, End: dir.end, Category: CategoryMalformed,
						Message: "malformed " + Prefix + " directive: it " + dir.problem + " (want " + Prefix + " analyzer[,analyzer] reason)"})
				}
			case slices.Contains(dir.analyzers, a.Name) && !used[dir] && err == nil:
				report(analysis.Diagnostic{Pos: dir.pos, End: dir.end, Category: CategoryUnused,
					Message: "this " + Prefix + " directive silences no " + a.Name + " finding; remove it"})
			}
		}
		return res, err
	}
	return &w
}
