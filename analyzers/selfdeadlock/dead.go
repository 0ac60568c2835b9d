package selfdeadlock

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// checkDead reports, in any function, a plain send or receive on a
// channel on which the program never does the complementary operation:
// nothing ever sends on or closes what it receives from, nothing ever
// receives from the unbuffered channel it sends on. Whatever goroutine
// reaches the operation blocks there for good. The model must see
// every operation on the channel (it does not escape), a field or
// global must be given a channel somewhere (a nil one may be a test
// hook left unset), and the channel must be unbuffered.
//
// Left to the other checks: channels that only their maker's own
// goroutine uses (checkPrivate), and operations a goroutine started by
// a go statement must complete to terminate, which goroutineleak
// reports at the go statement.
func (c *checker) checkDead(started map[*ssa.Function]bool) {
	for _, f := range c.m.Funcs {
		if f.Truncated {
			continue
		}
		for i := range f.Ops {
			op := &f.Ops[i]
			if !op.Direct() || op.Unit != 0 || op.Select || op.Deferred || strings.HasPrefix(op.Expr, "make(") {
				continue
			}
			if op.Kind != chanmodel.Send && op.Kind != chanmodel.Recv {
				continue
			}
			if !op.Avoid && started[f.Fn] {
				continue
			}
			if msg := c.dead(op); msg != "" && !c.failurePathTest(f.Fn) {
				var tr finding.Trace
				tr.Step(finding.Place{Pos: op.Pos, Goroutine: c.m.Goroutine(c.pass.Fset, f, op), Op: chanmodel.StepOp(op), Blocks: true})
				c.report("unready", op.Pos, &tr, nil, msg)
			}
		}
	}
}

// failurePathTest reports whether fn is a function literal of a test
// that passes only when a call it makes fails: the test requires the
// call's error not to be nil on every path from the call (if err ==
// nil { t.Fatal(...) }, assert.EqualError(t, err, ...)). Such a test
// drives the code down its failure path, where the hooks and fakes it
// hands over (a fixture copied from the test beside it) have nothing
// to run them: what they would block on says nothing.
func (c *checker) failurePathTest(fn *ssa.Function) bool {
	if fn.Parent() == nil || !flow.InTestFile(fn) {
		return false
	}
	top := fn
	for top.Parent() != nil {
		top = top.Parent()
	}
	ends := c.m.Ends()
	for _, b := range top.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok {
				continue
			}
			errv := errorResult(call)
			if errv == nil {
				continue
			}
			u := ends.FailingUse(errv, flow.Is(ssa.NewConst(nil, errv.Type())))
			if u != nil && ends.PassingReturn(call, nil, map[ssa.Instruction]bool{u: true}, nil, nil) == nil {
				return true
			}
		}
	}
	return false
}

// errorResult returns the value of call's last result when it is an
// error, or nil.
func errorResult(call *ssa.Call) ssa.Value {
	res := call.Call.Signature().Results()
	if res.Len() == 0 || !flow.IsError(res.At(res.Len()-1).Type()) {
		return nil
	}
	return analysisutil.ResultValue(call, res.Len()-1)
}

// dead returns the message for op if nothing in the program can ever
// make it ready, else "".
func (c *checker) dead(op *chanmodel.Op) string {
	id := op.Chan
	switch id.Kind {
	case chanmodel.KindMake:
		if maker := c.m.Func(id.Make.Parent()); maker != nil && c.private(maker, id) {
			return ""
		}
	case chanmodel.KindField, chanmodel.KindGlobal:
		if len(c.m.Makes(id)) == 0 {
			return ""
		}
	default:
		return ""
	}
	if c.m.Escapes(id) {
		return ""
	}
	t := c.m.TallyOn(id)
	name := op.Expr
	if name == "" {
		name = "the channel"
	}
	switch {
	case op.Kind == chanmodel.Recv && t.Sends == 0 && t.Closes == 0 && c.sm.Unbuffered(id) && !c.parksOn(op):
		// Only an unbuffered channel: a buffered one with no sender
		// is how test fakes hold canned replies a test may never
		// load; an unbuffered one could only be fed concurrently.
		return "receive from " + name + " blocks forever: nothing sends on or closes it"
	case op.Kind == chanmodel.Send && t.Recvs == 0 && c.sm.Unbuffered(id):
		return "send on unbuffered channel " + name + " blocks forever: nothing receives from it"
	}
	return ""
}

// goStarted returns the functions that go statements of the package
// run directly.
func goStarted(m *chanmodel.Model) map[*ssa.Function]bool {
	started := make(map[*ssa.Function]bool)
	for _, f := range m.Funcs {
		for _, blk := range f.Fn.Blocks {
			for _, in := range blk.Instrs {
				if g, ok := in.(*ssa.Go); ok {
					if callee := flow.Callee(g.Common()); callee != nil {
						started[callee] = true
					}
				}
			}
		}
	}
	return started
}

// parksOn reports whether op, a receive from a package variable, is
// the only thing the package does with it, and the variable is an
// unexported chan struct{}: var chPause = make(chan struct{}); func
// Pause() { <-chPause } blocks for good on purpose, as the receive
// from a channel made only for it does (parks), or select {}.
func (c *checker) parksOn(op *chanmodel.Op) bool {
	id := op.Chan
	if id.Kind != chanmodel.KindGlobal || id.Global.Object().Exported() {
		return false
	}
	if ch, ok := id.Global.Type().(*types.Pointer).Elem().Underlying().(*types.Chan); !ok || !isEmptyStruct(ch.Elem()) {
		return false
	}
	for _, r := range c.m.OpsOn(id) {
		if r.Op.Direct() && r.Op != op && r.Op.Kind != chanmodel.Assign {
			return false
		}
	}
	return true
}
