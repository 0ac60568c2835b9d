package chanmodel

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// A helper that starts a goroutine for a function value it is given
// (a stopper's RunWorker, a runAsync, a group's launch) hides the
// goroutine from its callers: the caller writes no go statement, the
// closure it passes runs in a new goroutine all the same.
//
//	func (s *Stopper) RunWorker(f func()) {
//		s.stop.Add(1)
//		go func() {
//			defer s.stop.Done()
//			f()            // parameter 1 (f; the receiver is 0) runs in a new goroutine
//		}()
//	}
//
// Spawner summarises, per function, the parameters it runs so: a go
// statement on the parameter itself (go f()), a goroutine whose
// function calls it once, not in a loop (go func() { ...; f() }(), also
// through one static call inside the goroutine), WaitGroup.Go(f) and
// errgroup's Group.Go(f), or a call handing it to such a helper, of the
// package or of another one whose *Spawner fact says so. A parameter
// may run (the helper may return first, or not call it at all: if f !=
// nil { f() }); the caller's closure, when it does run, runs in a
// goroutine of its own. What the helper does around the call (a
// deferred Done, a recover) is the helper's bookkeeping. syncmodel makes
// each call of such a helper with a known function value a start of
// that function (its Kind Run), and the builder counts the value's
// operations in a unit of the caller's opened at the call (runs).

// Spawner is the fact exported for a function or method with an
// exported name that runs some of its function parameters in a new
// goroutine: Params lists their indices (the receiver first).
type Spawner struct{ Params []int }

func (*Spawner) AFact() {}

func (r *Spawner) String() string { return fmt.Sprintf("runs%v", r.Params) }

// spawners computes and holds the summaries.
type spawners struct {
	pass *analysis.Pass
	// runs holds the summary of each function asked for; busy marks
	// the ones being summarised (recursion counts as not running).
	runs map[*ssa.Function][]int
	busy map[*ssa.Function]bool
}

// RunsInGoroutine returns the indices of the parameters of fn
// (receiver first) that fn runs in a new goroutine (see Spawner): fn of
// the package, or of another package with a Spawner fact.
func (m *Model) RunsInGoroutine(fn *ssa.Function) []int {
	if m.spawners == nil || fn == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.spawners.of(fn)
}

func (r *spawners) of(fn *ssa.Function) []int {
	fn = flow.Body(fn)
	if out, ok := r.runs[fn]; ok {
		return out
	}
	if fn.Blocks == nil {
		var f Spawner
		obj, _ := fn.Object().(*types.Func)
		if o := fn.Origin(); o != nil {
			obj, _ = o.Object().(*types.Func)
		}
		if obj != nil && obj.Pkg() != nil && obj.Pkg() != r.pass.Pkg && r.pass.ImportObjectFact(obj, &f) {
			r.runs[fn] = f.Params
			return f.Params
		}
		r.runs[fn] = nil
		return nil
	}
	if r.busy[fn] {
		return nil
	}
	r.busy[fn] = true
	var out []int
	for i, p := range fn.Params {
		if _, ok := p.Type().Underlying().(*types.Signature); ok && r.runsParam(fn, p) {
			out = append(out, i)
		}
	}
	delete(r.busy, fn)
	r.runs[fn] = out
	return out
}

// runsParam reports whether fn runs the function value v, one of its
// parameters, in a new goroutine.
func (r *spawners) runsParam(fn *ssa.Function, v ssa.Value) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			ci, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			c := ci.Common()
			if c.IsInvoke() {
				continue
			}
			if _, isGo := in.(*ssa.Go); isGo {
				if holds(c.Value, v) || startedCalls(c, v) {
					return true
				}
				continue
			}
			if _, isCall := in.(*ssa.Call); !isCall {
				continue
			}
			callee := c.StaticCallee()
			if callee == nil {
				continue
			}
			if obj := flow.CalleeFunc(c); len(c.Args) == 2 && holds(c.Args[1], v) &&
				(analysisutil.IsMethod(obj, "sync", "WaitGroup", "Go") ||
					analysisutil.IsMethod(obj, "golang.org/x/sync/errgroup", "Group", "Go") ||
					analysisutil.IsMethod(obj, "golang.org/x/sync/errgroup", "Group", "TryGo")) {
				return true
			}
			for _, k := range r.of(callee) {
				if k < len(c.Args) && holds(c.Args[k], v) {
					return true
				}
			}
		}
	}
	return false
}

// startedCalls reports whether the go statement c starts a function
// that calls v, bound to one of its parameters or free variables, once.
func startedCalls(c *ssa.CallCommon, v ssa.Value) bool {
	g, bindings := analysisutil.FuncValue(c.Value)
	if g == nil || g.Blocks == nil {
		return false
	}
	var inner []ssa.Value
	for j, b := range bindings {
		if (b == v || cellOf(b, v)) && j < len(g.FreeVars) {
			inner = append(inner, g.FreeVars[j])
		}
	}
	for j, a := range c.Args {
		if holds(a, v) && j < len(g.Params) {
			inner = append(inner, g.Params[j])
		}
	}
	for _, w := range inner {
		if callsOnce(g, w, 1) {
			return true
		}
	}
	return false
}

// callsOnce reports whether g calls the function value w (a parameter
// or free variable of g) at a call outside any loop, itself or, up to
// depth, through a static call of a function of its package that
// calls the parameter it passes w as.
func callsOnce(g *ssa.Function, w ssa.Value, depth int) bool {
	if w.Referrers() == nil {
		return false
	}
	for _, r := range *w.Referrers() {
		if load, ok := r.(*ssa.UnOp); ok && load.Op == token.MUL && load.X == w && callsOnce(g, load, depth) {
			return true // a free variable is the cell of a captured one
		}
		call, ok := r.(*ssa.Call)
		if !ok || flow.InLoop(call.Block()) {
			continue
		}
		c := call.Common()
		if c.Value == w && !c.IsInvoke() {
			return true
		}
		callee := c.StaticCallee()
		if depth == 0 || callee == nil || callee.Blocks == nil || callee.Pkg != g.Pkg {
			continue
		}
		for j, a := range c.Args {
			if a == w && j < len(callee.Params) && callsOnce(callee, callee.Params[j], depth-1) {
				return true
			}
		}
	}
	return false
}

// holds reports whether x is v, or a load of a variable that only ever
// holds v (a parameter a closure captures lives in such a cell).
func holds(x, v ssa.Value) bool {
	if x == v {
		return true
	}
	load, ok := x.(*ssa.UnOp)
	return ok && load.Op == token.MUL && cellOf(load.X, v)
}

// cellOf reports whether x is a local variable that only ever holds
// v (accesspath.StoredOnce).
func cellOf(x, v ssa.Value) bool {
	cell, ok := x.(*ssa.Alloc)
	return ok && accesspath.StoredOnce(cell) == v
}

// exportSpawner exports the Spawner fact of fn, when it has an exported
// name and runs a parameter.
func (r *spawners) exportSpawner(fn *ssa.Function) {
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() != r.pass.Pkg || fn.Parent() != nil || !obj.Exported() {
		return
	}
	if ps := r.of(fn); len(ps) > 0 {
		r.pass.ExportObjectFact(obj, &Spawner{Params: ps})
	}
}

// summarizeCallees summarises each function fn calls that takes a
// function value, while the pass can still read the facts of other
// packages' functions.
func (r *spawners) summarizeCallees(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(*ssa.Call); ok && !c.Call.IsInvoke() {
				if callee := c.Call.StaticCallee(); callee != nil && takesFunc(callee) {
					r.of(callee)
				}
			}
		}
	}
}

func takesFunc(fn *ssa.Function) bool {
	for i := range fn.Signature.Params().Len() {
		if _, ok := fn.Signature.Params().At(i).Type().Underlying().(*types.Signature); ok {
			return true
		}
	}
	return false
}
