package analysisutil

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ast/inspector"
)

// CallStarts maps the position go/ssa gives a call instruction, the
// call expression's opening parenthesis, to where the expression
// starts: vet, and every goconcheck report, places a call there.
//
// chanmodel.Model.Start answers the same for calls and more (sends,
// receives, range statements; lazily, one declaration at a time, in a
// package analyzed for its facts only); the models ask it, the
// analyzers that need only calls and do not require chanmodel ask this
// index.
type CallStarts map[token.Pos]token.Pos

// IndexCallStarts indexes every call expression of the files ins
// inspects.
func IndexCallStarts(ins *inspector.Inspector) CallStarts {
	s := CallStarts{}
	ins.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		c := n.(*ast.CallExpr)
		s[c.Lparen] = c.Pos()
	})
	return s
}

// Of returns where the call whose '(' is at p starts, or p itself
// when no call's is (a go or defer statement's position, its keyword).
func (s CallStarts) Of(p token.Pos) token.Pos {
	if start, ok := s[p]; ok {
		return start
	}
	return p
}
