package goroutineleak

import (
	"go/token"
	"go/types"
	"maps"

	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// sendNeverRuns reports whether the orphaned send s, of a goroutine
// that the test f starts, cannot run at all, so it cannot block:
//
//   - f takes the value only in select cases that fail the test (Push
//     on a full queue returned): in a passing run the goroutine is
//     still inside the call before its send when f stops listening;
//   - that call, on an object the goroutine shares with f, can then
//     only panic or block for ever: every call f makes on the object
//     after starting the goroutine, or hands on in a function value
//     (t.Cleanup(q.Close), defer), either wakes no waiter at all or
//     is a stop method after which the call cannot return normally
//     (it sets for good a flag the call panics on, closes the channel
//     of the call's panicking case, and leaves the case the call waits
//     on idle), and no call f makes on it starts a goroutine. A flag
//     set for good, or a channel closed, by a call f makes on the
//     object on every path before the go statement (a pool closed
//     before the goroutine starts) holds at the goroutine's call too;
//     when those flags alone keep the call from returning normally (a
//     Manifest sealed before the goroutine's Add), nothing later can
//     change that.
//
// A call that something after the abandonment lets return normally (a
// Pop that frees a slot, a Release in t.Cleanup) leaves the send to
// block for ever: still reported.
func (c *checker) sendNeverRuns(f *chanmodel.Func, s *chanmodel.Op) bool {
	if !failsOnReceive(c, f, s) {
		return false
	}
	g, ok := s.Instr.(*ssa.Go)
	if !ok {
		return false
	}
	body, bindings := analysisutil.FuncValue(g.Call.Value)
	if len(bindings) == 0 {
		return false // it shares no value of f's
	}
	send := c.directSend(s)
	if send == nil || send.Parent() != body {
		return false
	}
	if c.stops == nil {
		ssainfo := c.pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
		c.stops = syncmodel.NewStopState(ssainfo.Pkg, ssainfo.SrcFuncs)
	}
	for _, b := range body.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok || !flow.Dominates(call, send) {
				continue
			}
			callee := call.Common().StaticCallee()
			if callee == nil {
				continue
			}
			shared := sharedArgs(call.Common(), body, bindings)
			if len(shared) == 0 {
				continue
			}
			if c.cannotReturnAfter(f, g, flow.Origin(callee), shared) {
				return true
			}
		}
	}
	return false
}

// failsOnReceive reports whether f receives from s's channel only in
// select cases whose bodies fail the test.
func failsOnReceive(c *checker, f *chanmodel.Func, s *chanmodel.Op) bool {
	n := 0
	for _, r := range c.m.OpsOn(s.Chan) {
		if r.F != f || r.Op.Kind != chanmodel.Recv {
			continue
		}
		if !r.Op.Direct() || !r.Op.Select {
			return false
		}
		b, i, ok := chanmodel.CaseEdge(r.Op)
		if !ok || !failsTest(c.m.Ends(), b.Succs[i]) {
			return false
		}
		n++
	}
	return n > 0
}

// failsTest reports whether the block b reports a test failure
// (t.Fatal, t.Error, a helper that always fails the test).
func failsTest(ends *flow.Ends, b *ssa.BasicBlock) bool {
	for _, in := range b.Instrs {
		if call, ok := in.(*ssa.Call); ok && ends.Fails(call) {
			return true
		}
	}
	return false
}

// sharedArgs returns the values of f, bound to the free variables of
// the closure body, that the call (in body) takes as arguments or
// receiver.
func sharedArgs(call *ssa.CallCommon, body *ssa.Function, bindings []ssa.Value) map[ssa.Value]bool {
	out := make(map[ssa.Value]bool)
	for _, a := range call.Args {
		if l, ok := a.(*ssa.UnOp); ok && l.Op == token.MUL {
			a = l.X // a variable the closure captures by reference
		}
		for i, fv := range body.FreeVars {
			if a == ssa.Value(fv) && i < len(bindings) {
				if _, isChan := bindings[i].Type().Underlying().(*types.Chan); !isChan {
					out[bindings[i]] = true
				}
			}
		}
	}
	return out
}

// cannotReturnAfter reports whether a call of callee on the values
// shared, blocked when f stops listening, can never return normally:
// see sendNeverRuns.
func (c *checker) cannotReturnAfter(f *chanmodel.Func, g *ssa.Go, callee *ssa.Function, shared map[ssa.Value]bool) bool {
	for v := range shared {
		if handedOn(v) {
			return false // code this test does not show may use it
		}
	}
	var later []*ssa.Function
	// The state the calls made on every path before the go statement
	// leave for good: a pool closed before the goroutine starts stays
	// closed.
	before := syncmodel.Settled{Set: map[*types.Var]bool{}, Closed: map[*types.Var]bool{}}
	for _, b := range f.Fn.Blocks {
		for _, in := range b.Instrs {
			if ci, ok := in.(*ssa.Call); ok && flow.Dominates(in, g) && !ci.Common().IsInvoke() && callsOn(ci.Common(), shared) {
				if fn := ci.Common().StaticCallee(); fn != nil {
					e := c.stops.EffectsOf(fn)
					maps.Copy(before.Set, e.SetTrue)
					maps.Copy(before.Closed, e.Closes)
				}
			}
		}
	}
	// Set for good before the goroutine starts, the flags alone keep
	// the call from returning normally, whatever runs later and
	// whichever case of a select fires (a Seal after which Add
	// panics).
	if len(before.Set)+len(before.Closed) > 0 &&
		c.stops.CannotReturn(callee, syncmodel.Settled{Set: before.Set, Closed: before.Closed, Open: true}) {
		return true
	}
	for _, b := range f.Fn.Blocks {
		for _, in := range b.Instrs {
			ci, ok := in.(ssa.CallInstruction)
			if !ok || in == ssa.Instruction(g) {
				continue
			}
			com := ci.Common()
			args := com.Args
			if com.IsInvoke() {
				args = append([]ssa.Value{com.Value}, args...)
			}
			direct, handed := false, []*ssa.Function(nil)
			for _, a := range args {
				if l, ok := a.(*ssa.UnOp); ok && l.Op == token.MUL && shared[l.X] {
					direct = true
				}
				if shared[a] {
					direct = true
				}
				if fn, bindings := analysisutil.FuncValue(a); bindsAny(bindings, shared) {
					handed = append(handed, fn)
				}
			}
			if _, isGo := in.(*ssa.Go); isGo && (direct || len(handed) > 0) {
				return false // another goroutine works on the object
			}
			if fn, bindings := analysisutil.FuncValue(com.Value); bindsAny(bindings, shared) {
				handed = append(handed, fn)
			}
			later = append(later, handed...)
			if !direct {
				continue
			}
			fn := com.StaticCallee()
			if com.IsInvoke() || fn == nil {
				return false
			}
			_, deferred := in.(*ssa.Defer)
			if deferred || flow.Reaches(g, in, nil) {
				later = append(later, fn)
			} else if e := c.stops.EffectsOf(fn); e.Starts {
				return false // the object's own goroutine may wake the call
			}
		}
	}
	// The state once every later call has run: flags and closes for
	// good, and the channels anything may still operate on.
	all := syncmodel.Settled{Set: maps.Clone(before.Set), Closed: maps.Clone(before.Closed), Busy: map[*types.Var]bool{}}
	effects := make([]syncmodel.Effects, len(later))
	for i, fn := range later {
		e := c.stops.EffectsOf(fn)
		if e.Starts {
			return false
		}
		effects[i] = e
		for v := range e.Touches {
			all.Busy[v] = true
		}
		for v := range e.SetTrue {
			all.Set[v] = true
		}
		for v := range e.Closes {
			all.Closed[v] = true
		}
	}
	for _, e := range effects {
		if !e.Wakes && len(e.Touches) == 0 {
			continue // wakes nobody
		}
		// A stop method: once it has run, the call cannot return,
		// whatever runs before or after it.
		own := syncmodel.Settled{Set: union(before.Set, e.SetTrue), Closed: union(before.Closed, e.Closes), Busy: all.Busy}
		if len(own.Set)+len(own.Closed) == 0 || !c.stops.CannotReturn(callee, own) {
			return false
		}
	}
	return c.stops.CannotReturn(callee, all)
}

func union(a, b map[*types.Var]bool) map[*types.Var]bool {
	u := maps.Clone(a)
	maps.Copy(u, b)
	return u
}

// handedOn reports whether the value v, or the value of the variable
// v, is stored somewhere or converted to an interface.
func handedOn(v ssa.Value) bool {
	vals := []ssa.Value{v}
	if a, ok := v.(*ssa.Alloc); ok {
		for _, r := range *a.Referrers() {
			switch r := r.(type) {
			case *ssa.UnOp:
				vals = append(vals, r)
			case *ssa.Store:
				if r.Addr != ssa.Value(a) {
					return true
				}
			}
		}
	}
	for _, x := range vals {
		for _, r := range *x.Referrers() {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Val == x {
					return true
				}
			case *ssa.MakeInterface:
				return true
			}
		}
	}
	return false
}

// callsOn reports whether the call takes one of the values shared
// (or the value of such a variable) as an argument or receiver.
func callsOn(c *ssa.CallCommon, shared map[ssa.Value]bool) bool {
	for _, a := range c.Args {
		if l, ok := a.(*ssa.UnOp); ok && l.Op == token.MUL && shared[l.X] || shared[a] {
			return true
		}
	}
	return false
}

// bindsAny reports whether a closure's bindings capture one of vals.
func bindsAny(bindings []ssa.Value, vals map[ssa.Value]bool) bool {
	for _, b := range bindings {
		if l, ok := b.(*ssa.UnOp); ok && l.Op == token.MUL {
			b = l.X // the value of a shared variable, bound now
		}
		if vals[b] {
			return true
		}
	}
	return false
}
