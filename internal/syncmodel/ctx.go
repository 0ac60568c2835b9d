package syncmodel

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// This file is the model's view of a context as a one-shot signal: a
// context.WithCancel call makes the signal (the context, whose Done
// channel closes once) and the one function that fires it (the
// cancel). The queries follow both to where they are used, through
// closures, parameters every call binds and unexported fields, as the
// channel model follows a channel from its make.

// ContextMakers returns the context.WithCancel, WithTimeout and
// WithDeadline calls (or their Cause forms) whose context ctx always
// is: their first result, also as a closure captures it, a parameter
// every call of an unexported function binds to one, an unexported
// field every store of the package sets to one, or the result of a
// function of the package that returns one. ok is false when ctx may
// be any other context.
func (m *Model) ContextMakers(ctx ssa.Value) ([]*ssa.Call, bool) {
	return m.ctxMakers(ctx, 4)
}

func (m *Model) ctxMakers(v ssa.Value, depth int) ([]*ssa.Call, bool) {
	if depth == 0 {
		return nil, false
	}
	all := func(vals []ssa.Value) ([]*ssa.Call, bool) {
		var out []*ssa.Call
		for _, a := range vals {
			mk, ok := m.ctxMakers(a, depth-1)
			if !ok {
				return nil, false
			}
			out = append(out, mk...)
		}
		return out, len(out) > 0
	}
	switch v := m.closures.Origin(v).(type) {
	case *ssa.Extract:
		c, ok := v.Tuple.(*ssa.Call)
		if !ok {
			return nil, false
		}
		if cancelSource(flow.CalleeFunc(&c.Call)) {
			if v.Index != 0 {
				return nil, false
			}
			return []*ssa.Call{c}, true
		}
		return all(m.returned(c, v.Index))
	case *ssa.Call:
		return all(m.returned(v, 0))
	case *ssa.Parameter:
		args, ok := m.BoundArgs(v)
		if !ok {
			return nil, false
		}
		return all(args)
	case *ssa.UnOp:
		fld := m.loadedField(v)
		if fld == nil {
			return nil, false
		}
		var stored []ssa.Value
		for _, acc := range m.FieldAccesses(fld) {
			a, ok := acc.(*ssa.FieldAddr)
			if !ok {
				return nil, false
			}
			for _, r := range *a.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == a {
					stored = append(stored, st.Val)
				}
			}
		}
		return all(stored)
	}
	return nil, false
}

// returned lists the values a function of the package returns as
// result i at the call c; nil if the callee is not one of the
// package's.
func (m *Model) returned(c *ssa.Call, i int) []ssa.Value {
	callee := c.Call.StaticCallee()
	if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg != m.pkg {
		return nil
	}
	var out []ssa.Value
	for _, b := range callee.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && i < len(ret.Results) {
			out = append(out, ret.Results[i])
		}
	}
	return out
}

// loadedField returns the unexported field of the package that the
// load v reads, or nil.
func (m *Model) loadedField(v *ssa.UnOp) *types.Var {
	if fld := analysisutil.FieldOf(v.X); v.Op == token.MUL && m.ownField(fld) {
		return fld
	}
	return nil
}

// cancelSource reports whether fn is one of package context's
// functions that return a derived context and its cancel function.
func cancelSource(fn *types.Func) bool {
	for _, name := range []string{"WithCancel", "WithCancelCause", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause"} {
		if analysisutil.IsFunc(fn, "context", name) {
			return true
		}
	}
	return false
}

// Timed reports whether the context mk makes is done at a deadline
// too, with nobody calling its cancel.
func Timed(mk *ssa.Call) bool {
	fn := flow.CalleeFunc(&mk.Call)
	return fn != nil && fn.Name() != "WithCancel" && fn.Name() != "WithCancelCause"
}

// CancelCalls returns the instructions that call the cancel function
// mk returns: calls and defer statements of it, directly, in the
// function literals that capture it, or of every load of the
// unexported fields it is stored into (which may hold other functions
// too: the answer errs on the side of more calls). ok is false when the cancel
// goes anywhere else (handed to a function, returned, stored in a
// variable or an exported field): it may be called where the model
// does not look.
func (m *Model) CancelCalls(mk *ssa.Call) ([]ssa.Instruction, bool) {
	var out []ssa.Instruction
	for _, r := range *mk.Referrers() {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 1 {
			continue
		}
		if !m.callsOfValue(ex, &out, true) {
			return nil, false
		}
	}
	return out, true
}

// callsOfValue appends to out the calls and defers of the function
// value v; ok is false when v is used otherwise. With follow, a store
// of v into an unexported field, or its capture by a function literal,
// is followed to the calls of what is loaded or captured.
func (m *Model) callsOfValue(v ssa.Value, out *[]ssa.Instruction, follow bool) bool {
	for _, u := range *v.Referrers() {
		switch u := u.(type) {
		case *ssa.DebugRef:
		case *ssa.Call:
			if u.Call.Value != v {
				return false
			}
			*out = append(*out, u)
		case *ssa.Defer:
			if u.Call.Value != v {
				return false
			}
			*out = append(*out, u)
		case *ssa.Store:
			if cell, ok := u.Addr.(*ssa.Alloc); ok && follow && accesspath.StoredOnce(cell) == v {
				// A variable a closure captures: the calls of its loads.
				if !m.cellCalls(cell, out) {
					return false
				}
				continue
			}
			fld := analysisutil.FieldOf(u.Addr)
			if !follow || u.Val != v || !m.ownField(fld) {
				return false
			}
			for _, acc := range m.FieldAccesses(fld) {
				a, ok := acc.(*ssa.FieldAddr)
				if !ok {
					return false
				}
				for _, r := range *a.Referrers() {
					switch r := r.(type) {
					case *ssa.Store:
						if r.Addr != a {
							return false
						}
					case *ssa.UnOp:
						if r.Op != token.MUL || !m.callsOfValue(r, out, false) {
							return false
						}
					case *ssa.DebugRef:
					default:
						return false
					}
				}
			}
		case *ssa.ChangeType:
			// A context.CancelFunc converted to func() (a field's type).
			if !m.callsOfValue(u, out, follow) {
				return false
			}
		case *ssa.MakeClosure:
			fn, _ := u.Fn.(*ssa.Function)
			if !follow || fn == nil {
				return false
			}
			for i, b := range u.Bindings {
				if b == v && !m.callsOfValue(fn.FreeVars[i], out, false) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// cellCalls appends to out the calls of the function value loaded
// from the variable cell, in its function and in the closures that
// capture it; ok is false when the cell is used otherwise.
func (m *Model) cellCalls(cell ssa.Value, out *[]ssa.Instruction) bool {
	for _, u := range *cell.Referrers() {
		switch u := u.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			if _, own := cell.(*ssa.Alloc); !own || u.Addr != cell {
				return false // a closure that assigns the variable
			}
		case *ssa.UnOp:
			if u.Op != token.MUL || !m.callsOfValue(u, out, false) {
				return false
			}
		case *ssa.MakeClosure:
			fn, _ := u.Fn.(*ssa.Function)
			if fn == nil {
				return false
			}
			for i, b := range u.Bindings {
				if b == cell && !m.cellCalls(fn.FreeVars[i], out) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// NeverDone reports whether the context v is never done
// (analysisutil.NeverCancelled), or is a parameter every call binds to
// such a context.
func (m *Model) NeverDone(v ssa.Value) bool { return m.neverDone(v, 3) }

func (m *Model) neverDone(v ssa.Value, depth int) bool {
	switch v := m.closures.Origin(v).(type) {
	case *ssa.Call:
		return analysisutil.NeverCancelled(v)
	case *ssa.Parameter:
		if depth == 0 {
			return false
		}
		args, ok := m.BoundArgs(v)
		if !ok {
			return false
		}
		for _, a := range args {
			if !m.neverDone(a, depth-1) {
				return false
			}
		}
		return true
	}
	return false
}

// selfCancel is what cancelledOnlyBy finds in a function: the edges
// into its ctx.Done() select cases that only its own cancel opens, and
// the calls of those cancels that tell no one else anything.
type selfCancel struct {
	cases   map[chanmodel.Edge]bool
	cancels map[ssa.Instruction]bool
}

// cancelledOnlyBy finds the select cases of fn that receive from
// ctx.Done() of a context that is done only when fn itself cancels it:
// made by context.WithCancel of a context never done, whose every
// cancel call is fn's own, or deferred by fn or by waiter (the function
// waiting for fn's operation, whose deferred calls run once it has
// stopped waiting). Such a case is taken only after fn called the
// cancel. When, besides, no other function of the package waits on the
// context (doneOnlyIn), fn's cancel calls tell no one else anything.
func (m *Model) cancelledOnlyBy(fn, waiter *ssa.Function) selfCancel {
	var sc selfCancel
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			sel, ok := in.(*ssa.Select)
			if !ok {
				continue
			}
			for i, st := range sel.States {
				if st.Dir != types.RecvOnly || !analysisutil.ContextDone(st.Chan) {
					continue
				}
				makers, cancels, ok := m.onlyCancelledBy(st.Chan.(*ssa.Call).Call.Value, fn, waiter)
				if !ok {
					continue
				}
				blk, succ, ok := chanmodel.SelectCaseEdge(sel, i)
				if !ok {
					continue
				}
				if sc.cases == nil {
					sc.cases = make(map[chanmodel.Edge]bool)
					sc.cancels = make(map[ssa.Instruction]bool)
				}
				sc.cases[chanmodel.Edge{Block: blk, Succ: succ}] = true
				quiet := true
				for _, mk := range makers {
					quiet = quiet && m.doneOnlyIn(mk, fn)
				}
				for _, c := range cancels {
					if quiet {
						sc.cancels[c] = true
					}
				}
			}
		}
	}
	return sc
}

// onlyCancelledBy returns the makers of the context ctx and the calls
// of their cancels when it is done only when fn cancels it (see
// cancelledOnlyBy).
func (m *Model) onlyCancelledBy(ctx ssa.Value, fn, waiter *ssa.Function) ([]*ssa.Call, []ssa.Instruction, bool) {
	makers, ok := m.ContextMakers(ctx)
	if !ok {
		return nil, nil, false
	}
	var all []ssa.Instruction
	for _, mk := range makers {
		if Timed(mk) || len(mk.Call.Args) == 0 || !m.NeverDone(mk.Call.Args[0]) {
			return nil, nil, false
		}
		calls, ok := m.CancelCalls(mk)
		if !ok {
			return nil, nil, false
		}
		for _, in := range calls {
			_, deferred := in.(*ssa.Defer)
			if in.Parent() != fn && !(deferred && waiter != nil && in.Parent() == waiter) {
				return nil, nil, false
			}
		}
		all = append(all, calls...)
	}
	return makers, all, true
}

// doneOnlyIn reports whether no function of the package but fn calls
// Done on the context mk makes: on the context itself, the closures'
// captures of it, the variables and unexported fields it is kept in; a
// context handed to another package is that package's to watch, one
// handed to a function of this package may be waited on there.
func (m *Model) doneOnlyIn(mk *ssa.Call, fn *ssa.Function) bool {
	for _, r := range *mk.Referrers() {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			continue
		}
		if !m.doneCallsOnlyIn(ex, fn, 0) {
			return false
		}
	}
	return true
}

// doneCallsOnlyIn reports whether every Done call on the context v,
// followed through closures, captured variables and unexported
// fields, is in fn.
func (m *Model) doneCallsOnlyIn(v ssa.Value, fn *ssa.Function, depth int) bool {
	if depth > 3 {
		return false
	}
	loads := func(addr ssa.Value) bool {
		for _, u := range *addr.Referrers() {
			if ld, ok := u.(*ssa.UnOp); ok && ld.Op == token.MUL && !m.doneCallsOnlyIn(ld, fn, depth+1) {
				return false
			}
		}
		return true
	}
	for _, u := range *v.Referrers() {
		switch u := u.(type) {
		case ssa.CallInstruction:
			c := u.Common()
			if c.IsInvoke() && c.Value == v {
				if c.Method.Name() == "Done" && u.Parent() != fn {
					return false
				}
				continue
			}
			// Handed to a function: one of the package, called by fn,
			// runs on fn's goroutine and is followed; a go statement or
			// another caller's call of one may wait elsewhere; another
			// package's code (or an interface the package does not
			// implement) tells nothing to this package's goroutines.
			callee := c.StaticCallee()
			if c.IsInvoke() {
				callee = m.invoked[u]
				if callee == nil {
					continue
				}
			}
			if callee == nil {
				return false
			}
			if callee.Pkg == nil || callee.Pkg.Pkg != m.pkg {
				continue
			}
			if _, call := u.(*ssa.Call); !call || u.Parent() != fn {
				return false
			}
			for i, a := range c.Args {
				if c.IsInvoke() {
					i++ // the receiver is the callee's first parameter
				}
				if a == v && (i >= len(callee.Params) || !m.doneCallsOnlyIn(callee.Params[i], callee, depth+1)) {
					return false
				}
			}
		case *ssa.MakeClosure:
			cf, _ := u.Fn.(*ssa.Function)
			for i, b := range u.Bindings {
				if b == v && (cf == nil || !m.doneCallsOnlyIn(cf.FreeVars[i], fn, depth+1)) {
					return false
				}
			}
		case *ssa.Store:
			if cell, ok := u.Addr.(*ssa.Alloc); ok {
				if !loads(cell) {
					return false
				}
				for _, cu := range *cell.Referrers() {
					if mc, ok := cu.(*ssa.MakeClosure); ok {
						cf, _ := mc.Fn.(*ssa.Function)
						for i, b := range mc.Bindings {
							if b == cell && (cf == nil || !loads(cf.FreeVars[i])) {
								return false
							}
						}
					}
				}
				continue
			}
			fld := analysisutil.FieldOf(u.Addr)
			if !m.ownField(fld) {
				return false // kept where the model does not look
			}
			for _, acc := range m.FieldAccesses(fld) {
				if !loads(acc.(ssa.Value)) {
					return false
				}
			}
		}
	}
	return true
}
