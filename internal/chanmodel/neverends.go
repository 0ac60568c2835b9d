package chanmodel

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// NeverEnds reports whether fn, run as a goroutine, can never
// terminate: no path of it returns, panics or exits, once a receive
// from a channel that is never closed is known never to see it closed.
// Such a channel is a ticker's (Stop does not close it; time.Tick's has
// no Stop at all) or one of this package that nothing closes and that
// does not escape to code that could. A range over either never
// finishes.
//
// It is the question a wait asks of the goroutine it waits for: one
// that never ends cannot be waited for, and a program that sleeps
// before it exits only bounds how long such goroutines run.
func (m *Model) NeverEnds(fn *ssa.Function) bool {
	if fn == nil || len(fn.Blocks) == 0 {
		return false
	}
	var cuts []Edge
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			recv, ok := in.(*ssa.UnOp)
			if !ok || recv.Op != token.ARROW || !m.NeverClosed(recv.X) {
				continue
			}
			if blk, succ, ok := ClosedEdge(recv); ok {
				cuts = append(cuts, Edge{Block: blk, Succ: succ})
			}
		}
	}
	return !m.TerminatesWithout(fn, cuts)
}

// StartedNeverEnds reports whether the goroutine that in starts (a go
// statement, or a sync.WaitGroup or errgroup Go call) can never
// terminate; false when the function it runs is unknown. It is the
// one question sleepsync and unjoined ask: such a goroutine is not
// waited for by a sleep, and its work is not lost when its starter
// returns, since it was never going to finish.
func (m *Model) StartedNeverEnds(in ssa.Instruction) bool {
	fn := analysisutil.Spawned(in)
	if fn == nil {
		return false
	}
	if f := m.Func(fn); f != nil && f.NoReturn {
		return true
	}
	return m.NeverEnds(fn)
}

// NeverClosed reports whether ch is surely never closed: a ticker's
// channel, a channel of this package with no close that does not
// escape, or one of a type nothing can close (neverClosedByType).
func (m *Model) NeverClosed(ch ssa.Value) bool {
	if TickerChan(ch) {
		return true
	}
	id, ok := m.ChanOf(ch)
	if !ok {
		return m.neverClosedByType(ch)
	}
	for _, r := range m.OpsOn(id) {
		if r.Op.Kind == Close {
			return false
		}
	}
	return !m.Escapes(id) || m.neverClosedByType(ch)
}

// TickerChan reports whether ch is a ticker's channel: the field C of
// a time.Ticker, or what time.Tick returns. Neither is ever closed.
func TickerChan(ch ssa.Value) bool {
	switch v := flow.Unconverted(ch).(type) {
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			return analysisutil.IsNamed(fa.X.Type(), "time", "Ticker") && fieldName(fa.X.Type(), fa.Field) == "C"
		}
	case *ssa.Field:
		return analysisutil.IsNamed(v.X.Type(), "time", "Ticker") && fieldName(v.X.Type(), v.Field) == "C"
	case *ssa.Call:
		return TickFunc(v)
	}
	return false
}

// TickFunc reports whether ch is what time.Tick returns.
func TickFunc(ch ssa.Value) bool {
	v, ok := flow.Unconverted(ch).(*ssa.Call)
	return ok && analysisutil.IsFunc(flow.CalleeFunc(v.Common()), "time", "Tick")
}

// fieldName is the name of field i of the struct t points to (or is).
func fieldName(t types.Type, i int) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok || i >= s.NumFields() {
		return ""
	}
	return s.Field(i).Name()
}

// neverClosedByType reports whether no channel of ch's type can ever
// be closed, whatever its identity: the model cannot always name the
// channel a goroutine receives from (one a broker method makes, keeps
// in a map and returns), but it can see every close in the program that
// could apply to it. That holds when no other package can obtain such a
// channel to close it (its element type is declared in this package and
// unexported, or this is package main, which nothing imports), no
// close of the package applies to a channel of that element type, and
// no such channel, able to be closed, leaves the package: passed to a
// function of another package or to a call the model cannot resolve, or
// converted to an interface (reflect can close it). A close in a generic
// body on a channel of a type parameter may close any channel.
func (m *Model) neverClosedByType(ch ssa.Value) bool {
	ct, ok := ch.Type().Underlying().(*types.Chan)
	if !ok || m.pkg == nil {
		return false
	}
	elem := ct.Elem()
	if m.pkg.Pkg.Name() != "main" {
		named, ok := types.Unalias(elem).(*types.Named)
		if !ok || named.Obj().Pkg() != m.pkg.Pkg || named.Obj().Exported() {
			return false
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	c := &m.index().closable
	if c.any {
		return false
	}
	for _, t := range c.elems {
		if types.Identical(t, elem) {
			return false
		}
	}
	return true
}

// closable lists the element types of the channels the functions of a
// package close or let go where something else may close them. The
// escape index fills it in its walk of the package's instructions (it
// sees the same conversions to interfaces and call operands).
type closable struct {
	elems []types.Type
	any   bool // a close on a channel of a type parameter
}

// add records the element type of t, a channel type that can be
// closed through (not receive-only).
func (c *closable) add(t types.Type) {
	ct, ok := t.Underlying().(*types.Chan)
	if !ok || ct.Dir() == types.RecvOnly {
		return
	}
	if _, isParam := types.Unalias(ct.Elem()).(*types.TypeParam); isParam {
		c.any = true
		return
	}
	for _, e := range c.elems {
		if types.Identical(e, ct.Elem()) {
			return
		}
	}
	c.elems = append(c.elems, ct.Elem())
}

// call records the channels the call com, of a function of pkg, closes
// (the builtin close) or hands to code the package cannot see: any but
// a static call of one of pkg's functions.
func (c *closable) call(com *ssa.CallCommon, pkg *ssa.Package) {
	if bi, ok := com.Value.(*ssa.Builtin); ok {
		if bi.Name() == "close" && len(com.Args) == 1 {
			c.add(com.Args[0].Type())
		}
		return
	}
	if callee := com.StaticCallee(); callee != nil && callee.Package() == pkg && !com.IsInvoke() {
		return
	}
	for _, a := range com.Args {
		c.add(a.Type())
	}
}
