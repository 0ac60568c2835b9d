package unlockedwrite

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
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
		if namedOf(v.Type()) == obj {
			return true
		}
	}
	return false
}
