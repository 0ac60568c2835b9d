package lockset

import (
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
)

// A Key names a mutex (or any memory location) by its access path
// in one function: accesspath's Key, root and steps.
type Key = accesspath.Key

// KeyOf returns the access path of v.
func KeyOf(v ssa.Value) Key { return accesspath.Of(v) }

// spilledParam returns the parameter a holds, if a only ever holds it.
func spilledParam(a *ssa.Alloc) *ssa.Parameter { return accesspath.SpilledParam(a) }

// normalize names a location reached through a parameter spilled for
// a closure by the parameter.
func normalize(k Key) Key { return k.Extend("") }

// A SKey is a Key in a function's summary, relative to its inputs (a
// parameter, receiver first, a free variable, or a global), with the
// mode it is locked in.
type SKey struct {
	accesspath.Rel
	Mode Mode
}

func (k SKey) String() string {
	if k.Mode == Read {
		return k.Rel.String() + "(r)"
	}
	return k.Rel.String()
}

// summaryKey expresses k in terms of fn's parameters and free
// variables, if it can.
func summaryKey(fn *ssa.Function, k Key, m Mode) (SKey, bool) {
	r, ok := accesspath.Relative(fn, k)
	return SKey{Rel: r, Mode: m}, ok
}

// callerKey translates a callee's summary key to the caller's key at
// a call with the given arguments and closure bindings.
func callerKey(s SKey, args, bindings []ssa.Value) (Key, bool) {
	if c, ok := s.Input(args, bindings).(cellOf); ok && s.Global == "" && s.Param < 0 {
		// A helper's variable holding its argument: loading it gives
		// the argument (see returnedFunc).
		if !strings.HasPrefix(s.Path, accesspath.Load) {
			return Key{}, false
		}
		return KeyOf(c.Value).Extend(s.Path[len(accesspath.Load):]), true
	}
	return s.Bind(args, bindings)
}

// Mode tells a write (exclusive) lock from a read lock.
type Mode uint8

const (
	Write Mode = 1
	Read  Mode = 2
)

// A MutexOp classifies a static callee as an operation of sync.Mutex
// or sync.RWMutex: the one classifier of the suite, for the lock sets
// here and for the analyzers that only ask whether a call locks.
type MutexOp uint8

const (
	NotMutexOp MutexOp = iota
	MutexLock
	MutexRLock
	MutexUnlock
	MutexRUnlock
	MutexTryLock // TryLock or TryRLock
)

// MutexOpOf returns what fn, a static callee, does to a sync.Mutex or
// sync.RWMutex: NotMutexOp for any other function.
func MutexOpOf(fn *types.Func) MutexOp {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return NotMutexOp
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return NotMutexOp
	}
	p, ok := sig.Recv().Type().(*types.Pointer)
	if !ok {
		return NotMutexOp
	}
	n, ok := p.Elem().(*types.Named)
	if !ok || (n.Obj().Name() != "Mutex" && n.Obj().Name() != "RWMutex") {
		return NotMutexOp
	}
	switch fn.Name() {
	case "Lock":
		return MutexLock
	case "RLock":
		return MutexRLock
	case "Unlock":
		return MutexUnlock
	case "RUnlock":
		return MutexRUnlock
	case "TryLock", "TryRLock":
		return MutexTryLock
	}
	return NotMutexOp
}

// LockCallOf returns what the call c does to a lock, and the lock it
// acts on: a method of sync.Mutex or sync.RWMutex called statically
// (see MutexOpOf; the lock is the receiver), or Lock, RLock, Unlock or
// RUnlock called through an interface, a sync.Locker or one like it
// (the lock is the interface value). NotMutexOp and nil for any other
// call. This is the one rule of what a lock operation is: the model
// follows the same calls.
//
// An interface method is one only with sync.Locker's signature, func():
// a Lock(ctx, name) error of a storage or lease interface can fail, and
// on the error path nothing is held (caddy's certmagic returns there),
// which a mutex's Lock never does.
func LockCallOf(c *ssa.CallCommon) (MutexOp, ssa.Value) {
	if c.IsInvoke() {
		if sig, _ := c.Method.Type().(*types.Signature); sig == nil || sig.Params().Len() != 0 || sig.Results().Len() != 0 {
			return NotMutexOp, nil
		}
		switch c.Method.Name() {
		case "Lock":
			return MutexLock, c.Value
		case "RLock":
			return MutexRLock, c.Value
		case "Unlock":
			return MutexUnlock, c.Value
		case "RUnlock":
			return MutexRUnlock, c.Value
		}
		return NotMutexOp, nil
	}
	op := MutexOpOf(staticFunc(c))
	if op == NotMutexOp || len(c.Args) == 0 {
		return NotMutexOp, nil
	}
	return op, c.Args[0]
}

// IsMutex reports whether t is sync.Mutex or sync.RWMutex, or a
// pointer to one.
func IsMutex(t types.Type) bool {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "sync" {
		return false
	}
	return n.Obj().Name() == "Mutex" || n.Obj().Name() == "RWMutex"
}

// Describe renders k as source-like text, e.g. "s.mu" or
// "pkg.mu", naming fields through the types along the path.
func Describe(k Key) string {
	var b strings.Builder
	var t types.Type
	if k.Global != "" {
		name := k.Global
		if i := strings.LastIndex(name, "/"); i >= 0 {
			name = name[i+1:]
		}
		b.WriteString(name)
	} else if k.Root != nil {
		b.WriteString(rootName(k.Root))
		t = k.Root.Type()
	}
	if k.Global != "" {
		return b.String() + describePath(k.Path, nil)
	}
	return b.String() + describePath(k.Path, t)
}

func rootName(v ssa.Value) string {
	switch v := v.(type) {
	case *ssa.Alloc:
		if v.Comment != "" {
			return v.Comment
		}
	case *ssa.Parameter, *ssa.FreeVar:
		return v.Name()
	case *ssa.Call:
		if f := v.Call.StaticCallee(); f != nil {
			return f.Name() + "()"
		}
	}
	return "(" + v.Name() + ")"
}

func describePath(path string, t types.Type) string {
	var b strings.Builder
	for _, s := range strings.Split(path, ".")[1:] {
		if s == "*" {
			if t != nil {
				if p, ok := t.Underlying().(*types.Pointer); ok {
					t = p.Elem()
				} else {
					t = nil
				}
			}
			continue
		}
		i, _ := strconv.Atoi(s)
		var st *types.Struct
		if t != nil {
			u := t.Underlying()
			if p, ok := u.(*types.Pointer); ok {
				u = p.Elem().Underlying()
			}
			st, _ = u.(*types.Struct)
		}
		if st == nil || i >= st.NumFields() {
			b.WriteString(".?")
			t = nil
			continue
		}
		f := st.Field(i)
		b.WriteString("." + f.Name())
		t = f.Type()
	}
	return b.String()
}

// MayAlias reports whether the mutexes named by a and b may be the
// same one. Distinct fields (of the same or different struct types)
// are distinct memory; so are distinct variables. Otherwise, two
// paths from stable roots that end in different steps are taken to be
// different, and anything else may alias.
func MayAlias(a, b Key) bool {
	if a == b {
		return true
	}
	fa, fb := a.Field(), b.Field()
	if fa != nil && fb != nil && fa != fb {
		return false
	}
	if a.Path == "" && b.Path == "" && isVar(a) && isVar(b) {
		return false // two different variables
	}
	if (a.Path == "" && isVar(a) && fb != nil) || (b.Path == "" && isVar(b) && fa != nil) {
		return false // a variable is not a field
	}
	if a.Stable() && b.Stable() && a.Path != b.Path && lastStep(a.Path) != lastStep(b.Path) {
		return false
	}
	return true
}

// isVar reports whether k's root is a variable (a package variable or
// a local allocation), so that k with an empty path is that variable.
func isVar(k Key) bool {
	if k.Global != "" {
		return true
	}
	_, ok := k.Root.(*ssa.Alloc)
	return ok
}

func lastStep(p string) string {
	if i := strings.LastIndex(p, "."); i >= 0 {
		return p[i:]
	}
	return p
}

// Rebind expresses k, a key of callee, in the terms of a caller that
// calls it (or starts it as a goroutine) with args and, for a closure,
// the captured bindings: the access path rebound at the call site. It
// fails for a key rooted at one of callee's own locals.
func Rebind(callee *ssa.Function, k Key, args, bindings []ssa.Value) (Key, bool) {
	return accesspath.Rebind(callee, k, args, bindings)
}
