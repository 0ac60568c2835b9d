package syncmodel

import (
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// A join can wait only for a goroutine that tells it something: what
// a goroutine wrote is ordered before a waiter's reads only through an
// operation of the goroutine that releases the waiter (a Done on the
// WaitGroup waited on, a send or close on the channel received from,
// a Signal or Broadcast, an atomic store the waiter polls) or through
// another goroutine it tells in turn. MayRelease answers, for the
// goroutine a go statement starts, whether it performs any such
// operation, in its function or in the package's functions it calls:
//
//	go func() { echoed[i]++ }()   // tells nobody: no join waits for it
//	go func() { defer wg.Done(); out[i] = f() }()
//
// A wait on a known WaitGroup is released only by a Done on that
// WaitGroup (by Names, as EventsOn), so a srv.wg.Wait() does not wait
// for a goroutine that marks only wg Done. Anything else a goroutine
// tells (a send, a close, a go statement that may start a teller, a
// function value called, an atomic operation) may release any join.
// The function of another package a goroutine calls is taken, as in
// Func.Signals, to tell nothing; a goroutine whose function is not
// the package's (go srv.Serve(l)), or not known, may tell anything.

// maxReleaseDepth bounds the calls MayRelease follows into.
const maxReleaseDepth = 4

// MayRelease reports whether the goroutine started by g may release a
// join of waiter: any join when wg is the zero Object, else a Wait on
// the WaitGroup wg (an object of waiter).
func (m *Model) MayRelease(g *ssa.Go, waiter *ssa.Function, wg Object) bool {
	fn := flow.Callee(g.Common())
	if fn == nil {
		fn, _, _ = funcOf(g.Call.Value)
	}
	if fn == nil || m.byFn[flow.Origin(fn)] == nil {
		return true
	}
	var wgNames []Object
	if wg.Known() {
		wgNames = m.Names(waiter, wg, 2)
	}
	seen := make(map[*ssa.Function]bool)
	var tells func(fn *ssa.Function, depth int) bool
	tells = func(fn *ssa.Function, depth int) bool {
		fn = flow.Origin(fn)
		f := m.byFn[fn]
		if f == nil || seen[fn] {
			return false
		}
		if depth > maxReleaseDepth {
			return true // too deep to tell: it may
		}
		seen[fn] = true
		var skip func(Object) bool
		if wgNames != nil {
			skip = func(o Object) bool { return !sameAny(wgNames, m.Names(fn, o, 2)) }
		}
		if m.directBut(f, skip) {
			return true
		}
		for _, e := range f.Events {
			if e.Kind == Run {
				return true
			}
		}
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				call, ok := in.(ssa.CallInstruction)
				if !ok {
					continue
				}
				c := call.Common()
				if _, ok := c.Value.(*ssa.Builtin); ok {
					continue
				}
				if c.IsInvoke() {
					if impl := m.invoked[in]; impl != nil && tells(impl, depth+1) {
						return true
					}
					continue
				}
				if obj := flow.CalleeFunc(c); obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "sync/atomic" {
					return true
				}
				callee := flow.Callee(c)
				if callee == nil {
					callee, _, _ = funcOf(c.Value) // a function value: directBut counts it
				}
				if callee != nil && tells(callee, depth+1) {
					return true
				}
			}
		}
		return false
	}
	return tells(fn, 0)
}
