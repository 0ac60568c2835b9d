package closebyreceiver

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// callIndex answers whether every call of a function is seen: the
// static calls are lockset's call-site index; it adds the functions
// also used as values and the types converted to interfaces.
type callIndex struct {
	ls *lockset.Result
	// valueUse marks functions also used as values (whose callers
	// cannot all be seen).
	valueUse map[*ssa.Function]bool
	// boxed holds the types converted to an interface somewhere in
	// the package: their methods may be called dynamically.
	boxed map[types.Type]bool
}

// newCallIndex indexes the functions lockset analyzed (those whose
// calls its call-site index lists).
func newCallIndex(ls *lockset.Result) *callIndex {
	o := &callIndex{ls: ls, valueUse: map[*ssa.Function]bool{}, boxed: map[types.Type]bool{}}
	for _, fn := range ls.Functions() {
		for _, blk := range fn.Blocks {
			for _, in := range blk.Instrs {
				var rands []*ssa.Value
				if ci, ok := in.(ssa.CallInstruction); ok {
					c := ci.Common()
					for i := range c.Args {
						rands = append(rands, &c.Args[i])
					}
					if _, ok := c.Value.(*ssa.Function); !ok {
						rands = append(rands, &c.Value)
					}
				} else if mc, ok := in.(*ssa.MakeClosure); ok {
					// The closure's function is not a use: the closure's uses are.
					for i := range mc.Bindings {
						rands = append(rands, &mc.Bindings[i])
					}
				} else {
					rands = in.Operands(nil)
				}
				if mi, ok := in.(*ssa.MakeInterface); ok {
					o.boxed[types.Unalias(mi.X.Type())] = true
				}
				for _, r := range rands {
					if r == nil || *r == nil {
						continue
					}
					// Not analysisutil.FuncValue: the two kinds of
					// function value count differently here. A
					// declared function counts as its generic origin,
					// and is no operand when it is the callee (see
					// above); a closure is the callee operand of every
					// call, and counts unless this call or go
					// statement runs it.
					switch v := (*r).(type) {
					case *ssa.Function:
						o.valueUse[flow.Origin(v)] = true
					case *ssa.MakeClosure:
						if fn, ok := v.Fn.(*ssa.Function); ok {
							if _, isGo := in.(*ssa.Go); !isGo || in.(*ssa.Go).Call.Value != v {
								if c, ok := in.(*ssa.Call); !ok || c.Call.Value != v {
									o.valueUse[fn] = true
								}
							}
						}
					}
				}
			}
		}
	}
	return o
}

// callers returns the static calls of fn (calls, defers and go
// statements) in the package.
func (o *callIndex) callers(fn *ssa.Function) []ssa.CallInstruction { return o.ls.CallSites(fn) }

// runsOnlyUnder reports whether every run of fn is part of a run of
// top: fn is top, a function literal of top that is only called or
// started, or a function all of whose calls are seen and lie in such
// functions.
func (o *callIndex) runsOnlyUnder(fn, top *ssa.Function, depth int) bool {
	fn = flow.Origin(fn)
	switch {
	case fn == top:
		return true
	case depth > 6:
		return false
	case fn.Parent() != nil:
		return !o.valueUse[fn] && o.runsOnlyUnder(fn.Parent(), top, depth+1)
	case !o.allCallsSeen(fn):
		return false
	}
	for _, ci := range o.callers(fn) {
		if !o.runsOnlyUnder(ci.Parent(), top, depth+1) {
			return false
		}
	}
	return true
}

// allCallsSeen reports whether every call of fn is a static call of
// this package: a function or method that other packages cannot name
// (unexported, or an exported method of an unexported type never
// converted to an interface), never used as a value.
func (o *callIndex) allCallsSeen(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if fn.Parent() != nil || !ok || o.valueUse[fn] || len(o.callers(fn)) == 0 {
		return false
	}
	if !obj.Exported() {
		return true
	}
	recv := fn.Signature.Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	base := t
	if p, ok := t.(*types.Pointer); ok {
		base = p.Elem()
	}
	n, ok := types.Unalias(base).(*types.Named)
	if !ok || n.Obj().Exported() {
		return false
	}
	return !o.boxed[n] && !o.boxedPtr(n)
}

// boxedPtr reports whether *n is converted to an interface.
func (o *callIndex) boxedPtr(n *types.Named) bool {
	for t := range o.boxed {
		if p, ok := t.(*types.Pointer); ok && types.Identical(p.Elem(), n) {
			return true
		}
	}
	return false
}
