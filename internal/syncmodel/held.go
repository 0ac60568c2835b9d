package syncmodel

import (
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// HeldCount reports whether a goroutine, started by the go statement g,
// still holds a count its starter added for it whenever it runs one of
// its own Adds on a WaitGroup: the starter adds to the WaitGroup on
// every path to g, once per go statement (starterAdds: its
// instructions that do, itself or through wrappers), and the
// goroutine's Done for that count comes after its own Adds (adds and
// dones: the goroutine function's instructions that add to and mark
// Done the same WaitGroup): a deferred Done, or one on every path to
// its return that no Add can follow. The counter cannot be zero while
// the goroutine holds its count, so its Adds cannot race with a Wait
// that sees zero. A stats collector that counts itself in, then counts
// each item it collects, then marks its own count done:
//
//	c.Collecting() // wg.Add(1), in a wrapper
//	go func() {
//		for _, x := range xs {
//			c.Collecting()
//			c.Collect(x) // wg.Done()
//		}
//		c.Done()
//	}()
//
// Like AddFenced, it answers for an Add that another goroutine's Wait
// might otherwise race with; the analyzer that asks knows which
// instructions add and mark Done (through the package's wrappers and
// other packages' facts).
func HeldCount(g *ssa.Go, starterAdds, adds, dones []ssa.Instruction) bool {
	counted := false
	for _, in := range starterAdds {
		if in == ssa.Instruction(g) || !flow.Dominates(in, g) {
			continue
		}
		// A go statement in a loop needs an Add in each iteration.
		if flow.InLoop(g.Block()) && !flow.LoopOf(g.Block())[in.Block()] {
			continue
		}
		counted = true
	}
	if !counted {
		return false
	}
	// A Done an Add may follow must give back a count the goroutine
	// added itself: the nearest Add or Done that precedes it on every
	// path is an Add. Otherwise it may be the starter's count, given
	// back before the goroutine adds again. A deferred Done runs
	// after them all.
	var now []ssa.Instruction // the Dones that run where written
	for _, d := range dones {
		if _, deferred := d.(*ssa.Defer); !deferred {
			now = append(now, d)
		}
	}
	for _, d := range now {
		later := false
		for _, a := range adds {
			later = later || flow.Reaches(d, a, nil)
		}
		if later && !pairedDone(d, adds, now) {
			return false
		}
	}
	for _, d := range dones {
		if flow.InLoop(d.Block()) || !flow.DominatesReturns(d.Block()) {
			continue
		}
		if _, deferred := d.(*ssa.Defer); deferred {
			return true
		}
		last := true
		for _, a := range adds {
			last = last && !flow.Reaches(d, a, nil)
		}
		if last {
			return true
		}
	}
	return false
}

// pairedDone reports whether the nearest of adds and dones that
// dominates d (one every other dominating one dominates) is an Add.
func pairedDone(d ssa.Instruction, adds, dones []ssa.Instruction) bool {
	var near ssa.Instruction
	isAdd := false
	for i, evs := range [][]ssa.Instruction{adds, dones} {
		for _, x := range evs {
			if x == d || !flow.Dominates(x, d) {
				continue
			}
			if near == nil || flow.Dominates(near, x) {
				near, isAdd = x, i == 0
			}
		}
	}
	return isAdd
}
