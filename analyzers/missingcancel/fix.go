package missingcancel

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
)

// deferFix offers `defer cancel()` on the line after the statement
// that binds the cancel function, when that is certainly what the
// function means: the function owns the cancel function (it is only
// ever called directly, never handed over), owns the context (it is
// not stored, returned or captured, so it is not meant to outlive the
// call), and the statement is not in a loop, where a defer would pile
// up until the function returns.
func (c *checker) deferFix(callCur inspector.Cursor, call *ssa.Call, src *cancelSource, v ssa.Value, us []use) []analysis.SuggestedFix {
	for _, u := range us {
		if !u.handled {
			continue
		}
		ci, ok := u.instr.(ssa.CallInstruction)
		if !ok || ci.Common().Value != v {
			return nil
		}
	}
	if _, ok := call.Type().(*types.Tuple); ok {
		for _, r := range *call.Referrers() {
			if e, ok := r.(*ssa.Extract); ok && e.Index != src.Result && escapes(e, make(map[ssa.Value]bool)) {
				return nil
			}
		}
	}

	args := "()"
	if isCancelCause(v.Type()) {
		args = "(nil)"
	} else if sig, ok := v.Type().Underlying().(*types.Signature); !ok || sig.Params().Len() != 0 {
		return nil
	}

	// The binding statement: ctx, cancel := f(...) or var ctx, cancel = f(...).
	var id *ast.Ident
	stmtCur := callCur.Parent()
	switch n := stmtCur.Node().(type) {
	case *ast.AssignStmt:
		if len(n.Rhs) != 1 || src.Result >= len(n.Lhs) {
			return nil
		}
		id, _ = n.Lhs[src.Result].(*ast.Ident)
	case *ast.ValueSpec:
		if len(n.Values) != 1 || src.Result >= len(n.Names) {
			return nil
		}
		id = n.Names[src.Result]
		stmtCur = stmtCur.Parent().Parent() // GenDecl, DeclStmt
		if _, ok := stmtCur.Node().(*ast.DeclStmt); !ok {
			return nil
		}
	default:
		return nil
	}
	if id == nil || id.Name == "_" {
		return nil
	}
	switch stmtCur.ParentEdgeKind() {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
	default:
		return nil // e.g. an if or switch init statement: no room for a defer
	}
	var funcNode ast.Node
	for enc := range stmtCur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch enc.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return nil
		}
		funcNode = enc.Node()
		break
	}
	obj, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || funcNode == nil || obj.Pos() < funcNode.Pos() || obj.Pos() >= funcNode.End() {
		return nil // not a variable of this function
	}

	// Insert at the end of the statement's last line, after any
	// trailing line comment, with the statement's indentation.
	stmt := stmtCur.Node()
	tf := c.pass.Fset.File(stmt.Pos())
	if tf == nil {
		return nil
	}
	content, err := c.pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(content) {
		return nil
	}
	indent, ok := analysisutil.LineIndent(tf, content, stmt.Pos())
	if !ok {
		return nil // another statement precedes it on the line
	}
	endOff := tf.Offset(stmt.End())
	lineEnd := endOff
	for lineEnd < len(content) && content[lineEnd] != '\n' {
		lineEnd++
	}
	if rest := bytes.TrimSpace(content[endOff:lineEnd]); len(rest) > 0 && !bytes.HasPrefix(rest, []byte("//")) {
		return nil
	}
	if lineEnd > 0 && content[lineEnd-1] == '\r' {
		lineEnd--
	}
	insert := tf.Pos(lineEnd)
	text := fmt.Sprintf("\n%sdefer %s%s", indent, id.Name, args)
	return []analysis.SuggestedFix{{
		Message:   fmt.Sprintf("Defer %s%s after creating the context", id.Name, args),
		TextEdits: []analysis.TextEdit{{Pos: insert, End: insert, NewText: []byte(text)}},
	}}
}

// escapes reports whether a context value may outlive the function:
// stored, returned, sent, captured by a closure or a goroutine.
// Passing it to a call is the ordinary use and does not count.
func escapes(v ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return false
	}
	seen[v] = true
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef, *ssa.BinOp, *ssa.Call, *ssa.Defer:
		case *ssa.Phi, *ssa.ChangeInterface, *ssa.ChangeType, *ssa.MakeInterface, *ssa.TypeAssert:
			if escapes(r.(ssa.Value), seen) {
				return true
			}
		default:
			return true
		}
	}
	return false
}
