package flow

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// A Guard is a branch on a comparison of a value with a constant that
// control passed on its way to a block, on the side where they are
// equal: the block runs only after X == K held. The positive form
// (if x == K) and the negative one (if x != K, on its else branch)
// are the same guard; a switch case is lowered to the first.
type Guard struct {
	X ssa.Value  // the value compared
	K *ssa.Const // the constant, not nil
	// Equal is the successor of the branch taken when X == K: entered
	// from the branch alone, it dominates the guarded block.
	Equal *ssa.BasicBlock
}

// Guards returns the guards of the block b, in the order of its
// function's blocks. What a guard fixes is the caller's to judge: the
// value X had when compared, not necessarily what a later load of the
// same variable gives (the role and mode fields of syncmodel and
// doublelock are those that cannot change meanwhile).
//
// It is the one answer to "which branch does control at b take, given
// a known value": a role a branch fixes (syncmodel.RoleOf) and a mode
// a re-lock depends on (doublelock) both read it.
func Guards(b *ssa.BasicBlock) []Guard {
	var out []Guard
	for _, blk := range b.Parent().Blocks {
		n := len(blk.Instrs)
		if n == 0 {
			continue
		}
		ifi, ok := blk.Instrs[n-1].(*ssa.If)
		if !ok {
			continue
		}
		cmp, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
			continue
		}
		x, k := cmp.X, cmp.Y
		if _, isConst := x.(*ssa.Const); isConst {
			x, k = k, x
		}
		c, ok := k.(*ssa.Const)
		if !ok || c.Value == nil {
			continue
		}
		eq := blk.Succs[0]
		if cmp.Op == token.NEQ {
			eq = blk.Succs[1]
		}
		if len(eq.Preds) != 1 || !eq.Dominates(b) {
			continue
		}
		out = append(out, Guard{X: x, K: c, Equal: eq})
	}
	return out
}
