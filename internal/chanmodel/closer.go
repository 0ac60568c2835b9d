package chanmodel

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// A closer object is a small type that asks a goroutine to stop and
// waits until it has (ristretto's z.Closer, many a stopper): a
// context made by context.WithCancel from a context nothing cancels,
// its cancel function, and a sync.WaitGroup, all in unexported fields
// that nothing else stores. Its methods play four roles: one returns
// the signal channel (the context's Done: HasBeenClosed), one cancels
// (Signal), one waits on the WaitGroup (Wait; SignalAndWait does both,
// in that order), one calls Done on it (the worker's deferred Done).
// The signal channel is then closed by a Signal call and nothing else,
// and a Wait returns only after the worker's Done: a requester that
// signals and waits knows that whatever the worker did between the
// signal and its Done has happened.

// CloserRole is the fact exported for each method of a closer type.
type CloserRole struct {
	// Signals: the method may cancel the closer's context.
	Signals bool
	// Waits: on every path, after every signal it makes, the method
	// waits on the closer's WaitGroup.
	Waits bool
	// Done: the method calls Done on the closer's WaitGroup.
	Done bool
	// Signal: the method returns the closer's signal channel (or, for
	// a nil closer, a channel nothing closes).
	Signal bool
}

func (*CloserRole) AFact() {}

func (r *CloserRole) String() string {
	s := "closer("
	for _, x := range []struct {
		on   bool
		name string
	}{{r.Signals, "signals"}, {r.Waits, "waits"}, {r.Done, "done"}, {r.Signal, "signal"}} {
		if x.on {
			s += " " + x.name
		}
	}
	return s + " )"
}

// CloserRoleOf returns the role of the method fn of a closer type,
// from this package or, through its fact, from another; ok is false
// when fn is not a method of a closer type.
func (m *Model) CloserRoleOf(fn *types.Func) (CloserRole, bool) {
	if fn == nil {
		return CloserRole{}, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if r, ok := m.b.closerRoles[fn]; ok {
		return r, true
	}
	if fn.Pkg() == m.b.pass.Pkg {
		return CloserRole{}, false
	}
	var r CloserRole
	if !m.b.pass.ImportObjectFact(fn, &r) {
		return CloserRole{}, false
	}
	return r, true
}

// closerFields are the fields of a closer type.
type closerFields struct {
	ctx, cancel, wg *types.Var
}

// findClosers computes the roles of the methods of the closer types of
// the package, exports them, and keeps them for CloserRoleOf.
func (b *builder) findClosers(m *Model) {
	b.closerRoles = map[*types.Func]CloserRole{}
	closers := map[*types.Named]closerFields{}
	scope := b.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		st, ok := named.Underlying().(*types.Struct)
		if !ok {
			continue
		}
		var cf closerFields
		n := 0
		for i := range st.NumFields() {
			f := st.Field(i)
			var slot **types.Var
			switch {
			case analysisutil.IsNamed(f.Type(), "context", "Context"):
				slot = &cf.ctx
			case analysisutil.IsNamed(f.Type(), "context", "CancelFunc"):
				slot = &cf.cancel
			case analysisutil.IsNamed(f.Type(), "sync", "WaitGroup"):
				if _, ptr := f.Type().(*types.Pointer); ptr {
					continue
				}
				slot = &cf.wg
			default:
				continue
			}
			if *slot != nil || f.Exported() {
				n = -100 // two of a kind, or reachable from other packages
			}
			*slot = f
			n++
		}
		if n == 3 && b.cancelsPaired(m, cf) {
			closers[named] = cf
		}
	}
	if len(closers) == 0 {
		return
	}
	byFn := map[*ssa.Function]*types.Named{}
	for _, fn := range m.allFuncs {
		recv := fn.Signature.Recv()
		if recv == nil || fn.Blocks == nil {
			continue
		}
		p, ok := recv.Type().(*types.Pointer)
		if !ok {
			continue
		}
		if named, ok := p.Elem().(*types.Named); ok {
			if _, ok := closers[named]; ok {
				byFn[fn] = named
			}
		}
	}
	// Package variables stored, closed or handed on anywhere: a nil
	// channel kept in one of the others is never closed.
	touched := map[*ssa.Global]bool{}
	var ops []*ssa.Value // reused: the scan visits every instruction of the package
	for _, fn := range m.allFuncs {
		for _, blk := range fn.Blocks {
			for _, in := range blk.Instrs {
				if _, load := in.(*ssa.UnOp); load {
					continue
				}
				ops = in.Operands(ops[:0])
				for _, op := range ops {
					if g, ok := (*op).(*ssa.Global); ok {
						touched[g] = true
					}
				}
			}
		}
	}
	memo := map[*ssa.Function]*CloserRole{}
	var role func(fn *ssa.Function) CloserRole
	role = func(fn *ssa.Function) CloserRole {
		if r, ok := memo[fn]; ok {
			if r == nil {
				return CloserRole{Signals: true} // recursion: assume the worst
			}
			return *r
		}
		memo[fn] = nil
		r := closerRole(fn, closers[byFn[fn]], touched, func(callee *ssa.Function) (CloserRole, bool) {
			if byFn[callee] != byFn[fn] {
				return CloserRole{}, false
			}
			return role(callee), true
		})
		memo[fn] = &r
		return r
	}
	for fn := range byFn {
		obj, ok := fn.Object().(*types.Func)
		if !ok {
			continue
		}
		r := role(fn)
		b.closerRoles[obj] = r
		b.pass.ExportObjectFact(obj, &r)
	}
}

// cancelsPaired reports whether every store into the closer's context
// and cancel fields is the pair that one context.WithCancel call of a
// context nothing cancels returns, into the same object, and some are.
func (b *builder) cancelsPaired(m *Model, cf closerFields) bool {
	stores := 0
	for _, fn := range m.allFuncs {
		for _, blk := range fn.Blocks {
			for _, in := range blk.Instrs {
				st, ok := in.(*ssa.Store)
				if !ok {
					continue
				}
				fa, ok := st.Addr.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				f := analysisutil.FieldOf(fa)
				if f != cf.ctx && f != cf.cancel {
					continue
				}
				ex, ok := st.Val.(*ssa.Extract)
				if !ok || f == cf.ctx && ex.Index != 0 || f == cf.cancel && ex.Index != 1 {
					return false
				}
				call, ok := ex.Tuple.(*ssa.Call)
				if !ok || call.Call.StaticCallee() == nil || len(call.Call.Args) != 1 || !analysisutil.NeverCancelled(call.Call.Args[0]) {
					return false
				}
				obj, _ := call.Call.StaticCallee().Object().(*types.Func)
				if !analysisutil.IsFunc(obj, "context", "WithCancel") || !storesPair(call, fa.X, cf) {
					return false
				}
				stores++
			}
		}
	}
	return stores > 0
}

// storesPair reports whether both results of the WithCancel call are
// stored into the closer fields of the object x.
func storesPair(call *ssa.Call, x ssa.Value, cf closerFields) bool {
	got := map[*types.Var]bool{}
	for _, r := range *call.Referrers() {
		ex, ok := r.(*ssa.Extract)
		if !ok {
			continue
		}
		for _, u := range *ex.Referrers() {
			if st, ok := u.(*ssa.Store); ok && st.Val == ex {
				if fa, ok := st.Addr.(*ssa.FieldAddr); ok && fa.X == x {
					got[analysisutil.FieldOf(fa)] = true
				}
			}
		}
	}
	return got[cf.ctx] && got[cf.cancel]
}

// closerRole computes the role of the method fn of a closer type with
// fields cf; sibling gives the role of another method of the type.
func closerRole(fn *ssa.Function, cf closerFields, touched map[*ssa.Global]bool, sibling func(*ssa.Function) (CloserRole, bool)) CloserRole {
	if len(fn.Params) == 0 {
		return CloserRole{}
	}
	recv := fn.Params[0]
	own := func(v ssa.Value, f *types.Var) bool {
		fa, ok := v.(*ssa.FieldAddr)
		return ok && fa.X == recv && analysisutil.FieldOf(fa) == f
	}
	loadOf := func(v ssa.Value, f *types.Var) bool {
		u, ok := v.(*ssa.UnOp)
		return ok && u.Op == token.MUL && own(u.X, f)
	}
	var r CloserRole
	var signals, waits []ssa.Instruction
	var rets []*ssa.Return
	for _, blk := range fn.Blocks {
		for _, in := range blk.Instrs {
			switch in := in.(type) {
			case *ssa.Return:
				rets = append(rets, in)
			case ssa.CallInstruction:
				c := in.Common()
				if loadOf(c.Value, cf.cancel) {
					signals = append(signals, in)
					continue
				}
				callee := c.StaticCallee()
				obj := flow.CalleeFunc(c)
				switch {
				case analysisutil.IsMethod(obj, "sync", "WaitGroup", "Wait") && len(c.Args) == 1 && own(c.Args[0], cf.wg):
					waits = append(waits, in)
				case analysisutil.IsMethod(obj, "sync", "WaitGroup", "Done") && len(c.Args) == 1 && own(c.Args[0], cf.wg):
					r.Done = true
				case callee != nil && len(c.Args) > 0 && c.Args[0] == recv:
					sr, ok := sibling(callee)
					if !ok {
						continue
					}
					if sr.Signals {
						signals = append(signals, in)
					}
					if sr.Waits {
						waits = append(waits, in)
					}
					r.Done = r.Done || sr.Done
				default:
					// The cancel function or the WaitGroup handed to
					// code we do not follow: it may signal.
					for _, a := range c.Args {
						if loadOf(a, cf.cancel) || own(a, cf.wg) {
							r.Signals = true
						}
					}
				}
			}
		}
	}
	r.Signals = r.Signals || len(signals) > 0
	for _, w := range waits {
		every := true
		for _, ret := range rets {
			if !flow.Dominates(w, ret) {
				every = false
			}
		}
		for _, s := range signals {
			if s != w && !flow.OnEveryPath(s, w) {
				every = false
			}
		}
		if every && len(rets) > 0 {
			r.Waits = true
		}
	}
	// The signal channel: every return gives the context's Done, or
	// a package variable nothing stores (a nil channel: never closed).
	r.Signal = len(rets) > 0 && fn.Signature.Results().Len() == 1
	for _, ret := range rets {
		if len(ret.Results) != 1 || !signalValue(ret.Results[0], loadOf, cf, touched) {
			r.Signal = false
		}
	}
	return r
}

// signalValue reports whether v, returned by a method of a closer, is
// its signal channel: the Done channel of its context, or a package
// variable of the closer's package that nothing stores.
func signalValue(v ssa.Value, loadOf func(ssa.Value, *types.Var) bool, cf closerFields, touched map[*ssa.Global]bool) bool {
	switch v := flow.Unconverted(v).(type) {
	case *ssa.Call:
		return v.Call.IsInvoke() && v.Call.Method.Name() == "Done" && loadOf(v.Call.Value, cf.ctx)
	case *ssa.UnOp:
		g, ok := v.X.(*ssa.Global)
		return ok && v.Op == token.MUL && !touched[g]
	}
	return false
}
