package syncmodel_test

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/atest"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// TestStopState asks the stopped-state model about the functions of
// testdata/src/syncmodel/stopped.
func TestStopState(t *testing.T) {
	a := &analysis.Analyzer{
		Name:     "stopstate",
		Doc:      "test the stopped-state model",
		Requires: []*analysis.Analyzer{buildssa.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			info := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
			s := syncmodel.NewStopState(info.Pkg, info.SrcFuncs)
			method := func(typ, name string) *ssa.Function {
				T := pass.Pkg.Scope().Lookup(typ).Type()
				sel := info.Pkg.Prog.MethodSets.MethodSet(types.NewPointer(T)).Lookup(pass.Pkg, name)
				return info.Pkg.Prog.MethodValue(sel)
			}
			field := func(typ, name string) *types.Var {
				st := pass.Pkg.Scope().Lookup(typ).Type().Underlying().(*types.Struct)
				for i := 0; i < st.NumFields(); i++ {
					if st.Field(i).Name() == name {
						return st.Field(i)
					}
				}
				t.Fatalf("no field %s.%s", typ, name)
				return nil
			}
			closed, quit, slots := field("queue", "closed"), field("queue", "quit"), field("queue", "slots")

			closeFx := s.EffectsOf(method("queue", "close"))
			if !closeFx.SetTrue[closed] || !closeFx.Wakes {
				t.Errorf("close: SetTrue %v Wakes %v, want closed set and a wake", closeFx.SetTrue, closeFx.Wakes)
			}
			shut := s.EffectsOf(method("queue", "shutdown"))
			if !shut.Closes[quit] || shut.Wakes {
				t.Errorf("shutdown: Closes %v Wakes %v, want quit closed (through Once.Do) and no other wake", shut.Closes, shut.Wakes)
			}
			if fx := s.EffectsOf(method("queue", "length")); fx.Wakes || len(fx.Touches) > 0 {
				t.Errorf("length wakes: %+v", fx)
			}
			if fx := s.EffectsOf(method("queue", "pop")); !fx.Wakes || len(fx.SetTrue) > 0 {
				t.Errorf("pop: %+v, want a wake and no flag", fx)
			}
			if fx := s.EffectsOf(method("reopen", "close")); len(fx.SetTrue) > 0 {
				t.Errorf("reopen.close sets %v for good, but reopen clears it", fx.SetTrue)
			}

			none := syncmodel.Settled{}
			isClosed := syncmodel.Settled{Set: map[*types.Var]bool{closed: true}}
			for _, c := range []struct {
				fn   string
				st   syncmodel.Settled
				want bool
			}{
				{"push", none, false},
				{"push", isClosed, true},
				{"mustPut", isClosed, true},
				{"mustPut", none, false},
				{"tryPut", isClosed, false},
				{"recovering", isClosed, false},
				// enter: slots idle and quit closed leave only the panic;
				// with slots busy, the send may complete.
				{"enter", syncmodel.Settled{Closed: map[*types.Var]bool{quit: true}, Busy: map[*types.Var]bool{quit: true}}, true},
				{"enter", syncmodel.Settled{Closed: map[*types.Var]bool{quit: true}, Busy: map[*types.Var]bool{quit: true, slots: true}}, false},
			} {
				if got := s.CannotReturn(method("queue", c.fn), c.st); got != c.want {
					t.Errorf("CannotReturn(%s, %v) = %v, want %v", c.fn, c.st, got, c.want)
				}
			}
			return nil, nil
		},
	}
	analysistest.Run(t, atest.TestData(), a, "syncmodel/stopped")
}
