package unlockedwrite

import (
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

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

// beside returns the go statement of a's function, before the write
// a, that starts on a's object a method accessing the field with the
// guard held, which it can reach from its start without waiting for
// anyone (syncmodel.Unprompted: a loop whose first tick bumps the
// position), while a's function waits for nothing between the go
// statement and the write: nothing orders the two, and the write runs
// beside that goroutine. Nil if there is none.
func beside(pass *analysis.Pass, fs *fieldStats, a access, guard int) *ssa.Go {
	sm, ok := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
	if !ok || a.base.Path != "" {
		return nil
	}
	for _, b := range a.fn.Blocks {
		for _, in := range b.Instrs {
			g, ok := in.(*ssa.Go)
			if !ok || g.Call.IsInvoke() || len(g.Call.Args) == 0 || !flow.Reaches(g, a.instr, nil) {
				continue
			}
			callee := g.Call.StaticCallee()
			if callee == nil || callee.Signature.Recv() == nil || lockset.KeyOf(g.Call.Args[0]) != a.base || flow.Between(g, a.instr, waitsHere) {
				continue
			}
			for _, la := range fs.accesses {
				if la.fn == callee && la.holds(guard) && ownBase(la.fn, la.base) && sm.Unprompted(callee, la.instr) {
					return g
				}
			}
		}
	}
	return nil
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
