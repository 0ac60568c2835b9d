package unlockedwrite

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// loopOf returns the blocks of the cycle through b, or nil.
func loopOf(b *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	fwd := flow.Forward.Reach(b)
	if !fwd[b] {
		return nil
	}
	bwd := flow.Backward.Reach(b)
	loop := map[*ssa.BasicBlock]bool{}
	for x := range fwd {
		if bwd[x] {
			loop[x] = true
		}
	}
	return loop
}

// A loop's waiting: none, only receives and selects (which only a
// goroutine that sends or closes can end), or something else that may
// wait for any goroutine (a Wait, a function value).
type waiting int

const (
	waitsNot waiting = iota
	waitsRecv
	waitsAny
)

// waits says how the loop may wait for a goroutine between
// iterations.
func waits(loop map[*ssa.BasicBlock]bool) waiting {
	w := waitsNot
	for b := range loop {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.UnOp:
				if x.Op == token.ARROW {
					w = waitsRecv
				}
			case *ssa.Select:
				w = waitsRecv
			case ssa.CallInstruction:
				if _, ok := instr.(*ssa.Go); ok {
					continue
				}
				c := x.Common()
				if c.IsInvoke() && c.Method.Name() == "Wait" {
					return waitsAny
				}
				if f := c.StaticCallee(); f != nil && f.Name() == "Wait" {
					return waitsAny
				}
				if c.StaticCallee() == nil && !c.IsInvoke() {
					if _, ok := c.Value.(*ssa.Builtin); !ok {
						return waitsAny // a function value: may wait
					}
				}
			}
		}
	}
	return w
}

// wakes reports whether the goroutine running fn may end a receive of
// another goroutine: the channel model lists a send or close in it or
// its callees, or it calls what the model does not follow (a function
// value, an interface method) or wakes a sync.Cond's waiter. A
// WaitGroup.Done wakes only a Wait, which the loop does not call.
func wakes(cm *chanmodel.Model, fn *ssa.Function) bool {
	f := cm.Func(fn)
	if f == nil || f.Truncated {
		return true
	}
	for _, op := range f.Ops {
		if op.Kind == chanmodel.Send || op.Kind == chanmodel.Close {
			return true
		}
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			c, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if _, ok := c.Common().Value.(*ssa.Builtin); ok {
				continue
			}
			m := flow.CalleeFunc(c.Common())
			if m == nil || c.Common().IsInvoke() || m.Pkg() != nil && m.Pkg().Path() == "sync" && (m.Name() == "Signal" || m.Name() == "Broadcast") {
				return true
			}
		}
	}
	return false
}

// selfSynchronized reports goroutine bodies that both send and receive
// on channels (a channel used as a lock), or both load and store
// through sync/atomic (a hand-off: data written before an atomic
// store is read after the load that sees it).
func selfSynchronized(fn *ssa.Function) bool {
	send, recv := false, false
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case ssa.CallInstruction:
				if m := flow.CalleeFunc(x.Common()); m != nil && m.Pkg() != nil && m.Pkg().Path() == "sync/atomic" {
					if strings.HasPrefix(m.Name(), "Load") {
						recv = true
					} else {
						send = true
					}
				}
			case *ssa.Send:
				send = true
			case *ssa.UnOp:
				if x.Op == token.ARROW {
					recv = true
				}
			case *ssa.Select:
				send, recv = true, true
			}
		}
	}
	return send && recv
}

// checkSpawner reports the guide's §5.1-style race: the goroutine
// writes a captured variable, without a lock and before any
// synchronisation of its own, and the spawning function reads or
// writes the same variable after the go statement with nothing in
// between that could order the two (no channel operation, select,
// lock, wait, or call of a function that might do one).
func checkSpawner(pass *analysis.Pass, res *lockset.Result) {
	for _, fn := range res.Functions() {
		for _, b := range fn.Blocks {
			for i, instr := range b.Instrs {
				g, ok := instr.(*ssa.Go)
				if !ok {
					continue
				}
				mc, ok := g.Call.Value.(*ssa.MakeClosure)
				if !ok {
					continue
				}
				body := res.Funcs[mc.Fn.(*ssa.Function)]
				if body == nil {
					continue
				}
				written := earlyWrites(res, body, mc.Bindings)
				if len(written) == 0 {
					continue
				}
				if instr, alloc := unorderedAccess(b, i+1, written); instr != nil {
					what := "read of"
					if _, ok := instr.(*ssa.Store); ok {
						what = "write to"
					}
					var tr finding.Trace
					op := finding.OpRead
					if what == "write to" {
						op = finding.OpWrite
					}
					caller := analysisutil.Goroutine(pass.Fset, fn)
					tr.Step(finding.Place{Pos: g.Pos(), Message: "goroutine started here", Goroutine: caller, Op: finding.OpGo})
					tr.Step(finding.Place{Pos: written[alloc], Message: "written in the goroutine here", Goroutine: finding.Spawned(pass.Fset, g.Pos()), Op: finding.OpWrite})
					tr.Step(finding.Place{Pos: instr.Pos(), Goroutine: caller, Op: op})
					tr.Report(pass, analysis.Diagnostic{
						Category: "starter",
						Pos:      instr.Pos(),
						Message:  fmt.Sprintf("%s %s races with the goroutine that writes it: nothing orders them", what, alloc.Comment),
						Related:  []analysis.RelatedInformation{{Pos: written[alloc], Message: "written in the goroutine here"}},
					})
				}
			}
		}
	}
}

// earlyWrites returns the captured variables (the spawner's Allocs)
// that the goroutine body writes with no lock held, reachable from its
// entry without synchronising first.
func earlyWrites(res *lockset.Result, body *lockset.Func, bindings []ssa.Value) map[*ssa.Alloc]token.Pos {
	out := map[*ssa.Alloc]token.Pos{}
	seen := map[*ssa.BasicBlock]bool{}
	var walk func(b *ssa.BasicBlock)
	walk = func(b *ssa.BasicBlock) {
		if seen[b] || res.Dead(b) {
			return
		}
		seen[b] = true
		for _, instr := range b.Instrs {
			if syncs(instr) {
				return
			}
			st, ok := instr.(*ssa.Store)
			if !ok || len(body.HeldBefore(instr)) > 0 || !st.Pos().IsValid() {
				continue
			}
			fv, ok := st.Addr.(*ssa.FreeVar)
			if !ok {
				continue
			}
			for i, v := range body.Fn.FreeVars {
				if v == fv && i < len(bindings) {
					if a, ok := bindings[i].(*ssa.Alloc); ok && a.Comment != "" {
						if _, dup := out[a]; !dup {
							out[a] = st.Pos()
						}
					}
				}
			}
		}
		for _, s := range b.Succs {
			walk(s)
		}
	}
	if len(body.Fn.Blocks) > 0 {
		walk(body.Fn.Blocks[0])
	}
	return out
}

// unorderedAccess searches the spawner forward from b.Instrs[i] for an
// access to a written variable, not crossing synchronisation.
func unorderedAccess(b *ssa.BasicBlock, i int, written map[*ssa.Alloc]token.Pos) (ssa.Instruction, *ssa.Alloc) {
	seen := map[*ssa.BasicBlock]bool{}
	type item struct {
		b *ssa.BasicBlock
		i int
	}
	work := []item{{b, i}}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		stopped := false
		for _, instr := range it.b.Instrs[it.i:] {
			if a, ok := instr.(*ssa.Alloc); ok {
				if _, ok := written[a]; ok {
					stopped = true // a new incarnation of the variable
					break
				}
			}
			if syncs(instr) {
				stopped = true
				break
			}
			var addr ssa.Value
			switch x := instr.(type) {
			case *ssa.UnOp:
				if x.Op == token.MUL {
					addr = x.X
				}
			case *ssa.Store:
				addr = x.Addr
			}
			if a, ok := addr.(*ssa.Alloc); ok && instr.Pos().IsValid() {
				if _, ok := written[a]; ok {
					return instr, a
				}
			}
		}
		if stopped {
			continue
		}
		for _, s := range it.b.Succs {
			if !seen[s] {
				seen[s] = true
				work = append(work, item{s, 0})
			}
		}
	}
	return nil, nil
}

// pureCallPkgs are packages whose functions do not synchronise with
// other goroutines.
var pureCallPkgs = map[string]bool{
	"fmt": true, "strings": true, "strconv": true, "errors": true,
	"math": true, "unicode/utf8": true, "bytes": true,
}

// syncs reports whether instr may synchronise with another goroutine.
func syncs(instr ssa.Instruction) bool {
	switch x := instr.(type) {
	case *ssa.UnOp:
		return x.Op == token.ARROW
	case *ssa.Select, *ssa.Send, *ssa.Go, *ssa.Defer, *ssa.Panic:
		return true
	case *ssa.Call:
		c := x.Common()
		if b, ok := c.Value.(*ssa.Builtin); ok {
			return b.Name() == "close"
		}
		if f := c.StaticCallee(); f != nil && f.Pkg != nil && pureCallPkgs[f.Pkg.Pkg.Path()] {
			return false
		}
		return true
	}
	return false
}
