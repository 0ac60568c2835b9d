package flow

import (
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A Precedence answers, for a fixed set of instructions of one
// function, whether one of them can run before a given instruction:
// Reaches(c, in, nil) for some c of the set other than in. It is meant
// to be asked for many instructions of the function, so the blocks the
// set reaches are computed once, not once per question: a function
// with thousands of locks and channel operations would otherwise take
// quadratic time.
type Precedence struct {
	instrs  []ssa.Instruction
	reached map[*ssa.BasicBlock]bool // blocks entered through an edge from a block of the set
	first   map[*ssa.BasicBlock]int  // index of the first instruction of the set in each block that has one
}

// NewPrecedence returns the Precedence of instrs.
func NewPrecedence(instrs []ssa.Instruction) *Precedence {
	return &Precedence{instrs: instrs}
}

// Add adds in to the set; only before the first question.
func (p *Precedence) Add(in ssa.Instruction) { p.instrs = append(p.instrs, in) }

// Before reports whether an instruction of the set other than in may
// run before in.
func (p *Precedence) Before(in ssa.Instruction) bool {
	if len(p.instrs) == 0 {
		return false
	}
	if slices.Contains(p.instrs, in) {
		// in itself must not count; rare, so ask one by one.
		for _, c := range p.instrs {
			if c != in && Reaches(c, in, nil) {
				return true
			}
		}
		return false
	}
	b := in.Block()
	if b == nil {
		return false
	}
	if p.reached == nil {
		p.first = make(map[*ssa.BasicBlock]int)
		var from []*ssa.BasicBlock
		for _, c := range p.instrs {
			cb := c.Block()
			if cb == nil || cb.Parent() != b.Parent() {
				continue
			}
			from = append(from, cb)
			if i, ok := p.first[cb]; !ok || Index(c) < i {
				p.first[cb] = Index(c)
			}
		}
		p.reached = Forward.Reach(from...)
	}
	if p.reached[b] {
		return true
	}
	first, ok := p.first[b]
	return ok && first < Index(in)
}

// After reports whether an instruction of the set other than in may
// run after in. It is asked rarely (for deferred operations), so it
// asks one by one.
func (p *Precedence) After(in ssa.Instruction) bool {
	for _, c := range p.instrs {
		if c != in && Reaches(in, c, nil) {
			return true
		}
	}
	return false
}
