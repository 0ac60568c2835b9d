package lockleak

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// unlockFix inserts the missing Unlock before an explicit return. It
// is offered only when that is certainly right: the mutex is named
// from a parameter still in scope under the same name, through fields
// only, and the return's results are literals or local identifiers,
// so that evaluating them after the Unlock reads no shared state.
func unlockFix(pass *analysis.Pass, fn *ssa.Function, r *ssa.Return, k lockset.Key, mode lockset.Mode) []analysis.SuggestedFix {
	p, ok := k.Root.(*ssa.Parameter)
	if !ok || !r.Pos().IsValid() {
		return nil
	}
	name := lockset.Describe(k)
	if strings.Contains(name, "?") || strings.Contains(name, "(") {
		return nil
	}
	stmt := returnStmt(fn, r.Pos())
	if stmt == nil {
		return nil
	}
	v, _ := p.Object().(*types.Var)
	if v == nil || v.Name() != p.Name() {
		return nil
	}
	var obj types.Object = v
	if scope := innermost(pass, r.Pos()); scope == nil {
		return nil
	} else if _, found := scope.LookupParent(p.Name(), r.Pos()); found != obj {
		return nil // shadowed
	}
	for _, e := range stmt.Results {
		if !plain(pass, e) {
			return nil
		}
	}
	call := name + ".Unlock()"
	if mode == lockset.Read {
		call = name + ".RUnlock()"
	}
	indent := lineIndent(pass, stmt.Pos())
	return []analysis.SuggestedFix{{
		Message: "Unlock " + name + " before returning",
		TextEdits: []analysis.TextEdit{{
			Pos:     stmt.Pos(),
			End:     stmt.Pos(),
			NewText: []byte(call + "\n" + indent),
		}},
	}}
}

func returnStmt(fn *ssa.Function, pos token.Pos) *ast.ReturnStmt {
	syn := fn.Syntax()
	if syn == nil {
		return nil
	}
	var found *ast.ReturnStmt
	ast.Inspect(syn, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		if r, ok := n.(*ast.ReturnStmt); ok && r.Return == pos {
			found = r
		}
		return true
	})
	return found
}

func innermost(pass *analysis.Pass, pos token.Pos) *types.Scope {
	return pass.Pkg.Scope().Innermost(pos)
}

// plain reports literals, nil, constants and local variables.
func plain(pass *analysis.Pass, e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return true
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && plain(pass, e.X)
	case *ast.ParenExpr:
		return plain(pass, e.X)
	case *ast.Ident:
		switch obj := pass.TypesInfo.Uses[e].(type) {
		case *types.Nil, *types.Const:
			return true
		case *types.Var:
			return obj.Parent() != nil && obj.Parent() != pass.Pkg.Scope()
		}
	}
	return false
}

// lineIndent returns the indentation of the line pos starts, or ""
// where another statement precedes it or the source cannot be read.
func lineIndent(pass *analysis.Pass, pos token.Pos) string {
	tf := pass.Fset.File(pos)
	if tf == nil {
		return ""
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil {
		return ""
	}
	ind, _ := analysisutil.LineIndent(tf, src, pos)
	return ind
}
