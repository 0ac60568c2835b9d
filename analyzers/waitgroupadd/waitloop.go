package waitgroupadd

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
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
			if !ok || !isWGMethod(call.Common(), "Wait") {
				continue
			}
			wg := wgRef(call.Common().Args[0])
			if wg == nil {
				continue
			}
			loop := loopOf(b)
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

func isWGMethod(com *ssa.CallCommon, name string) bool {
	return analysisutil.IsMethod(analysisutil.StaticMethod(com), "sync", "WaitGroup", name) && len(com.Args) > 0
}

// A ref names a WaitGroup in the frame of one function: the value that
// holds its address, seen through field selections of a root.
type ref struct {
	root ssa.Value
	path string
}

func wgRef(v ssa.Value) *ref {
	path := ""
	for {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			path = "." + x.X.Type().String() + "." + itoa(x.Field) + path
			v = x.X
			continue
		case *ssa.UnOp:
			if x.Op == token.MUL {
				path = ".*" + path
				v = x.X
				continue
			}
		case *ssa.ChangeType:
			v = x.X
			continue
		}
		return &ref{v, path}
	}
}

func itoa(i int) string { return constant.MakeInt64(int64(i)).String() }

// loopOf returns the blocks of the innermost cycle through b (those
// both reachable from b and reaching it), or nil if b is in no loop.
func loopOf(b *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	fwd := analysisutil.Reachable(b, true)
	if !fwd[b] {
		return nil
	}
	bwd := analysisutil.Reachable(b, false)
	loop := make(map[*ssa.BasicBlock]bool)
	for x := range fwd {
		if bwd[x] {
			loop[x] = true
		}
	}
	return loop
}

// startsDoneIn returns a go statement of the loop whose goroutine calls
// Done on wg (given in the starter's frame) in its own body, or nil.
func startsDoneIn(loop map[*ssa.BasicBlock]bool, wg *ref) *ssa.Go {
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
			var bindings []ssa.Value
			if mc, ok := g.Call.Value.(*ssa.MakeClosure); ok {
				bindings = mc.Bindings
			}
			for _, cb := range callee.Blocks {
				for _, ci := range cb.Instrs {
					com, ok := callOf(ci)
					if !ok || !isWGMethod(com, "Done") {
						continue
					}
					r := wgRef(com.Args[0])
					// Translate the goroutine's root to the starter's frame.
					var outer ssa.Value
					switch root := r.root.(type) {
					case *ssa.FreeVar:
						for i, fv := range callee.FreeVars {
							if fv == root && i < len(bindings) {
								outer = bindings[i]
							}
						}
					case *ssa.Parameter:
						for i, p := range callee.Params {
							if p == root && i < len(g.Call.Args) {
								outer = g.Call.Args[i]
							}
						}
					}
					if outer == nil {
						continue
					}
					if o := wgRef(outer); o.root == wg.root && o.path+r.path == wg.path {
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
func countedBefore(fn *ssa.Function, loop map[*ssa.BasicBlock]bool, wg *ref) *ssa.Call {
	var before *ssa.Call
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok || !isWGMethod(call.Common(), "Add") {
				continue
			}
			if r := wgRef(call.Common().Args[0]); r.root != wg.root || r.path != wg.path {
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
