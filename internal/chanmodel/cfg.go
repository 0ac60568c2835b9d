package chanmodel

import (
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
)

// Reaches reports whether control can flow from just after from to
// to, along a path that passes no instruction for which stop returns
// true (stop may be nil). Both must be in the same function.
func Reaches(from, to ssa.Instruction, stop func(ssa.Instruction) bool) bool {
	fb, tb := from.Block(), to.Block()
	if fb == nil || tb == nil || fb.Parent() != tb.Parent() {
		return false
	}
	// scan reports whether to is found in b from index i on; done is
	// set when the path is cut inside b.
	scan := func(b *ssa.BasicBlock, i int) (found, cut bool) {
		for ; i < len(b.Instrs); i++ {
			in := b.Instrs[i]
			if in == to {
				return true, false
			}
			if stop != nil && stop(in) {
				return false, true
			}
		}
		return false, false
	}
	found, cut := scan(fb, analysisutil.InstrIndex(from)+1)
	if found {
		return true
	}
	if cut {
		return false
	}
	seen := make(map[*ssa.BasicBlock]bool)
	work := append([]*ssa.BasicBlock(nil), fb.Succs...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		found, cut := scan(b, 0)
		if found {
			return true
		}
		if !cut {
			work = append(work, b.Succs...)
		}
	}
	return false
}

// Dominates reports whether a executes before b on every path from
// the function entry to b (a == b counts).
func Dominates(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab == nil || bb == nil || ab.Parent() != bb.Parent() {
		return false
	}
	if ab == bb {
		return analysisutil.InstrIndex(a) <= analysisutil.InstrIndex(b)
	}
	return ab.Dominates(bb)
}

// onEveryReturn reports whether instr executes on every path from the
// entry to a normal return of its function.
func onEveryReturn(instr ssa.Instruction) bool {
	b := instr.Block()
	if b == nil {
		return false
	}
	any := false
	fn := b.Parent()
	for _, rb := range fn.Blocks {
		if len(rb.Instrs) == 0 || rb == fn.Recover || (rb.Index != 0 && len(rb.Preds) == 0) {
			continue
		}
		if _, ok := rb.Instrs[len(rb.Instrs)-1].(*ssa.Return); ok {
			any = true
			if !b.Dominates(rb) {
				return false
			}
		}
	}
	return any
}

// InLoopAfter reports whether b runs again after a in the next
// iteration of a loop that a runs on every iteration of: for some loop
// header h dominating both, a's block dominates every back edge to h,
// and b's block dominates a's block (b runs on the way to a in each
// iteration).
func InLoopAfter(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab == nil || bb == nil || ab.Parent() != bb.Parent() {
		return false
	}
	if !Dominates(b, a) {
		return false
	}
	for _, h := range ab.Parent().Blocks {
		if !h.Dominates(bb) {
			continue
		}
		loop, every := false, true
		for _, u := range h.Preds {
			if h.Dominates(u) { // back edge u->h
				loop = true
				if !ab.Dominates(u) {
					every = false
				}
			}
		}
		if loop && every {
			return true
		}
	}
	return false
}

// InLoop reports whether instr can run more than once in one run of
// its function: its block lies on a cycle of the control-flow graph.
func InLoop(instr ssa.Instruction) bool { return BlockInLoop(instr.Block()) }

// BlockInLoop reports whether b can run more than once per call of its
// function; a nil block (unknown) counts as one that can.
func BlockInLoop(b *ssa.BasicBlock) bool { return analysisutil.BlockInLoop(b) }
