package unlockedwrite

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// noGoroutineYet reports whether the write instr, in the once-only
// region r of fn (a Messages or Start that succeeds once), runs before
// any goroutine of the object exists: no go statement of fn comes
// before it, and no other go statement of the package, nor a function
// literal handed on as a value (a callback), runs code on a value of
// the object's type. The set-up then happens before every goroutine
// that may read the fields; the method's own later go statements, if
// any, order it before theirs. A goroutine started by the constructor
// (a ticker reading the fields under the lock), or by another method,
// keeps the write reported.
func (s *solitude) noGoroutineYet(fn *ssa.Function, instr ssa.Instruction, base lockset.Key) bool {
	if base.Root == nil || base.Path != "" {
		return false
	}
	obj := namedOf(base.Root.Type())
	if obj == nil {
		return false
	}
	for _, g := range s.res.Functions() {
		for _, b := range g.Blocks {
			for _, in := range b.Instrs {
				switch in := in.(type) {
				case *ssa.Go:
					if g == fn {
						if in == instr || flow.Reaches(in, instr, nil) {
							return false
						}
						continue
					}
					if runsOn(in.Common(), obj) {
						return false
					}
				case *ssa.MakeClosure:
					if g == fn && !flow.Reaches(in, instr, nil) {
						continue
					}
					if bindsType(in.Bindings, obj) && !flow.OnlyUsedAs(in, flow.Called) {
						return false
					}
				}
			}
		}
	}
	return true
}

// beside returns the go statement of a's function (or of its caller,
// when a's function is a helper of the object), before the write a,
// that starts on a's object a method or a function literal accessing
// the field with the guard held, itself or in a method of the object
// it calls, which it can reach from
// its start without waiting for anyone but a's function before the
// write (syncmodel.UnpromptedFed: a loop whose first tick bumps the
// position; workers ranging over jobs queued before the write), while
// a's function waits for nothing between the go statement and the
// write: nothing orders the two, and the write runs beside that
// goroutine. Nil if there is none.
func beside(pass *analysis.Pass, fs *fieldStats, a access, guard int) *ssa.Go {
	sm, ok := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
	if !ok || a.base.Path != "" {
		return nil
	}
	if g := besideAt(sm, fs, guard, a.instr, a.base); g != nil {
		return g
	}
	// A helper of the object (resetStats) called by the starter after
	// its go statement writes at the call.
	if len(a.fn.Params) == 0 || a.base.Root != a.fn.Params[0] || a.fn.Signature.Recv() == nil {
		return nil
	}
	for _, s := range sm.Callers(a.fn) {
		if s.Goroutine || len(s.Args) == 0 {
			continue
		}
		if g := besideAt(sm, fs, guard, s.Instr, lockset.KeyOf(s.Args[0])); g != nil {
			return g
		}
	}
	return nil
}

// besideAt is beside for an access at w on the object base.
func besideAt(sm *syncmodel.Model, fs *fieldStats, guard int, w ssa.Instruction, base lockset.Key) *ssa.Go {
	for _, b := range w.Parent().Blocks {
		for _, in := range b.Instrs {
			g, ok := in.(*ssa.Go)
			if !ok || g.Call.IsInvoke() || !flow.Reaches(g, w, nil) {
				continue
			}
			callee := g.Call.StaticCallee()
			obj := startedOn(g, callee, base)
			if obj == nil || flow.Between(g, w, waitsHere) {
				continue
			}
			fed := func(x ssa.Value) bool { return sentBefore(passedAs(g, callee, x), w) }
			for _, la := range fs.accesses {
				if !la.holds(guard) || !ownBase(la.fn, la.base) {
					continue
				}
				if la.fn == callee && (la.base.Root == obj || la.base == lockset.KeyOf(obj).Extend(accesspath.Load)) && sm.UnpromptedFed(callee, la.instr, fed) {
					return g
				}
				if len(la.fn.Params) > 0 && la.base.Root == la.fn.Params[0] && calledUnprompted(sm, callee, obj, la.fn, fed) {
					return g // a method of the object the workers call first
				}
			}
		}
	}
	return nil
}

// startedBefore reports whether a go statement of the function of in
// that reaches in starts a function on the object base: from there on
// the object is shared, though the caller owned it at the call (a
// method called on an object made for the call, which starts its
// workers on it).
func startedBefore(in ssa.Instruction, base lockset.Key) bool {
	if base.Path != "" {
		return false
	}
	for _, b := range in.Parent().Blocks {
		for _, x := range b.Instrs {
			if g, ok := x.(*ssa.Go); ok && !g.Call.IsInvoke() && startedOn(g, g.Call.StaticCallee(), base) != nil && flow.Reaches(g, in, nil) {
				return true
			}
		}
	}
	return false
}

// startedOn returns the value that stands, in callee, the function
// the go statement g starts, for the object base: the receiver of a
// method started on it, or the free variable of a function literal
// that captures it. Nil if g starts no such function.
func startedOn(g *ssa.Go, callee *ssa.Function, base lockset.Key) ssa.Value {
	if callee == nil {
		return nil
	}
	if mc, ok := g.Call.Value.(*ssa.MakeClosure); ok {
		for i, v := range mc.Bindings {
			// The object itself, or the variable the literal shares
			// with its maker that holds it (a captured receiver).
			k := lockset.KeyOf(v)
			if i < len(callee.FreeVars) && (k == base || k.Extend(accesspath.Load) == base) {
				return callee.FreeVars[i]
			}
		}
		return nil
	}
	if callee.Signature.Recv() != nil && len(g.Call.Args) > 0 && len(callee.Params) > 0 && lockset.KeyOf(g.Call.Args[0]) == base {
		return callee.Params[0]
	}
	return nil
}

// calledUnprompted reports whether callee calls the method helper on
// obj at a call it can reach from its start waiting for no one but
// what fed accepts.
func calledUnprompted(sm *syncmodel.Model, callee *ssa.Function, obj ssa.Value, helper *ssa.Function, fed func(ssa.Value) bool) bool {
	if helper.Signature.Recv() == nil {
		return false
	}
	for _, b := range callee.Blocks {
		for _, in := range b.Instrs {
			c, ok := in.(*ssa.Call)
			if ok && !c.Call.IsInvoke() && c.Call.StaticCallee() == helper && len(c.Call.Args) > 0 && isOrLoads(c.Call.Args[0], obj) && sm.UnpromptedFed(callee, c, fed) {
				return true
			}
		}
	}
	return false
}

// isOrLoads reports whether v is obj, or what obj, a variable captured
// from the maker, holds.
func isOrLoads(v, obj ssa.Value) bool {
	if v == obj {
		return true
	}
	l, ok := v.(*ssa.UnOp)
	return ok && l.Op == token.MUL && l.X == obj
}

// passedAs returns the value of the go statement g that x, a parameter
// or free variable of callee, the function g starts, holds; nil if x
// is neither.
func passedAs(g *ssa.Go, callee *ssa.Function, x ssa.Value) ssa.Value {
	x = flow.Unconverted(x)
	for i, p := range callee.Params {
		if p == x && i < len(g.Call.Args) {
			return flow.Unconverted(g.Call.Args[i])
		}
	}
	if mc, ok := g.Call.Value.(*ssa.MakeClosure); ok {
		for i, fv := range callee.FreeVars {
			if fv == x && i < len(mc.Bindings) {
				return flow.Unconverted(mc.Bindings[i])
			}
		}
	}
	return nil
}

// sentBefore reports whether the function of w sends on the channel ch
// on a path to w.
func sentBefore(ch ssa.Value, w ssa.Instruction) bool {
	if ch == nil || ch.Referrers() == nil {
		return false
	}
	for _, r := range *ch.Referrers() {
		if s, ok := r.(*ssa.Send); ok && s.Parent() == w.Parent() && flow.Unconverted(s.Chan) == ch && flow.Reaches(s, w, nil) {
			return true
		}
	}
	return false
}

// namedOf returns the named type t is, or points to.
func namedOf(t types.Type) *types.Named {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := t.(*types.Named)
	return n
}

// runsOn reports whether the call c (of a go statement) is given a
// value of the named type obj: as receiver, argument or captured.
func runsOn(c *ssa.CallCommon, obj *types.Named) bool {
	if c.Signature().Recv() != nil && namedOf(c.Signature().Recv().Type()) == obj {
		return true
	}
	if _, bindings := analysisutil.FuncValue(c.Value); bindsType(bindings, obj) {
		return true
	}
	if c.IsInvoke() && namedOf(c.Value.Type()) == obj {
		return true
	}
	return bindsType(c.Args, obj)
}

func bindsType(vals []ssa.Value, obj *types.Named) bool {
	for _, v := range vals {
		t := v.Type()
		if namedOf(t) == nil {
			if p, ok := t.Underlying().(*types.Pointer); ok {
				// A captured variable the closure shares with its
				// maker (or a free variable of an inner literal): the
				// cell holds the value.
				t = p.Elem()
			}
		}
		if namedOf(t) == obj {
			return true
		}
	}
	return false
}
