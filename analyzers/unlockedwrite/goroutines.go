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
			for _, instr := range b.Instrs {
				g, ok := instr.(*ssa.Go)
				if !ok {
					continue
				}
				lit, bindings := analysisutil.FuncValue(g.Call.Value)
				if len(bindings) == 0 {
					continue // it captures no variable of fn
				}
				body := res.Funcs[lit]
				if body == nil {
					continue
				}
				written := earlyWrites(res, body, bindings)
				if len(written) == 0 {
					continue
				}
				if instr, alloc := unorderedAccess(g, written); instr != nil {
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
	if len(body.Fn.Blocks) == 0 || res.Dead(body.Fn.Blocks[0]) {
		return out
	}
	live := flow.Search{Next: func(b *ssa.BasicBlock) []*ssa.BasicBlock {
		var next []*ssa.BasicBlock
		for _, s := range b.Succs {
			if !res.Dead(s) {
				next = append(next, s)
			}
		}
		return next
	}}
	live.WalkBlock(body.Fn.Blocks[0], func(instr ssa.Instruction) bool {
		if syncs(instr) {
			return false
		}
		st, ok := instr.(*ssa.Store)
		if !ok || len(body.HeldBefore(instr)) > 0 || !st.Pos().IsValid() {
			return true
		}
		fv, ok := st.Addr.(*ssa.FreeVar)
		if !ok {
			return true
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
		return true
	})
	return out
}

// unorderedAccess searches the spawner forward from just after the go
// statement g for an access to a written variable, not crossing
// synchronisation.
func unorderedAccess(g ssa.Instruction, written map[*ssa.Alloc]token.Pos) (ssa.Instruction, *ssa.Alloc) {
	var found ssa.Instruction
	var alloc *ssa.Alloc
	flow.Forward.Walk(g, func(instr ssa.Instruction) bool {
		if found != nil || syncs(instr) {
			return false
		}
		if a, ok := instr.(*ssa.Alloc); ok {
			if _, ok := written[a]; ok {
				return false // a new incarnation of the variable
			}
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
				found, alloc = instr, a
				return false
			}
		}
		return true
	})
	return found, alloc
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
