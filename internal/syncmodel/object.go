package syncmodel

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
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

// objectOf names the object whose address is v, in fn.
func (m *Model) objectOf(fn *ssa.Function, v ssa.Value, typ string) Object {
	k := m.canon(fn, lockset.KeyOf(v), 0)
	o := Object{Key: k, Type: typ}
	o.class, _, o.named = lockset.ClassOf(k)
	return o
}

// canon rewrites a key rooted at a free variable of a function literal
// into the terms of the function that makes the closure, as long as
// there is exactly one such place.
func (m *Model) canon(fn *ssa.Function, k lockset.Key, depth int) lockset.Key {
	if _, ok := k.Root.(*ssa.FreeVar); !ok || depth > 8 {
		return k
	}
	mc := m.mc[fn]
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
	obj := analysisutil.StaticMethod(&call.Call)
	if !analysisutil.IsFunc(obj, "sync", "NewCond") || len(call.Call.Args) != 1 {
		return
	}
	arg := call.Call.Args[0]
	if mi, ok := arg.(*ssa.MakeInterface); ok {
		arg = mi.X
	}
	cls, name, known := lockset.ClassOf(m.canon(fn, lockset.KeyOf(arg), 0))
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
