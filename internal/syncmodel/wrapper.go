package syncmodel

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// A WaitGroup wrapper is a struct type of the package that keeps a
// sync.WaitGroup in a field (often embedded, beside a counter for
// metrics) and gives it methods of its own that forward to it:
//
//	type opGroup struct {
//		sync.WaitGroup
//		live atomic.Int32
//	}
//
//	func (g *opGroup) Add(n int) { g.live.Add(int32(n)); g.WaitGroup.Add(n) }
//	func (g *opGroup) Done()     { g.live.Add(-1); g.WaitGroup.Done() }
//
// A call of such a method is the WaitGroup event it forwards to, on the
// wrapped field of its receiver: g.Add(1) is an Add on g.WaitGroup, the
// same object a promoted g.Wait() waits on. Without it, a close after
// g.Wait() would look unordered after senders that call g.Done().

// A forward is what a wrapper method does to its WaitGroup: the kind
// of the call and the wrapped field.
type forward struct {
	kind  Kind
	field int // the index of the WaitGroup field in the receiver's struct
}

// findForwards records the wrapper methods of the package: a method
// named Add, Done or Wait, with a pointer receiver to a struct type of
// the package, that on every path and outside any defer makes exactly
// one WaitGroup call, the one of its name, on a sync.WaitGroup field of
// the receiver (an Add with the method's one other parameter as its
// delta), and starts no goroutine. A method of another name that waits
// (a closeLocked) is a helper, seen through as any call is.
func (m *Model) findForwards(all []*ssa.Function) {
	for _, fn := range all {
		if fw, ok := forwardOf(fn, m.pkg); ok {
			if m.forwards == nil {
				m.forwards = make(map[*ssa.Function]forward)
			}
			m.forwards[fn] = fw
			if m.wrapped == nil {
				m.wrapped = make(map[*types.Var]int)
			}
			st := types.Unalias(fn.Signature.Recv().Type()).(*types.Pointer).Elem().Underlying().(*types.Struct)
			m.wrapped[st.Field(fw.field)] = fw.field
		}
	}
}

// forwardOf returns what fn does to its receiver's WaitGroup, if fn is
// a wrapper method of a type of pkg (see findForwards).
func forwardOf(fn *ssa.Function, pkg *types.Package) (forward, bool) {
	recv := fn.Signature.Recv()
	if recv == nil || fn.Blocks == nil || len(fn.Params) == 0 {
		return forward{}, false
	}
	p, ok := types.Unalias(recv.Type()).(*types.Pointer)
	if !ok {
		return forward{}, false
	}
	named, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || named.Obj().Pkg() != pkg {
		return forward{}, false
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return forward{}, false
	}
	var fw forward
	n := 0
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Go:
				return forward{}, false
			case *ssa.Defer:
				if CallKind(flow.CalleeFunc(in.Common())) != 0 {
					return forward{}, false
				}
			case *ssa.Call:
				k := CallKind(flow.CalleeFunc(in.Common()))
				if k == 0 {
					continue
				}
				n++
				args := in.Call.Args
				if len(args) == 0 {
					return forward{}, false
				}
				fa, ok := args[0].(*ssa.FieldAddr)
				if n > 1 || !ok || fa.X != fn.Params[0] || !onEveryPath(in) {
					return forward{}, false
				}
				if f := analysisutil.FieldOf(fa); f == nil || !analysisutil.IsNamed(f.Type(), "sync", "WaitGroup") {
					return forward{}, false
				}
				switch k {
				case Add:
					if fn.Name() != "Add" || len(fn.Params) != 2 || len(args) != 2 || args[1] != fn.Params[1] {
						return forward{}, false
					}
				case Done, Wait:
					if fn.Name() != k.String() {
						return forward{}, false
					}
				default:
					return forward{}, false
				}
				fw = forward{k, fa.Field}
			}
		}
	}
	return fw, n == 1
}

// forwardOfCall returns what the call c does to a wrapped WaitGroup,
// if its callee is a wrapper method of the package.
func (m *Model) forwardOfCall(c *ssa.CallCommon) (forward, bool) {
	if m.forwards == nil || c.IsInvoke() {
		return forward{}, false
	}
	callee := c.StaticCallee()
	if callee == nil {
		return forward{}, false
	}
	fw, ok := m.forwards[callee]
	return fw, ok
}

// wrappedObject names the WaitGroup a wrapper method's call forwards
// to: the wrapped field of the receiver recv, as objectOf names the
// receiver of a call on that field itself.
func (m *Model) wrappedObject(fn *ssa.Function, recv ssa.Value, fw forward) Object {
	return m.objectAt(m.canon(fn, lockset.KeyOf(recv).Extend(accesspath.FieldStep(fw.field)), 0), "WaitGroup")
}
