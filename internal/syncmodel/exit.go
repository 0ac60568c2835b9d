package syncmodel

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// This file is the model's query about the ends of a goroutine: along
// which path can a function return without performing an operation a
// partner waits for (the Done, the send, the receive)? A query asks it
// with the instructions that perform the operation; the answer is a
// return reached without them, or none.

// Does says what performs an operation on a path: passing one of
// Instrs (the send, the Done, the defer statement of a deferred one),
// or taking one of Edges (the edge into a select case's body, for an
// operation that is a select case).
type Does struct {
	Instrs map[ssa.Instruction]bool
	Edges  map[chanmodel.Edge]bool
	// Deaf: the waiter blocks in a plain operation (no select) and
	// hears nothing but its partner's half. A send, close, Done,
	// Signal or Broadcast the partner makes on its way out tells
	// someone else; only what may start another partner still stands
	// for the operation: a go statement, a function value called, a
	// call of a function of the package that signals.
	Deaf bool
	// Accept, if set, says which exits count: a path to a return it
	// rejects is not a way out (partnerexit asks for a partner that
	// leaves on an error of its own, not one told to stop).
	Accept func(Exit) bool
	// Waiter, if set, is the function that waits for the operation:
	// what it defers runs once it has stopped waiting.
	Waiter *ssa.Function
}

// Add records that op performs the operation: its instruction, or for
// a select case the edge into its body (false if it is unknown).
func (d *Does) Add(op *chanmodel.Op) bool {
	if op.Select {
		b, succ, ok := chanmodel.CaseEdge(op)
		if !ok {
			return false
		}
		if d.Edges == nil {
			d.Edges = make(map[chanmodel.Edge]bool)
		}
		d.Edges[chanmodel.Edge{Block: b, Succ: succ}] = true
		return true
	}
	d.AddInstr(op.Instr)
	return true
}

// AddInstr records an instruction that performs the operation.
func (d *Does) AddInstr(in ssa.Instruction) {
	if d.Instrs == nil {
		d.Instrs = make(map[ssa.Instruction]bool)
	}
	d.Instrs[in] = true
}

// An Exit is a path along which a function returns without performing
// an operation.
type Exit struct {
	// Return is the return the path ends at.
	Return *ssa.Return
	// Pos is where the path leaves: the return statement, or, for the
	// implicit return at a closing brace, the last statement with a
	// position on the way (a break out of the loop).
	Pos token.Pos
	// Declined: the path passes a select with a case that performs
	// the operation and takes another case (a ctx.Done() or quit case):
	// the goroutine chose to leave rather than do it.
	Declined bool
	// Recovered: the path ends in a panic (Pos) that a recover the
	// function deferred on the way stops; Return is the return of the
	// recover block.
	Recovered bool
}

// Deliberate reports whether the path leaves by a return statement
// written there, or by declining the operation in a select: not by
// running off the end of the function, as when no case of a switch
// matches (cases the author may know to be the only ones).
func (x Exit) Deliberate() bool { return x.Return.Pos().IsValid() || x.Declined || x.Recovered }

// QuietExit returns a path of fn from its entry (or from just after
// from, if not nil) to a return that performs none of does and does
// nothing on its way that could stand for it or tell a waiter another
// way: it sends on or closes no channel, calls no Done, Signal or
// Broadcast, starts no goroutine, calls no function value (a context's
// cancel), and calls no function of the package that does any of
// these (Func.Signals). A panic, runtime.Goexit or os.Exit ends no such
// path: a panic that crashes the program strands nobody; but a panic
// statement after a defer (on the path) of a function that calls
// recover() leads to the recover block, which returns (Recovered).
//
// A select case on a channel of the package that nothing sends on or
// closes is never taken, so a path through it does not count; nor is a
// ctx.Done() case of a context that only fn cancels (cancelledOnlyBy)
// taken before the path has called the cancel. That call signals like
// any function value, unless no one else in the package waits on the
// context: then it tells nobody anything, and the path goes on. A path
// that has reported a test failure (t.Errorf, the false side of if
// !assert.NoError(t, err)) still counts: the waiter it strands hangs the
// test instead of letting it fail, a defect of the test (goroutineleak,
// whose stranded goroutine only outlives a failed test, skips such
// paths). A test's bail-out from a failed set-up (flow.SetupBailout)
// does not count: only a broken set-up takes it.
func (m *Model) QuietExit(fn *ssa.Function, from ssa.Instruction, does Does) (Exit, bool) {
	if fn == nil || len(fn.Blocks) == 0 {
		return Exit{}, false
	}
	type item struct {
		b                   *ssa.BasicBlock
		instrs              []ssa.Instruction
		last                token.Pos
		declined, recovered bool
		cancelled           bool // passed a quiet cancel (self.cancels)
	}
	type state struct {
		b                              *ssa.BasicBlock
		declined, recovered, cancelled bool
	}
	var stack []item
	var fallback *Exit
	seen := make(map[state]bool)
	self := m.cancelledOnlyBy(fn, does.Waiter)
	if from != nil {
		b := from.Block()
		if b == nil {
			return Exit{}, false
		}
		stack = append(stack, item{b, b.Instrs[flow.Index(from)+1:], from.Pos(), false, false, false})
	} else {
		seen[state{fn.Blocks[0], false, false, false}] = true
		stack = append(stack, item{fn.Blocks[0], fn.Blocks[0].Instrs, token.NoPos, false, false, false})
	}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		last, cut, declined, recovered, cancelled := it.last, false, it.declined, it.recovered, it.cancelled
		for _, in := range it.instrs {
			if self.cancels[in] {
				cancelled = true // tells only fn's own select
				continue
			}
			if does.Instrs[in] || m.signals(fn, in, does) {
				cut = true
				break
			}
			if end := flow.InstrEnd(in); end != flow.Returns {
				if p, ok := in.(*ssa.Panic); ok && recovered && explicitPanic(p) {
					if ret := recoverReturn(fn); ret != nil {
						return Exit{Return: ret, Pos: p.Pos(), Recovered: true}, true
					}
				}
				cut = true
				break
			}
			if d, ok := in.(*ssa.Defer); ok && defersRecover(d) {
				recovered = true
			}
			if ret, ok := in.(*ssa.Return); ok {
				pos := ret.Pos()
				if !pos.IsValid() {
					pos = last
				}
				x := Exit{Return: ret, Pos: pos, Declined: declined}
				if does.Accept != nil && !does.Accept(x) {
					cut = true
					break
				}
				if x.Deliberate() {
					return x, true
				}
				if fallback == nil {
					fallback = &x // a deliberate exit elsewhere is the better story
				}
			}
			if sel, ok := in.(*ssa.Select); ok && performs(sel, does) {
				declined = true // the edge into the case is cut below
			}
			if p := in.Pos(); p.IsValid() {
				last = p
			}
		}
		if cut {
			continue
		}
		for i, s := range it.b.Succs {
			st := state{s, declined, recovered, cancelled}
			e := chanmodel.Edge{Block: it.b, Succ: i}
			if does.Edges[e] || self.cases[e] && !cancelled || seen[st] || m.neverTaken(it.b, i) || flow.SetupBailout(it.b, i) {
				continue
			}
			seen[st] = true
			stack = append(stack, item{s, s.Instrs, last, declined, recovered, cancelled})
		}
	}
	if fallback != nil {
		return *fallback, true
	}
	return Exit{}, false
}

// performs reports whether a case of sel is one of does' edges.
func performs(sel *ssa.Select, does Does) bool {
	for i := range sel.States {
		if b, succ, ok := chanmodel.SelectCaseEdge(sel, i); ok && does.Edges[chanmodel.Edge{Block: b, Succ: succ}] {
			return true
		}
	}
	return false
}

// SignalsBesides reports whether fn does something on some path,
// besides does, that could tell another goroutine something (see
// QuietExit): a cancel, another send, a close.
func (m *Model) SignalsBesides(fn *ssa.Function, does Does) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if !does.Instrs[in] && m.signals(fn, in, does) {
				return true
			}
		}
	}
	return false
}

// defersRecover reports whether the defer statement d runs a function
// of the package that calls recover() itself: a panic after d ends in
// the function's recover block, which returns.
func defersRecover(d *ssa.Defer) bool {
	callee := d.Call.StaticCallee()
	if callee == nil {
		return false
	}
	for _, b := range callee.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(*ssa.Call); ok {
				if bi, ok := c.Call.Value.(*ssa.Builtin); ok && bi.Name() == "recover" {
					return true
				}
			}
		}
	}
	return false
}

// explicitPanic reports whether p is a panic statement of the source,
// not the one go/ssa adds after a select that matched no case.
func explicitPanic(p *ssa.Panic) bool {
	if !p.Pos().IsValid() {
		return false
	}
	if mi, ok := p.X.(*ssa.MakeInterface); ok {
		if c, ok := mi.X.(*ssa.Const); ok && c.Value != nil && c.Value.ExactString() == `"blocking select matched no case"` {
			return false
		}
	}
	return true
}

// recoverReturn returns the return of fn's recover block, or nil.
func recoverReturn(fn *ssa.Function) *ssa.Return {
	if fn.Recover == nil || len(fn.Recover.Instrs) == 0 {
		return nil
	}
	ret, _ := fn.Recover.Instrs[len(fn.Recover.Instrs)-1].(*ssa.Return)
	return ret
}

// neverTaken reports whether the edge succ of b is one no run takes:
// it enters the body of a select case that receives from a channel of
// the package nothing sends on or closes, or it is the side of an if on
// a receive's ok taken once the channel is closed (v, ok := <-ch, range
// ch, a select case's ok) for a channel that is never closed
// (chanmodel's NeverClosed). A loop whose only return is on the close
// of its request channel, which nobody closes, never returns.
func (m *Model) neverTaken(b *ssa.BasicBlock, succ int) bool {
	if len(b.Instrs) == 0 {
		return false
	}
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	if succ == 1 {
		ch := closedBy(iff)
		return ch != nil && m.Chans.NeverClosed(ch)
	}
	bin, ok := iff.Cond.(*ssa.BinOp)
	if !ok || bin.Op != token.EQL {
		return false
	}
	ex, ok := bin.X.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return false
	}
	sel, ok := ex.Tuple.(*ssa.Select)
	if !ok {
		return false
	}
	for i, st := range sel.States {
		if st.Dir != types.RecvOnly {
			continue
		}
		if eb, es, ok := chanmodel.SelectCaseEdge(sel, i); !ok || eb != b || es != succ {
			continue
		}
		id, ok := m.Chans.ChanOf(st.Chan)
		if !ok || m.Chans.Escapes(id) {
			return false
		}
		for _, r := range m.Chans.OpsOn(id) {
			if r.Op.Kind == chanmodel.Send || r.Op.Kind == chanmodel.Close {
				return false
			}
		}
		return true
	}
	return false
}

// closedBy returns the channel whose receive's ok the if iff tests,
// when its false side is the one a close takes (see
// chanmodel.ClosedEdges), or nil.
func closedBy(iff *ssa.If) ssa.Value {
	ex, ok := iff.Cond.(*ssa.Extract)
	if !ok || ex.Index != 1 {
		return nil
	}
	switch x := ex.Tuple.(type) {
	case *ssa.UnOp:
		if x.Op == token.ARROW && x.CommaOk {
			return x.X
		}
	case *ssa.Select:
		for i, st := range x.States {
			if st.Dir != types.RecvOnly {
				continue
			}
			if eb, es, ok := chanmodel.SelectCaseEdge(x, i); ok && eb.Succs[es].Dominates(iff.Block()) {
				return st.Chan
			}
		}
	}
	return nil
}

// signals reports whether in, on a path of fn, may tell another
// goroutine something: a send (for a select, a send case that is not
// one of does' edges), a close, a Done, Signal or Broadcast, a go
// statement, a call of a function value, or a call (or defer) of a
// function of the package that signals.
func (m *Model) signals(fn *ssa.Function, in ssa.Instruction, does Does) bool {
	switch in := in.(type) {
	case *ssa.Send:
		return !does.Deaf && !m.lockSend(in)
	case *ssa.Go:
		return true
	case *ssa.Select:
		if does.Deaf {
			return false
		}
		for i, st := range in.States {
			if st.Dir == types.SendOnly {
				b, succ, ok := chanmodel.SelectCaseEdge(in, i)
				if !ok || !does.Edges[chanmodel.Edge{Block: b, Succ: succ}] {
					return true
				}
			}
		}
		return false
	case ssa.CallInstruction:
		c := in.Common()
		if b, ok := c.Value.(*ssa.Builtin); ok {
			return b.Name() == "close" && !does.Deaf
		}
		if c.IsInvoke() {
			// Through an interface: only a call of the package's one
			// implementation is known to signal.
			f := m.byFn[m.invoked[in]]
			return f != nil && f.Signals
		}
		obj := flow.CalleeFunc(c)
		for _, name := range []string{"Done", "Signal", "Broadcast"} {
			if analysisutil.IsMethod(obj, "sync", "WaitGroup", name) || analysisutil.IsMethod(obj, "sync", "Cond", name) {
				return !does.Deaf
			}
		}
		callee := flow.Callee(c)
		if callee == nil {
			if fv, _, _ := funcOf(c.Value); fv != nil {
				callee = flow.Origin(fv)
			} else {
				return true // a function value: a cancel, a callback
			}
		}
		f := m.byFn[callee]
		return f != nil && f.Signals
	}
	return false
}

// markSignals sets Func.Signals: the function itself sends, closes,
// calls Done, Signal or Broadcast, starts a goroutine or calls a
// function value, or calls a function of the package that does.
func (m *Model) markSignals() {
	var work []*Func
	for _, f := range m.Funcs {
		if m.direct(f) {
			f.Signals = true
			work = append(work, f)
		}
	}
	for len(work) > 0 {
		f := work[len(work)-1]
		work = work[:len(work)-1]
		for _, s := range m.sitesOf(f.Fn) {
			if s.Goroutine {
				continue // the go statement signals by itself
			}
			if c := m.byFn[s.Caller]; c != nil && !c.Signals {
				c.Signals = true
				work = append(work, c)
			}
		}
	}
}

// direct reports whether f signals by its own instructions. The
// release of a gate (a send on a channel used as a lock) tells nobody
// anything.
func (m *Model) direct(f *Func) bool { return m.directBut(f, nil) }

// directBut is direct with the Dones on a known WaitGroup that skip
// reports left out.
func (m *Model) directBut(f *Func, skip func(Object) bool) bool {
	for _, e := range f.Events {
		switch e.Kind {
		case Done:
			if skip == nil || !e.Obj.Known() || !skip(e.Obj) {
				return true
			}
		case Signal, Broadcast, Go, WGGo, GroupGo:
			return true
		case Chan:
			if e.Op.Kind == chanmodel.Close || e.Op.Kind == chanmodel.Send && m.lockChans[e.Op.Chan] == 0 {
				return true
			}
		}
	}
	for _, b := range f.Fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Send:
				if !m.lockSend(in) {
					return true
				}
			case ssa.CallInstruction:
				c := in.Common()
				if bi, ok := c.Value.(*ssa.Builtin); ok {
					if bi.Name() == "close" {
						return true
					}
					continue // append, len, ...
				}
				if !c.IsInvoke() && c.StaticCallee() == nil {
					if fv, _, _ := funcOf(c.Value); fv == nil {
						return true
					}
				}
			}
		}
	}
	return false
}

// Leaves returns a path on which a goroutine that runs fn ends without
// performing does: fn, started by a go statement or called by
// functions that are, returns without it and its callers then return
// quietly too; or a caller, up to depth calls up, returns without
// calling fn at all. False unless every way fn runs is seen (see
// EndsGoroutine).
func (m *Model) Leaves(fn *ssa.Function, does Does, depth int) (Exit, bool) {
	if x, ok := m.QuietExit(fn, nil, does); ok && m.EndsGoroutine(fn, depth) {
		return x, true
	}
	if depth == 0 {
		return Exit{}, false
	}
	seen := make(map[*ssa.Function]bool)
	for _, s := range m.sitesOf(fn) {
		if s.Goroutine || seen[s.Caller] {
			continue
		}
		seen[s.Caller] = true
		calls := m.callsOf(s.Caller, fn)
		calls.Deaf, calls.Accept, calls.Waiter = does.Deaf, does.Accept, does.Waiter
		if x, ok := m.Leaves(s.Caller, calls, depth-1); ok {
			return x, true
		}
	}
	return Exit{}, false
}

// callsOf returns the static calls of fn in caller as a Does.
func (m *Model) callsOf(caller, fn *ssa.Function) Does {
	var d Does
	for _, s := range m.sitesOf(fn) {
		if s.Caller == caller && !s.Goroutine {
			d.AddInstr(s.Instr)
		}
	}
	return d
}

// EndsGoroutine reports whether every run of fn ends a goroutine: fn
// is started by a go statement (WaitGroup.Go, Group.Go), or called
// only, up to depth calls up, by functions that end a goroutine and
// return quietly (QuietExit) after the call. A function with no
// caller in the package, or run by Once.Do, may run anywhere.
func (m *Model) EndsGoroutine(fn *ssa.Function, depth int) bool {
	sites := m.sitesOf(fn)
	if len(sites) == 0 {
		return false
	}
	for _, s := range sites {
		if s.Goroutine {
			continue
		}
		c, ok := s.Instr.(*ssa.Call)
		// A dynamic call among the sites is one through a dispatch
		// table that holds fn (table.go): a call of fn.
		if !ok || depth == 0 || !c.Call.IsInvoke() && flow.Callee(c.Common()) != flow.Origin(fn) && flow.Callee(c.Common()) != nil {
			return false // a defer, Once.Do, or too deep
		}
		if _, ok := m.QuietExit(s.Caller, s.Instr, m.callsOf(s.Caller, fn)); !ok || !m.EndsGoroutine(s.Caller, depth-1) {
			return false
		}
	}
	return true
}

// GoSites returns the sites that start the goroutines running fn:
// fn's own starts and, up to depth calls up, its callers'.
func (m *Model) GoSites(fn *ssa.Function, depth int) []Site {
	var out []Site
	for _, s := range m.sitesOf(fn) {
		if s.Goroutine {
			out = append(out, s)
		} else if depth > 0 {
			out = append(out, m.GoSites(s.Caller, depth-1)...)
		}
	}
	return out
}

// sitesOf returns the sites that call or start fn: the static ones
// and the calls through an interface that only fn implements in the
// package.
func (m *Model) sitesOf(fn *ssa.Function) []Site {
	if len(m.invokes[fn]) == 0 {
		return m.callers[fn]
	}
	return append(append([]Site(nil), m.callers[fn]...), m.invokes[fn]...)
}
