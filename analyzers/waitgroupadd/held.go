package waitgroupadd

import (
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// heldCount reports whether the goroutine gfn, started by g in fn,
// still holds a count its starter added for it whenever it runs an
// Add on the WaitGroup w (ref in gfn's frame): fn adds to w on every
// path to g, once per go statement, and gfn's Done for that count
// comes after its own Adds (a deferred Done, or one on every path to
// its return that no Add can follow). The counter cannot be zero while
// the goroutine holds its count, so the Adds cannot race with a Wait
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
// Adds and Dones made through the package's own wrappers are seen in
// the per-instruction events of the summaries.
func (c *checker) heldCount(fn *ssa.Function, g *ssa.Go, w accesspath.Key, gfn *ssa.Function, ref accesspath.Rel) bool {
	starter := c.sz.summary(fn)
	if starter == nil || starter.perInstr == nil {
		return false
	}
	counted := false
	for in, evs := range starter.perInstr {
		if in == ssa.Instruction(g) || !flow.Dominates(in, g) {
			continue
		}
		// A go statement in a loop needs an Add in each iteration.
		if flow.InLoop(g.Block()) && !flow.LoopOf(g.Block())[in.Block()] {
			continue
		}
		for _, e := range evs {
			counted = counted || e.kind == evAdd && e.cref == w
		}
	}
	if !counted {
		return false
	}
	s := c.sz.summary(gfn)
	if s == nil || s.perInstr == nil {
		return false
	}
	var adds, dones []ssa.Instruction
	for in, evs := range s.perInstr {
		for _, e := range evs {
			if r, ok := accesspath.Relative(gfn, e.cref); !ok || r != ref {
				continue
			}
			switch e.kind {
			case evAdd:
				adds = append(adds, in)
			case evDone:
				dones = append(dones, in)
			}
		}
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
