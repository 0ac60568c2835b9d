package flow

import "golang.org/x/tools/go/ssa"

// Index returns the position of instr in its block, or -1.
func Index(instr ssa.Instruction) int {
	b := instr.Block()
	if b == nil {
		return -1
	}
	for i, in := range b.Instrs {
		if in == instr {
			return i
		}
	}
	return -1
}

// Dominates reports whether a executes before b on every path from
// the function entry to b (a == b counts). Instructions of different
// functions dominate nothing.
func Dominates(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab == nil || bb == nil || ab.Parent() != bb.Parent() {
		return false
	}
	if ab == bb {
		return Index(a) <= Index(b)
	}
	return ab.Dominates(bb)
}

// DominatesReturns reports whether b runs on every path from the entry
// of its function to a normal return, of which there is at least one.
// The recover block, entered only by a panic, is not a normal return.
func DominatesReturns(b *ssa.BasicBlock) bool {
	any := false
	for _, r := range b.Parent().Blocks {
		// Besides the entry, only the recover block, entered by a
		// panic, has no predecessors.
		if r.Index != 0 && len(r.Preds) == 0 || !isReturn(r) {
			continue
		}
		any = true
		if !b.Dominates(r) {
			return false
		}
	}
	return any
}

// DominatesReturnsFrom reports whether b dominates every return
// reachable from the block from (from itself included); b == from
// holds trivially.
func DominatesReturnsFrom(b, from *ssa.BasicBlock) bool {
	if b == from {
		return true
	}
	if isReturn(from) && !b.Dominates(from) {
		return false
	}
	for x := range Forward.Reach(from) {
		if isReturn(x) && !b.Dominates(x) {
			return false
		}
	}
	return true
}

func isReturn(b *ssa.BasicBlock) bool {
	if n := len(b.Instrs); n > 0 {
		_, ok := b.Instrs[n-1].(*ssa.Return)
		return ok
	}
	return false
}

// LoopOf returns the blocks of the cycles through b, its strongly
// connected component (those both reachable from b and reaching it),
// or nil if b is on no cycle. For a reducible loop whose header is b
// this is the natural loop.
func LoopOf(b *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	fwd := Forward.Reach(b)
	if !fwd[b] {
		return nil
	}
	bwd := Backward.Reach(b)
	loop := make(map[*ssa.BasicBlock]bool)
	for x := range fwd {
		if bwd[x] {
			loop[x] = true
		}
	}
	return loop
}

// NaturalLoop returns the natural loop of the header h: h and the
// blocks that reach one of its back edges (a jump to h from a block h
// dominates) without passing h; nil if h heads no loop. Unlike LoopOf
// it leaves out an outer loop that h's loop is nested in, whose blocks
// also lie on cycles through h.
func NaturalLoop(h *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	var stack []*ssa.BasicBlock
	for _, u := range h.Preds {
		if h.Dominates(u) {
			stack = append(stack, u)
		}
	}
	if len(stack) == 0 {
		return nil
	}
	loop := map[*ssa.BasicBlock]bool{h: true}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !loop[b] {
			loop[b] = true
			stack = append(stack, b.Preds...)
		}
	}
	return loop
}

// InLoop reports whether b can run more than once in one call of its
// function: it lies on a cycle. A nil block (unknown) counts as one
// that can.
func InLoop(b *ssa.BasicBlock) bool {
	return b == nil || Reachable(b, b)
}

// InLoopAfter reports whether b runs again after a in the next
// iteration of a loop that a runs on every iteration of: for some loop
// header h dominating both, a's block dominates every back edge to h,
// and b dominates a (b runs on the way to a in each iteration).
func InLoopAfter(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab == nil || bb == nil || ab.Parent() != bb.Parent() || !Dominates(b, a) {
		return false
	}
	for _, h := range ab.Parent().Blocks {
		if h.Dominates(bb) && EveryIteration(h, ab) {
			return true
		}
	}
	return false
}

// EveryIteration reports whether h heads a loop (some block it
// dominates jumps back to it) that b runs on every iteration of: b
// dominates every back edge to h.
func EveryIteration(h, b *ssa.BasicBlock) bool {
	loop := false
	for _, u := range h.Preds {
		if h.Dominates(u) { // a back edge u->h
			if !b.Dominates(u) {
				return false
			}
			loop = true
		}
	}
	return loop
}
