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
		return Key{Root: v, Path: joinRev(steps)}
	}
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
	k := KeyOf(v)
	k.Path += s.Path
	return k, true
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
