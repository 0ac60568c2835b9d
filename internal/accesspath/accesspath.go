// Package accesspath names memory by an access path, and moves a path
// across a call: the one encoding the summary engines of goconcheck
// share (lockset's lock summaries, waitgroupadd's WaitGroup events,
// sleepsync's reads and writes, syncmodel's object identity,
// missingcancel's func-typed inputs a function ignores), and the one
// walk back from a value to its root, which chanmodel's instances ask
// too (Object).
//
// A Key is a path in the frame of one SSA function: a root and a
// string of steps, ".N" (struct field N), ".*" (a pointer loaded from
// memory) and "[]" (any element of an array, slice or map). The root
// is an SSA value of the function or, for a package variable, the
// variable's qualified name, so that paths of globals mean the same
// in every function and package.
//
// A Rel is a path relative to a function's inputs: rooted at a
// parameter (the receiver first), a free variable, or a package
// variable. It is what a summary (and a Fact) records; Rel.Bind
// rebinds it at a call site to the caller's Key, from the call's
// arguments and the closure's bindings.
//
// Keys and Rels are values: compare them with == and use them as map
// keys. A Rel is gob-encodable, to travel in Facts.
package accesspath

import (
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// Steps of a path.
const (
	Load = ".*" // a pointer loaded from memory
	Elem = "[]" // any element of an array, slice or map
)

// FieldStep returns the step to struct field i.
func FieldStep(i int) string { return "." + strconv.Itoa(i) }

// A Key names memory in one function by a root and a path of steps.
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

// Valid reports whether k has a root.
func (k Key) Valid() bool { return k.Root != nil || k.Global != "" }

// SameRoot reports whether k and o start from the same root.
func (k Key) SameRoot(o Key) bool { return k.Root == o.Root && k.Global == o.Global }

// Of returns the access path of v: through field addresses and
// fields, loads and type changes, to a package variable or another
// value; a parameter spilled for a closure is the parameter.
func Of(v ssa.Value) Key {
	root, path := walk(v, values)
	if g, ok := root.(*ssa.Global); ok {
		return Key{Global: GlobalName(g), Path: path}
	}
	return Key{Root: root, Path: path}.normalize()
}

// A mode says which steps a walk takes besides field addresses,
// loads and type changes.
type mode uint8

const (
	// values: fields of struct values (Of).
	values mode = iota
	// memory: element addresses and slicing, no value fields (Memory).
	memory
	// objects: fields of struct values, and loads only from a field or
	// a package variable (Object).
	objects
)

// walk follows v back by the steps of mode m to its root, and returns
// the root and the steps from it.
func walk(v ssa.Value, m mode) (ssa.Value, string) {
	var steps []string
	for {
		next, field, s := step(v, m)
		if next == nil {
			return v, joinRev(steps)
		}
		if field >= 0 {
			s = FieldStep(field)
		}
		if s != "" {
			steps = append(steps, s)
		}
		v = next
	}
}

// step is one step of the walks: the value v is reached from, and
// what the step records, a struct field (field >= 0), a Load, an Elem
// or nothing (a type change, a slicing); nil where a walk in mode m
// stops at v.
func step(v ssa.Value, m mode) (next ssa.Value, field int, s string) {
	switch x := v.(type) {
	case *ssa.FieldAddr:
		return x.X, x.Field, ""
	case *ssa.UnOp:
		if x.Op != token.MUL {
			break
		}
		if m == objects {
			switch x.X.(type) {
			case *ssa.FieldAddr, *ssa.Global:
			default:
				return nil, -1, ""
			}
		}
		return x.X, -1, Load
	case *ssa.ChangeType:
		return x.X, -1, ""
	case *ssa.Field:
		if m != memory {
			return x.X, x.Field, ""
		}
	case *ssa.IndexAddr:
		if m == memory {
			return x.X, -1, Elem
		}
	case *ssa.Slice:
		if m == memory {
			return x.X, -1, ""
		}
	}
	return nil, -1, ""
}

// Object returns the object that v, an object or the address of one
// of its fields, is reached from: Of's walk, except that it stops at
// a load from anything but a field or a package variable (a variable's
// cell, an element, a pointer handed in), where the value loaded is
// the object, not traced to whatever stored it, and after eight
// steps, where an object nested deeper (five pointer fields down) is
// left at the value reached.
func Object(v ssa.Value) ssa.Value {
	for range 8 {
		next, _, _ := step(v, objects)
		if next == nil {
			return v
		}
		v = next
	}
	return v
}

// Extend returns the location path below k (path is a string of
// steps).
func (k Key) Extend(path string) Key {
	k.Path += path
	return k.normalize()
}

// normalize names a location reached through a spilled parameter (a
// parameter captured by a function literal lives in a heap variable
// that holds it for the whole call) by the parameter itself, so that
// s.mu is the same key, and a summary key, whether or not s is
// captured.
func (k Key) normalize() Key {
	switch r := k.Root.(type) {
	case *ssa.Alloc:
		if !strings.HasPrefix(k.Path, Load) {
			return k
		}
		switch v := StoredOnce(r).(type) {
		case *ssa.Parameter:
			return Key{Root: v, Path: k.Path[len(Load):]}
		case *ssa.Call, *ssa.Extract:
			// A variable holding a constructor's result because a
			// closure captures it (enc := newEncoder(c); f(func() {
			// enc.put(x) })).
			if arg, rest, ok := constructorField(v, k.Path[len(Load):]); ok && !cellStoresField(r, k.Path[len(Load):]) {
				return Of(arg).Extend(rest)
			}
		}
	case *ssa.Call, *ssa.Extract:
		if arg, rest, ok := constructorField(r, k.Path); ok {
			return Of(arg).Extend(rest)
		}
	}
	return k
}

// constructorField names a field of a constructor's result by the
// argument the constructor stored in it: for enc := newEncoder(c),
// where newEncoder returns &encoder{conn: conn, ...} on every path
// that returns an object, enc.conn is c, and enc.conn.mu is c.mu. A
// lock a constructor takes and hands to its caller (conn.mu.Lock();
// return &encoder{conn: conn}) and the method of the returned object
// that releases it (enc.conn.mu.Unlock() in end) then name one mutex.
// It returns the argument and the steps of path below the field; ok
// is false unless root is a result of a static call of a function
// with a body, path starts with a field and a load, and neither the
// constructor nor the caller stores to that field of the object
// another time.
func constructorField(root ssa.Value, path string) (arg ssa.Value, rest string, ok bool) {
	call, ok := root.(*ssa.Call)
	index := 0
	if x, isExtract := root.(*ssa.Extract); isExtract {
		call, ok = x.Tuple.(*ssa.Call)
		index = x.Index
	}
	if !ok || !strings.HasPrefix(path, ".") {
		return nil, "", false
	}
	end := strings.IndexByte(path[1:], '.')
	if end < 0 {
		return nil, "", false
	}
	field, err := strconv.Atoi(path[1 : 1+end])
	if err != nil || !strings.HasPrefix(path[1+end:], Load) {
		return nil, "", false
	}
	rest = path[1+end+len(Load):]
	callee := call.Call.StaticCallee()
	if callee == nil || callee.Blocks == nil || storesField(root, field) {
		return nil, "", false
	}
	param := -1
	for _, b := range callee.Blocks {
		ret, isRet := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !isRet {
			continue
		}
		if index >= len(ret.Results) {
			return nil, "", false
		}
		v := ret.Results[index]
		if c, isConst := v.(*ssa.Const); isConst && c.IsNil() {
			continue // no object on this path
		}
		a, isAlloc := v.(*ssa.Alloc)
		if !isAlloc || !a.Heap {
			return nil, "", false
		}
		p := storedParam(callee, a, field)
		if p < 0 || param >= 0 && p != param {
			return nil, "", false
		}
		param = p
	}
	if param < 0 || param >= len(call.Call.Args) {
		return nil, "", false
	}
	return call.Call.Args[param], rest, true
}

// storedParam returns the index of the parameter of fn stored in field
// of the object a, if that is the one store to the field, else -1.
func storedParam(fn *ssa.Function, a *ssa.Alloc, field int) int {
	param := -1
	for _, r := range *a.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.Field != field {
			continue
		}
		for _, u := range *fa.Referrers() {
			st, ok := u.(*ssa.Store)
			if !ok || st.Addr != fa {
				continue
			}
			p, ok := st.Val.(*ssa.Parameter)
			if !ok || param >= 0 {
				return -1
			}
			param = slices.Index(fn.Params, p)
		}
	}
	return param
}

// cellStoresField reports whether code stores to the field, the first
// step of path, of the object loaded from the variable cell
// (enc.conn = x where enc lives in cell).
func cellStoresField(cell *ssa.Alloc, path string) bool {
	end := strings.IndexByte(path[1:], '.')
	field, _ := strconv.Atoi(path[1 : 1+end])
	for _, r := range *cell.Referrers() {
		if l, ok := r.(*ssa.UnOp); ok && l.Op == token.MUL && storesField(l, field) {
			return true
		}
	}
	return false
}

// storesField reports whether code stores to field of the object v
// directly (v.f = x).
func storesField(v ssa.Value, field int) bool {
	for _, r := range *v.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.Field != field {
			continue
		}
		for _, u := range *fa.Referrers() {
			if st, ok := u.(*ssa.Store); ok && st.Addr == fa {
				return true
			}
		}
	}
	return false
}

// SpilledParam returns the parameter a holds, if a is only ever
// assigned that parameter (StoredOnce).
func SpilledParam(a *ssa.Alloc) *ssa.Parameter {
	p, _ := StoredOnce(a).(*ssa.Parameter)
	return p
}

// Assigned reports whether the captured variable fv may be assigned
// in its function or in the function literals it is captured by in
// turn.
func Assigned(fv *ssa.FreeVar) bool {
	refs := fv.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.UnOp:
		case *ssa.MakeClosure:
			if AssignedBy(r, fv) {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// AssignedBy reports whether the function literal of the closure mc
// may assign the variable v it captures (v's cell, or a free variable
// of the function that makes mc), itself or in the literals it
// captures v for in turn.
func AssignedBy(mc *ssa.MakeClosure, v ssa.Value) bool {
	if _, ok := mc.Fn.(*ssa.Function); !ok {
		return true
	}
	for fv := range flow.Captures(mc, v) {
		if Assigned(fv) {
			return true
		}
	}
	return false
}

// StoredOnce returns the one value ever stored into the local
// variable cell, by the function that declares it; nil if it stores
// none or several, if a function literal that captures the variable
// may assign it too (AssignedBy), or if its address goes anywhere but
// a load or a store (a call that may assign through it, a part of it
// assigned): a load may then see another value.
func StoredOnce(cell *ssa.Alloc) ssa.Value {
	refs := cell.Referrers()
	if refs == nil {
		return nil
	}
	var stored ssa.Value
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != cell || stored != nil {
				return nil
			}
			stored = r.Val
		case *ssa.UnOp, *ssa.DebugRef:
		case *ssa.MakeClosure:
			if AssignedBy(r, cell) {
				return nil
			}
		default:
			return nil
		}
	}
	return stored
}

func joinRev(steps []string) string {
	var b strings.Builder
	for i := len(steps) - 1; i >= 0; i-- {
		b.WriteString(steps[i])
	}
	return b.String()
}

// GlobalName returns the qualified name of a package variable, the
// root of its keys.
func GlobalName(g *ssa.Global) string {
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
	return k.SameRoot(base) && Within(k.Path, base.Path)
}

// Overlaps reports whether one of k and o is a part of the other (s
// and s.wg: code handed s can reach s.wg).
func (k Key) Overlaps(o Key) bool { return k.HasPrefix(o) || o.HasPrefix(k) }

// Within reports whether path starts with the steps of prefix.
func Within(path, prefix string) bool {
	if !strings.HasPrefix(path, prefix) {
		return false
	}
	rest := path[len(prefix):]
	return rest == "" || rest[0] == '.' || rest[0] == '['
}

// Len returns the number of steps of path.
func Len(path string) int {
	return strings.Count(path, ".") + strings.Count(path, "[")
}

// Field returns the struct field (its generic origin) k's path ends
// in, or nil: a path that ends in a load or an element, or a package
// variable's (keys of package variables carry no type).
func (k Key) Field() *types.Var {
	if k.Global != "" || k.Root == nil || k.Path == "" || strings.HasSuffix(k.Path, Load) || strings.HasSuffix(k.Path, Elem) {
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

// A Rel is a path relative to a function's inputs: its parameter
// Param (the receiver first), its free variable FreeVar, or the package
// variable Global, and the steps below.
type Rel struct {
	Param   int // -1 if none
	FreeVar int // -1 if none
	Global  string
	Path    string
}

func (r Rel) String() string {
	switch {
	case r.Param >= 0:
		return "p" + strconv.Itoa(r.Param) + r.Path
	case r.FreeVar >= 0:
		return "fv" + strconv.Itoa(r.FreeVar) + r.Path
	}
	return r.Global + r.Path
}

// Relative expresses k, a key of fn, in terms of fn's parameters,
// free variables and package variables, if it can: not when k is
// rooted at one of fn's own values.
func Relative(fn *ssa.Function, k Key) (Rel, bool) {
	r := Rel{Param: -1, FreeVar: -1, Path: k.Path}
	if k.Global != "" {
		r.Global = k.Global
		return r, true
	}
	switch x := k.Root.(type) {
	case *ssa.Parameter:
		if i := flow.ParamIndex(fn, x); i >= 0 {
			r.Param = i
			return r, true
		}
	case *ssa.FreeVar:
		for i, p := range fn.FreeVars {
			if p == x {
				r.FreeVar = i
				return r, true
			}
		}
	}
	return r, false
}

// Input returns the value a call passes for r's root, from its
// arguments (the receiver first) and the closure's bindings; nil for
// a package variable or a root the call does not bind.
func (r Rel) Input(args, bindings []ssa.Value) ssa.Value {
	switch {
	case r.Param >= 0 && r.Param < len(args):
		return args[r.Param]
	case r.FreeVar >= 0 && r.FreeVar < len(bindings):
		return bindings[r.FreeVar]
	}
	return nil
}

// Bind rebinds r, a path of a callee, at a call with the given
// arguments and closure bindings: the caller's key for it.
func (r Rel) Bind(args, bindings []ssa.Value) (Key, bool) {
	return r.BindWith(args, bindings, Of)
}

// BindWith is Bind with the caller's values resolved by of, for a
// summary whose paths follow another walk than Of's.
func (r Rel) BindWith(args, bindings []ssa.Value, of func(ssa.Value) Key) (Key, bool) {
	if r.Global != "" {
		return Key{Global: r.Global, Path: r.Path}, true
	}
	v := r.Input(args, bindings)
	if v == nil {
		return Key{}, false
	}
	return of(v).Extend(r.Path), true
}

// Rebind expresses k, a key of callee, in the terms of a caller that
// calls it (or starts it as a goroutine) with args and, for a closure,
// the captured bindings. It fails for a key rooted at one of callee's
// own values.
func Rebind(callee *ssa.Function, k Key, args, bindings []ssa.Value) (Key, bool) {
	r, ok := Relative(callee, k)
	if !ok {
		return Key{}, false
	}
	return r.Bind(args, bindings)
}

// BoundTo returns the inputs through which a callee receives v from a
// call with the given arguments (the receiver first) and closure
// bindings: a Rel with an empty path for each parameter and free
// variable bound to v. It is Input turned round, for a summary that
// records which of a function's inputs it ignores, or uses, as a
// whole.
func BoundTo(args, bindings []ssa.Value, v ssa.Value) []Rel {
	var rels []Rel
	for i, a := range args {
		if a == v {
			rels = append(rels, Rel{Param: i, FreeVar: -1})
		}
	}
	for i, b := range bindings {
		if b == v {
			rels = append(rels, Rel{Param: -1, FreeVar: i})
		}
	}
	return rels
}
