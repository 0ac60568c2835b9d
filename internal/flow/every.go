package flow

import "golang.org/x/tools/go/ssa"

// OnEveryPath reports whether every path from just after from to a
// return of the function passes through to (a panic, or a loop that
// never returns, needs no such passage).
func OnEveryPath(from, to ssa.Instruction) bool {
	for _, b := range from.Parent().Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if ok && Reaches(from, ret, func(in ssa.Instruction) bool { return in == to }) {
			return false
		}
	}
	return true
}
