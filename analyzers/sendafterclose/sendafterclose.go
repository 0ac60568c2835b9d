package sendafterclose

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "sendafterclose",
	Doc:      analysisutil.MustExtractDoc(doc, "sendafterclose"),
	Requires: []*analysis.Analyzer{chanmodel.Analyzer, syncmodel.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.ResultOf[chanmodel.Analyzer].(*chanmodel.Model)
	reported := make(map[token.Pos]bool)
	// The runtime implements channels; its tests send on closed
	// channels and close them twice on purpose, to check the panics.
	if strings.TrimSuffix(pass.Pkg.Path(), "_test") != "runtime" {
		for _, f := range m.Funcs {
			sameGoroutine(pass, m, f, reported)
		}
	}
	for _, f := range m.Funcs {
		unordered(pass, m, f, reported)
	}
	sm := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
	for _, f := range m.Funcs {
		stopCase(pass, sm, f, reported)
	}
	return nil, nil
}

func name(op *chanmodel.Op) string {
	if op.Expr != "" {
		return op.Expr
	}
	return "channel"
}

// sameGoroutine reports sends and closes that follow a close of the
// same channel in the function's own goroutine.
func sameGoroutine(pass *analysis.Pass, m *chanmodel.Model, f *chanmodel.Func, reported map[token.Pos]bool) {
	for i := range f.Ops {
		c := &f.Ops[i]
		// A call closes when its callee closes on every path
		// (CalleeMust); where the call lies is after's question.
		if c.Kind != chanmodel.Close || c.Unit != 0 || !(c.Direct() || c.CalleeMust) {
			continue
		}
		for j := range f.Ops {
			o := &f.Ops[j]
			if (o.Kind != chanmodel.Send && o.Kind != chanmodel.Close) || o.Unit != 0 || !(o.Direct() || o.CalleeMust) {
				continue
			}
			if !chanmodel.SameChan(c, o) || !after(m, f, c, o) || inDefaultOfRecv(f, o) {
				continue
			}
			pos := m.Site(o)
			if reported[pos] {
				continue
			}
			reported[pos] = true
			msg := "send on " + name(o) + " after it was closed"
			if o.Kind == chanmodel.Close {
				msg = name(o) + " closed a second time"
			}
			if !o.Direct() {
				msg = "call to " + m.Callee(o) + ": " + msg
			}
			var tr finding.Trace
			g := m.Goroutine(pass.Fset, f, o)
			tr.Step(finding.Place{Pos: m.Site(c), Message: name(c) + " closed here", Goroutine: g, Op: finding.OpClose})
			tr.Step(finding.Place{Pos: pos, Goroutine: g, Op: finding.OpPanic, Blocks: true})
			tr.Report(pass, analysis.Diagnostic{
				Category: "afterclose",
				Pos:      pos,
				Message:  msg,
				Related:  []analysis.RelatedInformation{{Pos: m.Site(c), Message: name(c) + " closed here"}},
			})
		}
	}
}

// after reports whether o surely runs after c, on a channel that was
// not replaced in between.
func after(m *chanmodel.Model, f *chanmodel.Func, c, o *chanmodel.Op) bool {
	ends := m.Ends()
	if o.Renewed {
		// o's callee stores a channel it made into the field before
		// it operates on it: each call has a channel of its own.
		return false
	}
	if c.ReplacedByCall && (o.Instr != c.Instr || o == c) && !(o.Deferred && o.Direct() && !flow.Dominates(c.Instr, o.Instr)) {
		// c's callee stores another channel into the field after the
		// close: later operations of the field use that one, the next
		// run of the same call in a loop included (unless a defer
		// statement took the field's channel before the call).
		return false
	}
	if closesTaken(m, c, o) {
		// c closed the channel the field held before the function
		// replaced it (old := p.ch; p.ch = make(...); close(old)):
		// o, on the field, uses the new one.
		return false
	}
	reset := resets(f, c)
	switch {
	case c.Deferred && !o.Deferred:
		return false
	case c.Deferred && o.Deferred:
		// Deferred calls run last in, first out.
		return o.Instr != c.Instr && flow.Dominates(o.Instr, c.Instr) && !anyReachable(ends, c.Instr, reset)
	case o.Deferred:
		return (flow.Dominates(o.Instr, c.Instr) || flow.Dominates(c.Instr, o.Instr)) &&
			!anyReachable(ends, c.Instr, reset)
	}
	if o.Instr == c.Instr && o != c {
		return false // both inside one callee: its own report
	}
	stop := func(in ssa.Instruction) bool { return reset[in] }
	if o != c && flow.Dominates(c.Instr, o.Instr) && ends.Reaches(c.Instr, o.Instr, stop) {
		return true
	}
	if flow.InLoopAfter(c.Instr, o.Instr) && ends.Reaches(c.Instr, o.Instr, stop) {
		return true
	}
	// A close on one branch, then a send or close that every way on
	// from it goes through: if err != nil { close(ch) }; close(ch).
	return o != c && followedBy(ends, c.Instr, o.Instr, reset)
}

// closesTaken reports whether the close c, of a field or global
// channel, closes a value the function loaded from it before storing
// another channel there (flow.Replaced), and o operates on some other
// value than that one.
func closesTaken(m *chanmodel.Model, c, o *chanmodel.Op) bool {
	if !c.Direct() || !o.Direct() || c.Chan.Kind != chanmodel.KindField && c.Chan.Kind != chanmodel.KindGlobal {
		return false
	}
	l, ok := directOperand(m, c).(*ssa.UnOp)
	if !ok || !flow.Replaced(l, c.Instr) {
		return false
	}
	ov := directOperand(m, o)
	return ov != nil && ov != ssa.Value(l)
}

// directOperand returns the channel a direct send or close operates
// on (for a select, the one case on op's channel), nil for other
// operations.
func directOperand(m *chanmodel.Model, op *chanmodel.Op) ssa.Value {
	switch x := op.Instr.(type) {
	case *ssa.Send:
		return flow.Unconverted(x.Chan)
	case *ssa.Call:
		if b, ok := x.Call.Value.(*ssa.Builtin); ok && b.Name() == "close" && len(x.Call.Args) == 1 {
			return flow.Unconverted(x.Call.Args[0])
		}
	case *ssa.Select:
		var found ssa.Value
		for _, st := range x.States {
			if st.Dir != types.SendOnly {
				continue
			}
			if id, ok := m.ChanOf(st.Chan); ok && id == op.Chan {
				if found != nil {
					return nil
				}
				found = flow.Unconverted(st.Chan)
			}
		}
		return found
	}
	return nil
}

// followedBy reports whether every path from just after a reaches b
// before the function returns, and before the channel can be replaced
// (reset). Paths that panic, or end in a call that never returns (a
// helper that always calls t.Fatal), do not return: they do not count
// against.
func followedBy(ends *flow.Ends, a, b ssa.Instruction, reset map[ssa.Instruction]bool) bool {
	if a.Parent() != b.Parent() || !ends.Reaches(a, b, func(in ssa.Instruction) bool { return reset[in] }) {
		return false
	}
	untilB := func(in ssa.Instruction) bool { return in == b }
	for _, blk := range a.Parent().Blocks {
		for _, in := range blk.Instrs {
			if _, ok := in.(*ssa.Return); (ok || reset[in]) && ends.Reaches(a, in, untilB) {
				return false
			}
		}
	}
	return true
}

// resets returns the instructions after which c's channel may be a
// new one: the make itself, assignments of the field or global, the
// definition of the struct pointer, and stores of a whole struct into
// the variable that is the base (a range variable declared once for
// the whole loop, as before Go 1.22, gets each element's value
// copied into it: for _, lc := range m { close(lc.ch) } closes each
// element's channel).
func resets(f *chanmodel.Func, c *chanmodel.Op) map[ssa.Instruction]bool {
	r := make(map[ssa.Instruction]bool)
	switch c.Chan.Kind {
	case chanmodel.KindMake:
		r[c.Chan.Make] = true
	case chanmodel.KindField, chanmodel.KindGlobal:
		for i := range f.Ops {
			if op := &f.Ops[i]; op.Kind == chanmodel.Assign && op.Chan == c.Chan {
				r[op.Instr] = true
			}
		}
		if in, ok := c.Base.(ssa.Instruction); ok {
			r[in] = true
		}
		if v, ok := c.Base.(*ssa.Alloc); ok && v.Referrers() != nil {
			for _, u := range *v.Referrers() {
				if st, ok := u.(*ssa.Store); ok && st.Addr == v {
					r[st] = true
				}
			}
		}
	}
	return r
}

func anyReachable(ends *flow.Ends, from ssa.Instruction, set map[ssa.Instruction]bool) bool {
	for in := range set {
		if in.Block() != nil && in.Block().Parent() == from.Block().Parent() && ends.Reaches(from, in, nil) {
			return true
		}
	}
	return false
}

// inDefaultOfRecv reports whether o sits in the default branch of a
// select that also receives from o's channel: once the channel is
// closed that receive is always ready, so the default never runs.
func inDefaultOfRecv(f *chanmodel.Func, o *chanmodel.Op) bool {
	for i := range f.Ops {
		r := &f.Ops[i]
		if r.Kind != chanmodel.Recv || !r.NonBlocking || !r.Direct() || !chanmodel.SameChan(r, o) {
			continue
		}
		sel, ok := r.Instr.(*ssa.Select)
		if !ok {
			continue
		}
		if d := defaultBlock(sel); d != nil && o.Instr.Block() != nil && d.Dominates(o.Instr.Block()) {
			return true
		}
	}
	return false
}

// defaultBlock returns the block of the default case of a
// non-blocking select: the end of the chain of "index == k" tests.
func defaultBlock(sel *ssa.Select) *ssa.BasicBlock {
	var index ssa.Value
	for _, r := range *sel.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == 0 {
			index = e
		}
	}
	b := sel.Block()
	if index == nil {
		return nil
	}
	for range len(sel.States) + 1 {
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			return b
		}
		cmp, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.EQL || cmp.X != index {
			return b
		}
		b = b.Succs[1]
	}
	return nil
}

// unordered reports a close, in a goroutine started by f, of a field
// or global channel that an exported function or method of the
// package sends on: a client may call it at any time, so nothing
// orders its send before the close.
func unordered(pass *analysis.Pass, m *chanmodel.Model, f *chanmodel.Func, reported map[token.Pos]bool) {
	for i := range f.Ops {
		c := &f.Ops[i]
		if c.Kind != chanmodel.Close || c.Unit == 0 || c.AfterWait || c.Locked {
			continue
		}
		if k := c.Chan.Kind; k != chanmodel.KindField && k != chanmodel.KindGlobal {
			continue
		}
		pos := c.Pos
		if !pos.IsValid() {
			pos = m.Site(c)
		}
		if reported[pos] || unitUses(f, c.Unit, c.Chan, chanmodel.Recv) || unitUses(f, c.Unit, c.Chan, chanmodel.Send) ||
			mayCallSender(m, f, c) {
			continue
		}
		e, s := exportedSender(m, f, c)
		if s == nil {
			continue
		}
		reported[pos] = true
		var tr finding.Trace
		for _, p := range m.Starts(pass.Fset, c) {
			tr.Step(p)
		}
		tr.Step(finding.Place{Pos: pos, Goroutine: m.Goroutine(pass.Fset, f, c), Op: finding.OpClose})
		tr.Step(finding.Place{Pos: m.Site(s), Message: "send here: it panics once the channel is closed", Goroutine: "caller of " + e.Fn.Name(), Op: finding.OpPanic, Blocks: true})
		tr.Report(pass, analysis.Diagnostic{
			Category: "exported",
			Pos:      pos,
			Message: "close of " + name(c) + " in a goroutine is not ordered after the send in exported " +
				e.Fn.Name() + ": the send may panic",
			Related: []analysis.RelatedInformation{{Pos: m.Site(s), Message: "send here"}},
		})
	}
}

// stopCase reports a close, in the function's own goroutine, of a
// field or global channel that an exported function or method sends on
// in a select with a stop case: a receive from another channel of the
// component (a done channel, a closer's signal). The stop case says the
// sender is meant to run while the component shuts down; but a select
// chooses at random among the cases that are ready, so once the channel
// is closed the send case can still be taken, and it panics. Signalling
// first and closing next does not help; only an order does: the closer
// waits for every sender to leave (syncmodel.OrderedAfter: a WaitGroup
// each call marks Done, a done channel), or holds a lock every sender
// holds, or never closes the channel.
func stopCase(pass *analysis.Pass, sm *syncmodel.Model, f *chanmodel.Func, reported map[token.Pos]bool) {
	m := sm.Chans
	for i := range f.Ops {
		c := &f.Ops[i]
		if c.Kind != chanmodel.Close || c.Unit != 0 || !c.Direct() || c.Locked || reported[c.Pos] {
			continue
		}
		if k := c.Chan.Kind; k != chanmodel.KindField && k != chanmodel.KindGlobal {
			continue
		}
		if unitUses(f, 0, c.Chan, chanmodel.Send) {
			continue // the sender closes
		}
		e, s, stop := stopCaseSender(m, f, c)
		if s == nil || sm.OrderedAfter(f, c, e, s) {
			continue
		}
		reported[c.Pos] = true
		var tr finding.Trace
		tr.Step(finding.Place{Pos: c.Pos, Goroutine: m.Goroutine(pass.Fset, f, c), Op: finding.OpClose})
		tr.Step(finding.Place{Pos: m.Site(s), Message: "send here: the select may take it once the channel is closed, and it panics", Goroutine: "caller of " + e.Fn.Name(), Op: finding.OpPanic, Blocks: true})
		tr.Report(pass, analysis.Diagnostic{
			Category: "stopcase",
			Pos:      c.Pos,
			Message:  "close of " + name(c) + " does not wait for " + e.Fn.Name() + ", whose select may still take its send case: the send panics",
			Related: []analysis.RelatedInformation{
				{Pos: m.Site(s), Message: "send here"},
				{Pos: stop, Message: "the stop case does not keep the select from the send"},
			},
		})
	}
}

// stopCaseSender finds an exported function or method that sends on
// c's channel as a case of a select, without holding a lock, and does
// not close the channel itself, where another case of the select waits
// for a stop signal of the component that f, the closer, gives before
// the close (signals): it returns the function, the send and the stop
// case. A closer that gives no signal is not shutting the senders down
// (a Close the sending goroutine itself calls after its last send).
func stopCaseSender(m *chanmodel.Model, f *chanmodel.Func, c *chanmodel.Op) (*chanmodel.Func, *chanmodel.Op, token.Pos) {
	for _, e := range m.Funcs {
		if e == f || !exportedAPI(e.Fn) || unitUses(e, 0, c.Chan, chanmodel.Close) {
			continue
		}
		for i := range e.Ops {
			s := &e.Ops[i]
			if s.Kind != chanmodel.Send || s.Unit != 0 || !s.Direct() || !s.Select || s.Locked || s.Chan != c.Chan {
				continue
			}
			if pos, stop, ok := componentStop(e, s); ok && signals(f.Fn, c.Instr, stop, 0) {
				return e, s, pos
			}
		}
	}
	return nil, nil, token.NoPos
}

// A stopSignal is what a stop case waits on, named from the
// component's receiver (or a package variable): a channel field
// (b.done), or the object whose channel it is (b.closer for
// b.closer.HasBeenClosed(), b.ctx for b.ctx.Done()).
type stopSignal struct {
	key     accesspath.Key // Root is the receiver, or Global is set
	object  bool           // key names the object, not the channel
	context bool           // the object is a context.Context
}

// componentStop returns a receive case of the select of the send s in
// e on a channel of the component, one e reaches through its
// receiver's fields or a package variable. A case on a caller's
// context is the caller's business, not the component's shutdown.
func componentStop(e *chanmodel.Func, s *chanmodel.Op) (token.Pos, stopSignal, bool) {
	sel := s.Instr.(*ssa.Select)
	for _, st := range sel.States {
		if st.Dir != types.RecvOnly {
			continue
		}
		sig := stopSignal{}
		v := st.Chan
		if call, ok := v.(*ssa.Call); ok {
			switch {
			case call.Call.IsInvoke():
				v = call.Call.Value
			case len(call.Call.Args) > 0 && call.Call.Signature().Recv() != nil:
				v = call.Call.Args[0]
			default:
				continue
			}
			sig.object = true
			sig.context = analysisutil.IsContext(v.Type())
		}
		if k, ok := fromReceiver(e.Fn, v); ok {
			sig.key = k
			return st.Pos, sig, true
		}
	}
	return token.NoPos, stopSignal{}, false
}

// signals reports whether fn gives the stop signal sig before the
// instruction at, on every path to it: closes the channel, calls a
// method of the object (b.closer.SignalAndWait()), or, for a context,
// calls a function kept in a field (b.cancel()); or calls a method of
// its receiver that does one of these.
func signals(fn *ssa.Function, at ssa.Instruction, sig stopSignal, depth int) bool {
	_, method := receiverKey(fn)
	same := func(v ssa.Value) bool {
		k, ok := fromReceiver(fn, v)
		return ok && k == sig.key
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok || at != nil && !flow.Dominates(in, at) {
				continue
			}
			com := call.Common()
			switch {
			case !sig.object:
				if bi, ok := com.Value.(*ssa.Builtin); ok && bi.Name() == "close" && same(com.Args[0]) {
					return true
				}
			case com.IsInvoke():
				if same(com.Value) {
					return true
				}
			case com.StaticCallee() == nil:
				if _, ok := fromReceiver(fn, com.Value); ok && sig.context {
					return true // a cancel kept in a field
				}
			case len(com.Args) > 0 && com.Signature().Recv() != nil && same(com.Args[0]):
				return true
			}
			// A helper method of the same receiver that signals.
			if callee := com.StaticCallee(); callee != nil && depth < 2 && method && len(com.Args) > 0 &&
				analysisutil.SameReceiver(fn, com.Args[0]) && callee.Signature.Recv() != nil && signals(callee, nil, sig, depth+1) {
				return true
			}
		}
	}
	return false
}

// receiverKey returns the key of fn's receiver: the receiver
// parameter of a method, or in a function literal of a method the free
// variable that holds it (through a load when the variable is the
// captured cell).
func receiverKey(fn *ssa.Function) (accesspath.Key, bool) {
	if fn.Signature.Recv() != nil && len(fn.Params) > 0 {
		return accesspath.Key{Root: fn.Params[0]}, true
	}
	for _, fv := range fn.FreeVars {
		if !analysisutil.SameReceiver(fn, fv) {
			continue
		}
		p := fn.Parent()
		for p != nil && p.Signature.Recv() == nil {
			p = p.Parent()
		}
		if p != nil && len(p.Params) > 0 && !types.Identical(fv.Type(), p.Params[0].Type()) {
			return accesspath.Key{Root: fv, Path: accesspath.Load}, true
		}
		return accesspath.Key{Root: fv}, true
	}
	return accesspath.Key{}, false
}

// fromReceiver returns the path of v from fn's receiver (a Key with
// only Path set), or the key of a package variable's path (Global
// set); ok is false if v is reached from neither.
func fromReceiver(fn *ssa.Function, v ssa.Value) (accesspath.Key, bool) {
	k := accesspath.Of(v)
	if k.Global != "" {
		return k, true
	}
	recv, ok := receiverKey(fn)
	if !ok || !k.HasPrefix(recv) || len(k.Path) == len(recv.Path) {
		return k, false
	}
	return accesspath.Key{Path: k.Path[len(recv.Path):]}, true
}

// mayCallSender reports whether the goroutine of close c calls a
// function value, and a function literal of f (the function that starts
// the goroutine) sends on the channel: a closure the goroutine calls,
// such as a recursive walker that sends each element, which makes the
// goroutine itself the sender and its close ordered after its sends.
// The model does not follow calls of function values, so it could not
// tell.
func mayCallSender(m *chanmodel.Model, f *chanmodel.Func, c *chanmodel.Op) bool {
	g, ok := c.Instr.(*ssa.Go)
	if !ok {
		return false
	}
	body := g.Call.StaticCallee()
	if body == nil || !callsValue(body) {
		return false
	}
	var sends func(fn *ssa.Function) bool
	sends = func(fn *ssa.Function) bool {
		for _, anon := range fn.AnonFuncs {
			if anon == body {
				continue
			}
			if af := m.Func(anon); af != nil && unitUses(af, 0, c.Chan, chanmodel.Send) {
				return true
			}
			if sends(anon) {
				return true
			}
		}
		return false
	}
	return sends(f.Fn)
}

// callsValue reports whether fn calls a function value (not a static
// function, a method or an interface method).
func callsValue(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if call, ok := in.(ssa.CallInstruction); ok {
				if com := call.Common(); !com.IsInvoke() && com.StaticCallee() == nil {
					if _, builtin := com.Value.(*ssa.Builtin); !builtin {
						return true
					}
				}
			}
		}
	}
	return false
}

func unitUses(f *chanmodel.Func, u int, ch chanmodel.ChanID, kind chanmodel.OpKind) bool {
	for i := range f.Ops {
		if op := &f.Ops[i]; op.Kind == kind && op.Unit == u && op.Chan == ch {
			return true
		}
	}
	return false
}

// exportedSender finds an exported function or method (of an exported
// type) whose own goroutine sends on c's channel without holding a
// lock, does not close it itself, and, if it is f, sends after the go
// statement.
func exportedSender(m *chanmodel.Model, f *chanmodel.Func, c *chanmodel.Op) (*chanmodel.Func, *chanmodel.Op) {
	for _, e := range m.Funcs {
		if !exportedAPI(e.Fn) || unitUses(e, 0, c.Chan, chanmodel.Close) {
			continue
		}
		for i := range e.Ops {
			s := &e.Ops[i]
			if s.Kind != chanmodel.Send || s.Unit != 0 || s.Locked || s.Chan != c.Chan {
				continue
			}
			if e == f && !m.Ends().Reaches(c.Instr, s.Instr, nil) || beforeSharing(s) {
				continue
			}
			return e, s
		}
	}
	return nil, nil
}

// beforeSharing reports whether the send s acts on a channel its
// function made during the call and stored in an object of its own
// that nothing else can reach yet (c := &Context{}; c.allocated =
// make(chan struct{}, 1); c.allocated <- struct{}{}; ...; return c):
// a goroutine that closes the channel can only get it once the object
// is shared, after the send.
func beforeSharing(s *chanmodel.Op) bool {
	return s.Fresh && s.Direct() && s.Base != nil && syncmodel.Unshared(lockset.KeyOf(s.Base), s.Instr)
}

// exportedAPI reports whether fn is part of the package's API: an
// exported function, or an exported method of an exported type, of a
// package that is not internal. An internal package's callers are the
// module's other packages, which this analysis cannot see: whether
// they send after the close (rather than stop their producers first)
// is unknown, and an unknown order is not reported. Nor is a function
// of a _test.go file API, exported or not: the test runner calls a
// test, no importer can call it or its helpers.
func exportedAPI(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || !obj.Exported() || obj.Pkg() == nil || analysisutil.InternalPath(obj.Pkg().Path()) || flow.InTestFile(fn) {
		return false
	}
	sig := obj.Type().(*types.Signature)
	if sig.Recv() == nil {
		return true
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && ast.IsExported(n.Obj().Name())
}
