package missingcancel

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// A use is one instruction through which a cancel function (or a value
// derived from it) flows.
type use struct {
	instr   ssa.Instruction
	handled bool   // the instruction calls the function or hands it over
	note    string // for an unhandled use worth pointing at: why it does not count
}

// uses follows the cancel function v through the values derived from
// it (phis, conversions, closures that capture it and may call it) and
// classifies every instruction that consumes it. It returns the uses
// and the set of derived values, v included.
//
// The classification leans towards "handled": anything the checker
// cannot see through (an interface, a function value, a global, a map,
// a call of a function without a summary) counts as a hand-over.
func (c *checker) uses(v ssa.Value) (us []use, derived map[ssa.Value]bool) {
	derived = make(map[ssa.Value]bool)
	var walk, walkCell func(x ssa.Value)
	walk = func(x ssa.Value) {
		if derived[x] {
			return
		}
		derived[x] = true
		if isCell(x) {
			walkCell(x)
			return
		}
		refs := x.Referrers()
		if refs == nil {
			return
		}
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.DebugRef:
				// not an operation

			case *ssa.BinOp:
				// Only == and != apply to functions (against nil).

			case *ssa.Phi:
				walk(r)
			case *ssa.ChangeType:
				walk(r)

			case *ssa.MakeClosure:
				c.closureUse(r, x, walk, &us)

			case ssa.CallInstruction:
				call := r.Common()
				if call.Value == x && !call.IsInvoke() {
					us = append(us, use{instr: r, handled: true})
					continue
				}
				callee := flow.Callee(call)
				handled := !c.drops(callee, call.Args, nil, x)
				u := use{instr: r, handled: handled}
				if !handled && callee != nil {
					u.note = fmt.Sprintf("passed to %s, which never calls it", displayName(callee))
				}
				us = append(us, u)

			case *ssa.Store:
				if r.Val != x {
					us = append(us, use{instr: r, handled: true})
					continue
				}
				switch addr := r.Addr.(type) {
				case *ssa.Alloc:
					// A local variable that lives in memory (captured
					// by a closure, address taken): follow its loads.
					walk(addr)
					continue
				case *ssa.FieldAddr:
					if f := analysisutil.FieldOf(addr); f != nil && !c.isFieldRead(f) {
						us = append(us, use{instr: r, note: fmt.Sprintf("stored in field %s, which is never read", f.Name())})
						continue
					}
				}
				us = append(us, use{instr: r, handled: true})

			default:
				// Return, Send, MakeInterface, MapUpdate, stores
				// elsewhere...: ownership moves where we cannot follow.
				us = append(us, use{instr: r, handled: true})
			}
		}
	}
	// walkCell follows a variable holding the cancel function: its
	// loads carry the function; writes do not use it; anything else
	// (its address passed on) loses track of it.
	walkCell = func(cell ssa.Value) {
		for _, r := range *cell.Referrers() {
			switch r := r.(type) {
			case *ssa.DebugRef:
			case *ssa.Store:
				if r.Addr != cell || r.Val == cell {
					us = append(us, use{instr: r, handled: true})
				}
			case *ssa.UnOp:
				if r.Op == token.MUL {
					walk(r)
				} else {
					us = append(us, use{instr: r, handled: true})
				}
			case *ssa.MakeClosure:
				c.closureUse(r, cell, walk, &us)
			default:
				us = append(us, use{instr: r, handled: true})
			}
		}
	}
	walk(v)
	return us, derived
}

// closureUse classifies the capture of x by a closure: if the closure
// may call or hand over its copy, the closure itself becomes a carrier
// of the cancel function, and what happens to it is what counts.
func (c *checker) closureUse(mc *ssa.MakeClosure, x ssa.Value, walk func(ssa.Value), us *[]use) {
	fn, _ := mc.Fn.(*ssa.Function)
	if !c.drops(fn, nil, mc.Bindings, x) {
		walk(mc)
		return
	}
	*us = append(*us, use{instr: mc})
}

// isCell reports whether x is the address of a local variable of
// function type: an Alloc, or the free variable through which a
// closure shares it.
func isCell(x ssa.Value) bool {
	switch x := x.(type) {
	case *ssa.Alloc:
		return isFuncPtr(x.Type())
	case *ssa.FreeVar:
		return isFuncPtr(x.Type())
	}
	return false
}

func isFuncPtr(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && isFuncType(p.Elem())
}

// touches reports whether some use of v may call it or hand it over.
func (c *checker) touches(v ssa.Value) bool {
	us, _ := c.uses(v)
	for _, u := range us {
		if u.handled {
			return true
		}
	}
	return false
}

// computeIgnoredSlots finds the func-typed parameters and free
// variables whose value provably never gets called or escapes. It is a
// greatest fixpoint: start by assuming every slot ignored and drop the
// ones with a real use until nothing changes, which settles recursion
// (f passing its parameter to g passing it back to f) soundly.
func (c *checker) computeIgnoredSlots() {
	type input struct {
		slot
		v ssa.Value
	}
	var inputs []input
	add := func(fn *ssa.Function, v ssa.Value) {
		if r, ok := accesspath.Relative(fn, accesspath.Key{Root: v}); ok {
			inputs = append(inputs, input{slot{fn, r}, v})
		}
	}
	for _, fn := range c.funcs {
		for _, p := range fn.Params {
			if isFuncType(p.Type()) {
				add(fn, p)
			}
		}
		for _, fv := range fn.FreeVars {
			if isFuncType(fv.Type()) || isFuncPtr(fv.Type()) {
				add(fn, fv)
			}
		}
	}
	for _, in := range inputs {
		c.ignored[in.slot] = true
	}
	for changed := true; changed; {
		changed = false
		for _, in := range inputs {
			if c.ignored[in.slot] && c.touches(in.v) {
				c.ignored[in.slot] = false
				changed = true
			}
		}
	}
}

// isFieldRead reports whether a cancel function stored in field f may
// be called by someone. Only the unexported fields of this package's
// own structs can be proven unread.
func (c *checker) isFieldRead(f *types.Var) bool {
	if f.Exported() || f.Pkg() != c.pass.Pkg {
		return true
	}
	if c.fieldRead == nil {
		c.fieldRead = make(map[*types.Var]bool)
		c.computeFieldReads()
	}
	return c.fieldRead[f]
}

// computeFieldReads records every field that some function of the
// package reads for more than a nil comparison, or whose address it
// lets go of.
func (c *checker) computeFieldReads() {
	read := func(v ssa.Value) bool {
		for _, r := range *v.Referrers() {
			switch r.(type) {
			case *ssa.DebugRef, *ssa.BinOp:
			default:
				return true
			}
		}
		return false
	}
	for _, fn := range c.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.FieldAddr:
					f := analysisutil.FieldOf(instr)
					if f == nil {
						continue
					}
					for _, r := range *instr.Referrers() {
						switch r := r.(type) {
						case *ssa.DebugRef:
						case *ssa.Store:
							if r.Val == instr {
								c.fieldRead[f] = true
							}
						case *ssa.UnOp:
							if r.Op != token.MUL || read(r) {
								c.fieldRead[f] = true
							}
						default:
							c.fieldRead[f] = true
						}
					}
				case *ssa.Field:
					if f := analysisutil.FieldValueOf(instr); f != nil && read(instr) {
						c.fieldRead[f] = true
					}
				}
			}
		}
	}
}

// computeSources finds the functions of the package that return a
// fresh cancel function they neither call nor hand to anyone else, so
// that their callers are checked as if they had called
// context.WithCancel themselves. Sources feed sources, hence the loop.
func (c *checker) computeSources() {
	for changed := true; changed; {
		changed = false
		for _, fn := range c.funcs {
			if c.sources[fn] != nil || fn.Parent() != nil || funcObject(fn) == nil {
				continue
			}
			if s := c.sourceResult(fn); s != nil {
				c.sources[fn] = s
				changed = true
			}
		}
	}
}

func (c *checker) sourceResult(fn *ssa.Function) *cancelSource {
	res := fn.Signature.Results()
	var rets []*ssa.Return
	for _, b := range fn.Blocks {
		if n := len(b.Instrs); n > 0 {
			if r, ok := b.Instrs[n-1].(*ssa.Return); ok {
				rets = append(rets, r)
			}
		}
	}
	if len(rets) == 0 {
		return nil
	}
	for k := 0; k < res.Len(); k++ {
		if !isFuncType(res.At(k).Type()) {
			continue
		}
		if s := c.sourceAt(rets, k); s != nil {
			return s
		}
	}
	return nil
}

// sourceAt reports whether every return statement returns, as result
// k, a cancel function created in fn whose only destination is that
// return.
func (c *checker) sourceAt(rets []*ssa.Return, k int) *cancelSource {
	var verb string
	seen := make(map[ssa.Value]bool)
	var origins []ssa.Value
	var trace func(v ssa.Value) bool
	var traceCall func(v ssa.Value, idx int) bool
	trace = func(v ssa.Value) bool {
		if seen[v] {
			return true
		}
		seen[v] = true
		switch v := v.(type) {
		case *ssa.Phi:
			for _, e := range v.Edges {
				if !trace(e) {
					return false
				}
			}
			return true
		case *ssa.ChangeType:
			return trace(v.X)
		case *ssa.Extract:
			return traceCall(v.Tuple, v.Index)
		case *ssa.Call:
			return traceCall(v, 0)
		}
		return false
	}
	traceCall = func(v ssa.Value, idx int) bool {
		call, ok := v.(*ssa.Call)
		if !ok {
			return false
		}
		_, s := c.sourceOf(&call.Call)
		if s == nil || s.Result != idx {
			return false
		}
		if verb == "" {
			verb = s.Verb
		} else if verb != s.Verb {
			verb = "cancel"
		}
		origins = append(origins, analysisutil.ResultValue(call, idx))
		return true
	}
	for _, r := range rets {
		if k >= len(r.Results) || !trace(r.Results[k]) {
			return nil
		}
	}
	for _, o := range origins {
		if o == nil {
			return nil
		}
		us, _ := c.uses(o)
		for _, u := range us {
			if _, ok := u.instr.(*ssa.Return); ok {
				continue
			}
			if u.handled {
				return nil
			}
		}
	}
	return &cancelSource{Result: k, Verb: verb}
}
