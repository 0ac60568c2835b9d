package chanmodel

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// A getter is a function of the package whose one result is, on every
// path that returns a non-nil value, the same channel: one of its
// parameters, a field (s.quit in func (s *S) Done() <-chan struct{}
// { return s.quit }) or a package variable. A call of it is that
// channel, so accessors such as stopper.ShouldStop() keep the identity
// of the field they return.
type getter struct {
	id        ChanID // KindParam (of the getter), KindField or KindGlobal
	baseParam int    // for KindField: the parameter whose field it returns, or -1
}

// getterOf returns the getter summary of fn, or nil if fn is not one.
func (b *builder) getterOf(fn *ssa.Function) *getter {
	fn = flow.Origin(fn)
	if g, ok := b.getters[fn]; ok {
		return g // nil while in progress: recursion is no getter
	}
	b.getters[fn] = nil
	g := b.computeGetter(fn)
	b.getters[fn] = g
	return g
}

func (b *builder) computeGetter(fn *ssa.Function) *getter {
	if fn.Blocks == nil || fn.Pkg == nil || fn.Pkg.Pkg != b.pass.Pkg {
		return nil
	}
	res := fn.Signature.Results()
	if res.Len() != 1 {
		return nil
	}
	if _, ok := res.At(0).Type().Underlying().(*types.Chan); !ok {
		return nil
	}
	var g *getter
	for _, blk := range fn.Blocks {
		if len(blk.Instrs) == 0 {
			continue
		}
		ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) != 1 {
			continue
		}
		v := ret.Results[0]
		if c, ok := v.(*ssa.Const); ok && c.IsNil() {
			continue // a nil channel: no operation on it ever completes
		}
		id, ok := b.chanOf(v)
		if !ok {
			return nil
		}
		switch id.Kind {
		case KindParam:
			if id.Func != fn {
				return nil
			}
		case KindField, KindGlobal:
		default:
			return nil // a channel made here: one per call, not one identity
		}
		bp := -1
		if id.Kind == KindField {
			if p, ok := b.baseOf(v).(*ssa.Parameter); ok {
				bp = flow.ParamIndex(fn, p)
			}
		}
		if g == nil {
			g = &getter{id: id, baseParam: bp}
			continue
		}
		if g.id != id {
			return nil
		}
		if g.baseParam != bp {
			g.baseParam = -1
		}
	}
	return g
}

// callGetter returns the getter that the call c statically invokes.
func (b *builder) callGetter(c *ssa.CallCommon) *getter {
	if c.IsInvoke() {
		return nil
	}
	callee := c.StaticCallee()
	if callee == nil {
		return nil
	}
	return b.getterOf(callee)
}

// resolveCall returns the identity of the result of a call of a getter.
func (b *builder) resolveCall(c *ssa.Call) (ChanID, idStatus) {
	g := b.callGetter(c.Common())
	if g == nil {
		return ChanID{}, unknown
	}
	if g.id.Kind == KindParam {
		if g.id.Index >= len(c.Call.Args) {
			return ChanID{}, unknown
		}
		return b.resolve(c.Call.Args[g.id.Index])
	}
	return g.id, known
}

// callBase returns the struct pointer whose field the getter called at
// c returns, in the caller's terms, or nil.
func (b *builder) callBase(c *ssa.Call) ssa.Value {
	g := b.callGetter(c.Common())
	if g == nil {
		return nil
	}
	switch {
	case g.id.Kind == KindParam && g.id.Index < len(c.Call.Args):
		return b.baseOf(c.Call.Args[g.id.Index])
	case g.id.Kind == KindField && g.baseParam >= 0 && g.baseParam < len(c.Call.Args):
		return b.canon(c.Call.Args[g.baseParam])
	}
	return nil
}
