package waitgroupadd

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
)

// moveAddFix moves `wg.Add(k)` out of `go func() { ...; wg.Add(k); ... }()`
// to just before the go statement. It is offered only when the move
// cannot change meaning: the Add is a statement of its own line at the
// top of the literal's body, preceded by nothing but plain defers (so
// it runs exactly once, unconditionally, as soon as the goroutine
// starts), its delta is a constant, and its WaitGroup is named by a
// variable (and fields of it) that means the same at the go statement.
func (c *checker) moveAddFix(goStmt *ast.GoStmt, call *ast.CallExpr, add event) []analysis.SuggestedFix {
	if add.via != "" || len(call.Args) != 1 {
		return nil
	}
	if _, ok := c.parents[goStmt].(*ast.LabeledStmt); ok {
		return nil
	}
	lit, ok := ast.Unparen(goStmt.Call.Fun).(*ast.FuncLit)
	if !ok {
		return nil
	}
	var stmt *ast.ExprStmt
	for _, s := range lit.Body.List {
		if es, ok := s.(*ast.ExprStmt); ok && ast.Unparen(es.X) == call {
			stmt = es
			break
		}
		if !plainDefer(s) {
			return nil
		}
	}
	if stmt == nil {
		return nil
	}
	if tv, ok := c.pass.TypesInfo.Types[call.Args[0]]; !ok || tv.Value == nil {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !c.sameOutside(sel.X, lit, goStmt.Pos()) {
		return nil
	}

	tf := c.pass.Fset.File(goStmt.Pos())
	if tf == nil || c.pass.Fset.File(stmt.Pos()) != tf {
		return nil
	}
	src, err := c.pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return nil
	}
	indent, ok := analysisutil.LineIndent(tf, src, goStmt.Pos())
	if !ok {
		return nil
	}
	if _, ok := analysisutil.LineIndent(tf, src, stmt.Pos()); !ok {
		return nil
	}
	// The statement must end its line, but for a line comment, which
	// moves with it.
	end := tf.Offset(stmt.End())
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	comment := ""
	if end+1 < len(src) && src[end] == '/' && src[end+1] == '/' {
		eol := end
		for eol < len(src) && src[eol] != '\n' {
			eol++
		}
		comment = " " + strings.TrimRight(string(src[end:eol]), " \t\r")
		end = eol
	}
	if end < len(src) && src[end] == '\r' {
		end++
	}
	if end < len(src) && src[end] != '\n' {
		return nil
	}
	if end < len(src) {
		end++
	}
	lineStart := tf.Offset(tf.LineStart(tf.Line(stmt.Pos())))
	callText := string(src[tf.Offset(call.Pos()):tf.Offset(call.End())]) + comment

	return []analysis.SuggestedFix{{
		Message: "Move the Add before the go statement",
		TextEdits: []analysis.TextEdit{
			{Pos: goStmt.Pos(), End: goStmt.Pos(), NewText: []byte(callText + "\n" + indent)},
			{Pos: tf.Pos(lineStart), End: tf.Pos(end), NewText: nil},
		},
	}}
}

// plainDefer reports whether s is a defer whose arguments have no side
// effects, such as `defer wg.Done()`.
func plainDefer(s ast.Stmt) bool {
	d, ok := s.(*ast.DeferStmt)
	if !ok {
		return false
	}
	for _, a := range d.Call.Args {
		switch ast.Unparen(a).(type) {
		case *ast.Ident, *ast.BasicLit, *ast.SelectorExpr:
		default:
			return false
		}
	}
	return true
}

// sameOutside reports whether e, an identifier or a chain of field
// selections on one, denotes the same variable inside lit and at pos,
// the go statement: the root is declared outside lit and not shadowed
// at pos.
func (c *checker) sameOutside(e ast.Expr, lit *ast.FuncLit, pos token.Pos) bool {
	info := c.pass.TypesInfo
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok {
				if _, ok := info.Uses[id].(*types.PkgName); ok {
					_, ok := info.Uses[x.Sel].(*types.Var)
					return ok // a package-level variable of another package
				}
			}
			if s, ok := info.Selections[x]; !ok || s.Kind() != types.FieldVal {
				return false
			}
			e = x.X
		case *ast.Ident:
			obj, ok := info.Uses[x].(*types.Var)
			if !ok || (obj.Pos() >= lit.Pos() && obj.Pos() < lit.End()) {
				return false
			}
			scope := c.pass.Pkg.Scope().Innermost(pos)
			if scope == nil {
				return false
			}
			_, found := scope.LookupParent(x.Name, pos)
			return found == obj
		default:
			return false
		}
	}
}
