package flow

import (
	"strings"

	"golang.org/x/tools/go/ssa"
)

// DefersRecover reports whether fn defers a call that may recover a
// panic, turning it into a return: a function calling recover(), or
// one that defers such a call itself; a deferred call that cannot be
// resolved, or a function of a module outside the standard library
// without a body (a HandleCrash helper), counts as one that may. The
// standard library's deferred calls (wg.Done, mu.Unlock) do not.
func DefersRecover(fn *ssa.Function) bool { return recovers(fn, 0) }

func recovers(fn *ssa.Function, depth int) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			d, ok := in.(*ssa.Defer)
			if !ok {
				continue
			}
			callee := d.Call.StaticCallee()
			if callee == nil {
				if _, builtin := d.Call.Value.(*ssa.Builtin); builtin {
					continue
				}
				return true
			}
			if callsRecover(callee, depth) {
				return true
			}
		}
	}
	return false
}

// callsRecover reports whether fn, deferred, may recover a panic.
func callsRecover(fn *ssa.Function, depth int) bool {
	if fn.Blocks == nil {
		// Another package's function: the standard library's deferred
		// calls (wg.Done, mu.Unlock, f.Close) do not recover; a
		// module's (a HandleCrash helper) may.
		if fn.Pkg == nil {
			return true
		}
		path := fn.Pkg.Pkg.Path()
		return strings.Contains(strings.SplitN(path, "/", 2)[0], ".")
	}
	if depth > 3 {
		return true
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			c, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if bi, ok := c.Common().Value.(*ssa.Builtin); ok && bi.Name() == "recover" {
				return true
			}
		}
	}
	return recovers(fn, depth+1)
}
