package sleepsync

import (
	"go/token"
	"slices"
	"strings"

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
	if ws := writersOf(e, writes); len(ws) > 0 {
		return ws[0]
	}
	return nil
}

// writersOf returns every goroutine that writes what e reads, each once.
func writersOf(e effect, writes []loc) []*ssa.Go {
	k, ok := trace(e.v)
	if !ok {
		return nil
	}
	path := k.Path + e.path
	var out []*ssa.Go
	for _, w := range writes {
		if w.base == k.Root && overlap(w.path, path) && !slices.Contains(out, w.g) {
			out = append(out, w.g)
		}
	}
	return out
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

// expectsFewer reports whether the function checks that in, its read
// of what the goroutines ws write, shows fewer of them done than it
// started: it fails unless the value equals a constant that is zero
// (a cancelled subscription must deliver nothing) or smaller than the
// number of goroutines, each started once (only one of two queue
// subscribers gets the message). The goroutines expected not to get
// there cannot be waited for: the sleep is the window the check
// watches, not a wait for a result.
func (c *checker) expectsFewer(in ssa.Instruction, ws []*ssa.Go) bool {
	v, ok := in.(ssa.Value)
	if !ok {
		return false
	}
	k, ok := c.expected(v)
	if !ok {
		return false
	}
	if k == 0 {
		return true
	}
	for _, g := range ws {
		if flow.InLoop(g.Block()) {
			return false
		}
	}
	return int64(len(ws)) > k
}

// expected returns the integer constant the function fails unless v
// equals: compared with == or != on a branch that fails the test, or
// handed with it to an assertion helper named for equality (testify's
// Equal, EqualValues) or for zero.
func (c *checker) expected(v ssa.Value) (int64, bool) {
	if v.Referrers() == nil {
		return 0, false
	}
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.ChangeType, *ssa.Convert, *ssa.MakeInterface:
			if k, ok := c.expected(r.(ssa.Value)); ok {
				return k, true
			}
		case *ssa.BinOp:
			if r.Op != token.EQL && r.Op != token.NEQ {
				continue
			}
			k, ok := flow.IntConst(r.Y)
			if r.Y == v {
				k, ok = flow.IntConst(r.X)
			}
			if !ok || r.Referrers() == nil {
				continue
			}
			for _, u := range *r.Referrers() {
				ifi, isIf := u.(*ssa.If)
				if !isIf {
					continue
				}
				differs := 1 // the successor taken when v differs from k
				if r.Op == token.NEQ {
					differs = 0
				}
				if blockFails(c.chans.Ends(), ifi.Block().Succs[differs]) {
					return k, true
				}
			}
		case *ssa.Call:
			fn := flow.CalleeFunc(r.Common())
			if fn == nil {
				continue
			}
			name := strings.ToLower(fn.Name())
			switch {
			case strings.HasSuffix(name, "zero") && !strings.Contains(name, "not"):
				return 0, true
			case strings.Contains(name, "equal") && !strings.Contains(name, "not"):
				for _, a := range r.Call.Args {
					if mi, ok := a.(*ssa.MakeInterface); ok {
						a = mi.X
					}
					if k, ok := flow.IntConst(a); ok {
						return k, true
					}
				}
			}
		}
	}
	return 0, false
}
