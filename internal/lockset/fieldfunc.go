package lockset

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// Calls through a struct field. A function value kept in a field
// (le.cp = cp, later le.cp(ctx)) or an interface value kept in one
// (s.h = s, later s.h.fire()) calls whatever the package stored there.
// When the field is the package's own (unexported, or in package main)
// and every store into it is seen, the functions it can call are
// known: the closures and functions stored, or the method of each
// concrete value stored in the interface. A mutex that such a function
// locks on the value the field belongs to (the closure captured le and
// locks le.mu, and was stored into le.cp) is named relative to that
// value, so that the call x.cp() locks x.mu: the access path of the
// value the field is read from, extended by the mutex's path below it.
//
// A lock every stored function takes is a must-lock of the call, like
// a callee's MustLock. One only some take is recorded apart
// (Func.MayAcquires): the call may lock it, depending on what was
// stored on that value. Nothing is assumed of a field with a store the
// model cannot resolve: another package's, one whose address escapes,
// one set from a parameter of a function called from elsewhere.

// fieldLock is a mutex a function kept in a field locks: a path below
// the struct value holding the field, or a package variable.
type fieldLock struct {
	path   string
	global string
	mode   Mode
	// at is where a function stored in the field takes the lock (a
	// place to show, not part of its identity).
	at token.Pos
}

// fieldLocks is what a call through a field locks.
type fieldLocks struct {
	must, may []fieldLock
}

type fieldCall struct {
	field  *types.Var
	method string // for an interface field, the method called
}

// fieldIndex is what resolving a field's stores needs: the package
// index (see packageIndex) and the answers found so far.
type fieldIndex struct {
	*pkgIndex
	memo map[fieldCall]*fieldLocks
}

func (b *builder) fields() *fieldIndex {
	if b.fieldIdx == nil {
		b.fieldIdx = &fieldIndex{pkgIndex: b.res.packageIndex(), memo: map[fieldCall]*fieldLocks{}}
	}
	return b.fieldIdx
}

// calledField returns the field address a call reads its function
// value (or, for an interface method call, its receiver) from: the
// c.Value of x.f(...) or x.f.m(...).
func calledField(c *ssa.CallCommon) *ssa.FieldAddr {
	u, ok := c.Value.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return nil
	}
	fa, _ := u.X.(*ssa.FieldAddr)
	return fa
}

// own reports whether only this package can store into the field.
func (b *builder) own(v *types.Var) bool {
	return v.Pkg() == b.pass.Pkg && (!v.Exported() || b.pass.Pkg.Name() == "main")
}

// closed reports whether every call of fn is a static call of the
// package: its arguments are all seen.
func (b *builder) closed(fn *ssa.Function, x *fieldIndex) bool {
	if fn.Parent() != nil || fn.Pkg == nil || fn.Pkg.Pkg != b.pass.Pkg || x.valueUse[fn] {
		return false
	}
	if token.IsExported(fn.Name()) && b.pass.Pkg.Name() != "main" {
		return false
	}
	if fn.Signature.Recv() != nil && x.invoked[fn.Name()] {
		return false
	}
	return len(x.sites[fn]) > 0
}

// fieldCallLocks returns what a call through field v locks (for an
// interface field, a call of method), or nil when unknown.
func (b *builder) fieldCallLocks(v *types.Var, method string) *fieldLocks {
	if !b.own(v) {
		return nil
	}
	x := b.fields()
	key := fieldCall{v, method}
	if r, ok := x.memo[key]; ok {
		return r
	}
	x.memo[key] = nil // a store that leads back here resolves to nothing
	var sets [][]fieldLock
	for _, fa := range x.addrs[v] {
		for _, r := range *fa.Referrers() {
			switch r := r.(type) {
			case *ssa.DebugRef:
			case *ssa.UnOp:
				if r.Op != token.MUL {
					return nil
				}
			case *ssa.Store:
				if r.Addr != fa {
					return nil
				}
				if c, ok := r.Val.(*ssa.Const); ok && c.IsNil() {
					continue // nothing to call
				}
				stored, ok := b.storedLocks(fa.Parent(), r.Val, KeyOf(fa.X), method, x, 0)
				if !ok {
					return nil
				}
				if method != "" {
					stored = b.withStoredSelf(fa, r.Val, method, x, stored)
				}
				sets = append(sets, stored...)
			default:
				return nil // the field's address goes elsewhere
			}
		}
	}
	if len(sets) == 0 {
		return nil
	}
	res := intersect(sets)
	x.memo[key] = res
	return res
}

// on names the locks, relative to the value a call's function comes
// from, on base (that value in the caller's terms): those certainly
// taken, those maybe taken, their modes, and where each is taken.
func (fl *fieldLocks) on(base Key) (must, may []Key, mustModes, mayModes []Mode, at []token.Pos) {
	key := func(l fieldLock) Key {
		if l.global != "" {
			return Key{Global: l.global, Path: l.path}
		}
		return base.Extend(l.path)
	}
	for _, l := range fl.must {
		must = append(must, key(l))
		mustModes = append(mustModes, l.mode)
		at = append(at, l.at)
	}
	for _, l := range fl.may {
		may = append(may, key(l))
		mayModes = append(mayModes, l.mode)
		at = append(at, l.at)
	}
	return
}

// intersect splits the locks of the functions a call can run (one set
// each) into those every one takes and those only some take.
func intersect(sets [][]fieldLock) *fieldLocks {
	res := &fieldLocks{}
	for _, l := range sets[0] {
		all := true
		for _, s := range sets[1:] {
			all = all && containsLock(s, l)
		}
		if all {
			res.must = append(res.must, l)
		}
	}
	for _, s := range sets {
		for _, l := range s {
			if !containsLock(res.must, l) && !containsLock(res.may, l) {
				res.may = append(res.may, l)
			}
		}
	}
	return res
}

func containsLock(ls []fieldLock, l fieldLock) bool {
	for _, m := range ls {
		if m.path == l.path && m.global == l.global && m.mode == l.mode {
			return true
		}
	}
	return false
}

// lockPos returns where fn, or a callee it locks through, takes a
// mutex of the class of k directly: the place to show for a lock a
// stored function takes.
func (b *builder) lockPos(fn *ssa.Function, k Key, depth int) token.Pos {
	cls, _, ok := ClassOf(k)
	f := b.res.Funcs[fn]
	if !ok || f == nil || depth > 4 {
		return token.NoPos
	}
	for _, a := range f.Acquires {
		if c, _, ok := ClassOf(a.Key); !ok || c != cls {
			continue
		}
		if a.Via == nil {
			return a.Instr.Pos()
		}
		if p := b.lockPos(a.Via, k, depth+1); p.IsValid() {
			return p
		}
	}
	return token.NoPos
}

// storedLocks returns, for a value val of fn stored into a field of
// the value whose key in fn is base, the mutexes each function it can
// be locks on every path, relative to base: one set per function.
func (b *builder) storedLocks(fn *ssa.Function, val ssa.Value, base Key, method string, x *fieldIndex, depth int) ([][]fieldLock, bool) {
	if depth > 2 {
		return nil, false
	}
	var locks []Key
	var modes []Mode
	var impl *ssa.Function
	add := func(k Key, m Mode) {
		locks = append(locks, k)
		modes = append(modes, m)
	}
	switch {
	case method != "":
		if ci, ok := val.(*ssa.ChangeInterface); ok {
			// One interface type converted to another: the same
			// dynamic value, whose method is called.
			if base.Valid() && base == KeyOf(ci) {
				base = KeyOf(ci.X)
			}
			return b.storedLocks(fn, ci.X, base, method, x, depth)
		}
		mi, ok := val.(*ssa.MakeInterface)
		if !ok {
			if p, ok := val.(*ssa.Parameter); ok {
				return b.storedFromCallers(fn, p, base, method, x, depth)
			}
			if c, ok := val.(*ssa.Call); ok {
				return b.storedFromConstructor(c, base, method, x, depth)
			}
			return nil, false
		}
		if base.Valid() && base == KeyOf(mi) {
			// Locks relative to the stored interface value itself:
			// the pointer it holds is the same value.
			base = pointerKey(mi)
		}
		prog := fn.Prog
		sel := prog.MethodSets.MethodSet(mi.X.Type()).Lookup(b.pass.Pkg, method)
		if sel == nil {
			if sel = prog.MethodSets.MethodSet(mi.X.Type()).Lookup(nil, method); sel == nil {
				return nil, false
			}
		}
		impl = prog.MethodValue(sel)
		if impl == nil {
			return nil, false
		}
		s := b.summaryOf(impl)
		if s == nil {
			return [][]fieldLock{nil}, true
		}
		for _, sk := range s.MustLock {
			if sk.Param == 0 || sk.Global != "" {
				if k, ok := callerKey(sk, []ssa.Value{mi.X}, nil); ok {
					add(k, sk.Mode)
				}
			}
		}
	default:
		lit, bindings := b.funcValue(fn, val, 0)
		impl = lit
		if lit == nil {
			if p, ok := val.(*ssa.Parameter); ok {
				return b.storedFromCallers(fn, p, base, method, x, depth)
			}
			return nil, false
		}
		s := b.summaryOf(lit)
		if s == nil {
			return [][]fieldLock{nil}, true
		}
		for _, sk := range s.MustLock {
			if sk.Param >= 0 {
				continue // on the later call's arguments
			}
			if k, ok := callerKey(sk, nil, bindings); ok {
				add(k, sk.Mode)
			}
		}
	}
	var out []fieldLock
	for i, k := range locks {
		k = throughBuiltField(k)
		switch {
		case k.Global != "":
			out = append(out, fieldLock{global: k.Global, path: k.Path, mode: modes[i], at: b.lockPos(impl, k, 0)})
		case base.Valid() && k.HasPrefix(base):
			out = append(out, fieldLock{path: k.Path[len(base.Path):], mode: modes[i], at: b.lockPos(impl, k, 0)})
		}
	}
	return [][]fieldLock{out}, true
}

// storedFromCallers resolves a stored value that is a parameter of
// fn through every call of fn, which must all be seen.
func (b *builder) storedFromCallers(fn *ssa.Function, p *ssa.Parameter, base Key, method string, x *fieldIndex, depth int) ([][]fieldLock, bool) {
	idx := flow.ParamIndex(fn, p)
	if idx < 0 || !b.closed(fn, x) {
		return nil, false
	}
	var out [][]fieldLock
	for _, site := range x.sites[fn] {
		c := site.Common()
		if idx >= len(c.Args) {
			return nil, false
		}
		cb, ok := Rebind(fn, base, c.Args, nil)
		if !ok {
			cb = Key{} // a value of fn's own: only package variables relate
		}
		s, ok := b.storedLocks(site.Parent(), c.Args[idx], cb, method, x, depth+1)
		if !ok {
			return nil, false
		}
		out = append(out, s...)
	}
	return out, true
}

// fieldCallKeys returns the mutexes, in the caller's terms, a call c
// through a field certainly locks and may lock, and the source-like
// name of what it calls (le.cp).
func (b *builder) fieldCallKeys(c *ssa.CallCommon) (must, may []Key, mustModes, mayModes []Mode, at []token.Pos, name string) {
	fa := calledField(c)
	if fa == nil {
		return
	}
	v := analysisutil.FieldOf(fa)
	if v == nil {
		return
	}
	method := ""
	if c.IsInvoke() {
		method = c.Method.Name()
	} else if _, ok := v.Type().Underlying().(*types.Signature); !ok {
		return
	}
	fl := b.fieldCallLocks(v, method)
	if fl == nil {
		return
	}
	must, may, mustModes, mayModes, at = fl.on(KeyOf(fa.X))
	name = Describe(KeyOf(fa))
	if method != "" {
		name += "." + method
	}
	return
}

// constructedCallKeys is fieldCallKeys for a method called on the
// interface value a constructor of the package has just returned
// (newMembersAPI(c).List(), or api := newMembersAPI(c); api.List()):
// the locks of what it can return, on the arguments passed to it.
func (b *builder) constructedCallKeys(c *ssa.CallCommon) (must, may []Key, mustModes, mayModes []Mode, at []token.Pos, name string) {
	call, ok := c.Value.(*ssa.Call)
	if !c.IsInvoke() || !ok {
		return
	}
	ctor, ok := call.Call.Value.(*ssa.Function)
	if !ok || !b.isConstructor(ctor) {
		// errors.New(s).Error(), reflect.TypeOf(v).Kind(): nothing of
		// the package, and no reason to index its stores.
		return
	}
	x := b.fields()
	for _, a := range call.Call.Args {
		base := pointerKey(a)
		if !base.Valid() || base.Global != "" {
			continue
		}
		sets, ok := b.storedFromConstructor(call, base, c.Method.Name(), x, 0)
		if !ok || len(sets) == 0 {
			return
		}
		fl := intersect(sets)
		if len(fl.must) == 0 && len(fl.may) == 0 {
			continue
		}
		must, may, mustModes, mayModes, at = fl.on(base)
		return must, may, mustModes, mayModes, at, ctor.Name() + "(...)." + c.Method.Name()
	}
	return
}

// fieldCall records the locks a call through a field takes (see
// above): those every stored function takes as acquisitions, like a
// callee's MustLock, the others as MayAcquires.
func (b *builder) fieldCall(f *Func, instr ssa.CallInstruction, c *ssa.CallCommon, st *state, record bool) {
	must, may, mustModes, mayModes, at, name := b.fieldCallKeys(c)
	if name == "" {
		must, may, mustModes, mayModes, at, name = b.constructedCallKeys(c)
	}
	for i, k := range must {
		b.acquire(f, instr, k, mustModes[i], nil, st, record)
		if record {
			f.Acquires[len(f.Acquires)-1].Indirect = name
			f.Acquires[len(f.Acquires)-1].Inside = at[i]
		}
	}
	if !record {
		return
	}
	for i, k := range may {
		a := acquisition(instr, k, mayModes[i], nil, st)
		a.Indirect, a.Inside = name, at[len(must)+i]
		f.MayAcquires = append(f.MayAcquires, a)
	}
}

// onceLocks records the locks the function once.Do(lit) runs takes on
// every path: acquisitions of the call, reached through the callback.
// They are not must-locks of the caller: a Do after the first runs
// nothing.
func (b *builder) onceLocks(f *Func, instr ssa.CallInstruction, do, lit *ssa.Function, bindings []ssa.Value, st *state, record bool) {
	if !record {
		return
	}
	s := b.summaryOf(lit)
	if s == nil {
		return
	}
	for _, sk := range s.MustLock {
		if sk.Param >= 0 {
			continue
		}
		k, ok := callerKey(sk, nil, bindings)
		if !ok {
			continue
		}
		a := acquisition(instr, k, sk.Mode, do, st)
		a.Callback = true
		f.Acquires = append(f.Acquires, a)
	}
}

// isConstructor reports whether storedFromConstructor can resolve what
// a call of fn returns: a function of the package, with a body and one
// result.
func (b *builder) isConstructor(fn *ssa.Function) bool {
	return fn.Pkg != nil && fn.Pkg.Pkg == b.pass.Pkg && len(fn.Blocks) > 0 && fn.Signature.Results().Len() == 1
}

// storedFromConstructor resolves a stored interface value that a call
// of a function of the package returns (c.members = newMembersAPI(c)):
// what each value the constructor can return stores. The base value is
// named in the constructor's terms through the argument that carries
// it, so that an implementation wrapping that argument (a membersAPI
// whose c field is the c passed in) locks on the caller's value.
func (b *builder) storedFromConstructor(call *ssa.Call, base Key, method string, x *fieldIndex, depth int) ([][]fieldLock, bool) {
	ctor, ok := call.Call.Value.(*ssa.Function)
	if !ok || !b.isConstructor(ctor) {
		return nil, false
	}
	cb := Key{} // a value of the constructor's own: only package variables relate
	if base.Valid() && base.Global == "" {
		for i, a := range call.Call.Args {
			if ak := pointerKey(a); ak.Valid() && base.HasPrefix(ak) && i < len(ctor.Params) {
				cb = KeyOf(ctor.Params[i]).Extend(base.Path[len(ak.Path):])
				break
			}
		}
	}
	var out [][]fieldLock
	for _, blk := range ctor.Blocks {
		ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		if len(ret.Results) != 1 {
			return nil, false
		}
		set, ok := b.storedLocks(ctor, ret.Results[0], cb, method, x, depth+1)
		if !ok {
			return nil, false
		}
		out = append(out, set...)
	}
	return out, len(out) > 0
}

// throughBuiltField names k, a mutex below a pointer field of a struct
// its function allocates (the a.c.mu of a := &membersAPI{c: c}), by the
// value stored into that field when the function stores exactly one
// there (c.mu). Other keys are returned as they are.
func throughBuiltField(k Key) Key {
	a, ok := k.Root.(*ssa.Alloc)
	if !ok || !a.Heap {
		return k
	}
	var stored ssa.Value
	rest := ""
	for _, r := range *a.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		prefix := KeyOf(fa).Path + accesspath.Load
		if !strings.HasPrefix(k.Path, prefix) {
			continue
		}
		rest = k.Path[len(prefix):]
		for _, u := range *fa.Referrers() {
			st, ok := u.(*ssa.Store)
			if !ok || st.Addr != fa {
				continue
			}
			if stored != nil {
				return k // assigned more than once
			}
			stored = st.Val
		}
	}
	if stored == nil {
		return k
	}
	if sk := pointerKey(stored); sk.Valid() {
		return sk.Extend(rest)
	}
	return k
}

// withStoredSelf adds, to the lock sets of the implementations a store
// of val into the interface field fa can call (one set each, relative
// to the value owning the field), the locks each takes on the stored
// value itself, named through the field: a membersAPI whose client
// field holds the cluster c (m.client = c), and whose Leader calls
// m.client.Do, which read-locks c, read-locks m.client's mutex, and so
// the c.mu of the c a constructor wrapped. Unknown self-locks leave the
// sets as they are.
func (b *builder) withStoredSelf(fa *ssa.FieldAddr, val ssa.Value, method string, x *fieldIndex, sets [][]fieldLock) [][]fieldLock {
	self, ok := b.storedLocks(fa.Parent(), val, KeyOf(val), method, x, 0)
	if !ok || len(self) != len(sets) {
		return sets
	}
	prefix := accesspath.FieldStep(fa.Field) + accesspath.Load
	out := make([][]fieldLock, len(sets))
	for i, set := range sets {
		out[i] = append([]fieldLock(nil), set...)
		for _, l := range self[i] {
			if l.global != "" {
				continue // already named as such
			}
			l.path = prefix + l.path
			if !containsLock(out[i], l) {
				out[i] = append(out[i], l)
			}
		}
	}
	return out
}

// pointerKey is KeyOf(v), seeing through the conversion of a pointer
// to an interface, and of one interface to another: the interface
// holds that very pointer, and a lock its methods take is on the
// pointed-to value.
func pointerKey(v ssa.Value) Key {
	for {
		if ci, ok := v.(*ssa.ChangeInterface); ok {
			v = ci.X
			continue
		}
		mi, ok := v.(*ssa.MakeInterface)
		if !ok {
			return KeyOf(v)
		}
		if _, ok := types.Unalias(mi.X.Type()).Underlying().(*types.Pointer); !ok {
			return KeyOf(v)
		}
		v = mi.X
	}
}
