package flow

import (
	"go/constant"
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
		ifi, ok := Branch(blk)
		if !ok {
			continue
		}
		x, c, op, ok := constComparison(ifi)
		if !ok || c.Value == nil {
			continue
		}
		eq := blk.Succs[0]
		if op == token.NEQ {
			eq = blk.Succs[1]
		}
		if len(eq.Preds) != 1 || !eq.Dominates(b) {
			continue
		}
		out = append(out, Guard{X: x, K: c, Equal: eq})
	}
	return out
}

// DeadWith returns the blocks of fn that cannot run when fn is called
// with args (the call's arguments, the receiver first for a method):
// those under the side of a branch that a constant argument rules out.
// The branch tests a parameter itself (if sum, if !sum) or compares it
// with a constant (if mode == modeSync, a switch case); a write under
// `if sum` does not run in a goroutine that calls Uncompress(..., false).
// It returns nil when no argument is a constant.
func DeadWith(fn *ssa.Function, args []ssa.Value) map[*ssa.BasicBlock]bool {
	if len(args) != len(fn.Params) || fn.Blocks == nil {
		return nil
	}
	constArg := func(v ssa.Value) *ssa.Const {
		i := ParamIndex(fn, v)
		if i < 0 {
			return nil
		}
		c, _ := args[i].(*ssa.Const)
		if c == nil || c.Value == nil {
			return nil
		}
		return c
	}
	any := false
	for _, a := range args {
		if _, ok := a.(*ssa.Const); ok {
			any = true
		}
	}
	if !any {
		return nil
	}
	var dead map[*ssa.BasicBlock]bool
	ruleOut := func(other *ssa.BasicBlock) {
		if len(other.Preds) != 1 {
			return // entered from elsewhere too
		}
		for _, x := range fn.Blocks {
			if other.Dominates(x) {
				if dead == nil {
					dead = make(map[*ssa.BasicBlock]bool)
				}
				dead[x] = true
			}
		}
	}
	for _, blk := range fn.Blocks {
		ifi, ok := Branch(blk)
		if !ok {
			continue
		}
		cond, neg := ifi.Cond, false
		if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
			cond, neg = u.X, true
		}
		if c := constArg(cond); c != nil && c.Value.Kind() == constant.Bool {
			// Succs[0] runs when the condition holds.
			if constant.BoolVal(c.Value) != neg {
				ruleOut(blk.Succs[1])
			} else {
				ruleOut(blk.Succs[0])
			}
			continue
		}
		x, kc, op, ok := constComparison(ifi)
		if !ok {
			continue
		}
		if kc.IsNil() {
			// A parameter compared with nil: decided when the
			// argument is the nil constant.
			if i := ParamIndex(fn, x); i >= 0 {
				if c, ok := args[i].(*ssa.Const); ok && c.IsNil() {
					if op == token.EQL {
						ruleOut(blk.Succs[1])
					} else {
						ruleOut(blk.Succs[0])
					}
				}
			}
			continue
		}
		if kc.Value == nil {
			continue // the zero value of a struct or array type
		}
		c := constArg(x)
		if c == nil || c.Value.Kind() != kc.Value.Kind() {
			continue
		}
		// Succs[0] runs when the comparison holds.
		if constant.Compare(c.Value, op, kc.Value) {
			ruleOut(blk.Succs[1])
		} else {
			ruleOut(blk.Succs[0])
		}
	}
	return dead
}

// NilResultWith reports whether the function call calls returns the
// nil constant as its result i on every path that the call's constant
// arguments leave live (DeadWith): a helper that can fail only when
// handed options, called with a literal nil.
//
//	func request(id string, filter *Filter) (*Req, error) {
//		if filter != nil {
//			if err := filter.check(); err != nil {
//				return nil, err
//			}
//		}
//		return &Req{ID: id}, nil
//	}
//
// request(id, nil) returns a nil error.
func NilResultWith(call *ssa.CallCommon, i int) bool {
	fn := call.StaticCallee()
	if fn == nil || fn.Blocks == nil || call.Signature().Results().Len() <= i {
		return false
	}
	dead := DeadWith(fn, call.Args)
	if dead == nil {
		return false
	}
	n := 0
	for _, b := range fn.Blocks {
		if dead[b] || len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		if c, ok := ret.Results[i].(*ssa.Const); !ok || !c.IsNil() {
			return false
		}
		n++
	}
	return n > 0
}

// constComparison returns the operands of the branch ifi when it tests
// a value for equality (or inequality) with a constant, the value
// first. The constant may be nil, or another value-less one (the zero
// value of a struct type): callers that compare values check Value.
func constComparison(ifi *ssa.If) (ssa.Value, *ssa.Const, token.Token, bool) {
	cmp, ok := ifi.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
		return nil, nil, 0, false
	}
	x, k := cmp.X, cmp.Y
	if _, isConst := x.(*ssa.Const); isConst {
		x, k = k, x
	}
	c, ok := k.(*ssa.Const)
	if !ok {
		return nil, nil, 0, false
	}
	return x, c, cmp.Op, true
}

// RuledOut returns the edges that no path from the instruction from
// to the block to can take, as a test of an edge (the block and the
// index of its successor), or nil when it finds none:
//
//   - a boolean phi that an if on the way to to tests (if fired, if
//     !fired, the branch to to entered from the if alone) gets, along
//     such an edge into its block, the constant that the branch rules
//     out: a flag set in the select case that received (case <-t.C:
//     fired = true) keeps the paths from that case out of the block
//     guarded by !fired;
//   - a loop counter, counted up from zero, is above zero once the
//     loop has gone round: when from is inside the loop, so that the
//     path tests the counter (if attempt > 0) only after the back edge,
//     the false side of that test is ruled out.
func RuledOut(from ssa.Instruction, to *ssa.BasicBlock) func(b *ssa.BasicBlock, succ int) bool {
	cut := make(map[*ssa.BasicBlock]map[int]bool)
	mark := func(b *ssa.BasicBlock, succ int) {
		if cut[b] == nil {
			cut[b] = make(map[int]bool)
		}
		cut[b][succ] = true
	}
	for _, blk := range to.Parent().Blocks {
		ifi, ok := Branch(blk)
		if !ok {
			continue
		}
		if phi, ok := countedAbove(ifi.Cond); ok && countedFrom(phi, from, ifi) {
			mark(blk, 1)
			continue
		}
		cond, negated := ifi.Cond, false
		if not, ok := cond.(*ssa.UnOp); ok && not.Op == token.NOT {
			cond, negated = not.X, true
		}
		phi, ok := cond.(*ssa.Phi)
		if !ok {
			continue
		}
		for side, s := range blk.Succs {
			if len(s.Preds) != 1 || !s.Dominates(to) {
				continue
			}
			need := (side == 0) != negated // the flag's value on the way to to
			for i, e := range phi.Edges {
				c, ok := e.(*ssa.Const)
				if !ok || c.Value == nil || c.Value.Kind() != constant.Bool || constant.BoolVal(c.Value) == need {
					continue
				}
				pred := phi.Block().Preds[i]
				for j, succ := range pred.Succs {
					if succ == phi.Block() {
						mark(pred, j)
					}
				}
			}
		}
	}
	if len(cut) == 0 {
		return nil
	}
	return func(b *ssa.BasicBlock, succ int) bool { return cut[b][succ] }
}

// countedAbove returns the phi that cond tests for being above zero
// (n > 0, n != 0, 0 < n).
func countedAbove(cond ssa.Value) (*ssa.Phi, bool) {
	cmp, ok := cond.(*ssa.BinOp)
	if !ok {
		return nil, false
	}
	x, y, op := cmp.X, cmp.Y, cmp.Op
	if op == token.LSS {
		x, y, op = y, x, token.GTR
	}
	if op != token.GTR && op != token.NEQ || !isIntConst(y, func(v int64) bool { return v == 0 }) {
		return nil, false
	}
	phi, ok := x.(*ssa.Phi)
	return phi, ok
}

// countedFrom reports whether the counter phi is above zero wherever a
// path from the instruction from tests it at ifi: it only takes
// constants of zero or more, or itself plus a positive constant; every
// edge into its block that from can reach is such an increment; and
// from reaches ifi only through the phi's block (the test reads a
// value of a later turn).
func countedFrom(phi *ssa.Phi, from ssa.Instruction, ifi *ssa.If) bool {
	h := phi.Block()
	for i, e := range phi.Edges {
		inc := isIncrement(e, phi)
		if !inc && !isIntConst(e, func(v int64) bool { return v >= 0 }) {
			return false
		}
		pred := h.Preds[i]
		if !inc && len(pred.Instrs) > 0 && Reaches(from, pred.Instrs[len(pred.Instrs)-1], nil) {
			return false
		}
	}
	return !Reaches(from, ifi, func(in ssa.Instruction) bool { return in.Block() == h })
}

// isIncrement reports whether v is phi plus a positive constant.
func isIncrement(v ssa.Value, phi *ssa.Phi) bool {
	add, ok := v.(*ssa.BinOp)
	if !ok || add.Op != token.ADD {
		return false
	}
	pos := func(v int64) bool { return v > 0 }
	return add.X == phi && isIntConst(add.Y, pos) || add.Y == phi && isIntConst(add.X, pos)
}

// isIntConst reports whether v is an integer constant for which ok
// holds.
func isIntConst(v ssa.Value, ok func(int64) bool) bool {
	c, isConst := v.(*ssa.Const)
	if !isConst || c.Value == nil || c.Value.Kind() != constant.Int {
		return false
	}
	n, exact := constant.Int64Val(c.Value)
	return exact && ok(n)
}

// Branch returns the if that ends b, if one does.
func Branch(b *ssa.BasicBlock) (*ssa.If, bool) {
	if len(b.Instrs) == 0 {
		return nil, false
	}
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	return ifi, ok
}
