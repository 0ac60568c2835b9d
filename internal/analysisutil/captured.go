package analysisutil

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// CapturedValue returns, for a load of a variable that a function
// literal captures (*x of a free variable, or of the variable's cell
// in the function that declares it), the one value ever stored into
// the variable; nil if it is not such a load or is assigned more than
// once. closures resolves a free variable to its binding.
func CapturedValue(closures *Closures, load *ssa.UnOp) ssa.Value {
	if load.Op != token.MUL {
		return nil
	}
	addr := load.X
	if fv, ok := addr.(*ssa.FreeVar); ok {
		addr = closures.Bound(fv)
	}
	cell, ok := addr.(*ssa.Alloc)
	if !ok || cell.Referrers() == nil {
		return nil
	}
	var stored ssa.Value
	for _, r := range *cell.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == cell {
			if stored != nil {
				return nil
			}
			stored = st.Val
		}
	}
	return stored
}
