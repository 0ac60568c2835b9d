package waitgroupadd

import (
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// heldCount reports whether the goroutine gfn, started by g in fn,
// still holds a count its starter added for it whenever it runs an
// Add on the WaitGroup w (ref in gfn's frame): syncmodel.HeldCount,
// asked with the Adds and Dones the summaries see, in the starter and
// in the goroutine, also through the package's own wrappers.
func (c *checker) heldCount(fn *ssa.Function, g *ssa.Go, w accesspath.Key, gfn *ssa.Function, ref accesspath.Rel) bool {
	starter := c.sz.summary(fn)
	if starter == nil || starter.perInstr == nil {
		return false
	}
	var starterAdds []ssa.Instruction
	for in, evs := range starter.perInstr {
		for _, e := range evs {
			if e.kind == evAdd && e.cref == w {
				starterAdds = append(starterAdds, in)
				break
			}
		}
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
	return syncmodel.HeldCount(g, starterAdds, adds, dones)
}
