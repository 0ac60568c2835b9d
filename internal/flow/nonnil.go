package flow

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// NonNilEdge reports whether control takes the edge from p to s only
// when v is not nil: p ends in an if on v != nil (s its then branch)
// or on v == nil (s its else branch).
func NonNilEdge(p, s *ssa.BasicBlock, v ssa.Value) bool {
	if len(p.Instrs) == 0 {
		return false
	}
	ifi, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !ok || p.Succs[0] == p.Succs[1] {
		return false
	}
	cmp, ok := ifi.Cond.(*ssa.BinOp)
	if !ok {
		return false
	}
	var other ssa.Value
	switch {
	case cmp.X == v:
		other = cmp.Y
	case cmp.Y == v:
		other = cmp.X
	default:
		return false
	}
	if c, ok := other.(*ssa.Const); !ok || !c.IsNil() {
		return false
	}
	switch cmp.Op {
	case token.EQL:
		return s == p.Succs[1]
	case token.NEQ:
		return s == p.Succs[0]
	}
	return false
}

// NilEdge reports whether control takes the edge from p to s only when
// v is nil: the other branch of an if NonNilEdge knows.
func NilEdge(p, s *ssa.BasicBlock, v ssa.Value) bool {
	if len(p.Succs) != 2 || p.Succs[0] == p.Succs[1] {
		return false
	}
	other := p.Succs[0]
	if other == s {
		other = p.Succs[1]
	} else if p.Succs[1] != s {
		return false
	}
	return NonNilEdge(p, other, v)
}

// TestedNonNil reports whether a nil test of v on the way to the block
// at lets only a non-nil v through: if err != nil { ...at... }, or
// m = f(m); if m == nil { return }; ...at...
func TestedNonNil(v ssa.Value, at *ssa.BasicBlock) bool {
	for b := at; b != nil; b = b.Idom() {
		if len(b.Preds) == 1 && NonNilEdge(b.Preds[0], b, v) {
			return true
		}
	}
	return false
}
