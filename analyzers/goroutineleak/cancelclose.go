package goroutineleak

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// endsOnCancelClose reports whether the loop of a select whose
// ctx.Done() case (number doneCase) only leaves the select still ends
// when the context is cancelled, through another case: a receive
// whose closed-channel branch (v, ok := <-ch; if !ok { return }) ends
// the goroutine, on a channel that the cancellation closes. The
// channel counts as closed by the cancellation when a goroutine closes
// it at its exit (a deferred close) and ends on a ctx.Done(), or
// closes it on the way out of its ctx.Done() case: a producer started
// with the context that closes its output when the context is done.
// A channel that comes from another package (a subscription's C(), a
// manager's SyncCh()) is closed by code this pass cannot see: the
// explicit check for its close is trusted. A channel of this package
// that nothing closes on a cancellation (the producer ignores the
// context, or nothing closes it at all) leaves the loop spinning or
// blocked for ever, and stays reported.
func (c *checker) endsOnCancelClose(sel *ssa.Select, doneCase int) bool {
	if !okUsed(sel) {
		return false
	}
	for j, st := range sel.States {
		if j == doneCase || st.Dir != types.RecvOnly || done(st.Chan) {
			continue
		}
		blk, succ, ok := chanmodel.SelectCaseEdge(sel, j)
		if !ok || !c.m.TerminatesVia(chanmodel.Edge{Block: blk, Succ: succ}, sel) {
			continue
		}
		if c.foreignChan(st.Chan, 0) || c.closedOnCancel(st.Chan) {
			return true
		}
	}
	return false
}

// foreignChan reports whether the channel v comes from code of another
// package: the result of its function or method (an interface's
// included), or a field of one of its types.
func (c *checker) foreignChan(v ssa.Value, depth int) bool {
	if depth > 8 {
		return false
	}
	foreign := func(pkg *types.Package) bool { return pkg != nil && pkg != c.pass.Pkg }
	switch x := v.(type) {
	case *ssa.ChangeType:
		return c.foreignChan(x.X, depth+1)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if c.foreignChan(e, depth+1) {
				return true
			}
		}
	case *ssa.FreeVar:
		if b := c.closures.Bound(x); b != nil {
			return c.foreignChan(b, depth+1)
		}
	case *ssa.Call:
		if x.Call.IsInvoke() {
			return foreign(x.Call.Method.Pkg()) || !c.ownInterface(x.Call.Value.Type())
		}
		if fn := flow.CalleeFunc(&x.Call); fn != nil {
			return foreign(fn.Pkg())
		}
	case *ssa.UnOp:
		if v := analysisutil.CapturedValue(c.closures, x); v != nil {
			return c.foreignChan(v, depth+1)
		}
		if a, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
			if f := analysisutil.FieldOf(a); f != nil {
				return foreign(f.Pkg())
			}
		}
	}
	return false
}

// ownInterface reports whether t is an interface type declared in the
// package: its implementations may all be here.
func (c *checker) ownInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() == c.pass.Pkg
}

// closedOnCancel reports whether some goroutine of the package closes
// the channel ch when a context is cancelled. The channel is matched
// by its identity (a producer's output is the channel its make makes),
// and, when the model does not see every operation on it (it is
// stored in a map, handed to unseen code), by its element type too:
// a close of another make of the package is of another channel, but
// one through a field, variable or parameter may be of this one.
func (c *checker) closedOnCancel(ch ssa.Value) bool {
	id, known := c.m.ChanOf(c.madeBy(ch))
	whole := known && !c.m.Escapes(id) // every operation on it is in the model
	elem := chanElem(ch.Type())
	for _, f := range c.m.Funcs {
		for i := range f.Ops {
			op := &f.Ops[i]
			if op.Kind != chanmodel.Close || op.Unit != 0 {
				continue
			}
			switch {
			case known && op.Chan == id:
			case whole, op.Chan.Kind == chanmodel.KindMake:
				continue // another channel
			case elem == nil || !types.Identical(chanElem(chanIDType(op.Chan)), elem):
				continue
			}
			if c.closesOnDone(f.Fn, op) {
				return true
			}
		}
	}
	return false
}

// madeBy returns, for a channel that a function of the package makes
// and returns (a producer's output), the make; otherwise ch.
func (c *checker) madeBy(ch ssa.Value) ssa.Value {
	if u, ok := ch.(*ssa.UnOp); ok {
		if v := analysisutil.CapturedValue(c.closures, u); v != nil {
			ch = v
		}
	}
	call, ok := ch.(*ssa.Call)
	if !ok {
		return ch
	}
	fn := call.Call.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg != c.pass.Pkg || fn.Blocks == nil {
		return ch
	}
	var made *ssa.MakeChan
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) != 1 {
			continue
		}
		mk, ok := c.closures.Origin(ret.Results[0]).(*ssa.MakeChan)
		if !ok || made != nil && made != mk {
			return ch
		}
		made = mk
	}
	if made == nil {
		return ch
	}
	return made
}

// closesOnDone reports whether fn runs the close op once a ctx.Done()
// it receives from is ready: op is deferred and the Done case ends fn,
// or op follows the Done receive.
func (c *checker) closesOnDone(fn *ssa.Function, op *chanmodel.Op) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Select:
				for i, st := range in.States {
					if st.Dir != types.RecvOnly || !done(st.Chan) {
						continue
					}
					blk, succ, ok := chanmodel.SelectCaseEdge(in, i)
					if !ok {
						continue
					}
					if op.Deferred && c.m.TerminatesVia(chanmodel.Edge{Block: blk, Succ: succ}, in) {
						return true
					}
					if first := blk.Succs[succ].Instrs; !op.Deferred && len(first) > 0 &&
						(first[0] == op.Instr || flow.Reaches(first[0], op.Instr, nil)) {
						return true
					}
				}
			case *ssa.UnOp:
				if in.Op != token.ARROW || !done(in.X) {
					continue
				}
				if op.Deferred && c.m.TerminatesAfter(in) || !op.Deferred && flow.Reaches(in, op.Instr, nil) {
					return true
				}
			}
		}
	}
	return false
}

// chanElem returns the element type of a channel type, or nil.
func chanElem(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if ch, ok := t.Underlying().(*types.Chan); ok {
		return ch.Elem()
	}
	return nil
}

// chanIDType returns the type of the channel id names, or nil.
func chanIDType(id chanmodel.ChanID) types.Type {
	switch id.Kind {
	case chanmodel.KindMake:
		return id.Make.Type()
	case chanmodel.KindField:
		return id.Field.Type()
	case chanmodel.KindGlobal:
		if p, ok := id.Global.Type().(*types.Pointer); ok {
			return p.Elem()
		}
	case chanmodel.KindParam:
		if id.Index < len(id.Func.Params) {
			return id.Func.Params[id.Index].Type()
		}
	}
	return nil
}
