package flow

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// ConstTrips returns the number of iterations of the loop
// for i := 0; i < n; i++ around b when n is a constant and b runs on
// every iteration.
func ConstTrips(b *ssa.BasicBlock) (int64, bool) {
	fn := b.Parent()
	for _, h := range fn.Blocks {
		if !h.Dominates(b) || len(h.Instrs) == 0 {
			continue
		}
		iff, ok := h.Instrs[len(h.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cmp, ok := iff.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.LSS {
			continue
		}
		phi, ok := cmp.X.(*ssa.Phi)
		if !ok || phi.Block() != h {
			continue
		}
		n, ok := intConst(cmp.Y)
		if !ok || !counter(phi) {
			continue
		}
		// b must run on every iteration.
		if EveryIteration(h, b) && len(iff.Block().Succs) == 2 && iff.Block().Succs[0].Dominates(b) {
			return n, true
		}
	}
	return 0, false
}

// counter reports whether phi is i in for i := 0; ...; i++.
func counter(phi *ssa.Phi) bool {
	if len(phi.Edges) != 2 {
		return false
	}
	zero, inc := false, false
	for _, e := range phi.Edges {
		if n, ok := intConst(e); ok && n == 0 {
			zero = true
			continue
		}
		if add, ok := e.(*ssa.BinOp); ok && add.Op == token.ADD && add.X == phi {
			if n, ok := intConst(add.Y); ok && n == 1 {
				inc = true
			}
		}
	}
	return zero && inc
}

func intConst(v ssa.Value) (int64, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(k.Value)
}
