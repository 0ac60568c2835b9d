package flow

import "golang.org/x/tools/go/ssa"

// A FuncUse is what an instruction does with a function value.
type FuncUse uint8

const (
	// HandedOn: the value is stored, passed, converted, returned or
	// otherwise given to code that may call it where the analysis
	// does not see.
	HandedOn FuncUse = iota
	// Called: a call statement calls it.
	Called
	// Deferred: a defer statement calls it.
	Deferred
	// Started: a go statement runs it.
	Started
	// Named: a DebugRef, which does nothing with it.
	Named
)

// UseOf says what the instruction in, one of the referrers of the
// function value v (a function or a closure), does with v. A call that
// also passes v as an argument calls it (a caller that cares checks the
// arguments).
func UseOf(v ssa.Value, in ssa.Instruction) FuncUse {
	switch in := in.(type) {
	case *ssa.DebugRef:
		return Named
	case ssa.CallInstruction:
		if c := in.Common(); c.IsInvoke() || c.Value != v {
			return HandedOn
		}
		switch in.(type) {
		case *ssa.Call:
			return Called
		case *ssa.Defer:
			return Deferred
		case *ssa.Go:
			return Started
		}
	}
	return HandedOn
}
