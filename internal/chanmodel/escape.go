package chanmodel

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// This file tells the goroutine analyzers whether the model sees every
// operation on a channel. A channel "escapes" when code the model does
// not follow may send on, receive from or close it: it is passed to a
// function of another package, to a dynamic call, converted to an
// interface, stored in a slice, map or another variable's memory,
// returned, sent over a channel, or its field or global is exported,
// or a function on its way lost operations (recursion, size limits).

// OpRef names one operation of the model.
type OpRef struct {
	F  *Func
	Op *Op
}

// escapeIndex holds what Escapes and OpsOn need, built on first use.
type escapeIndex struct {
	fieldUses  map[*types.Var][]ssa.Instruction
	globalUses map[*ssa.Global][]ssa.Instruction
	byChan     map[ChanID][]OpRef
	memo       map[ChanID]bool
	sendMemo   map[ChanID]bool // SendEscapes'
	// callers lists the static calls of each function of the package,
	// goOrDefer the functions a go or defer statement runs statically;
	// byValue holds the functions (by object, so that their method
	// value and expression wrappers count) used other than by a static
	// call, and inIface the methods of types converted to interfaces:
	// unseen code may call those.
	callers   map[*ssa.Function][]*ssa.Call
	goOrDefer map[*ssa.Function]bool
	byValue   map[types.Object]bool
	inIface   map[types.Object]bool
	// closable is neverClosedByType's: the element types of the
	// channels the package closes or lets go.
	closable closable
	// funcs are the functions indexed; copied is copiedStructs',
	// built on first need.
	funcs  []*ssa.Function
	copied map[*types.TypeName]bool
}

func (m *Model) index() *escapeIndex {
	if m.esc != nil {
		return m.esc
	}
	x := &escapeIndex{
		fieldUses:  make(map[*types.Var][]ssa.Instruction),
		globalUses: make(map[*ssa.Global][]ssa.Instruction),
		byChan:     make(map[ChanID][]OpRef),
		memo:       make(map[ChanID]bool),
		sendMemo:   make(map[ChanID]bool),
		callers:    make(map[*ssa.Function][]*ssa.Call),
		goOrDefer:  make(map[*ssa.Function]bool),
		byValue:    make(map[types.Object]bool),
		inIface:    make(map[types.Object]bool),
		funcs:      m.allFuncs,
	}
	ifaceSeen := make(map[types.Type]bool)
	var operands []*ssa.Value
	for _, fn := range m.allFuncs {
		for _, blk := range fn.Blocks {
			for _, in := range blk.Instrs {
				var calleeOperand *ssa.Value // the function a static call calls
				if c, ok := in.(ssa.CallInstruction); ok && !c.Common().IsInvoke() {
					static, _ := c.Common().Value.(*ssa.Function)
					if static != nil {
						calleeOperand = &c.Common().Value
						for _, t := range static.TypeArgs() {
							// A generic body may call t's methods.
							x.addIface(t, ifaceSeen)
						}
					}
					if call, ok := in.(*ssa.Call); ok && static != nil {
						callee := static
						callee = flow.Origin(callee)
						x.callers[callee] = append(x.callers[callee], call)
					} else if static != nil {
						x.goOrDefer[flow.Origin(static)] = true
					}
				}
				switch in := in.(type) {
				case *ssa.MakeInterface:
					x.addIface(in.X.Type(), ifaceSeen)
					x.closable.add(in.X.Type())
				case ssa.CallInstruction:
					x.closable.call(in.Common(), m.pkg)
				case *ssa.FieldAddr:
					if f := m.b.fieldVar(in.X.Type(), in.Field); f != nil {
						x.fieldUses[f] = append(x.fieldUses[f], in)
					}
				case *ssa.Field:
					if f := m.b.fieldVar(in.X.Type(), in.Field); f != nil {
						x.fieldUses[f] = append(x.fieldUses[f], in)
					}
				}
				operands = in.Operands(operands[:0])
				for _, o := range operands {
					switch v := (*o).(type) {
					case *ssa.Global:
						x.globalUses[v] = append(x.globalUses[v], in)
					case *ssa.Function:
						if o != calleeOperand {
							if obj := funcObj(v); obj != nil {
								x.byValue[obj] = true
							}
						}
					}
				}
			}
		}
	}
	for _, f := range m.Funcs {
		for i := range f.Ops {
			op := &f.Ops[i]
			if op.Kind != Assign {
				x.byChan[op.Chan] = append(x.byChan[op.Chan], OpRef{f, op})
			}
		}
	}
	m.esc = x
	return x
}

// isMain reports whether the package is a command: no other package
// can import it, so its exported names are as private as the others.
func (m *Model) isMain() bool { return m.b.pass.Pkg.Name() == "main" }

// funcObj returns the declared function or method of fn, of its
// generic origin, or of the wrapper fn is.
func funcObj(fn *ssa.Function) types.Object {
	fn = flow.Origin(fn)
	if obj := fn.Object(); obj != nil {
		return obj
	}
	return nil
}

// addIface records the methods of t, a type converted to an interface.
func (x *escapeIndex) addIface(t types.Type, seen map[types.Type]bool) {
	if seen[t] {
		return
	}
	seen[t] = true
	for _, t := range []types.Type{t, types.NewPointer(t)} {
		ms := types.NewMethodSet(t)
		for i := range ms.Len() {
			x.inIface[ms.At(i).Obj()] = true
		}
	}
}

// closed reports whether every call of fn, a function of the package,
// is one of the static calls the index lists: fn is not exported from
// a package that others can import, not used as a value, and not the
// method of a type converted to an interface.
func (m *Model) closed(fn *ssa.Function) bool {
	if fn.Parent() != nil || fn.Pkg != m.pkg || fn.Synthetic != "" {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return false
	}
	x := m.index()
	if x.byValue[obj] || x.inIface[obj] {
		return false
	}
	if obj.Exported() && !m.isMain() {
		return false
	}
	if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() == nil && obj.Name() == "init" {
		return false
	}
	return true
}

// OpsOn returns every send, receive and close of the model on the
// channel id, in any function and goroutine (an operation reached
// through calls shows once per caller).
func (m *Model) OpsOn(id ChanID) []OpRef {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.index().byChan[id]
}

// A Tally counts the operations of the model on one channel.
type Tally struct{ Sends, Recvs, Closes int }

// TallyOn counts the sends, receives and closes of OpsOn(id): whether
// anything sends on, receives from or closes the channel.
func (m *Model) TallyOn(id ChanID) Tally {
	var t Tally
	for _, r := range m.OpsOn(id) {
		switch r.Op.Kind {
		case Send:
			t.Sends++
		case Recv:
			t.Recvs++
		case Close:
			t.Closes++
		}
	}
	return t
}

// Cap returns the buffer size of a channel made at a make site with a
// constant size (0 for make(chan T)).
func Cap(id ChanID) (int64, bool) {
	if id.Kind != KindMake {
		return 0, false
	}
	c, ok := id.Make.Size.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	n, exact := constant.Int64Val(c.Value)
	return n, exact
}

// Escapes reports whether code outside the model may operate on the
// channel id, so that OpsOn(id) may be incomplete. Parameters always
// escape (the caller's channel is unknown).
func (m *Model) Escapes(id ChanID) bool { return m.escapes(id, false) }

// SendEscapes is Escapes for the sends and closes alone: whether code
// outside the model may send on or close the channel id, so that the
// sends and closes of OpsOn(id) may be incomplete. A receive-only view
// of the channel (<-chan T) gives that code nothing: no conversion
// turns it back into one that can send or close (a done channel handed
// to a helper that waits on it, or to a callback, as <-chan struct{}).
func (m *Model) SendEscapes(id ChanID) bool { return m.escapes(id, true) }

func (m *Model) escapes(id ChanID, recvOnly bool) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	x := m.index()
	memo := x.memo
	if recvOnly {
		memo = x.sendMemo
	}
	if v, ok := memo[id]; ok {
		return v
	}
	memo[id] = true // cycles: assume the worst
	w := &escWalker{m: m, seen: make(map[ssa.Value]bool), paramsReturned: true, recvOnly: recvOnly}
	var esc bool
	switch id.Kind {
	case KindMake:
		esc = w.value(id.Make, id)
	case KindField:
		esc = w.field(id)
	case KindGlobal:
		esc = w.global(id)
	case KindElem:
		esc = w.elems(id)
	default:
		esc = true
	}
	memo[id] = esc
	return esc
}

// An escWalker follows the uses of a channel value. Escapes walks
// through copies, closures, variables, calls and returns, and reports
// any use it cannot follow. Unshared asks a local walk instead (see
// there): it follows nothing, and collects every use that is not an
// operation on the channel as a hand-off, for the caller to place in
// time. Contained's containWalk follows the same referrers of an
// object's pointer by other rules, for another question (are all of
// the object's operations in one summary?): see there why the two are
// not one walk.
type escWalker struct {
	m    *Model
	seen map[ssa.Value]bool
	// paramsReturned: a getter that returns its channel parameter
	// hands it back to its caller, which follows the call's result.
	// Off when asking whether a function keeps a parameter to itself.
	paramsReturned bool
	// local: the walk of Unshared; handOffs collects its hand-offs.
	local    bool
	handOffs []ssa.Instruction
	// recvOnly: SendEscapes' walk, which stops at a receive-only
	// view of the channel.
	recvOnly bool
}

// value reports whether the channel value v, which the model knows as
// want in v's function, escapes through its uses.
func (w *escWalker) value(v ssa.Value, want ChanID) bool {
	if w.seen[v] {
		return false
	}
	w.seen[v] = true
	if w.recvOnly && receiveOnly(v.Type()) {
		return false
	}
	fn := v.Parent()
	if fn == nil {
		return true
	}
	if f := w.m.byFn[fn]; f == nil || f.Truncated {
		return true
	}
	if _, isParam := v.(*ssa.Parameter); !isParam {
		// Operations on v count for want only if the model
		// resolves v to it.
		if id, ok := w.m.b.chanOf(v); !ok || id != want {
			return true
		}
	}
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		if w.use(v, r, want) {
			return true
		}
	}
	return false
}

func (w *escWalker) use(v ssa.Value, r ssa.Instruction, want ChanID) bool {
	if onChan(v, r, w.local) {
		return false
	}
	if w.local {
		w.handOffs = append(w.handOffs, r)
		return false
	}
	switch r := r.(type) {
	case *ssa.ChangeType:
		return w.value(r, want)
	case *ssa.Convert:
		return w.value(r, want)
	case *ssa.Phi:
		return w.value(r, want)
	case *ssa.MakeClosure:
		if _, ok := r.Fn.(*ssa.Function); !ok || want.Kind == KindParam && !onlyCalled(r) {
			return true
		}
		for fv := range flow.Captures(r, v) {
			if w.value(fv, want) {
				return true
			}
		}
		return false
	case *ssa.Store:
		if r.Val != v {
			return true
		}
		switch a := r.Addr.(type) {
		case *ssa.Alloc:
			if !isCell(a) {
				return true
			}
			return w.cell(a, want)
		case *ssa.FreeVar:
			return w.cell(a, want)
		}
		return true
	case ssa.CallInstruction:
		return w.call(v, r, want)
	case *ssa.Return:
		return w.returned(r, want)
	}
	return true
}

// onChan reports whether the instruction r, a use of the channel v,
// only operates on it: sends on it, receives from it, selects on it
// without sending it, closes it or takes its len or cap. v goes
// nowhere through r. strict is Unshared's reading, which counts only
// operations done at r itself: there a comparison of v, and a close
// deferred or run by a go statement, are hand-offs (Escapes lets them
// be: neither gives v to code it does not see).
func onChan(v ssa.Value, r ssa.Instruction, strict bool) bool {
	switch r := r.(type) {
	case *ssa.DebugRef:
		return true
	case *ssa.BinOp:
		return !strict
	case *ssa.Send:
		return r.Chan == v && r.X != v
	case *ssa.UnOp:
		return r.Op == token.ARROW
	case *ssa.Select:
		for _, st := range r.States {
			if st.Send == v {
				return false
			}
		}
		return true
	case ssa.CallInstruction:
		if _, isCall := r.(*ssa.Call); strict && !isCall {
			return false
		}
		if b, ok := r.Common().Value.(*ssa.Builtin); ok {
			switch b.Name() {
			case "close", "len", "cap":
				return true
			}
		}
	}
	return false
}

// returned reports whether the channel want, returned by r, escapes
// through the function's callers. Only getters keep it seen (see
// getterOf): a getter of a parameter hands the caller's own channel
// back, which call follows at the call site; a getter of a field or
// global gives it to every caller, so all must be known.
func (w *escWalker) returned(r *ssa.Return, want ChanID) bool {
	fn := r.Parent()
	g := w.m.b.getterOf(fn)
	if g == nil || g.id != want {
		return true
	}
	if g.id.Kind == KindParam {
		return !w.paramsReturned
	}
	if !w.m.closed(fn) {
		return true
	}
	for _, c := range w.m.index().callers[fn] {
		if w.value(c, want) {
			return true
		}
	}
	return false
}

// cell follows a local variable in memory that holds the channel.
func (w *escWalker) cell(addr ssa.Value, want ChanID) bool {
	if w.seen[addr] {
		return false
	}
	w.seen[addr] = true
	refs := addr.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if r.Op != token.MUL || w.value(r, want) {
				return true
			}
		case *ssa.Store:
			if r.Addr != addr {
				return true
			}
			if c, ok := r.Val.(*ssa.Const); ok && c.IsNil() {
				continue
			}
			if id, ok := w.m.b.chanOf(r.Val); !ok || id != want {
				return true
			}
		case *ssa.MakeClosure:
			if _, ok := r.Fn.(*ssa.Function); !ok || want.Kind == KindParam && !onlyCalled(r) {
				return true
			}
			for fv := range flow.Captures(r, addr) {
				if w.cell(fv, want) {
					return true
				}
			}
		default:
			return true
		}
	}
	return false
}

// call follows the channel v passed to a call: into the callee's
// parameter when the model includes the callee's operations.
func (w *escWalker) call(v ssa.Value, in ssa.CallInstruction, want ChanID) bool {
	c := in.Common()
	if _, ok := c.Value.(*ssa.Builtin); ok {
		return true // close, len and cap are operations on it (onChan)
	}
	if c.Value == v || c.IsInvoke() {
		return true
	}
	callee := c.StaticCallee()
	if callee == nil {
		return true
	}
	callee = flow.Body(callee)
	if callee.Blocks == nil || callee.Pkg != w.m.pkg {
		return !w.m.contained(callee, c, v)
	}
	for i, a := range c.Args {
		if a != v {
			continue
		}
		if i >= len(callee.Params) {
			return true
		}
		if w.value(callee.Params[i], ChanID{Kind: KindParam, Func: callee, Index: i}) {
			return true
		}
		if call, ok := in.(*ssa.Call); ok {
			if g := w.m.b.getterOf(callee); g != nil && g.id.Kind == KindParam && g.id.Index == i &&
				w.value(call, want) {
				return true
			}
		}
	}
	return false
}

// field reports whether the field id may be operated on by code the
// model does not see, or hold a channel that has other names.
func (w *escWalker) field(id ChanID) bool {
	return w.fieldUses(id.Field,
		func(u *ssa.Field) bool { return w.value(u, id) },
		func(u *ssa.FieldAddr) bool { return w.addr(u, id) })
}

// fieldUses is the walk field and elems share: a field code of other
// packages can name (exported, outside package main) or of a type of
// another package escapes; otherwise each use of it, a read of the
// field of a struct value or its address, goes to value or addr, and
// the field escapes if one of them says so.
func (w *escWalker) fieldUses(f *types.Var, value func(*ssa.Field) bool, addr func(*ssa.FieldAddr) bool) bool {
	tn := w.m.b.fieldType[f]
	if f.Exported() && !w.m.isMain() || tn == nil || tn.Pkg() != w.m.b.pass.Pkg {
		return true
	}
	for _, u := range w.m.index().fieldUses[f] {
		switch u := u.(type) {
		case *ssa.Field:
			if value(u) {
				return true
			}
		case *ssa.FieldAddr:
			if addr(u) {
				return true
			}
		}
	}
	return false
}

// global is field for package-level variables.
func (w *escWalker) global(id ChanID) bool {
	g := id.Global
	if g.Object() == nil || g.Object().Exported() && !w.m.isMain() {
		return true
	}
	for _, u := range w.m.index().globalUses[g] {
		switch u := u.(type) {
		case *ssa.UnOp:
			if u.X != g || u.Op != token.MUL || w.value(u, id) {
				return true
			}
		case *ssa.Store:
			if u.Addr != g || !w.fresh(u.Val, id) {
				return true
			}
		case *ssa.DebugRef:
		default:
			return true
		}
	}
	return false
}

// addr follows the address of a field: loads and fresh stores only.
func (w *escWalker) addr(a *ssa.FieldAddr, id ChanID) bool {
	refs := a.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if r.Op != token.MUL || w.value(r, id) {
				return true
			}
		case *ssa.Store:
			if r.Addr != a || !w.fresh(r.Val, id) {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// fresh reports whether v, stored into the field or global id, is nil
// or a channel made for it and used for nothing else.
func (w *escWalker) fresh(v ssa.Value, id ChanID) bool {
	if c, ok := v.(*ssa.Const); ok && c.IsNil() {
		return true
	}
	mc, ok := flow.Unconverted(v).(*ssa.MakeChan)
	if !ok {
		return false
	}
	var only func(v ssa.Value) bool
	only = func(v ssa.Value) bool {
		refs := v.Referrers()
		if refs == nil {
			return true
		}
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.DebugRef:
			case *ssa.ChangeType:
				if !only(r) {
					return false
				}
			case *ssa.Store:
				if r.Val != v {
					return false
				}
				switch a := r.Addr.(type) {
				case *ssa.FieldAddr:
					if id.Kind != KindField || w.m.b.fieldVar(a.X.Type(), a.Field) != id.Field {
						return false
					}
				case *ssa.Global:
					if id.Kind != KindGlobal || a != id.Global {
						return false
					}
				default:
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	return only(mc)
}

// paramEscapes reports whether parameter i of fn escapes fn.
func (m *Model) paramEscapes(fn *ssa.Function, i int) bool {
	w := &escWalker{m: m, seen: make(map[ssa.Value]bool)}
	return w.value(fn.Params[i], ChanID{Kind: KindParam, Func: fn, Index: i})
}

// contained reports whether callee, a function of another package,
// keeps every parameter that receives v to itself, by its Summary.
func (m *Model) contained(callee *ssa.Function, c *ssa.CallCommon, v ssa.Value) bool {
	obj, ok := callee.Object().(*types.Func)
	if o := callee.Origin(); o != nil {
		obj, ok = o.Object().(*types.Func)
	}
	if !ok || obj.Pkg() == nil || obj.Pkg() == m.b.pass.Pkg {
		return false
	}
	var s Summary
	if !m.b.pass.ImportObjectFact(obj, &s) {
		return false
	}
	for i, a := range c.Args {
		if a != v {
			continue
		}
		if !slices.Contains(s.Contained, i) {
			return false
		}
	}
	return true
}

// Makes returns the make(chan T) sites of the channels stored into the
// field or global id anywhere in the package (for KindMake: the site
// itself). Values of other origins are not listed; ask Escapes first
// to know that there are none.
func (m *Model) Makes(id ChanID) []*ssa.MakeChan {
	switch id.Kind {
	case KindMake:
		return []*ssa.MakeChan{id.Make}
	case KindField, KindGlobal:
	case KindElem:
		return m.elemMakes(id)
	default:
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	x := m.index()
	var stores []*ssa.Store
	if id.Kind == KindField {
		for _, u := range x.fieldUses[id.Field] {
			if fa, ok := u.(*ssa.FieldAddr); ok && fa.Referrers() != nil {
				for _, r := range *fa.Referrers() {
					if s, ok := r.(*ssa.Store); ok && s.Addr == fa {
						stores = append(stores, s)
					}
				}
			}
		}
	} else {
		for _, u := range x.globalUses[id.Global] {
			if s, ok := u.(*ssa.Store); ok && s.Addr == id.Global {
				stores = append(stores, s)
			}
		}
	}
	var out []*ssa.MakeChan
	for _, s := range stores {
		if mc, ok := flow.Unconverted(s.Val).(*ssa.MakeChan); ok {
			out = append(out, mc)
		}
	}
	return out
}

// Unbuffered reports whether every channel id names is made, and made
// unbuffered: make(chan T) or make(chan T, 0).
func (m *Model) Unbuffered(id ChanID) bool {
	makes := m.Makes(id)
	for _, mc := range makes {
		if n, ok := Cap(ChanID{Kind: KindMake, Make: mc}); !ok || n != 0 {
			return false
		}
	}
	return len(makes) > 0
}

// onlyCalled reports whether the closure c is only called, deferred or
// started by its own function. Only then do the closure's operations on
// a parameter of that function reach the function's summary, and so its
// callers; a closure handed on as a value (to a constructor that runs
// it in a goroutine of its own, to a callback registry) acts on the
// caller's channel where the caller's model cannot see it.
func onlyCalled(c *ssa.MakeClosure) bool {
	return flow.OnlyUsedAs(c, flow.Called, flow.Deferred, flow.Started)
}

// receiveOnly reports whether t is a receive-only channel type.
func receiveOnly(t types.Type) bool {
	c, ok := t.Underlying().(*types.Chan)
	return ok && c.Dir() == types.RecvOnly
}
