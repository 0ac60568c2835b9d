package analysisutil

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// CapturedValue returns, for a load of a variable that a function
// literal captures (*x of a free variable, or of the variable's cell
// in the function that declares it), the one value ever stored into
// the variable; nil if it is not such a load or is assigned more than
// once, a function literal's assignment included (StoredOnce).
// closures resolves a free variable to its binding.
func CapturedValue(closures *Closures, load *ssa.UnOp) ssa.Value {
	if load.Op != token.MUL {
		return nil
	}
	addr := load.X
	if fv, ok := addr.(*ssa.FreeVar); ok {
		addr = closures.Bound(fv)
	}
	cell, ok := addr.(*ssa.Alloc)
	if !ok {
		return nil
	}
	return accesspath.StoredOnce(cell)
}

// Origin follows v, a value of a function literal or of the function
// that declares a captured variable, back through what the closures
// make of it: conversions (flow.Unconverted), a free variable to the
// value its maker binds, a load of a captured variable to the one
// value ever stored there (CapturedValue). It stops at anything else,
// or after a few steps (a variable that holds a load of itself).
func (c *Closures) Origin(v ssa.Value) ssa.Value {
	for range 8 {
		switch x := flow.Unconverted(v).(type) {
		case *ssa.FreeVar:
			b := c.Bound(x)
			if b == nil {
				return x
			}
			v = b
		case *ssa.UnOp:
			cv := CapturedValue(c, x)
			if cv == nil {
				return x
			}
			v = cv
		default:
			return x
		}
	}
	return v
}
