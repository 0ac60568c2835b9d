package chanmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// maxOps bounds the operations kept per function, so that a package
// with deep call chains over many channels stays linear in practice.
const maxOps = 400

type unitKey struct {
	instr ssa.Instruction
	unit  int
}

type builder struct {
	pass *analysis.Pass
	// closerRoles: the roles of the methods of the package's closer
	// types (closer.go).
	closerRoles map[*types.Func]CloserRole
	funcs       map[*ssa.Function]*Func
	inProgress  map[*ssa.Function]bool
	memo        map[ssa.Value]idResult
	getters     map[*ssa.Function]*getter
	closures    *analysisutil.Closures
	fieldType   map[*types.Var]*types.TypeName
	syntax      map[token.Pos]syn
	// lazySyntax, in a package analyzed for its facts only, holds the
	// declarations whose syntax is indexed, and nil once all are (see
	// syntaxAt).
	lazySyntax map[ast.Node]bool
	units      map[unitKey]int
	nextUnit   map[*ssa.Function]int
	cutCall    bool // set by calleeOps: the callee's operations are incomplete
	// spawners says which parameters a function runs in a new
	// goroutine (spawn.go).
	spawners *spawners
	// locks is the lock-set model, which owns the package's field
	// invariants: a block that runs only when a field never nil after
	// construction is nil is dead, and its operations never happen.
	locks *lockset.Result
	// ends says how calls end (analysisutil.EndsAnalyzer): which
	// never return, and of those which never end their goroutine.
	ends *flow.Ends
	// opsBuf lends the buffers summarize collects a function's
	// operations in.
	opsBuf analysisutil.Buffers[Op]
}

// fnState holds what summarize needs about the function in progress.
type fnState struct {
	f *Func
	// waits holds the function's Wait calls; locks is the lock-set
	// model's view of it (nil if it has none).
	waits *flow.Precedence
	locks *lockset.Func
}

// lockedBefore reports whether a lock may be taken before in, in its
// function (Op.Locked): a question for the lock-set model.
func (st *fnState) lockedBefore(in ssa.Instruction) bool {
	return st.locks != nil && st.locks.LockBefore(in)
}

// summarize returns the model of fn, building it on first use.
func (b *builder) summarize(fn *ssa.Function) *Func {
	if f, ok := b.funcs[fn]; ok {
		return f
	}
	if b.inProgress[fn] {
		return nil // recursion: cut
	}
	b.inProgress[fn] = true
	defer delete(b.inProgress, fn)

	st := &fnState{f: &Func{Fn: fn}, waits: flow.NewPrecedence(nil), locks: b.locks.Funcs[fn]}
	st.f.Ops = b.opsBuf.Take()
	for _, blk := range fn.Blocks {
		for _, in := range blk.Instrs {
			if c, ok := in.(*ssa.Call); ok {
				if m := flow.CalleeFunc(c.Common()); m != nil && m.Name() == "Wait" && isMethod(m) {
					st.waits.Add(in)
				}
			}
		}
	}
	for _, blk := range fn.Blocks {
		if b.locks.Dead(blk) {
			continue
		}
		for _, in := range blk.Instrs {
			b.visit(st, in)
		}
	}
	f := st.f
	f.Ops = b.opsBuf.Keep(f.Ops)
	// RecvBefore within the function's own goroutine.
	for i := range f.Ops {
		op := &f.Ops[i]
		if op.Unit != 0 || op.RecvBefore || op.Kind == Assign {
			continue
		}
		for j := range f.Ops {
			r := &f.Ops[j]
			if r.Kind == Recv && r.Unit == 0 && !r.Deferred && r.Chan == op.Chan && r.Instr != op.Instr &&
				flow.Reaches(r.Instr, op.Instr, nil) {
				op.RecvBefore = true
				break
			}
		}
	}
	b.flowFlags(f)
	freshFlags(f)
	b.funcs[fn] = f
	return f
}

// freshFlags sets Fresh on the operations of f's own goroutine on a
// field or global that, on every path from the entry, follow a store
// of a channel made during the call into it (by f or a callee) with no
// other store to it in between: each call operates on its own channel.
// It sets Replaced on those that every path from them to a return
// follows with a store into it.
func freshFlags(f *Func) {
	for i := range f.Ops {
		op := &f.Ops[i]
		if op.Unit != 0 || op.Kind == Assign || (op.Fresh && op.Replaced) {
			continue
		}
		if k := op.Chan.Kind; k != KindField && k != KindGlobal || k == KindField && op.Base == nil {
			continue
		}
		fresh, other := map[ssa.Instruction]bool{}, map[ssa.Instruction]bool{}
		for j := range f.Ops {
			a := &f.Ops[j]
			if a.Kind != Assign || a.Unit != 0 || a.Chan != op.Chan || a.Base != op.Base || a.Instr == op.Instr {
				continue
			}
			if !a.Direct() && !a.every {
				continue // the callee stores on some paths only
			}
			if a.Fresh {
				fresh[a.Instr] = true
			} else {
				other[a.Instr] = true
			}
		}
		for in := range fresh {
			if other[in] {
				delete(fresh, in) // a call that may store either
			}
		}
		if !op.Replaced && !op.Deferred {
			op.Replaced = storedAfter(op.Instr, fresh, other)
		}
		if op.Deferred && !op.Direct() {
			continue // runs at the exit: what came before says nothing
		}
		for in := range fresh {
			if other[in] {
				delete(fresh, in) // a call that may store either
			}
		}
		op.Fresh = op.Fresh || len(fresh) > 0 && everyPathFrom(op.Instr, fresh, other)
	}
	everyFlags(f)
}

// everyFlags sets every on f's stores into a field or global (of one
// base) that, together, happen on every path to a return.
func everyFlags(f *Func) {
	var rets []ssa.Instruction
	for _, blk := range f.Fn.Blocks {
		if r, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok {
			rets = append(rets, r)
		}
	}
	type group struct {
		ch   ChanID
		base ssa.Value
	}
	stores := map[group]map[ssa.Instruction]bool{}
	for i := range f.Ops {
		a := &f.Ops[i]
		if a.Kind != Assign || a.Unit != 0 || (!a.Direct() && !a.every) {
			continue
		}
		g := group{a.Chan, a.Base}
		if stores[g] == nil {
			stores[g] = map[ssa.Instruction]bool{}
		}
		stores[g][a.Instr] = true
	}
	for i := range f.Ops {
		a := &f.Ops[i]
		if a.Kind != Assign {
			continue
		}
		s := stores[group{a.Chan, a.Base}]
		a.every = len(rets) > 0 && len(s) > 0
		for _, r := range rets {
			if a.every && !everyPathFrom(r, s, nil) {
				a.every = false
			}
		}
	}
}

// storedAfter reports whether a store of one of the sets follows in on
// every path from it to a return, and one can be reached.
func storedAfter(in ssa.Instruction, a, b map[ssa.Instruction]bool) bool {
	if len(a) == 0 && len(b) == 0 {
		return false
	}
	stop := func(x ssa.Instruction) bool { return a[x] || b[x] }
	some := false
	for _, blk := range in.Parent().Blocks {
		last := blk.Instrs[len(blk.Instrs)-1]
		if _, ok := last.(*ssa.Return); ok && flow.Reaches(in, last, stop) {
			return false
		}
		for _, x := range blk.Instrs {
			if stop(x) && x != in && flow.Reaches(in, x, nil) {
				some = true
			}
		}
	}
	return some
}

// everyPathFrom reports whether every path from the function's entry
// to just before in passes an instruction of want after the last one
// of avoid: no path reaches in, from the entry or from an instruction
// of avoid, without passing one of want.
func everyPathFrom(in ssa.Instruction, want, avoid map[ssa.Instruction]bool) bool {
	stop := func(x ssa.Instruction) bool { return want[x] }
	entry := in.Parent().Blocks[0].Instrs[0]
	if !want[entry] && (entry == in || flow.Reaches(entry, in, stop)) {
		return false
	}
	for a := range avoid {
		if flow.Reaches(a, in, stop) {
			return false
		}
	}
	return true
}

func isMethod(m *types.Func) bool {
	sig, ok := m.Type().(*types.Signature)
	return ok && sig.Recv() != nil
}

func (b *builder) add(st *fnState, op Op) {
	if len(st.f.Ops) >= maxOps {
		st.f.Truncated = true
		return
	}
	for i := range st.f.Ops {
		o := &st.f.Ops[i]
		if o.Kind == op.Kind && o.Chan == op.Chan && o.Base == op.Base && o.Instr == op.Instr &&
			o.Pos == op.Pos && o.Unit == op.Unit && o.Deferred == op.Deferred {
			return
		}
	}
	st.f.Ops = append(st.f.Ops, op)
}

// waitBefore reports whether a Wait call of the function may run
// before the operation at in. A deferred operation runs as the
// function returns, so a Wait after the defer statement counts too:
// go func() { defer close(c.ch); <-ctx.Done(); c.wg.Wait() }() closes
// after waiting.
func (st *fnState) waitBefore(in ssa.Instruction) bool {
	if st.waits.Before(in) {
		return true
	}
	_, isDefer := in.(*ssa.Defer)
	return isDefer && st.waits.After(in)
}

// direct records an operation written in the function.
func (b *builder) direct(st *fnState, kind OpKind, ch ssa.Value, in ssa.Instruction, pos token.Pos) *Op {
	id, ok := b.chanOf(ch)
	if !ok {
		return nil
	}
	op := Op{Kind: kind, Chan: id, Instr: in, Pos: pos, origPos: pos, baseParam: -1}
	if s, ok := b.syntaxAt(st.f.Fn, pos); ok {
		op.Pos, op.Expr = s.start, s.expr
	}
	if id.Kind == KindField {
		op.Base = b.baseOf(ch)
	}
	op.Must = flow.DominatesReturns(in.Block())
	op.AfterWait = st.waitBefore(in)
	op.Locked = st.lockedBefore(in)
	b.add(st, op)
	return &st.f.Ops[len(st.f.Ops)-1]
}

// baseOf returns the canonical struct pointer whose field the channel
// value ch was loaded from.
func (b *builder) baseOf(ch ssa.Value) ssa.Value {
	switch v := flow.Unconverted(ch).(type) {
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			return b.canon(fa.X)
		}
	case *ssa.Field:
		return b.canon(v.X)
	case *ssa.Call:
		return b.callBase(v)
	}
	return nil
}

func (b *builder) visit(st *fnState, in ssa.Instruction) {
	switch in := in.(type) {
	case *ssa.Send:
		b.direct(st, Send, in.Chan, in, in.Pos())
	case *ssa.UnOp:
		if in.Op == token.ARROW {
			b.direct(st, Recv, in.X, in, in.Pos())
		}
	case *ssa.Select:
		for _, s := range in.States {
			kind := Recv
			if s.Dir == types.SendOnly {
				kind = Send
			}
			if op := b.direct(st, kind, s.Chan, in, s.Pos); op != nil {
				op.Select, op.NonBlocking = true, !in.Blocking
			}
		}
	case *ssa.Store:
		if _, ok := in.Val.Type().Underlying().(*types.Chan); !ok {
			return
		}
		switch in.Addr.(type) {
		case *ssa.FieldAddr, *ssa.Global:
			id, ok := b.resolveAddr(in.Addr)
			if ok != known {
				return
			}
			op := Op{Kind: Assign, Chan: id, Instr: in, Pos: in.Pos(), baseParam: -1}
			if fa, ok := in.Addr.(*ssa.FieldAddr); ok {
				op.Base = b.canon(fa.X)
			}
			op.Must = flow.DominatesReturns(in.Block())
			if v, ok := b.chanOf(in.Val); ok && v.Kind == KindMake && v.Make.Parent() == st.f.Fn {
				op.Fresh = true // each run of the function stores a new channel
			}
			b.add(st, op)
		}
	case ssa.CallInstruction:
		b.call(st, in)
	}
}

func (b *builder) call(st *fnState, in ssa.CallInstruction) {
	common := in.Common()
	_, isGo := in.(*ssa.Go)
	_, isDefer := in.(*ssa.Defer)
	if bi, ok := common.Value.(*ssa.Builtin); ok {
		if bi.Name() == "close" && len(common.Args) == 1 {
			if op := b.direct(st, Close, common.Args[0], in, common.Pos()); op != nil {
				op.Deferred = isDefer
				if isGo {
					op.Unit = b.newUnit(st.f.Fn, in, 0)
				}
			}
		}
		return
	}
	callee := common.StaticCallee()
	if callee == nil {
		return
	}
	if _, ok := in.(*ssa.Call); ok {
		b.runs(st, in, callee)
	}
	sumFn, ops := b.calleeOps(callee)
	if b.cutCall {
		b.cutCall = false
		st.f.Truncated = true
	}
	if len(ops) == 0 {
		return
	}
	fn := st.f.Fn
	mustHere := flow.DominatesReturns(in.Block())
	waitHere := st.waitBefore(in)
	lockHere := st.lockedBefore(in)
	for _, cop := range ops {
		op := cop
		op.Instr, op.Via = in, callee
		op.baseParam = -1
		// argBase: the struct whose channel field the call passes for
		// the callee's channel parameter (go emit(m.beats, m.stop)).
		var argBase ssa.Value
		// Replace the callee's parameters by the arguments.
		if op.Chan.Kind == KindParam && op.Chan.Func == sumFn {
			if op.Chan.Index >= len(common.Args) {
				continue
			}
			id, ok := b.chanOf(common.Args[op.Chan.Index])
			if !ok {
				continue
			}
			op.Chan = id
			if id.Kind == KindField {
				argBase = b.baseOf(common.Args[cop.Chan.Index])
			}
			if op.Expr == "" {
				i := cop.Chan.Index
				if callee.Signature.Recv() != nil {
					i-- // the receiver is not among the syntactic arguments
				}
				if s, ok := b.syntax[common.Pos()]; ok && i >= 0 && i < len(s.args) {
					op.Expr = s.args[i]
				}
			}
		}
		if !b.visible(op.Chan, fn) {
			continue
		}
		op.Base = nil
		if op.Chan.Kind == KindField {
			switch {
			case argBase != nil:
				op.Base = argBase
			case cop.baseParam >= 0 && cop.baseParam < len(common.Args):
				op.Base = b.canon(common.Args[cop.baseParam])
			case cop.Base != nil:
				if p, ok := cop.Base.(*ssa.Parameter); ok && p.Parent() == sumFn {
					if i := flow.ParamIndex(sumFn, p); i >= 0 && i < len(common.Args) {
						op.Base = b.canon(common.Args[i])
					}
				} else if ancestorOrSelf(cop.Base.Parent(), fn) {
					op.Base = cop.Base
				}
			}
		}
		switch {
		case isGo:
			op.Unit = b.newUnit(fn, in, cop.Unit)
			op.Deferred = false
		case cop.Unit != 0:
			op.Unit = b.newUnit(fn, in, cop.Unit)
			op.Deferred = false
		default:
			op.Unit = 0
			op.Deferred = isDefer
			op.Must = cop.Must && mustHere
			op.CalleeMust = cop.Must
			op.AfterWait = cop.AfterWait || waitHere
			op.Locked = cop.Locked || lockHere
			op.Renewed = cop.Fresh
			op.Replaced, op.ReplacedByCall = cop.Replaced, cop.Replaced
		}
		b.add(st, op)
	}
}

// runs adds the operations of the functions the call in hands to
// callee, a helper that runs them in a new goroutine (Spawner), each as
// the operations of a goroutine of its own, as for a go statement.
func (b *builder) runs(st *fnState, in ssa.CallInstruction, callee *ssa.Function) {
	common := in.Common()
	for _, k := range b.spawners.of(callee) {
		if k >= len(common.Args) {
			continue
		}
		g, _ := analysisutil.FuncValue(common.Args[k])
		if g == nil || g.Blocks == nil || len(g.Params) > 0 {
			continue // a method value's, or a parameter the helper binds: unknown here
		}
		f := b.summarize(g)
		if f == nil || f.Truncated {
			st.f.Truncated = true
			if f == nil {
				continue
			}
		}
		for _, cop := range f.Ops {
			op := cop
			if !b.visible(op.Chan, st.f.Fn) {
				continue
			}
			op.Instr, op.Via = in, g
			op.baseParam = -1
			// A key apart from the units of the helper's own go
			// statements.
			op.Unit = b.newUnit(st.f.Fn, in, -1-cop.Unit)
			op.Deferred = false
			b.add(st, op)
		}
	}
}

// visible reports whether the channel id means something in fn: fields
// and globals always, parameters and allocations only of fn or of the
// functions enclosing it.
func (b *builder) visible(id ChanID, fn *ssa.Function) bool {
	switch id.Kind {
	case KindField, KindGlobal, KindElem:
		return true
	case KindParam:
		return ancestorOrSelf(id.Func, fn)
	case KindMake:
		return ancestorOrSelf(id.Make.Parent(), fn)
	}
	return false
}

func ancestorOrSelf(a, fn *ssa.Function) bool {
	if a == nil {
		return false
	}
	for f := fn; f != nil; f = f.Parent() {
		if f == a {
			return true
		}
	}
	return false
}

func (b *builder) newUnit(fn *ssa.Function, in ssa.Instruction, sub int) int {
	k := unitKey{in, sub}
	if u, ok := b.units[k]; ok {
		return u
	}
	if b.nextUnit == nil {
		b.nextUnit = make(map[*ssa.Function]int)
	}
	b.nextUnit[fn]++
	b.units[k] = b.nextUnit[fn]
	return b.units[k]
}

// calleeOps returns the operations of callee in the context of sumFn
// (the function whose parameters they mention): from the model for
// functions of this package, from facts for others.
func (b *builder) calleeOps(callee *ssa.Function) (*ssa.Function, []Op) {
	callee = flow.Body(callee)
	if callee.Blocks != nil {
		f := b.summarize(callee)
		if f == nil {
			b.cutCall = true
			return callee, nil
		}
		if f.Truncated {
			b.cutCall = true
		}
		return callee, f.Ops
	}
	obj, _ := callee.Object().(*types.Func)
	if o := callee.Origin(); o != nil {
		obj, _ = o.Object().(*types.Func)
	}
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == b.pass.Pkg {
		return callee, nil
	}
	var s Summary
	if !b.pass.ImportObjectFact(obj, &s) {
		return callee, nil
	}
	return callee, b.fromFact(callee, obj, &s)
}
