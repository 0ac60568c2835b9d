package waitgroupadd

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// checkWaitInLoop reports a Wait inside a loop that starts goroutines
// calling Done on the same WaitGroup, when the WaitGroup was counted up
// for all of them before the loop and nothing in the loop adds to it:
//
//	wg.Add(len(items))
//	for _, it := range items {
//		go func() { defer wg.Done(); ... }()
//		wg.Wait() // needs the Dones of goroutines not started yet
//	}
//
// The first Wait returns only when the counter reaches zero, but only
// the goroutines started so far can lower it: with two items or more,
// it never returns.
func (c *checker) checkWaitInLoop(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok || !isWG(call.Common(), syncmodel.Wait) {
				continue
			}
			wg := accesspath.Of(call.Common().Args[0])
			loop := flow.LoopOf(b)
			if loop == nil {
				continue
			}
			g := startsDoneIn(loop, wg)
			if g == nil {
				continue
			}
			add := countedBefore(fn, loop, wg)
			if add == nil {
				continue
			}
			fset := c.pass.Fset
			caller := analysisutil.Goroutine(fset, fn)
			var tr finding.Trace
			tr.Step(finding.Place{Pos: c.startOf(add.Pos()), Message: "counted here, before the loop", Goroutine: caller, Op: finding.OpAdd})
			tr.Step(finding.Place{Pos: g.Pos(), Message: "goroutine started here", Goroutine: caller, Op: finding.OpGo})
			tr.Step(finding.Place{Pos: c.startOf(call.Pos()), Goroutine: caller, Op: finding.OpWait, Blocks: true})
			tr.Report(c.pass, analysis.Diagnostic{
				Category: "waitloop",
				Pos:      c.startOf(call.Pos()),
				Message:  "sync.WaitGroup.Wait inside the loop that starts the goroutines it waits for: the Add before the loop counts goroutines that later iterations start, so this Wait never returns",
				Related: []analysis.RelatedInformation{
					{Pos: c.startOf(add.Pos()), Message: "counted here, before the loop"},
					{Pos: g.Pos(), Message: "goroutine started here"},
				},
			})
		}
	}
}

// startOf maps an SSA call position (its '(') to the start of the call.
func (c *checker) startOf(pos token.Pos) token.Pos {
	if call := c.calls[pos]; call != nil {
		return call.Pos()
	}
	return pos
}

func isWG(com *ssa.CallCommon, k syncmodel.Kind) bool {
	return wgKind(com) == k && len(com.Args) > 0
}

// startsDoneIn returns a go statement of the loop whose goroutine calls
// Done on wg (given in the starter's frame) in its own body, or nil.
func startsDoneIn(loop map[*ssa.BasicBlock]bool, wg accesspath.Key) *ssa.Go {
	for b := range loop {
		for _, in := range b.Instrs {
			g, ok := in.(*ssa.Go)
			if !ok {
				continue
			}
			callee := g.Call.StaticCallee()
			if callee == nil || callee.Blocks == nil {
				continue
			}
			_, bindings := analysisutil.FuncValue(g.Call.Value)
			for _, cb := range callee.Blocks {
				for _, ci := range cb.Instrs {
					com, ok := callOf(ci)
					if !ok || !isWG(com, syncmodel.Done) {
						continue
					}
					// The goroutine's WaitGroup, in the starter's frame.
					rel, ok := accesspath.Relative(callee, accesspath.Of(com.Args[0]))
					if !ok || rel.Global != "" {
						continue
					}
					if o, ok := rel.Bind(g.Call.Args, bindings); ok && o == wg {
						return g
					}
				}
			}
		}
	}
	return nil
}

func callOf(in ssa.Instruction) (*ssa.CallCommon, bool) {
	switch in := in.(type) {
	case *ssa.Call:
		return in.Common(), true
	case *ssa.Defer:
		return in.Common(), true
	}
	return nil, false
}

// countedBefore returns an Add on wg outside the loop that counts more
// than one (or an unknown number), if no Add on wg is in the loop.
func countedBefore(fn *ssa.Function, loop map[*ssa.BasicBlock]bool, wg accesspath.Key) *ssa.Call {
	var before *ssa.Call
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok || !isWG(call.Common(), syncmodel.Add) {
				continue
			}
			if accesspath.Of(call.Common().Args[0]) != wg {
				continue
			}
			if loop[b] {
				return nil // counted per iteration
			}
			if k, ok := call.Common().Args[1].(*ssa.Const); ok && k.Value != nil {
				if n, exact := constant.Int64Val(k.Value); exact && n <= 1 {
					continue
				}
			}
			before = call
		}
	}
	return before
}
