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

// Doomed reports whether every path from just after in ends in a panic
// (or never ends): no return of the function is reachable from it and
// no deferred recover can turn the panic into one. Code on such a path
// runs only in a state the program asserts never occurs (a misuse
// check that builds its panic message), so what it does there orders
// nothing in a correct run.
func Doomed(in ssa.Instruction) bool {
	fn := in.Parent()
	if fn == nil || fn.Recover != nil || in.Block() == nil {
		return false
	}
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && Reaches(in, ret, nil) {
			return false
		}
	}
	return true
}
