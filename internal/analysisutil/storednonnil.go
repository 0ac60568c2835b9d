package analysisutil

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// StoresNonNil reports whether the assignment whose left-hand side is
// at lhs (the field name of x.f = v, or the variable of a captured or
// address-taken v = ...) stores a value that is certainly not nil when
// it runs: a fresh allocation, a closure, a value tested non-nil on
// every path to the store, or the result of a function of pkg that
// returns only such values. fn is the source function (or function
// literal) that contains the assignment. A local variable that go/ssa
// keeps in registers has no store, and is not judged (false).
func StoresNonNil(pkg *types.Package, fn *ssa.Function, lhs token.Pos) bool {
	if fn == nil {
		return false
	}
	inv := &FieldInvariants{pkg: pkg, returns: map[*ssa.Function]bool{}}
	found, nonNil := false, true
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			st, ok := in.(*ssa.Store)
			if !ok || st.Pos() != lhs {
				continue
			}
			found = true
			nonNil = nonNil && (inv.nonNil(st.Val, b, 0) || flow.TestedNonNil(st.Val, b))
		}
	}
	return found && nonNil
}
