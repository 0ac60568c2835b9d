package partnerexit

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// checkCtxDone reports a plain receive from ctx.Done() that nothing
// can ever make ready: ctx comes from context.WithCancel of a parent
// that is never done (context.Background or TODO, passed down through
// parameters of functions only the package calls), and its cancel
// function is only stored in unexported fields, whose every call runs
// in code that cannot run (no caller) or only after this very receive
// (the goroutine cancels only once the Done it waits for has come).
func checkCtxDone(pass *analysis.Pass, sm *syncmodel.Model, f *syncmodel.Func) {
	for _, b := range f.Fn.Blocks {
		for _, in := range b.Instrs {
			recv, ok := in.(*ssa.UnOp)
			if !ok || recv.Op != token.ARROW || recv.CommaOk {
				continue
			}
			done, ok := recv.X.(*ssa.Call)
			if !ok || !isCtxDone(&done.Call) {
				continue
			}
			makers, ok := cancelMakers(sm, done.Call.Value, 3)
			if !ok {
				continue
			}
			var field *types.Var
			quiet := true
			for _, mk := range makers {
				fv, ok := cancelNeverBefore(sm, mk, recv)
				if !ok {
					quiet = false
					break
				}
				field = fv
			}
			if !quiet || field == nil {
				continue
			}
			name := analysisutil.Goroutine(pass.Fset, f.Fn)
			var tr finding.Trace
			d := analysis.Diagnostic{Pos: recv.Pos(),
				Message: "receive from ctx.Done() blocks forever: the context's parent is never done, and its cancel function, kept in field " + field.Name() + ", is called only after this receive or by code nothing runs"}
			tr.Step(finding.Place{Pos: recv.Pos(), Goroutine: name, Op: finding.OpRecv, Blocks: true})
			tr.Related(&d, finding.Place{Pos: makers[0].Pos(), Message: "the context is made here", Goroutine: analysisutil.Goroutine(pass.Fset, makers[0].Parent())})
			tr.Report(pass, d)
		}
	}
}

// isCtxDone reports whether c calls Done on a context.Context.
func isCtxDone(c *ssa.CallCommon) bool {
	if !c.IsInvoke() || c.Method.Name() != "Done" {
		return false
	}
	return analysisutil.IsContext(c.Value.Type())
}

// cancelMakers returns the context.WithCancel calls whose context v
// always is: their first result directly, a parameter every caller of
// an unexported function binds to one, or an unexported field every
// store of the package sets to one.
func cancelMakers(sm *syncmodel.Model, v ssa.Value, depth int) ([]*ssa.Call, bool) {
	if depth == 0 {
		return nil, false
	}
	switch v := v.(type) {
	case *ssa.Extract:
		c, ok := v.Tuple.(*ssa.Call)
		if !ok || v.Index != 0 || !analysisutil.IsFunc(flow.CalleeFunc(&c.Call), "context", "WithCancel") {
			return nil, false
		}
		if !neverDone(sm, c.Call.Args[0], 3) {
			return nil, false
		}
		return []*ssa.Call{c}, true
	case *ssa.Parameter:
		var out []*ssa.Call
		ok := boundAtCalls(sm, v, func(a ssa.Value) bool {
			m, ok := cancelMakers(sm, a, depth-1)
			out = append(out, m...)
			return ok
		})
		return out, ok && len(out) > 0
	case *ssa.UnOp:
		fa, ok := v.X.(*ssa.FieldAddr)
		if !ok || v.Op != token.MUL {
			return nil, false
		}
		fv := analysisutil.FieldOf(fa)
		if fv == nil || fv.Exported() || fv.Pkg() != sm.Pkg() {
			return nil, false
		}
		var out []*ssa.Call
		for _, acc := range sm.FieldAccesses(fv) {
			a, ok := acc.(*ssa.FieldAddr)
			if !ok {
				return nil, false
			}
			for _, r := range *a.Referrers() {
				st, ok := r.(*ssa.Store)
				if !ok || st.Addr != a {
					continue
				}
				m, ok := cancelMakers(sm, st.Val, depth-1)
				if !ok {
					return nil, false
				}
				out = append(out, m...)
			}
		}
		return out, len(out) > 0
	}
	return nil, false
}

// boundAtCalls reports whether every call of p's function, which only
// the package can call, binds p to a value ok accepts.
func boundAtCalls(sm *syncmodel.Model, p *ssa.Parameter, ok func(ssa.Value) bool) bool {
	args, bound := sm.BoundArgs(p)
	if !bound {
		return false
	}
	for _, a := range args {
		if !ok(a) {
			return false
		}
	}
	return true
}

// neverDone reports whether the context v is never done:
// context.Background() or context.TODO(), or a parameter every caller
// binds to such a context.
func neverDone(sm *syncmodel.Model, v ssa.Value, depth int) bool {
	switch v := v.(type) {
	case *ssa.Call:
		callee := flow.CalleeFunc(&v.Call)
		return analysisutil.IsFunc(callee, "context", "Background") || analysisutil.IsFunc(callee, "context", "TODO")
	case *ssa.Parameter:
		return depth > 0 && boundAtCalls(sm, v, func(a ssa.Value) bool { return neverDone(sm, a, depth-1) })
	}
	return false
}

// cancelNeverBefore reports whether the cancel function mk returns can
// only be called after recv or by code that cannot run: it is only
// stored into unexported fields, and every call of a value loaded from
// them is dominated by recv or lies in a function whose every way in
// (up to a few callers up) is. It returns the field.
func cancelNeverBefore(sm *syncmodel.Model, mk *ssa.Call, recv ssa.Instruction) (*types.Var, bool) {
	var field *types.Var
	for _, r := range *mk.Referrers() {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 1 {
			continue
		}
		for _, u := range *ex.Referrers() {
			st, ok := u.(*ssa.Store)
			if !ok || st.Val != ex {
				return nil, false
			}
			fa, ok := st.Addr.(*ssa.FieldAddr)
			if !ok {
				return nil, false
			}
			fv := analysisutil.FieldOf(fa)
			if fv == nil || fv.Exported() || fv.Pkg() != sm.Pkg() {
				return nil, false
			}
			field = fv
		}
	}
	if field == nil {
		return nil, false
	}
	for _, acc := range sm.FieldAccesses(field) {
		a, ok := acc.(*ssa.FieldAddr)
		if !ok {
			return nil, false
		}
		for _, r := range *a.Referrers() {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr != a {
					return nil, false
				}
			case *ssa.UnOp:
				for _, call := range *r.Referrers() {
					c, ok := call.(*ssa.Call)
					if !ok || c.Call.Value != r || !afterOrDead(sm, c, recv, 4) {
						return nil, false
					}
				}
			case *ssa.DebugRef:
			default:
				return nil, false
			}
		}
	}
	return field, true
}

// afterOrDead reports whether the call in can run only after recv
// (recv dominates it) or never: its function cannot run, or each of
// its calls is such a call, up to depth callers up.
func afterOrDead(sm *syncmodel.Model, in ssa.Instruction, recv ssa.Instruction, depth int) bool {
	if in.Parent() == recv.Parent() && flow.Dominates(recv, in) {
		return true
	}
	fn := in.Parent()
	if sm.CannotRun(fn) {
		return true
	}
	sites := sm.Callers(fn)
	if depth == 0 || len(sites) == 0 || !sm.EnteredOnlyByCalls(fn) {
		return false
	}
	for _, s := range sites {
		if _, ok := s.Instr.(*ssa.Call); !ok || !afterOrDead(sm, s.Instr, recv, depth-1) {
			return false
		}
	}
	return true
}
