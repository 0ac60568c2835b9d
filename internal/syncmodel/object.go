package syncmodel

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// An Object is the WaitGroup, Cond, Once or errgroup.Group an event is
// on, named by the access path of its address (lockset's Key), with
// the free variables of a function literal replaced by what its one
// enclosing closure binds them to: wg captured by a literal and wg in
// the function that made it are one key.
type Object struct {
	// Key is the access path in the outermost function the captured
	// variables lead to.
	Key lockset.Key
	// Type names the object's type: WaitGroup, Cond, Once, errgroup.Group.
	Type string
	// class is the struct field or package variable at the end of
	// Key, valid when named: the identity across functions.
	class lockset.Class
	named bool
}

// Known reports whether the object has an access path at all.
func (o Object) Known() bool { return o.Key.Root != nil || o.Key.Global != "" }

// Field returns the struct field the object is, or holds a pointer
// to, or nil.
func (o Object) Field() *types.Var {
	if o.Key.Global != "" || !o.named {
		return nil
	}
	if f := o.Key.Field(); f != nil {
		return f
	}
	return lockset.Key{Root: o.Key.Root, Path: strings.TrimSuffix(o.Key.Path, ".*")}.Field()
}

func (o Object) String() string {
	if !o.Known() {
		return "?"
	}
	return o.Type + " " + lockset.Describe(o.Key)
}

// Same reports whether a and b, events' objects in any functions of
// the package, are taken to be one object: the same access path from
// the same root (a variable, a parameter, a package variable); or the
// same struct field, or path in a package variable, whatever the
// instance (the type-based identity chanmodel gives a field channel:
// an analyzer that needs the very same instance also ties the object
// to its base in each function, as lockedblock does for the lock).
func Same(a, b Object) bool {
	if !a.Known() || !b.Known() || a.Type != b.Type {
		return false
	}
	if a.Key == b.Key {
		return a.Key.Stable()
	}
	return a.named && b.named && a.class == b.class
}

// storedAs returns the names o, a pointer held in a local value (the
// *errgroup.Group errgroup.WithContext returns), also has: the struct
// fields its function stores it in (f := &Fetcher{g: g}).
func (m *Model) storedAs(fn *ssa.Function, o Object) []Object {
	if o.Key.Path != "" || o.Key.Global != "" || o.Key.Root == nil {
		return nil
	}
	refs := o.Key.Root.Referrers()
	if refs == nil {
		return nil
	}
	var out []Object
	for _, r := range *refs {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != o.Key.Root {
			continue
		}
		if _, ok := st.Addr.(*ssa.FieldAddr); !ok {
			continue
		}
		n := Object{Key: m.canon(fn, lockset.KeyOf(st.Addr).Extend(accesspath.Load), 0), Type: o.Type}
		n.class, _, n.named = lockset.ClassOf(n.Key)
		out = append(out, n)
	}
	return out
}

// SameInstance reports whether a and b, the objects of two events of
// one function, are the very same instance: the same access path from
// the same root of that function (a variable, parameter, free variable
// rebound to its maker's, or any other value), the same path in a
// package variable. Unlike Same it never takes one field of two
// instances for one object: a goroutine that waits for its own Done
// needs the instance.
func SameInstance(a, b Object) bool {
	return a.Known() && b.Known() && a.Type == b.Type && a.Key == b.Key
}

// objectOf names the object whose address is v, in fn.
func (m *Model) objectOf(fn *ssa.Function, v ssa.Value, typ string) Object {
	return m.objectAt(m.canon(fn, lockset.KeyOf(v), 0), typ)
}

// objectAt returns the object k names. The WaitGroup of a wrapper
// (wrapper.go) takes its identity from the field that holds the
// wrapper: two wrappers of one type in one struct are two WaitGroups.
func (m *Model) objectAt(k lockset.Key, typ string) Object {
	o := Object{Key: k, Type: typ}
	o.class, _, o.named = lockset.ClassOf(k)
	if i, ok := m.wrapped[k.Field()]; ok && o.named {
		outer := k
		outer.Path = strings.TrimSuffix(k.Path, accesspath.FieldStep(i))
		if c, _, ok := lockset.ClassOf(outer); ok && outer.Path != k.Path {
			o.class = c
		}
	}
	return o
}

// canon rewrites a key rooted at a free variable of a function literal
// into the terms of the function that makes the closure, as long as
// there is exactly one such place.
func (m *Model) canon(fn *ssa.Function, k lockset.Key, depth int) lockset.Key {
	if depth > 8 {
		return k
	}
	if a, ok := k.Root.(*ssa.Alloc); ok && strings.HasPrefix(k.Path, ".*") {
		// A variable boxed because a closure captures it, assigned
		// once: what it holds is the root.
		if v := accesspath.StoredOnce(a); v != nil {
			nk := lockset.KeyOf(v)
			nk.Path += k.Path[len(".*"):]
			return m.canon(fn, nk, depth+1)
		}
	}
	if _, ok := k.Root.(*ssa.FreeVar); !ok {
		return k
	}
	mc := m.closures.Of(fn)
	if mc == nil {
		return k
	}
	nk, ok := lockset.Rebind(fn, k, nil, mc.Bindings)
	if !ok {
		return k
	}
	return m.canon(mc.Parent(), nk, depth+1)
}

// InCaller returns o, an object of the function a site calls or
// starts, as the site's caller names it, if o is rooted at a
// parameter or free variable.
func (m *Model) InCaller(s Site, callee *ssa.Function, o Object) (Object, bool) {
	switch o.Key.Root.(type) {
	case *ssa.Parameter, *ssa.FreeVar:
	default:
		return Object{}, false
	}
	k, ok := lockset.Rebind(callee, o.Key, s.Args, s.Bindings)
	if !ok {
		return Object{}, false
	}
	n := Object{Key: m.canon(s.Caller, k, 0), Type: o.Type}
	n.class, _, n.named = lockset.ClassOf(n.Key)
	return n, true
}

// KeyNames returns the names k, a canonical key of fn rooted at a
// parameter or free variable, has in fn's callers and starters, up to
// depth callers up, k itself first: a mutex the caller passes.
func (m *Model) KeyNames(fn *ssa.Function, k lockset.Key, depth int) []lockset.Key {
	out := []lockset.Key{k}
	if depth == 0 {
		return out
	}
	switch k.Root.(type) {
	case *ssa.Parameter, *ssa.FreeVar:
	default:
		return out
	}
	for _, s := range m.callers[fn] {
		if ck, ok := lockset.Rebind(fn, k, s.Args, s.Bindings); ok {
			out = append(out, m.KeyNames(s.Caller, m.canon(s.Caller, ck, 0), depth-1)...)
		}
	}
	return out
}

// Names returns the names an object of a function of fn has: itself,
// and, up to depth callers up, the objects the callers pass for it.
func (m *Model) Names(fn *ssa.Function, o Object, depth int) []Object {
	out := []Object{o}
	if depth == 0 {
		return out
	}
	for _, s := range m.callers[fn] {
		if n, ok := m.InCaller(s, fn, o); ok {
			out = append(out, m.Names(s.Caller, n, depth-1)...)
		}
	}
	return out
}

// EventsOn returns the events of the package on the object o of a
// function of fn (by Same, through up to two levels of callers on
// either side), of the given kinds.
func (m *Model) EventsOn(fn *ssa.Function, o Object, kinds ...Kind) []Ref {
	names := m.Names(fn, o, 2)
	var out []Ref
	for _, f := range m.Funcs {
		for i := range f.Events {
			e := &f.Events[i]
			if !containsKind(kinds, e.Kind) || !e.Obj.Known() {
				continue
			}
			if sameAny(names, m.Names(f.Fn, e.Obj, 2)) {
				out = append(out, Ref{f, e})
			}
		}
	}
	return out
}

func containsKind(ks []Kind, k Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func sameAny(a, b []Object) bool {
	for _, x := range a {
		for _, y := range b {
			if Same(x, y) {
				return true
			}
		}
	}
	return false
}

// condMaker records a sync.NewCond(l) stored at an object's place.
type condMaker struct {
	cond  Object
	lock  lockset.Class
	name  string
	known bool
}

// noteNewCond records the sync.NewCond calls of fn whose result is
// stored into a field or variable, with the class of their mutex.
func (m *Model) noteNewCond(fn *ssa.Function, call *ssa.Call) {
	obj := flow.CalleeFunc(&call.Call)
	if !analysisutil.IsFunc(obj, "sync", "NewCond") || len(call.Call.Args) != 1 {
		return
	}
	arg := call.Call.Args[0]
	if mi, ok := arg.(*ssa.MakeInterface); ok {
		arg = mi.X
	}
	key := m.canon(fn, lockset.KeyOf(arg), 0)
	if i := embeddedMutex(arg.Type()); i >= 0 {
		// A struct that is a Locker by the mutex it embeds: its Lock
		// and Unlock are the mutex's, which the lock-set model names
		// by the embedded field.
		key = key.Extend(accesspath.FieldStep(i))
	}
	cls, name, known := lockset.ClassOf(key)
	for _, r := range *call.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != call {
			continue
		}
		o := m.objectOf(fn, st.Addr, "Cond")
		o.Key.Path += ".*" // the Cond is what is loaded from there
		o.class, _, o.named = lockset.ClassOf(o.Key)
		m.conds = append(m.conds, condMaker{cond: o, lock: cls, name: name, known: known})
	}
}

// embeddedMutex returns the index of the sync.Mutex or sync.RWMutex
// that the struct t points to embeds, and through which it is a
// sync.Locker; -1 when t is not such a pointer (a *sync.Mutex itself).
func embeddedMutex(t types.Type) int {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return -1
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok {
		return -1
	}
	found := -1
	for i := range st.NumFields() {
		f := st.Field(i)
		if !f.Embedded() {
			continue
		}
		if analysisutil.IsNamed(f.Type(), "sync", "Mutex") || analysisutil.IsNamed(f.Type(), "sync", "RWMutex") {
			if found >= 0 {
				return -1 // two: the selector is ambiguous
			}
			found = i
		}
	}
	return found
}

// CondLock returns the class of the mutex (its L) that the Cond o
// was made with, when every sync.NewCond stored where o is read from
// agrees on one; and the class's name (Server.mu).
func (m *Model) CondLock(o Object) (lockset.Class, string, bool) {
	var cls lockset.Class
	name, n := "", 0
	for _, c := range m.conds {
		if !Same(c.cond, o) {
			continue
		}
		if !c.known || (n > 0 && c.lock != cls) {
			return lockset.Class{}, "", false
		}
		cls, name = c.lock, c.name
		n++
	}
	return cls, name, n > 0
}

// Canon returns k, a key of fn (a mutex, say), with fn's free
// variables rebound as objects' keys are: comparable with the keys of
// the events' objects and of other functions' canonical keys.
func (m *Model) Canon(fn *ssa.Function, k lockset.Key) lockset.Key { return m.canon(fn, k, 0) }

// Contained reports whether the model sees every event on o: o is an
// unexported struct field or package variable, or a local variable,
// and its address goes nowhere but to the receiver of a sync method,
// to functions of the package, and to closures. A WaitGroup handed to
// another package, stored, or exported may be Done by code unseen.
func (m *Model) Contained(o Object) bool {
	if !o.Known() {
		return false
	}
	if o.Key.Global != "" {
		name := o.Key.Global[strings.LastIndex(o.Key.Global, ".")+1:]
		return !token.IsExported(name) && m.usesContained(func(v ssa.Value) bool {
			g, ok := v.(*ssa.Global)
			return ok && globalName(g) == o.Key.Global
		})
	}
	if f := o.Field(); f != nil {
		if f.Exported() || f.Pkg() != m.pkg {
			return false
		}
		return m.usesContained(func(v ssa.Value) bool {
			fa, ok := v.(*ssa.FieldAddr)
			return ok && lockset.KeyOf(fa).Field() == f
		})
	}
	if a, ok := o.Key.Root.(*ssa.Alloc); ok && o.Key.Path == "" {
		return m.addrContained(a, 0)
	}
	return false
}

func globalName(g *ssa.Global) string { return accesspath.GlobalName(g) }

// usesContained reports whether every use of a value match picks
// out (a field's address, a package variable) in the package's
// functions is contained.
func (m *Model) usesContained(match func(ssa.Value) bool) bool {
	for _, f := range m.Funcs {
		for _, b := range f.Fn.Blocks {
			for _, in := range b.Instrs {
				for _, op := range in.Operands(nil) {
					if *op != nil && match(*op) && !m.useContained(in, *op, 0) {
						return false
					}
				}
			}
		}
	}
	return true
}

// addrContained reports whether every use of v, the address of a sync
// object, is contained. chanmodel's containWalk (contained.go) follows
// a struct object's pointer through the same referrers for another
// question: whether all of its channel operations are in one
// function's summary. That needs closures only called and callees
// summarized in full; here any function or literal of the package
// will do, since every one is modelled, and the sync methods called on
// v are its events. Hence two walks.
func (m *Model) addrContained(v ssa.Value, depth int) bool {
	refs := v.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		if !m.useContained(r, v, depth) {
			return false
		}
	}
	return true
}

func (m *Model) useContained(r ssa.Instruction, v ssa.Value, depth int) bool {
	switch r := r.(type) {
	case *ssa.DebugRef:
		return true
	case *ssa.FieldAddr:
		if analysisutil.IsCondL(r) {
			return true // the Cond's mutex, not the Cond: Lock and Unlock wake no waiter
		}
		return depth <= 3 && m.addrContained(r, depth+1)
	case *ssa.Store:
		return r.Addr == v // a pointer field or variable assigned: the object is what is loaded
	case *ssa.UnOp:
		return r.Op == token.MUL && depth <= 3 && m.addrContained(r, depth+1)
	case *ssa.MakeClosure:
		lit, _ := r.Fn.(*ssa.Function)
		if lit == nil || depth > 3 {
			return false
		}
		for fv := range flow.Captures(r, v) {
			if !m.addrContained(fv, depth+1) {
				return false
			}
		}
		return true
	case ssa.CallInstruction:
		c := r.Common()
		if c.IsInvoke() {
			return false
		}
		if len(c.Args) > 0 && c.Args[0] == v {
			if obj := flow.CalleeFunc(c); obj != nil && obj.Pkg() != nil &&
				(obj.Pkg().Path() == "sync" || obj.Pkg().Path() == "golang.org/x/sync/errgroup") {
				return true
			}
		}
		callee := c.StaticCallee()
		if callee == nil || depth > 3 {
			return false
		}
		if o := callee.Origin(); o != nil {
			callee = o
		}
		if m.byFn[callee] == nil {
			return false
		}
		for i, a := range c.Args {
			if a == v && (i >= len(callee.Params) || !m.addrContained(callee.Params[i], depth+1)) {
				return false
			}
		}
		return true
	}
	return false
}
