package lockset

import (
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A Key names a mutex (or any memory location) by an access path: a
// root and a sequence of ".N" (field N) and ".*" (load) steps. The
// root is an SSA value of the function, or, for package variables,
// the variable's qualified name, so that keys of globals mean the same
// thing in every function and package.
type Key struct {
	Root   ssa.Value
	Global string // "pkgpath.name" when the root is a package variable
	Path   string
}

func (k Key) String() string {
	if k.Global != "" {
		return k.Global + k.Path
	}
	if k.Root == nil {
		return "?" + k.Path
	}
	return k.Root.Name() + k.Path
}

// KeyOf returns the access path of v.
func KeyOf(v ssa.Value) Key {
	var steps []string
	for {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			steps = append(steps, "."+strconv.Itoa(x.Field))
			v = x.X
			continue
		case *ssa.Field:
			steps = append(steps, "."+strconv.Itoa(x.Field))
			v = x.X
			continue
		case *ssa.UnOp:
			if x.Op.String() == "*" {
				steps = append(steps, ".*")
				v = x.X
				continue
			}
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Global:
			k := Key{Global: globalName(x)}
			k.Path = joinRev(steps)
			return k
		}
		return normalize(Key{Root: v, Path: joinRev(steps)})
	}
}

// normalize names a location reached through a spilled parameter (a
// parameter captured by a function literal lives in a heap variable
// that holds it for the whole call) by the parameter itself, so that
// s.mu is the same key, and a summary key, whether or not s is
// captured.
func normalize(k Key) Key {
	a, ok := k.Root.(*ssa.Alloc)
	if !ok || !strings.HasPrefix(k.Path, ".*") {
		return k
	}
	if p := spilledParam(a); p != nil {
		return Key{Root: p, Path: k.Path[len(".*"):]}
	}
	return k
}

// spilledParam returns the parameter a holds, if a is only ever
// assigned that parameter: its one store in its function stores the
// parameter, and no function literal it is captured by assigns it.
func spilledParam(a *ssa.Alloc) *ssa.Parameter {
	refs := a.Referrers()
	if refs == nil {
		return nil
	}
	var p *ssa.Parameter
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != a {
				return nil
			}
			q, ok := r.Val.(*ssa.Parameter)
			if !ok || p != nil {
				return nil
			}
			p = q
		case *ssa.UnOp:
			// a load
		case *ssa.MakeClosure:
			fn, _ := r.Fn.(*ssa.Function)
			if fn == nil {
				return nil
			}
			for i, b := range r.Bindings {
				if b == a && (i >= len(fn.FreeVars) || assigned(fn.FreeVars[i])) {
					return nil
				}
			}
		default:
			return nil
		}
	}
	return p
}

// assigned reports whether the captured variable fv may be assigned
// in its function or in the function literals it is captured by in
// turn.
func assigned(fv *ssa.FreeVar) bool {
	refs := fv.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.UnOp:
		case *ssa.MakeClosure:
			fn, _ := r.Fn.(*ssa.Function)
			if fn == nil {
				return true
			}
			for i, b := range r.Bindings {
				if b == fv && (i >= len(fn.FreeVars) || assigned(fn.FreeVars[i])) {
					return true
				}
			}
		default:
			return true
		}
	}
	return false
}

func joinRev(steps []string) string {
	var b strings.Builder
	for i := len(steps) - 1; i >= 0; i-- {
		b.WriteString(steps[i])
	}
	return b.String()
}

func globalName(g *ssa.Global) string {
	if g.Pkg != nil && g.Pkg.Pkg != nil {
		return g.Pkg.Pkg.Path() + "." + g.Name()
	}
	return g.Name()
}

// Stable reports whether k's root denotes the same location wherever
// it is used in its function: a parameter, free variable, global or
// local allocation.
func (k Key) Stable() bool {
	if k.Global != "" {
		return true
	}
	switch k.Root.(type) {
	case *ssa.Parameter, *ssa.FreeVar, *ssa.Alloc:
		return true
	}
	return false
}

// HasPrefix reports whether k is base or a location inside it.
func (k Key) HasPrefix(base Key) bool {
	return k.Root == base.Root && k.Global == base.Global &&
		(k.Path == base.Path || strings.HasPrefix(k.Path, base.Path+"."))
}

// A SKey is a Key in a function's summary: rooted at a parameter
// (receiver first), a free variable, or a global.
type SKey struct {
	Param   int // -1 if none
	FreeVar int // -1 if none
	Global  string
	Path    string
	Mode    Mode
}

func (k SKey) String() string {
	var r string
	switch {
	case k.Param >= 0:
		r = "p" + strconv.Itoa(k.Param)
	case k.FreeVar >= 0:
		r = "fv" + strconv.Itoa(k.FreeVar)
	default:
		r = k.Global
	}
	m := ""
	if k.Mode == Read {
		m = "(r)"
	}
	return r + k.Path + m
}

// summaryKey expresses k in terms of fn's parameters and free
// variables, if it can.
func summaryKey(fn *ssa.Function, k Key, m Mode) (SKey, bool) {
	s := SKey{Param: -1, FreeVar: -1, Path: k.Path, Mode: m}
	if k.Global != "" {
		s.Global = k.Global
		return s, true
	}
	switch r := k.Root.(type) {
	case *ssa.Parameter:
		for i, p := range fn.Params {
			if p == r {
				s.Param = i
				return s, true
			}
		}
	case *ssa.FreeVar:
		for i, p := range fn.FreeVars {
			if p == r {
				s.FreeVar = i
				return s, true
			}
		}
	}
	return s, false
}

// callerKey translates a callee's summary key to the caller's key at
// a call with the given arguments and closure bindings.
func callerKey(s SKey, args, bindings []ssa.Value) (Key, bool) {
	if s.Global != "" {
		return Key{Global: s.Global, Path: s.Path}, true
	}
	var v ssa.Value
	switch {
	case s.Param >= 0 && s.Param < len(args):
		v = args[s.Param]
	case s.FreeVar >= 0 && s.FreeVar < len(bindings):
		v = bindings[s.FreeVar]
	default:
		return Key{}, false
	}
	if v == nil {
		return Key{}, false
	}
	k := KeyOf(v)
	k.Path += s.Path
	return normalize(k), true
}

// Mode tells a write (exclusive) lock from a read lock.
type Mode uint8

const (
	Write Mode = 1
	Read  Mode = 2
)

// mutexOp classifies a static callee as an operation of sync.Mutex
// or sync.RWMutex.
type mutexOp uint8

const (
	opNone mutexOp = iota
	opLock
	opRLock
	opUnlock
	opRUnlock
	opTry
)

func classify(fn *types.Func) mutexOp {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return opNone
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return opNone
	}
	p, ok := sig.Recv().Type().(*types.Pointer)
	if !ok {
		return opNone
	}
	n, ok := p.Elem().(*types.Named)
	if !ok || (n.Obj().Name() != "Mutex" && n.Obj().Name() != "RWMutex") {
		return opNone
	}
	switch fn.Name() {
	case "Lock":
		return opLock
	case "RLock":
		return opRLock
	case "Unlock":
		return opUnlock
	case "RUnlock":
		return opRUnlock
	case "TryLock", "TryRLock":
		return opTry
	}
	return opNone
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
	fa, fb := lastField(a), lastField(b)
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

// lastField returns the struct field k's path ends in (its generic
// origin), or nil if the path ends in a load or the types along it
// are unknown (keys of package variables carry no type).
func lastField(k Key) *types.Var {
	if k.Global != "" || k.Root == nil || k.Path == "" || strings.HasSuffix(k.Path, ".*") {
		return nil
	}
	t := k.Root.Type()
	var last *types.Var
	for _, s := range strings.Split(k.Path, ".")[1:] {
		if t == nil {
			return nil
		}
		if s == "*" {
			p, ok := t.Underlying().(*types.Pointer)
			if !ok {
				return nil
			}
			t = p.Elem()
			continue
		}
		i, err := strconv.Atoi(s)
		if err != nil {
			return nil
		}
		u := t.Underlying()
		if p, ok := u.(*types.Pointer); ok {
			u = p.Elem().Underlying()
		}
		st, ok := u.(*types.Struct)
		if !ok || i >= st.NumFields() {
			return nil
		}
		last = st.Field(i).Origin()
		t = last.Type()
	}
	return last
}

// Rebind expresses k, a key of callee, in the terms of a caller that
// calls it (or starts it as a goroutine) with args and, for a closure,
// the captured bindings: the access path rebound at the call site. It
// fails for a key rooted at one of callee's own locals.
func Rebind(callee *ssa.Function, k Key, args, bindings []ssa.Value) (Key, bool) {
	s, ok := summaryKey(callee, k, 0)
	if !ok {
		return Key{}, false
	}
	return callerKey(s, args, bindings)
}

// Field returns the struct field (its generic origin) k's path ends
// in, or nil: a path that ends in a load, or a package variable's.
func (k Key) Field() *types.Var { return lastField(k) }
