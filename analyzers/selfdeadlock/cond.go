package selfdeadlock

import (
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// checkUnsignalledConds reports a Cond.Wait on a Cond that nothing in
// the program can wake: the model sees every use of the Cond (it is
// an unexported field, package variable or local variable handed to
// nothing but the package's own code, syncmodel.Contained), and no
// Signal or Broadcast of the package may be on it. A Signal or
// Broadcast on a Cond the model cannot name by field or variable (a
// parameter of a helper, an unknown value) may be on any Cond and
// keeps the check silent.
func (c *checker) checkUnsignalledConds() {
	var wakes []syncmodel.Ref
	for _, f := range c.sm.Funcs {
		for i := range f.Events {
			if e := &f.Events[i]; e.Kind == syncmodel.Signal || e.Kind == syncmodel.Broadcast {
				wakes = append(wakes, syncmodel.Ref{F: f, E: e})
			}
		}
	}
	if c.methodAsValue("Cond", "Signal", "Broadcast") {
		return // a Signal or Broadcast handed on as a function value may wake any Cond
	}
	for _, f := range c.sm.Funcs {
		for i := range f.Events {
			e := &f.Events[i]
			if e.Kind != syncmodel.CondWait || !e.Obj.Known() || !c.sm.Contained(e.Obj) {
				continue
			}
			if c.mayWake(e.Obj, wakes) {
				continue
			}
			c.reportWait(f, e, nil, "Cond.Wait on "+waitName(e, "the Cond")+" blocks forever: nothing in the package signals or broadcasts it")
		}
	}
}

// waitName names the object e waits on, or says what it is.
func waitName(e *syncmodel.Event, what string) string {
	if e.Expr == "" {
		return what
	}
	return e.Expr
}

// reportWait reports e, a wait of f that blocks forever, the story
// being how f's goroutine starts, then the places of before (in their
// goroutines, also given as related information), then e.
func (c *checker) reportWait(f *syncmodel.Func, e *syncmodel.Event, before []finding.Place, msg string) {
	fset := c.pass.Fset
	var tr finding.Trace
	for _, p := range analysisutil.Starts(fset, f.Fn) {
		tr.Step(p)
	}
	var rel []analysis.RelatedInformation
	for _, p := range before {
		tr.Step(p)
		rel = append(rel, analysis.RelatedInformation{Pos: p.Pos, Message: p.Message})
	}
	tr.Step(finding.Place{Pos: e.Pos, Goroutine: analysisutil.Goroutine(fset, f.Fn), Op: finding.OpWait, Blocks: true})
	c.report("unready", e.Pos, &tr, rel, msg)
}

// mayWake reports whether one of the Signal and Broadcast events may
// be on the Cond o: on the same object, or on one the model cannot
// tell apart from it.
func (c *checker) mayWake(o syncmodel.Object, wakes []syncmodel.Ref) bool {
	for _, w := range wakes {
		if !w.E.Obj.Known() || w.E.Obj.Field() == nil && w.E.Obj.Key.Global == "" || syncmodel.Same(o, w.E.Obj) {
			return true
		}
	}
	return false
}

// methodAsValue reports whether the package takes one of the methods
// of sync's typ as a function value (time.AfterFunc(d, s.cond.Broadcast),
// defer-free wg.Done handed to a callback, a method expression):
// whoever calls it acts on an object the model does not see as an
// event.
func (c *checker) methodAsValue(typ string, names ...string) bool {
	is := func(fn *ssa.Function) bool {
		obj, _ := fn.Object().(*types.Func)
		for _, n := range names {
			if analysisutil.IsMethod(obj, "sync", typ, n) {
				return true
			}
		}
		return false
	}
	for _, f := range c.sm.Funcs {
		for _, b := range f.Fn.Blocks {
			for _, in := range b.Instrs {
				var callee ssa.Value
				if call, ok := in.(ssa.CallInstruction); ok {
					callee = call.Common().Value // a call is an event, not a value
				}
				for _, op := range in.Operands(nil) {
					if fn, ok := (*op).(*ssa.Function); ok && *op != callee && is(fn) {
						return true
					}
				}
			}
		}
	}
	return false
}
