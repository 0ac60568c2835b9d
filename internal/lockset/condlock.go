package lockset

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
)

// A Cond kept in a struct field and made from a mutex of the same
// struct value (c.ready = sync.NewCond(&c.mu), or
// sync.NewCond(c.mu.RLocker()) for readers): its L is that mutex, so
// c.ready.L.Lock() is c.mu.Lock(), or c.mu.RLock(). Without this, a
// Lock through the Cond's L names the interface value's path and
// meets no other acquisition of the mutex.

// condLocker is the mutex, a sibling field, that a Cond field's L
// locks, and in which mode.
type condLocker struct {
	field int
	mode  Mode
}

// condLockers indexes the unexported *sync.Cond fields that every
// store in fns sets to sync.NewCond of one sibling mutex field of the
// same value, in one mode.
func condLockers(pkg *types.Package, fns []*ssa.Function) map[*types.Var]condLocker {
	var out map[*types.Var]condLocker
	bad := map[*types.Var]bool{}
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				st, ok := in.(*ssa.Store)
				if !ok {
					continue
				}
				fa, ok := st.Addr.(*ssa.FieldAddr)
				if !ok || !isCondPtr(st.Val.Type()) {
					continue
				}
				v := analysisutil.FieldOf(fa)
				if v == nil || v.Exported() || v.Pkg() != pkg || bad[v] {
					continue
				}
				cl, ok := newCondOf(fa.X, st.Val)
				if prev, seen := out[v]; !ok || seen && prev != cl {
					bad[v] = true
					delete(out, v)
					continue
				}
				if out == nil {
					out = map[*types.Var]condLocker{}
				}
				out[v] = cl
			}
		}
	}
	return out
}

func isCondPtr(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "sync" && n.Obj().Name() == "Cond"
}

// newCondOf tells which mutex field of base the Cond v is made with:
// v is sync.NewCond(&base.mu) or sync.NewCond(base.mu.RLocker()).
func newCondOf(base ssa.Value, v ssa.Value) (condLocker, bool) {
	call, ok := v.(*ssa.Call)
	if !ok || len(call.Call.Args) != 1 {
		return condLocker{}, false
	}
	if !analysisutil.IsFunc(staticFunc(&call.Call), "sync", "NewCond") {
		return condLocker{}, false
	}
	arg := call.Call.Args[0]
	mode := Write
	if mi, ok := arg.(*ssa.MakeInterface); ok {
		arg = mi.X
	} else if rl, ok := arg.(*ssa.Call); ok && len(rl.Call.Args) == 1 {
		if !analysisutil.IsMethod(staticFunc(&rl.Call), "sync", "RWMutex", "RLocker") {
			return condLocker{}, false
		}
		arg, mode = rl.Call.Args[0], Read
	} else {
		return condLocker{}, false
	}
	mu, ok := arg.(*ssa.FieldAddr)
	if !ok || !IsMutex(mu.Type()) || KeyOf(mu.X) != KeyOf(base) || !KeyOf(base).Valid() {
		return condLocker{}, false
	}
	return condLocker{field: mu.Field, mode: mode}, true
}

// condMutex returns the mutex that the Locker value v locks when v is
// the L of a Cond field indexed by condLockers (c.ready.L), and the
// mode its Lock takes it in.
func (b *builder) condMutex(v ssa.Value) (Key, Mode, bool) {
	l, ok := v.(*ssa.UnOp)
	if !ok || l.Op != token.MUL {
		return Key{}, 0, false
	}
	lf, ok := l.X.(*ssa.FieldAddr)
	if !ok || !isCondPtr(lf.X.Type()) {
		return Key{}, 0, false
	}
	if f := analysisutil.FieldOf(lf); f == nil || f.Name() != "L" {
		return Key{}, 0, false
	}
	c, ok := lf.X.(*ssa.UnOp)
	if !ok || c.Op != token.MUL {
		return Key{}, 0, false
	}
	fa, ok := c.X.(*ssa.FieldAddr)
	if !ok {
		return Key{}, 0, false
	}
	cl, ok := b.condLockers()[analysisutil.FieldOf(fa)]
	base := KeyOf(fa.X)
	if !ok || !base.Valid() {
		return Key{}, 0, false
	}
	return base.Extend(accesspath.FieldStep(cl.field)), cl.mode, true
}
