package analysisutil

import (
	"go/ast"
	"go/token"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// ClosuresAnalyzer gives each package one Closures, shared by the
// models (lockset, chanmodel, syncmodel) and the analyzers that resolve
// free variables themselves: each function literal's MakeClosure is
// looked up once per package, not once per model.
var ClosuresAnalyzer = &analysis.Analyzer{
	Name:       "goconcheckclosures",
	Doc:        "find the MakeClosure of each function literal, for goconcheck's models (reports nothing)",
	Run:        func(*analysis.Pass) (any, error) { return new(Closures), nil },
	ResultType: reflect.TypeFor[*Closures](),
}

// PassClosures returns the Closures of pass's package: the result of
// ClosuresAnalyzer, which pass's analyzer must require.
func PassClosures(pass *analysis.Pass) *Closures {
	c, ok := pass.ResultOf[ClosuresAnalyzer].(*Closures)
	if !ok {
		panic("analysisutil.PassClosures: analyzer " + pass.Analyzer.Name + " does not require analysisutil.ClosuresAnalyzer")
	}
	return c
}

// Closures finds the one MakeClosure that makes each function literal
// in its parent, and remembers it: the models ask for it once per
// free variable they resolve. The zero value is ready to use. It is
// safe for concurrent use: the models' results hold it, and a driver
// may run the analyzers that query them at the same time.
type Closures struct {
	mu   sync.Mutex
	made map[*ssa.Function]*ssa.MakeClosure
}

// Of returns the one MakeClosure that makes the function literal fn
// in its parent, or nil if there is none or more than one: then its
// free variables have no single binding.
func (c *Closures) Of(fn *ssa.Function) *ssa.MakeClosure {
	c.mu.Lock()
	mc, ok := c.made[fn]
	c.mu.Unlock()
	if ok {
		return mc
	}
	// Found outside the lock: the parent's instructions do not
	// change, and two goroutines looking up fn at once find the same.
	mc = closureOf(fn)
	c.mu.Lock()
	if c.made == nil {
		c.made = make(map[*ssa.Function]*ssa.MakeClosure)
	}
	c.made[fn] = mc
	c.mu.Unlock()
	return mc
}

func closureOf(fn *ssa.Function) *ssa.MakeClosure {
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	var mc *ssa.MakeClosure
	for _, blk := range parent.Blocks {
		for _, in := range blk.Instrs {
			if c, ok := in.(*ssa.MakeClosure); ok && c.Fn == fn {
				if mc != nil {
					return nil
				}
				mc = c
			}
		}
	}
	return mc
}

// Bound returns the value that the one MakeClosure of fv's function
// binds to the free variable fv, or nil.
func (c *Closures) Bound(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	mc := c.Of(fn)
	if mc == nil {
		return nil
	}
	for i, v := range fn.FreeVars {
		if v == fv && i < len(mc.Bindings) {
			return mc.Bindings[i]
		}
	}
	return nil
}

// FuncValue returns the function that the function value v denotes,
// and the values its closure binds to that function's free variables
// (in the order of its FreeVars): v is a *ssa.Function (a declared
// function, or a function literal that captures nothing: no bindings)
// or a *ssa.MakeClosure (a literal that captures variables, or a
// method value, whose one binding is the receiver). Any other value
// (a parameter, a load, a phi, an interface method) names no function
// known here: nil, nil.
//
// Every model and analyzer that follows a function value into its
// body, or the values it captures, asks this; it is answered once here
// so that they all agree on what a function value is.
func FuncValue(v ssa.Value) (*ssa.Function, []ssa.Value) {
	switch v := v.(type) {
	case *ssa.Function:
		return v, nil
	case *ssa.MakeClosure:
		fn, _ := v.Fn.(*ssa.Function)
		if fn == nil {
			return nil, nil
		}
		return fn, v.Bindings
	}
	return nil, nil
}

// BoundMethod returns the method that fn, the bound method wrapper of
// a method value (s.work), calls with its one free variable, the
// receiver; nil if fn is not one (or nil, or the method is an
// interface's, called dynamically).
func BoundMethod(fn *ssa.Function) *ssa.Function {
	if fn == nil || len(fn.FreeVars) != 1 || !strings.HasPrefix(fn.Synthetic, "bound method wrapper") {
		return nil
	}
	return Wrapped(fn)
}

// Wrapped returns the function a synthetic wrapper (a bound method
// wrapper, a method expression's thunk) calls statically, or nil: its
// body is the one call.
func Wrapped(fn *ssa.Function) *ssa.Function {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(*ssa.Call); ok {
				return c.Call.StaticCallee()
			}
		}
	}
	return nil
}

// Fresh reports whether v is a value made anew each time its
// function runs: a heap allocation (&T{...}, new(T)), or the result of
// a call of a function whose every return gives one (a constructor
// newT() *T { return &T{...} }), through one such call.
func Fresh(v ssa.Value) bool { return fresh(v, 1) }

// FreshThrough is Fresh through up to calls nested constructor calls
// (newBlocked() { r := newReader(); r.x = ...; return r }).
func FreshThrough(v ssa.Value, calls int) bool { return fresh(v, calls) }

func fresh(v ssa.Value, depth int) bool {
	switch v := v.(type) {
	case *ssa.Alloc:
		return v.Heap
	case *ssa.Call:
		callee := v.Call.StaticCallee()
		if callee != nil {
			callee = flow.Body(callee) // a generic constructor of the package: its origin's blocks
		}
		if depth == 0 || callee == nil || len(callee.Blocks) == 0 || callee.Signature.Results().Len() != 1 {
			return false
		}
		n := 0
		for _, b := range callee.Blocks {
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
				if len(ret.Results) != 1 || !fresh(ret.Results[0], depth-1) {
					return false
				}
				n++
			}
		}
		return n > 0
	}
	return false
}

// ContextQuery reports whether c asks a context.Context about itself
// (Done, Err, Deadline, Value): such a call waits on, and signals, no
// one.
func ContextQuery(c *ssa.CallCommon) bool {
	return c.IsInvoke() && IsNamed(c.Value.Type(), "context", "Context")
}

// ContextDone reports whether v is the channel a context.Context's
// Done method returns: one that is only ever closed, by a cancel.
func ContextDone(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	return ok && ContextQuery(&call.Call) && call.Call.Method.Name() == "Done"
}

// NeverCancelled reports whether the context v can never be
// cancelled: context.Background() or context.TODO(), a WithValue of
// such a context, or a WithoutCancel of any. Its Done channel is nil:
// a context derived from it registers with no parent and starts no
// goroutine.
func NeverCancelled(v ssa.Value) bool {
	for range 8 {
		call, ok := v.(*ssa.Call)
		if !ok || call.Call.IsInvoke() {
			return false
		}
		fn := flow.CalleeFunc(&call.Call)
		switch {
		case IsFunc(fn, "context", "Background"), IsFunc(fn, "context", "TODO"), IsFunc(fn, "context", "WithoutCancel"):
			return true
		case IsFunc(fn, "context", "WithValue") && len(call.Call.Args) == 3:
			v = call.Call.Args[0]
		default:
			return false
		}
	}
	return false
}

// EndBrace returns the closing brace of fn's body, where its implicit
// return at the end of the body (which has no position of its own)
// is shown; NoPos for a function with no body in source (a wrapper, an
// assembly function).
func EndBrace(fn *ssa.Function) token.Pos {
	switch s := fn.Syntax().(type) {
	case *ast.FuncDecl:
		if s.Body != nil {
			return s.Body.Rbrace
		}
	case *ast.FuncLit:
		return s.Body.Rbrace
	}
	return token.NoPos
}

// HandOffs returns the instructions of fn that hand w, a function
// literal fn makes, to code that may call it: every use of the closure
// (or of the literal itself, when it binds nothing) except a static
// call of it, which runs it there and then in fn's goroutine. w cannot
// run before the first of them. Nil when w is not a literal of fn.
func HandOffs(w, fn *ssa.Function) []ssa.Instruction {
	if w.Parent() != fn {
		return nil
	}
	var v ssa.Value = w
	if len(w.FreeVars) > 0 {
		mc := closureOf(w)
		if mc == nil {
			return nil
		}
		v = mc
	}
	refs := v.Referrers()
	if refs == nil {
		return nil
	}
	var out []ssa.Instruction
	for _, r := range *refs {
		if c, ok := r.(*ssa.Call); ok && c.Call.Value == v {
			continue
		}
		out = append(out, r)
	}
	return out
}

// IsNilConst reports whether v is the constant nil of a pointer,
// channel, map, slice, function or interface type.
func IsNilConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// ResultValue returns the caller's value for result i of call (the
// call itself for a single result, else its Extract), or nil if the
// caller does not use it.
func ResultValue(call *ssa.Call, i int) ssa.Value {
	if call.Call.Signature().Results().Len() == 1 {
		if i == 0 {
			return call
		}
		return nil
	}
	if call.Referrers() == nil {
		return nil
	}
	for _, ref := range *call.Referrers() {
		if e, ok := ref.(*ssa.Extract); ok && e.Index == i {
			return e
		}
	}
	return nil
}

// ContainerOf returns the container that v is an element of, or the
// address of one: a slice or array element's address (&x[i]) or value
// (x[i]), a map's or string's lookup, with or without comma-ok, or the
// value of a range over a map.
func ContainerOf(v ssa.Value) (ssa.Value, bool) {
	switch v := v.(type) {
	case *ssa.IndexAddr:
		return v.X, true
	case *ssa.Index:
		return v.X, true
	case *ssa.Lookup:
		return v.X, true
	case *ssa.Extract:
		switch t := v.Tuple.(type) {
		case *ssa.Lookup:
			if v.Index == 0 {
				return t.X, true
			}
		case *ssa.Next:
			if r, ok := t.Iter.(*ssa.Range); ok && !t.IsString && v.Index == 2 {
				return r.X, true
			}
		}
	}
	return nil, false
}
