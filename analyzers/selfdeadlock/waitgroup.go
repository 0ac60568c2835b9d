package selfdeadlock

import (
	"cmp"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// checkWaitGroups reports wg.Wait() in a goroutine started by f whose
// own wg.Done() on the same WaitGroup can only run after the Wait: the
// count it waits for includes itself.
func (c *checker) checkWaitGroups(f *chanmodel.Func) {
	for _, blk := range f.Fn.Blocks {
		for _, in := range blk.Instrs {
			g, ok := in.(*ssa.Go)
			if !ok {
				continue
			}
			callee := g.Call.StaticCallee()
			if callee == nil || callee.Blocks == nil || callee.Pkg != f.Fn.Pkg {
				continue
			}
			c.selfWait(callee, g)
		}
	}
}

func (c *checker) selfWait(fn *ssa.Function, g *ssa.Go) {
	f := c.sm.Func(fn)
	if f == nil {
		return
	}
	var waits, dones []*syncmodel.Event
	for i := range f.Events {
		switch e := &f.Events[i]; e.Kind {
		case syncmodel.Wait:
			if !e.Deferred {
				waits = append(waits, e)
			}
		case syncmodel.Done:
			dones = append(dones, e)
		}
	}
	// In the order of the function's blocks, as the trace lists them.
	order := func(a, b *syncmodel.Event) int {
		if c := cmp.Compare(a.Instr.Block().Index, b.Instr.Block().Index); c != 0 {
			return c
		}
		return cmp.Compare(flow.Index(a.Instr), flow.Index(b.Instr))
	}
	slices.SortFunc(waits, order)
	slices.SortFunc(dones, order)
	for _, w := range waits {
		counted, early := false, false
		for _, d := range dones {
			if !syncmodel.SameInstance(w.Obj, d.Obj) {
				continue
			}
			counted = true
			if !d.Deferred && flow.Reaches(d.Instr, w.Instr, nil) {
				early = true // Done may run before the Wait
			}
		}
		if counted && !early {
			fset := c.pass.Fset
			var tr finding.Trace
			for _, p := range analysisutil.Starts(fset, fn) {
				tr.Step(p)
			}
			g := analysisutil.Goroutine(fset, fn)
			tr.Step(finding.Place{Pos: c.m.Start(w.Instr.Pos()), Goroutine: g, Op: finding.OpWait, Blocks: true})
			for _, d := range dones {
				if syncmodel.SameInstance(w.Obj, d.Obj) {
					tr.Step(finding.Place{Pos: c.m.Start(d.Instr.Pos()), Message: "its Done, which runs only after the Wait", Goroutine: g, Op: finding.OpDone})
				}
			}
			c.report("waitgroup", c.m.Start(w.Instr.Pos()), &tr, nil, "sync.WaitGroup.Wait called inside a goroutine counted by the same WaitGroup: it waits for its own Done")
		}
	}
}
