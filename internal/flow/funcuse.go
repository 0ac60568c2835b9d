package flow

import (
	"slices"

	"golang.org/x/tools/go/ssa"
)

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

// OnlyUsedAs reports whether the closure mc is not handed on: each of
// its uses is a DebugRef or one of kinds (some of Called, Deferred,
// Started). The closure's function then runs only where, and as, its
// maker's code says. (No call of mc can pass mc itself as an argument:
// no function type has itself as a parameter's type, so mc would be
// converted first, and handed on there.)
func OnlyUsedAs(mc *ssa.MakeClosure, kinds ...FuncUse) bool {
	for _, r := range *mc.Referrers() {
		if u := UseOf(mc, r); u != Named && !slices.Contains(kinds, u) {
			return false
		}
	}
	return true
}
