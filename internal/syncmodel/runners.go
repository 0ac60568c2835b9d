package syncmodel

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// Which goroutines run a function on an object: a field of an object
// needs a lock only when two of its accesses can run at the same time,
// that is in two goroutines, or in one kind of goroutine started more
// than once on the object. Runners follows one object (a parameter or
// free variable of the function) up through the package's calls, each
// passing it on, to the goroutines that can hold it there:
//
//	func New() *Conn {                    Runner{Go: go c.loop(), PerObject}
//		c := &Conn{}
//		go c.loop()                       c is fresh: one loop per Conn
//		return c
//	}
//	func (c *Conn) loop()   { ... c.handle() ... }
//	func (c *Conn) handle() { c.queue = ... }   // runs only in c's loop
//	func (c *Conn) Stats()  { ... }             // Runner{Entry: Stats}: any goroutine
//
// A function that code the package's call sites do not show can enter
// (exported, used as a value: a callback, a time.AfterFunc function;
// called through an interface) is a Runner of its own, an Entry: its
// callers' goroutines, any number of them. A call made on an object its
// caller allocated and has not shared yet (a constructor's c.init())
// runs before any other goroutine can reach the object and adds no
// runner. A plain call of an Entry by the package, on an object the
// model cannot follow, is one more goroutine among the any number the
// Entry already stands for. A method stored as a method value in a field or table of
// its own object (c.onAck = c.handleAck) is run by the callers of that
// field, when nothing else can call it (see slotCalls).

// A Runner is a goroutine that can run a function with an object.
type Runner struct {
	// Go is the go statement (or WaitGroup.Go, Group.Go call) that
	// starts the goroutine; its Instr is nil for an Entry.
	Go Site
	// Entry is a function that code not seen here may call, in any
	// goroutine and any number of them at once (see Open).
	Entry *ssa.Function
	// PerObject: the go statement starts one goroutine per object. It
	// is in no loop, and the object is one its function allocates
	// outside loops (a constructor), or one it is given only by such
	// calls, or it is the receiver of an exported method that starts a
	// goroutine with nothing but the receiver (a Start: set-up, which
	// the API runs once per object).
	PerObject bool
}

// Runners returns the goroutines that can run fn with obj, a parameter
// or free variable of fn, bound to one object. ok is false when some
// way into fn with the object is not seen: obj is neither, or a caller
// calls fn on another object (one loaded from a field, a map, a
// result) that it has already shared.
func (m *Model) Runners(fn *ssa.Function, obj ssa.Value) (rs []Runner, ok bool) {
	return m.runners(fn, obj, nil)
}

// RunnersAt is Runners for the function of in, leaving out the calls of
// it whose constant arguments rule out in's block (flow.DeadWith): the
// leader branch of setState(st) runs only in the goroutines of the
// calls that may pass Leader (the run loop's setState(Leader)), not in
// those of a Stop that calls setState(Stopped).
func (m *Model) RunnersAt(in ssa.Instruction, obj ssa.Value) ([]Runner, bool) {
	return m.runners(in.Parent(), obj, in.Block())
}

func (m *Model) runners(fn *ssa.Function, obj ssa.Value, at *ssa.BasicBlock) (rs []Runner, ok bool) {
	type frame struct {
		fn   *ssa.Function
		v    ssa.Value
		cell bool
	}
	seen := map[frame]bool{}
	var up func(f *ssa.Function, v ssa.Value, cell bool, depth int) bool
	up = func(f *ssa.Function, v ssa.Value, cell bool, depth int) bool {
		if seen[frame{f, v, cell}] {
			return true // a cycle adds no way in
		}
		seen[frame{f, v, cell}] = true
		if depth > 8 || !boundBySites(f, v) {
			return false
		}
		// entry: f is an Entry, any goroutine may run it: a plain call
		// of the package on an object it cannot follow adds nothing.
		entry := false
		if m.open(f) || len(m.invokes[f]) > 0 {
			// A handler stored in its object's own table runs where
			// the table is called (see slotCalls).
			calls, ok := m.slotCalls(f)
			if !ok || len(m.invokes[f]) > 0 || len(f.Params) == 0 || v != f.Params[0] {
				rs = append(rs, Runner{Entry: f})
				calls = nil
				entry = true
			}
			for _, c := range calls {
				a, acell := heldIn(c.obj)
				if !boundBySites(c.caller, a) || !up(c.caller, a, acell, depth+1) {
					return false
				}
			}
		}
		for _, s := range m.callers[f] {
			if depth == 0 && at != nil && !s.Goroutine && flow.DeadWith(f, s.Args)[at] {
				continue // its constants keep it out of at
			}
			a, ok := argAt(s, f, v)
			if ok && cell {
				a = cellOf(a)
			}
			if entry && !s.Goroutine && (!ok || a == nil || !boundBySites(s.Caller, a) && !chanmodel.Unshared(a, s.Instr)) {
				continue // the Entry: the caller is one of any goroutines
			}
			if !ok || a == nil {
				return false
			}
			a, acell := heldIn(a)
			if s.Goroutine {
				if acell {
					return false
				}
				rs = append(rs, Runner{Go: s, PerObject: m.perObject(s, f, a)})
				continue
			}
			switch {
			case boundBySites(s.Caller, a):
				if !up(s.Caller, a, acell, depth+1) {
					return false
				}
			case acell || !chanmodel.Unshared(a, s.Instr):
				return false
			}
		}
		return true
	}
	v, cell := heldIn(obj)
	ok = up(fn, v, cell, 0)
	return rs, ok
}

// heldIn returns what names an object held in v, a value of a function:
// v itself, or for a captured variable loaded (*x), the value stored
// into it once, or the free variable that is its cell (cell is then
// true: the callers bind the cell, not the object).
func heldIn(v ssa.Value) (ssa.Value, bool) {
	for range 4 {
		load, ok := v.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			return v, false
		}
		if fv, ok := load.X.(*ssa.FreeVar); ok {
			return fv, true
		}
		stored := cellOf(load.X)
		if stored == nil {
			return v, false
		}
		v = stored
	}
	return v, false
}

// cellOf returns the value the local variable whose cell is v holds
// (accesspath.StoredOnce), or nil.
func cellOf(v ssa.Value) ssa.Value {
	if a, ok := v.(*ssa.Alloc); ok {
		return accesspath.StoredOnce(a)
	}
	return nil
}

// boundBySites reports whether v is a parameter or free variable of
// fn: a value its call sites bind.
func boundBySites(fn *ssa.Function, v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Parameter:
		return v.Parent() == fn
	case *ssa.FreeVar:
		return v.Parent() == fn
	}
	return false
}

// argAt returns the value the site s binds v, a parameter or free
// variable of f, to.
func argAt(s Site, f *ssa.Function, v ssa.Value) (ssa.Value, bool) {
	if fv, ok := v.(*ssa.FreeVar); ok {
		i := slices.Index(f.FreeVars, fv)
		if i < 0 || i >= len(s.Bindings) {
			return nil, false
		}
		return s.Bindings[i], true
	}
	i := slices.Index(f.Params, v.(*ssa.Parameter))
	args := s.Args
	if len(args) == len(f.Params)-1 && f.Signature.Recv() != nil {
		// A method value (s.work) called or started: the receiver is
		// the wrapper's binding.
		c, ok := s.Instr.(ssa.CallInstruction)
		if !ok {
			return nil, false
		}
		_, bindings := analysisutil.FuncValue(c.Common().Value)
		if len(bindings) != 1 {
			return nil, false
		}
		args = append([]ssa.Value{bindings[0]}, args...)
	}
	if i < 0 || len(args) != len(f.Params) {
		return nil, false
	}
	return args[i], true
}

// perObject reports whether the go statement s, which starts f with a
// bound to the object, starts one goroutine per object (see Runner).
func (m *Model) perObject(s Site, f *ssa.Function, a ssa.Value) bool {
	if flow.InLoop(s.Instr.Block()) {
		return false
	}
	if alloc, ok := a.(*ssa.Alloc); ok && alloc.Heap {
		// Allocated by the starter, outside loops as the go statement
		// is: each run makes one object and starts one goroutine on
		// it (a constructor's go c.loop()).
		return !flow.InLoop(alloc.Block())
	}
	if !boundBySites(s.Caller, a) {
		return false
	}
	// A Start: an exported method that starts f with its receiver
	// alone, nothing per call (a connection, a request) beside it.
	alone := len(s.Args)+len(s.Bindings) == 1
	return m.onceWith(s.Caller, a, alone, map[*ssa.Function]bool{}, 0)
}

// onceWith reports whether fn runs once per object bound to v: every
// call of the package makes it, outside loops, on an object its caller
// has allocated and not shared yet, or on one its caller runs once
// with; or fn is an exported method and v its receiver, when start
// says the goroutine it starts needs nothing else.
func (m *Model) onceWith(fn *ssa.Function, v ssa.Value, start bool, seen map[*ssa.Function]bool, depth int) bool {
	if seen[fn] || depth > 4 {
		return false // a recursive set-up may run again
	}
	seen[fn] = true
	if m.open(fn) || len(m.invokes[fn]) > 0 {
		p, isParam := v.(*ssa.Parameter)
		return start && isParam && fn.Signature.Recv() != nil && len(fn.Params) > 0 && fn.Params[0] == p &&
			fn.Object() != nil && fn.Object().Exported()
	}
	sites := m.callers[fn]
	if len(sites) == 0 {
		return false
	}
	for _, s := range sites {
		a, ok := argAt(s, fn, v)
		if !ok || s.Goroutine || flow.InLoop(s.Instr.Block()) {
			return false
		}
		if chanmodel.Unshared(a, s.Instr) {
			continue
		}
		if !boundBySites(s.Caller, a) || !m.onceWith(s.Caller, a, start, seen, depth+1) {
			return false
		}
	}
	return true
}
