package sleepsync

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// reportsToTest reports whether the goroutine the go statement g
// starts hands the test's T (B, F, TB) to a call in its own code or in
// the functions of the package it calls: it logs, fails or skips the
// test, so the test's verdict needs the goroutine to have got there
// before the test returns. A T captured only by a function literal the
// goroutine hands on (a time.AfterFunc callback, a handler) is not the
// goroutine's own use: the callee decides when, or whether, it runs; a
// test that sleeps out a timer to see that a stopped one never fires
// observes a period, it does not wait for a result.
func reportsToTest(g *ssa.Go) bool {
	return callReports(g.Common(), map[*ssa.Function]bool{}, 0)
}

func callReports(c *ssa.CallCommon, seen map[*ssa.Function]bool, depth int) bool {
	if isTestValue(c.Value) {
		return true // t.Errorf through the TB interface
	}
	for _, a := range c.Args {
		if isTestValue(a) {
			return true
		}
	}
	callee := c.StaticCallee()
	if callee == nil || callee.Blocks == nil || seen[callee] || depth > 4 {
		return false
	}
	seen[callee] = true
	for _, b := range callee.Blocks {
		for _, in := range b.Instrs {
			if ci, ok := in.(ssa.CallInstruction); ok && callReports(ci.Common(), seen, depth+1) {
				return true
			}
		}
	}
	return false
}

// isTestValue reports whether v is a test, benchmark or fuzz target of
// package testing (the TB interface, or the common part their
// promoted methods are called on).
func isTestValue(v ssa.Value) bool {
	if _, ok := v.(*ssa.Function); ok {
		return false
	}
	t := v.Type()
	for _, name := range []string{"T", "B", "F", "TB", "common"} {
		if analysisutil.IsNamed(t, "testing", name) {
			return true
		}
	}
	return false
}

// hasTestParam reports whether fn is given a test: a Test function or
// a subtest, not an Example (whose output the test compares when it
// returns).
func hasTestParam(fn *ssa.Function) bool {
	params := fn.Signature.Params()
	for i := 0; i < params.Len(); i++ {
		if analysisutil.IsNamed(params.At(i).Type(), "testing", "T") {
			return true
		}
	}
	return false
}

// writerOf returns the goroutine whose writes the read e overlaps, or
// nil.
func writerOf(e effect, writes []loc) *ssa.Go {
	k, ok := trace(e.v)
	if !ok {
		return nil
	}
	path := k.Path + e.path
	for _, w := range writes {
		if w.base == k.Root && overlap(w.path, path) {
			return w.g
		}
	}
	return nil
}

// readLater reports whether some instruction that may run after the
// sleep reads memory the goroutines write (itself, or in a call): the
// test uses what they produce, wherever the read is.
func (c *checker) readLater(sleep *ssa.Call, writes []loc) bool {
	found := false
	flow.Forward.Walk(sleep, func(in ssa.Instruction) bool {
		if found {
			return false
		}
		switch in := in.(type) {
		case *ssa.UnOp:
			found = in.Op == token.MUL && writerOf(effect{v: in.X}, writes) != nil
		case *ssa.Lookup:
			found = writerOf(effect{v: in.X}, writes) != nil
		case *ssa.Range:
			found = writerOf(effect{v: in.X}, writes) != nil
		case ssa.CallInstruction:
			for _, r := range c.sums.effects(in.Common()).reads {
				if writerOf(r, writes) != nil {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
