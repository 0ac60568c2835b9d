package analysisutil

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Generated reports whether f was written by a program, so that what
// is wrong in it is not its reader's to fix.
//
// cmd/cgo's translations of a package's own files (x.cgo1.go for x.go)
// are the exception. They carry the generated-code header, but the go
// command gives them to vet tools in place of the files the user wrote,
// and //line directives map their positions back to those files. cgo's
// other output (_cgo_gotypes.go and the like) is generated for real.
func Generated(fset *token.FileSet, f *ast.File) bool {
	if !ast.IsGenerated(f) {
		return false
	}
	if tf := fset.File(f.FileStart); tf != nil && strings.HasSuffix(tf.Name(), ".cgo1.go") {
		return false
	}
	return true
}

// GeneratedFiles returns a test of whether a position lies in one of
// files that is generated (see Generated).
func GeneratedFiles(fset *token.FileSet, files []*ast.File) func(token.Pos) bool {
	gen := map[*token.File]bool{}
	for _, f := range files {
		if Generated(fset, f) {
			gen[fset.File(f.FileStart)] = true
		}
	}
	return func(pos token.Pos) bool { return len(gen) > 0 && gen[fset.File(pos)] }
}

// DropGenerated returns pass.Report without the diagnostics that lie
// in generated files: nobody fixes those by hand. The suite applies it
// to every analyzer (see analyzers.All); an analyzer needs it only to
// decide where else to report a finding whose natural place is
// generated.
func DropGenerated(pass *analysis.Pass) func(analysis.Diagnostic) {
	report := pass.Report
	generated := GeneratedFiles(pass.Fset, pass.Files)
	return func(d analysis.Diagnostic) {
		if !generated(d.Pos) {
			report(d)
		}
	}
}

// Editable returns fixes, or nil if one of them edits a cmd/cgo
// translation: those edits would land in the go command's scratch copy,
// not in the file the user wrote.
func Editable(fset *token.FileSet, fixes []analysis.SuggestedFix) []analysis.SuggestedFix {
	for _, fix := range fixes {
		for _, e := range fix.TextEdits {
			if tf := fset.File(e.Pos); tf == nil || strings.HasSuffix(tf.Name(), ".cgo1.go") {
				return nil
			}
		}
	}
	return fixes
}
