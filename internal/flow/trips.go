package flow

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// ConstTrips returns the number of iterations of the loop
// for i := k; i < n; i++ around b when k and n are constants and b
// runs on every iteration.
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
		n, ok := IntConst(cmp.Y)
		if !ok {
			continue
		}
		phi, start, ok := stepOf(h, cmp.X)
		if !ok || cmp.X != phi || start > n {
			continue
		}
		// b must run on every iteration.
		if EveryIteration(h, b) && len(iff.Block().Succs) == 2 && iff.Block().Succs[0].Dominates(b) {
			return n - start, true
		}
	}
	return 0, false
}

// LoopDepth returns the number of loops b is in: the natural loops
// of the headers of fn that hold it.
func LoopDepth(b *ssa.BasicBlock) int {
	n := 0
	for _, h := range b.Parent().Blocks {
		for _, p := range h.Preds {
			if h.Dominates(p) {
				if NaturalLoop(h)[b] {
					n++
				}
				break
			}
		}
	}
	return n
}

// CountReached reports whether taking successor succ of b, which ends
// in an if, means that the loop around body has turned at least k
// times: the if tests count == k, count >= k or count > k-1 (taking the
// true side) or count != k, count < k (the false side), where count is
// the loop's counter, or the counter plus one, that starts at 0 and
// steps by 1 on every turn.
func CountReached(b *ssa.BasicBlock, succ int, k int64, body *ssa.BasicBlock) bool {
	if len(b.Instrs) == 0 {
		return false
	}
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	cmp, ok := iff.Cond.(*ssa.BinOp)
	if !ok {
		return false
	}
	n, ok := IntConst(cmp.Y)
	if !ok {
		return false
	}
	x := cmp.X
	if inc, ok := plusOne(x); ok {
		x = inc
	}
	phi, ok := x.(*ssa.Phi)
	if !ok || !NaturalLoop(phi.Block())[body] {
		return false
	}
	if _, start, ok := stepOf(phi.Block(), cmp.X); !ok || start != 0 {
		return false
	}
	switch {
	case cmp.Op == token.EQL && succ == 0, cmp.Op == token.GEQ && succ == 0, cmp.Op == token.NEQ && succ == 1, cmp.Op == token.LSS && succ == 1:
		return n >= k
	case cmp.Op == token.GTR && succ == 0:
		return n+1 >= k
	}
	return false
}

// IntConst returns v's value if v is an integer constant.
func IntConst(v ssa.Value) (int64, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(k.Value)
}

// CountedBy returns what counts the iterations of a loop around b that
// b runs on every iteration of, when the loop's only way out is its
// count: the slice x of for range x (or of for i := 0; i < len(x);
// i++), or the integer n of for range n and for i := 0; i < n; i++.
// Two loops counted by the same value run the same number of times.
// A loop that can also break, return or jump out is counted by
// nothing.
func CountedBy(b *ssa.BasicBlock) (ssa.Value, bool) {
	_, n, ok := CountedLoop(b)
	if !ok {
		return nil, false
	}
	if _, isConst := n.(*ssa.Const); isConst {
		return nil, false // ConstTrips's
	}
	return n, true
}

// CountedLoop is CountedBy that also accepts a constant count (for
// range 2, for i := 0; i < 8; i++) and returns the loop's entry: its
// head, or the block that tests 0 < n before entering it (range over
// an integer). An instruction outside the loop that the entry
// dominates runs only once every iteration has (the count is the
// loop's only way out, and the test skips it only when it has none).
// Constants are distinct values: compare them by value.
func CountedLoop(b *ssa.BasicBlock) (*ssa.BasicBlock, ssa.Value, bool) {
	for _, h := range b.Parent().Blocks {
		if !h.Dominates(b) || !EveryIteration(h, b) {
			continue
		}
		if entry, n, ok := countOf(h, LoopOf(h)); ok {
			return entry, n, true
		}
	}
	return nil, nil, false
}

// CountedHead is CountedLoop for the loop that h heads, judged on its
// natural loop: also one nested in an outer loop (a loop over each
// batch that a loop over received batches runs), whose iterations the
// count bounds each time the outer loop enters it, not once per call.
func CountedHead(h *ssa.BasicBlock) (*ssa.BasicBlock, ssa.Value, bool) {
	return countOf(h, NaturalLoop(h))
}

// countOf returns the count of the loop headed by h (see CountedBy),
// whose blocks are loop:
// its counter phi starts at 0 (at -1 when the test is on phi+1 at the
// head, as range over a slice compiles) and steps by 1, and the one
// edge out of the loop is the false branch of counter < n, tested at
// the head, or at the end of the body when the entry is guarded by
// 0 < n (range over an integer).
func countOf(h *ssa.BasicBlock, loop map[*ssa.BasicBlock]bool) (*ssa.BasicBlock, ssa.Value, bool) {
	var test *ssa.If
	for blk := range loop {
		for i, s := range blk.Succs {
			if loop[s] {
				continue
			}
			iff, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.If)
			if !ok || i != 1 || test != nil && test != iff {
				return nil, nil, false
			}
			test = iff
		}
	}
	if test == nil {
		return nil, nil, false
	}
	cmp, ok := test.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.LSS {
		return nil, nil, false
	}
	phi, start, ok := stepOf(h, cmp.X)
	if !ok {
		return nil, nil, false
	}
	rotated := test.Block().Succs[0] == h
	atHead := test.Block() == h && !rotated
	entry := h
	switch {
	case atHead && cmp.X == phi && start == 0, atHead && cmp.X != phi && start == -1:
	case rotated && cmp.X != phi && start == 0:
		if entry = guard(h, cmp.Y); entry == nil {
			return nil, nil, false
		}
	default:
		return nil, nil, false
	}
	n := cmp.Y
	if c, ok := n.(*ssa.Call); ok {
		if b, ok := c.Call.Value.(*ssa.Builtin); !ok || b.Name() != "len" || len(c.Call.Args) != 1 {
			return nil, nil, false
		}
		if _, ok := c.Call.Args[0].Type().Underlying().(*types.Slice); !ok {
			return nil, nil, false
		}
		return entry, c.Call.Args[0], true
	}
	if t, ok := n.Type().Underlying().(*types.Basic); !ok || t.Info()&types.IsInteger == 0 {
		return nil, nil, false
	}
	return entry, n, true
}

// stepOf returns the counter phi of h that v is (phi, or phi+1) and
// its start, when the phi steps by 1 along each of the loop's back edges.
func stepOf(h *ssa.BasicBlock, v ssa.Value) (*ssa.Phi, int64, bool) {
	if inc, ok := plusOne(v); ok {
		v = inc
	}
	phi, ok := v.(*ssa.Phi)
	if !ok || phi.Block() != h || len(phi.Edges) < 2 {
		return nil, 0, false
	}
	// Every back edge steps (a continue is one more back edge); the
	// one edge that enters the loop starts the count.
	var start int64
	stepped, started, entries := true, false, 0
	for i, e := range phi.Edges {
		if h.Dominates(h.Preds[i]) {
			x, ok := plusOne(e)
			stepped = stepped && ok && x == phi
			continue
		}
		start, started = IntConst(e)
		entries++
	}
	return phi, start, stepped && started && entries == 1
}

// plusOne returns x when v is x + 1.
func plusOne(v ssa.Value) (ssa.Value, bool) {
	add, ok := v.(*ssa.BinOp)
	if !ok || add.Op != token.ADD {
		return nil, false
	}
	if n, ok := IntConst(add.Y); ok && n == 1 {
		return add.X, true
	}
	return nil, false
}

// guard returns the entry into h (its one predecessor it does not
// dominate) when h is the true branch of its test 0 < n; a constant n
// may be another value of the same constant.
func guard(h *ssa.BasicBlock, n ssa.Value) *ssa.BasicBlock {
	var entry *ssa.BasicBlock
	for _, p := range h.Preds {
		if !h.Dominates(p) {
			if entry != nil {
				return nil
			}
			entry = p
		}
	}
	if entry == nil || len(entry.Instrs) == 0 || entry.Succs[0] != h {
		return nil
	}
	iff, ok := entry.Instrs[len(entry.Instrs)-1].(*ssa.If)
	if !ok {
		return nil
	}
	cmp, ok := iff.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.LSS || !sameValue(cmp.Y, n) {
		return nil
	}
	if z, ok := IntConst(cmp.X); !ok || z != 0 {
		return nil
	}
	return entry
}

// OneOf reports whether a run of their function executes at most one
// of instrs: none leads to another (alternatives on different
// branches). Each may still repeat in a loop.
func OneOf(instrs []ssa.Instruction) bool {
	for _, a := range instrs {
		for _, b := range instrs {
			if a != b && Reaches(a, b, nil) {
				return false
			}
		}
	}
	return true
}

// sameValue reports whether a and b are the same value: one SSA value,
// or constants of the same value.
func sameValue(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	x, ok1 := a.(*ssa.Const)
	y, ok2 := b.(*ssa.Const)
	return ok1 && ok2 && x.Value != nil && y.Value != nil && constant.Compare(x.Value, token.EQL, y.Value)
}

// CounterOf returns the head of the loop whose counter is i, and the
// slice the loop runs over: i is the index of for i := range s (or of
// for i := 0; i < len(s); i++), tested against len(s) at the head and
// stepped by 1 from 0. Unlike CountedBy, the loop may have other ways
// out: i names a new element of s on each iteration it reaches.
func CounterOf(i ssa.Value) (*ssa.BasicBlock, ssa.Value, bool) {
	var phi *ssa.Phi
	if p, ok := i.(*ssa.Phi); ok {
		phi = p
	} else if x, ok := plusOne(i); ok {
		phi, _ = x.(*ssa.Phi)
	}
	if phi == nil {
		return nil, nil, false
	}
	h := phi.Block()
	p, start, ok := stepOf(h, i)
	if !ok || p != phi || len(h.Instrs) == 0 {
		return nil, nil, false
	}
	iff, ok := h.Instrs[len(h.Instrs)-1].(*ssa.If)
	if !ok {
		return nil, nil, false
	}
	cmp, ok := iff.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.LSS || cmp.X != i || !(i == phi && start == 0 || i != phi && start == -1) {
		return nil, nil, false
	}
	c, ok := cmp.Y.(*ssa.Call)
	if !ok || len(c.Call.Args) != 1 {
		return nil, nil, false
	}
	if b, ok := c.Call.Value.(*ssa.Builtin); !ok || b.Name() != "len" {
		return nil, nil, false
	}
	if _, ok := c.Call.Args[0].Type().Underlying().(*types.Slice); !ok {
		return nil, nil, false
	}
	return h, c.Call.Args[0], true
}

// InnerLoop reports whether b lies on a cycle that does not pass
// through h: a loop nested inside the one h heads (or beside it).
func InnerLoop(h, b *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{h: true}
	stack := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x == b {
			return true
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		stack = append(stack, x.Succs...)
	}
	return false
}
