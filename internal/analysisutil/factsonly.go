package analysisutil

import (
	"go/ast"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Mode is what the driver wants of the analysis of one package: the
// result of ModeAnalyzer.
type Mode struct {
	// FactsOnly: the package is analyzed only for its facts (a
	// dependency of the packages named) and its diagnostics are
	// thrown away. Analyzers must compute the same facts either way
	// and may only skip reporting work.
	//
	// In that mode goconcheck's drivers give the syntax inspector
	// (inspect.Analyzer's result) only to x/tools' ctrlflow, and one of
	// the function declarations alone: the analyzers get a nil one
	// (in process) or that one (under go vet), and one that needs it
	// for its facts asks Inspector.
	FactsOnly bool
}

// ModeAnalyzer carries the Mode of a pass to the analyzers that require
// it, which read it with FactsOnly. A driver that does not know it (the
// golangci-lint plugin, analysistest, gopls) gets its default, a full
// analysis. goconcheck's in-process driver gives each pass its result
// itself, without running it; under go vet, where a process analyzes one
// package, the driver sets its -factsonly flag when the go command asks
// only for facts (VetxOnly).
var ModeAnalyzer = &analysis.Analyzer{
	Name:       "goconcheckmode",
	Doc:        "tell the analyzers whether the diagnostics of the package are wanted (set by the goconcheck driver)",
	Run:        func(*analysis.Pass) (any, error) { return Mode{FactsOnly: factsOnlyFlag}, nil },
	ResultType: reflect.TypeFor[Mode](),
}

var factsOnlyFlag bool

func init() {
	ModeAnalyzer.Flags.BoolVar(&factsOnlyFlag, "factsonly", false, "analyze for facts only: the diagnostics are discarded")
}

// FactsOnly reports whether the diagnostics of pass are discarded, as
// the ModeAnalyzer its analyzer requires says.
func FactsOnly(pass *analysis.Pass) bool {
	m, ok := pass.ResultOf[ModeAnalyzer].(Mode)
	if !ok {
		panic("analysisutil.FactsOnly: analyzer " + pass.Analyzer.Name + " does not require analysisutil.ModeAnalyzer")
	}
	return m.FactsOnly
}

// Inspector returns the syntax inspector of pass: inspect.Analyzer's
// result or, in a package analyzed for facts only (see Mode), one built
// now. There the drivers give inspect.Analyzer's result only to x/tools'
// ctrlflow, and it indexes only what ctrlflow needs (the function
// declarations): the in-process driver gives the analyzers a nil one,
// and go vet's run for facts one of the declarations alone.
func Inspector(pass *analysis.Pass) *inspector.Inspector {
	if m, _ := pass.ResultOf[ModeAnalyzer].(Mode); !m.FactsOnly {
		if ins, _ := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector); ins != nil {
			return ins
		}
	}
	return inspector.New(pass.Files)
}

// EachCall calls f for every call expression in the files of pass, in
// the order of the syntax, with its ancestors from the file down and
// the call last (the stack inspector.WithStack gives): through the
// pass's inspector when it has one, otherwise by walking the files.
// A package analyzed for facts only has none, and building one there
// for a single walk would index every node of the package to read
// its calls once.
func EachCall(pass *analysis.Pass, f func(call *ast.CallExpr, stack []ast.Node)) {
	if m, _ := pass.ResultOf[ModeAnalyzer].(Mode); !m.FactsOnly {
		if ins, _ := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector); ins != nil {
			ins.WithStack([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
				if push {
					f(n.(*ast.CallExpr), stack)
				}
				return true
			})
			return
		}
	}
	for _, file := range pass.Files {
		ast.PreorderStack(file, nil, func(n ast.Node, stack []ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				// The walk pushes n next, in the same place.
				f(call, append(stack, call))
			}
			return true
		})
	}
}
