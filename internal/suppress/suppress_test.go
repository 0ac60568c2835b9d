package suppress_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/goconcheck/goconcheck/internal/suppress"
)

// toy reports every call of a function named bad.
var toy = &analysis.Analyzer{
	Name: "toy",
	Doc:  "reports calls of bad",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "bad" {
						pass.Reportf(call.Pos(), "call of bad")
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

// other never reports; it is the second analyzer a directive may name.
var other = &analysis.Analyzer{Name: "other", Doc: "reports nothing", Run: func(*analysis.Pass) (any, error) { return nil, nil }}

func TestWrap(t *testing.T) {
	suite := []string{"toy", "other"}
	analysistest.Run(t, analysistest.TestData(), suppress.Wrap(toy, suite), "p")
	analysistest.Run(t, analysistest.TestData(), suppress.Wrap(other, suite), "q")
}
