package selfdeadlock

import (
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
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
	var waits, dones []ssa.CallInstruction
	for _, blk := range fn.Blocks {
		for _, in := range blk.Instrs {
			call, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			m := flow.CalleeFunc(call.Common())
			switch {
			case analysisutil.IsMethod(m, "sync", "WaitGroup", "Wait"):
				if _, isCall := in.(*ssa.Call); isCall {
					waits = append(waits, call)
				}
			case analysisutil.IsMethod(m, "sync", "WaitGroup", "Done"):
				dones = append(dones, call)
			}
		}
	}
	for _, w := range waits {
		counted, early := false, false
		for _, d := range dones {
			if !sameWG(recv(w), recv(d)) {
				continue
			}
			counted = true
			if _, deferred := d.(*ssa.Defer); !deferred && flow.Reaches(d, w, nil) {
				early = true // Done may run before the Wait
			}
		}
		if counted && !early {
			fset := c.pass.Fset
			var tr finding.Trace
			for _, p := range analysisutil.Starts(fset, w.Parent()) {
				tr.Step(p)
			}
			g := analysisutil.Goroutine(fset, w.Parent())
			tr.Step(finding.Place{Pos: c.m.Start(w.Pos()), Goroutine: g, Op: finding.OpWait, Blocks: true})
			for _, d := range dones {
				if sameWG(recv(w), recv(d)) && d.Parent() == w.Parent() {
					tr.Step(finding.Place{Pos: c.m.Start(d.Pos()), Message: "its Done, which runs only after the Wait", Goroutine: g, Op: finding.OpDone})
				}
			}
			c.report("waitgroup", c.m.Start(w.Pos()), &tr, nil, "sync.WaitGroup.Wait called inside a goroutine counted by the same WaitGroup: it waits for its own Done")
		}
	}
}

func recv(c ssa.CallInstruction) ssa.Value {
	args := c.Common().Args
	if len(args) == 0 {
		return nil
	}
	return args[0]
}

// sameWG reports whether a and b surely denote the same WaitGroup.
func sameWG(a, b ssa.Value) bool {
	if a == nil || b == nil {
		return false
	}
	if a == b {
		return true
	}
	fa, ok1 := a.(*ssa.FieldAddr)
	fb, ok2 := b.(*ssa.FieldAddr)
	return ok1 && ok2 && fa.Field == fb.Field && fa.X == fb.X
}
