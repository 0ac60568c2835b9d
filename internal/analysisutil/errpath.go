package analysisutil

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// IsError reports whether values of type t are errors.
func IsError(t types.Type) bool { return flow.IsError(t) }

// OnErrorPath reports whether block b runs only when an error value
// is not nil: some block dominating b ends in `if err != nil` and b
// lies under its true branch. Code there handles a failure of the call
// that produced err (a parse, an I/O, a Serve that did not end
// cleanly), not the ordinary course of the function.
func OnErrorPath(b *ssa.BasicBlock) bool {
	return underErrorTest(b, token.NEQ)
}

// OnNilErrorPath reports whether block b runs only when an error value
// is nil: some block dominating b ends in `if err == nil` and b lies
// under its true branch. A panic there asserts that the call which
// produced err must fail (a loop that ends only on an error); it
// states the callee's contract, not a failure of the caller's task.
func OnNilErrorPath(b *ssa.BasicBlock) bool {
	return underErrorTest(b, token.EQL)
}

// underErrorTest reports whether some block dominating b ends in
// `if err <op> nil`, err an error value, and b lies under its true
// branch.
func underErrorTest(b *ssa.BasicBlock, op token.Token) bool {
	for x := b; x != nil; x = x.Idom() {
		d := x.Idom()
		if d == nil {
			return false
		}
		if o, ok := flow.ErrorNilTest(d); ok && o == op && d.Succs[0].Dominates(b) {
			return true
		}
	}
	return false
}
