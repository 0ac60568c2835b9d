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
// function, kept in an unexported field, is called only in code that
// cannot run (no caller) or only after this very receive (the
// goroutine cancels only once the Done it waits for has come).
func checkCtxDone(pass *analysis.Pass, sm *syncmodel.Model, f *syncmodel.Func) {
	for _, b := range f.Fn.Blocks {
		for _, in := range b.Instrs {
			recv, ok := in.(*ssa.UnOp)
			if !ok || recv.Op != token.ARROW || recv.CommaOk {
				continue
			}
			if !analysisutil.ContextDone(recv.X) {
				continue
			}
			done := recv.X.(*ssa.Call)
			makers, ok := cancelMakers(sm, done.Call.Value)
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

// cancelMakers returns the context.WithCancel calls whose context v
// always is (syncmodel's ContextMakers), each of a parent that is never
// done; false if v may be another context.
func cancelMakers(sm *syncmodel.Model, v ssa.Value) ([]*ssa.Call, bool) {
	makers, ok := sm.ContextMakers(v)
	if !ok {
		return nil, false
	}
	for _, mk := range makers {
		if syncmodel.Timed(mk) || len(mk.Call.Args) == 0 || !sm.NeverDone(mk.Call.Args[0]) {
			return nil, false
		}
	}
	return makers, true
}

// cancelNeverBefore reports whether the cancel function mk returns can
// only be called after recv or by code that cannot run: every call of
// it (syncmodel's CancelCalls) is dominated by recv or lies in a
// function whose every way in (up to a few callers up) is. It returns
// the unexported field the cancel is kept in, nil if none.
func cancelNeverBefore(sm *syncmodel.Model, mk *ssa.Call, recv ssa.Instruction) (*types.Var, bool) {
	calls, ok := sm.CancelCalls(mk)
	if !ok {
		return nil, false
	}
	for _, c := range calls {
		if _, ok := c.(*ssa.Call); !ok || !afterOrDead(sm, c, recv, 4) {
			return nil, false
		}
	}
	for _, r := range *mk.Referrers() {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == 1 {
			for _, u := range *ex.Referrers() {
				if st, ok := u.(*ssa.Store); ok {
					if fv := analysisutil.FieldOf(st.Addr); fv != nil {
						return fv, true
					}
				}
			}
		}
	}
	return nil, true
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
