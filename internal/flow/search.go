package flow

import (
	"go/constant"

	"golang.org/x/tools/go/ssa"
)

// A Search walks the control-flow graph of one function, depth first,
// visiting each block once (the block a walk starts in can be entered
// again, from its top, along a cycle).
type Search struct {
	// Backward walks against control flow: to the predecessors of a
	// block, and through its instructions last to first.
	Backward bool
	// Next, if not nil, gives the blocks the walk may go to from b in
	// place of all its successors (predecessors): a caller leaves out
	// an edge it knows is not taken.
	Next func(b *ssa.BasicBlock) []*ssa.BasicBlock
}

var (
	// Forward follows control flow along every edge.
	Forward = Search{}
	// Backward goes against control flow along every edge.
	Backward = Search{Backward: true}
)

func (s Search) next(b *ssa.BasicBlock) []*ssa.BasicBlock {
	switch {
	case s.Next != nil:
		return s.Next(b)
	case s.Backward:
		return b.Preds
	}
	return b.Succs
}

// Walk calls visit for each instruction control can reach after from
// (before it, walking backwards), in the order the walk meets them;
// visit returns false to cut the path at that instruction.
func (s Search) Walk(from ssa.Instruction, visit func(ssa.Instruction) bool) {
	b := from.Block()
	if b == nil {
		return
	}
	i := Index(from)
	if s.Backward {
		s.walk(b, b.Instrs[:i], map[*ssa.BasicBlock]bool{}, visit)
	} else {
		s.walk(b, b.Instrs[i+1:], map[*ssa.BasicBlock]bool{}, visit)
	}
}

// WalkBlock is Walk starting with every instruction of b.
func (s Search) WalkBlock(b *ssa.BasicBlock, visit func(ssa.Instruction) bool) {
	s.walk(b, b.Instrs, map[*ssa.BasicBlock]bool{b: true}, visit)
}

// walk visits instrs, the part of b the walk enters, then goes on,
// depth first, to each block next to b not yet seen.
func (s Search) walk(b *ssa.BasicBlock, instrs []ssa.Instruction, seen map[*ssa.BasicBlock]bool, visit func(ssa.Instruction) bool) {
	if !s.visitAll(instrs, visit) {
		return
	}
	for _, n := range s.next(b) {
		if !seen[n] {
			seen[n] = true
			s.walk(n, n.Instrs, seen, visit)
		}
	}
}

// visitAll visits instrs in the walk's order and reports whether the
// path goes on past them.
func (s Search) visitAll(instrs []ssa.Instruction, visit func(ssa.Instruction) bool) bool {
	if s.Backward {
		for i := len(instrs) - 1; i >= 0; i-- {
			if !visit(instrs[i]) {
				return false
			}
		}
		return true
	}
	for _, in := range instrs {
		if !visit(in) {
			return false
		}
	}
	return true
}

// Reach returns the blocks the walk reaches from any of from in one or
// more steps (a block of from is in it only if a cycle leads back).
func (s Search) Reach(from ...*ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	seen := make(map[*ssa.BasicBlock]bool)
	var stack []*ssa.BasicBlock
	for _, b := range from {
		stack = append(stack, s.next(b)...)
	}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !seen[b] {
			seen[b] = true
			stack = append(stack, s.next(b)...)
		}
	}
	return seen
}

// Reachable reports whether control can go from the block from to the
// block to in one or more steps: from reaches itself only round a
// cycle.
func Reachable(from, to *ssa.BasicBlock) bool {
	seen := make(map[*ssa.BasicBlock]bool)
	stack := append([]*ssa.BasicBlock(nil), from.Succs...)
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if b == to {
			return true
		}
		if !seen[b] {
			seen[b] = true
			stack = append(stack, b.Succs...)
		}
	}
	return false
}

// Reaches reports whether control can flow from just after from to
// to, along a path that passes no instruction for which stop reports
// true (stop may be nil). Both must be in the same function; from
// reaches itself only round a cycle.
func Reaches(from, to ssa.Instruction, stop func(ssa.Instruction) bool) bool {
	return ReachesAvoiding(from, to, stop, nil)
}

// ReachesAvoiding is Reaches along the edges that skip (when not nil)
// does not rule out, given as a block and the index of its successor
// (RuledOut's answer).
func ReachesAvoiding(from, to ssa.Instruction, stop func(ssa.Instruction) bool, skip func(*ssa.BasicBlock, int) bool) bool {
	fb, tb := from.Block(), to.Block()
	if fb == nil || tb == nil || fb.Parent() != tb.Parent() {
		return false
	}
	walk := Forward
	if skip != nil {
		walk.Next = func(b *ssa.BasicBlock) []*ssa.BasicBlock {
			var next []*ssa.BasicBlock
			for i, s := range b.Succs {
				if !skip(b, i) {
					next = append(next, s)
				}
			}
			return next
		}
	}
	found := false
	walk.Walk(from, func(in ssa.Instruction) bool {
		if in == to {
			found = true
		}
		return !found && (stop == nil || !stop(in))
	})
	return found
}

// AnyBefore reports whether some instruction x of in's function, other
// than in, for which is reports true can run before in: Reaches(x, in,
// nil). It finds the blocks that lead to in's once, instead of a search
// from every candidate.
func AnyBefore(in ssa.Instruction, is func(ssa.Instruction) bool) bool {
	ib := in.Block()
	if ib == nil {
		return false
	}
	// leads: the blocks from whose end control can reach ib's start.
	leads := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), ib.Preds...)
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !leads[b] {
			leads[b] = true
			stack = append(stack, b.Preds...)
		}
	}
	before := true // in ib, until in is passed
	for _, x := range ib.Instrs {
		if x == in {
			before = false
			continue
		}
		if (before || leads[ib]) && is(x) {
			return true
		}
	}
	for b := range leads {
		if b == ib {
			continue
		}
		for _, x := range b.Instrs {
			if is(x) {
				return true
			}
		}
	}
	return false
}

// Between reports whether some path from just after from to to passes
// an instruction for which is reports true: one control can reach from
// from, and from which it can reach to, or to itself. from itself does
// not count, even round a cycle. Both must be in the same function.
func Between(from, to ssa.Instruction, is func(ssa.Instruction) bool) bool {
	found := false
	Forward.Walk(from, func(in ssa.Instruction) bool {
		if in != from && is(in) && (in == to || Reaches(in, to, nil)) {
			found = true
		}
		return !found
	})
	return found
}

// LiveBlocks returns the blocks of fn that run when the boolean
// parameters in fixed hold the values given (a call passing constants
// for hasLock or fullCheck flags): an if on such a parameter takes
// only its branch. The recover block counts as live.
func LiveBlocks(fn *ssa.Function, fixed map[*ssa.Parameter]bool) map[*ssa.BasicBlock]bool {
	live := make(map[*ssa.BasicBlock]bool)
	if len(fn.Blocks) == 0 {
		return live
	}
	stack := []*ssa.BasicBlock{fn.Blocks[0]}
	if fn.Recover != nil {
		stack = append(stack, fn.Recover)
	}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if live[b] {
			continue
		}
		live[b] = true
		if n := len(b.Instrs); n > 0 {
			if ifi, ok := b.Instrs[n-1].(*ssa.If); ok {
				if p, ok := ifi.Cond.(*ssa.Parameter); ok {
					if v, ok := fixed[p]; ok {
						if v {
							stack = append(stack, b.Succs[0])
						} else {
							stack = append(stack, b.Succs[1])
						}
						continue
					}
				}
			}
		}
		stack = append(stack, b.Succs...)
	}
	return live
}

// DeadEdge reports whether control never takes successor succ of b:
// b ends in an if on a constant (for ; true; { ... } keeps its exit
// edge in SSA, but never takes it).
func DeadEdge(b *ssa.BasicBlock, succ int) bool {
	n := len(b.Instrs)
	if n == 0 {
		return false
	}
	ifi, ok := b.Instrs[n-1].(*ssa.If)
	if !ok {
		return false
	}
	c, ok := ifi.Cond.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Bool {
		return false
	}
	taken := 1 // the false branch
	if constant.BoolVal(c.Value) {
		taken = 0
	}
	return succ != taken
}
