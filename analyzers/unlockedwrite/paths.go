package unlockedwrite

import (
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// paths finds how a function writing a guarded field without the lock
// is reached from code that runs beside the lock's other users: a
// goroutine's body (a go statement's function, a function handed to
// sync.WaitGroup.Go, errgroup.Group.Go or time.AfterFunc, an http
// handler), or an exported method that does nothing that could order
// it after them (no channel operation, wait or call other than to such
// quiet functions), through calls of the package each made on the
// same receiver with no lock held.
type paths struct {
	res    *lockset.Result
	bodies map[*ssa.Function]ssa.Instruction // goroutine bodies and where they start
	quiet  map[*ssa.Function]bool
	// running caches inGoroutines.
	running map[*ssa.Function]bool
}

// A route is one such way: the root, and the calls from it to the
// writing function.
type route struct {
	start ssa.Instruction // the go statement or registration; nil for an exported method
	root  *ssa.Function
	calls []ssa.CallInstruction
	// goroutine: root runs in a goroutine of its own (a go statement,
	// a handler), not in an exported method's caller.
	goroutine bool
}

func newPaths(pass *analysis.Pass, res *lockset.Result) *paths {
	p := &paths{res: res, bodies: map[*ssa.Function]ssa.Instruction{}, quiet: map[*ssa.Function]bool{}}
	for _, fn := range res.Functions() {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				var v ssa.Value
				switch x := in.(type) {
				case *ssa.Go:
					if !x.Call.IsInvoke() {
						v = x.Call.Value
					}
				case *ssa.Call:
					v = analysisutil.StartedArg(pass.Pkg, x.Common())
				}
				if body, _ := funcValue(v); body != nil {
					if _, ok := p.bodies[body]; !ok {
						p.bodies[body] = in
					}
				}
			}
		}
	}
	for _, st := range findStarts(pass, res) {
		if _, ok := p.bodies[st.fn]; st.handler && !ok {
			p.bodies[st.fn] = st.site
		}
	}
	return p
}

// find returns a route to fn, whose receiver is the written object:
// fn itself when it is a goroutine's body or a quiet exported method.
func (p *paths) find(fn *ssa.Function) (route, bool) {
	return p.findDepth(fn, 0, map[*ssa.Function]bool{})
}

func (p *paths) findDepth(fn *ssa.Function, depth int, seen map[*ssa.Function]bool) (route, bool) {
	if seen[fn] || depth > 4 {
		return route{}, false
	}
	seen[fn] = true
	if site, ok := p.bodies[fn]; ok {
		return route{start: site, root: fn, goroutine: true}, true
	}
	if fn.Signature.Recv() != nil && exported(fn) && p.isQuiet(fn, 0) {
		return route{root: fn}, true
	}
	for _, site := range p.res.CallSites(fn) {
		c, ok := site.(*ssa.Call)
		if !ok || len(c.Call.Args) == 0 {
			continue
		}
		caller := c.Parent()
		cf := p.res.Funcs[caller]
		if cf == nil || cf.EntryLocked || len(cf.HeldBefore(c)) > 0 || len(cf.MayHeldBefore(c)) > 0 {
			continue
		}
		if !analysisutil.SameReceiver(caller, c.Call.Args[0]) {
			continue
		}
		if r, ok := p.findDepth(caller, depth+1, seen); ok {
			r.calls = append(r.calls, c)
			return r, true
		}
	}
	return route{}, false
}

// isQuiet reports whether fn touches no channel, starts no goroutine
// and calls only functions of pure packages (fmt, strings...) or quiet
// functions of its own package: nothing in it can order it after
// another goroutine's work.
func (p *paths) isQuiet(fn *ssa.Function, depth int) bool {
	if q, ok := p.quiet[fn]; ok {
		return q
	}
	p.quiet[fn] = false // recursion: not quiet
	q := depth < 4 && fn.Blocks != nil && len(fn.AnonFuncs) == 0
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if !q {
				break
			}
			switch x := in.(type) {
			case *ssa.Send, *ssa.Select, *ssa.Go, *ssa.Defer:
				q = false
			case *ssa.UnOp:
				q = x.Op != token.ARROW
			case *ssa.Call:
				c := x.Common()
				if _, ok := c.Value.(*ssa.Builtin); ok {
					continue
				}
				callee := c.StaticCallee()
				switch {
				case callee == nil:
					q = false
				case callee.Pkg != nil && quietCall(callee):
				case callee.Pkg == fn.Pkg && p.res.Funcs[callee] != nil:
					q = p.isQuiet(callee, depth+1)
				default:
					q = false
				}
			}
		}
	}
	p.quiet[fn] = q
	return q
}

// quietPkgs are packages, besides pureCallPkgs, whose functions do
// not wait for other goroutines.
var quietPkgs = map[string]bool{
	"sort": true, "slices": true, "maps": true, "unicode": true, "path": true,
	"path/filepath": true, "net/url": true, "encoding/json": true, "encoding/hex": true,
	"encoding/base64": true, "log": true, "time": true,
}

// quietCall reports whether a call of fn, of another package, cannot
// wait for another goroutine: time's sleeps, timers and tickers can.
func quietCall(fn *ssa.Function) bool {
	path := fn.Pkg.Pkg.Path()
	if path == "time" {
		if fn.Signature.Recv() != nil {
			return analysisutil.IsNamed(fn.Signature.Recv().Type(), "time", "Time") || analysisutil.IsNamed(fn.Signature.Recv().Type(), "time", "Duration")
		}
		switch fn.Name() {
		case "Sleep", "After", "Tick", "NewTimer", "NewTicker", "AfterFunc":
			return false
		}
	}
	return pureCallPkgs[path] || quietPkgs[path]
}

// relate adds the route to d and the trace.
func (r route) relate(pass *analysis.Pass, d *analysis.Diagnostic, tr *finding.Trace) {
	if r.root == nil {
		return
	}
	if r.start != nil {
		msg := "goroutine started here"
		if _, ok := r.start.(*ssa.Go); !ok {
			msg = "run concurrently from here"
		}
		tr.Related(d, finding.Place{Pos: r.start.Pos(), Message: msg, Goroutine: analysisutil.Goroutine(pass.Fset, r.start.Parent()), Op: finding.OpGo})
	}
	g := analysisutil.Goroutine(pass.Fset, r.root)
	if r.start != nil {
		g = finding.Spawned(pass.Fset, r.start.Pos())
	}
	for _, c := range r.calls {
		tr.Related(d, finding.Place{Pos: c.Pos(), Message: "called without the lock here", Goroutine: g})
	}
}

// locksElsewhere reports whether a's function itself acquires guard,
// the mutex field of the written object, and nothing that waits for
// another goroutine (a receive, a select, a Wait) can run before the
// write: the function runs beside the lock's other users, yet writes
// outside it.
func (p *paths) locksElsewhere(guard int, a access) bool {
	f := p.res.Funcs[a.fn]
	if f == nil {
		return false
	}
	want := a.base.Path + "." + strconv.Itoa(guard)
	locks := false
	for _, acq := range f.Acquires {
		k := acq.Key
		if acq.Via == nil && k.Root == a.base.Root && k.Global == a.base.Global && (k.Path == want || strings.HasPrefix(k.Path, want+".")) {
			locks = true
		}
	}
	if !locks {
		return false
	}
	for _, b := range a.fn.Blocks {
		for _, in := range b.Instrs {
			if waitsHere(in) && (in == a.instr || flow.Reaches(in, a.instr, nil)) {
				return false
			}
		}
	}
	return true
}

// waitsHere reports whether in may wait for another goroutine.
func waitsHere(in ssa.Instruction) bool {
	switch x := in.(type) {
	case *ssa.UnOp:
		return x.Op == token.ARROW
	case *ssa.Select:
		return true
	case ssa.CallInstruction:
		if m := flow.CalleeFunc(x.Common()); m != nil {
			return m.Name() == "Wait" || m.Name() == "Stop" || m.Name() == "Close"
		}
	}
	return false
}

// lockedOnlyBesideOthers reports whether the mutex field mu is taken
// in a goroutine the package starts (its body, or a function of the
// package it calls), while none of fs's accesses runs in such a
// goroutine. The layout then names the wrong charge: the mutex is
// there for what that goroutine shares (an event reader's path table),
// and the field, touched only by the caller's methods, is not shared
// with it (a watch table AddWatch writes inside the section it
// happened to open for the path table). Methods of a type that starts
// no goroutine of its own are another matter: its mutex can only be
// there for callers that run beside each other.
func (p *paths) lockedOnlyBesideOthers(mu *types.Var, fs *fieldStats) bool {
	in := p.inGoroutines()
	for _, a := range fs.accesses {
		if in[a.fn] {
			return false
		}
	}
	for _, a := range fs.underOther {
		if in[a.fn] {
			return false
		}
	}
	for fn := range in {
		if f := p.res.Funcs[fn]; f != nil {
			for _, acq := range f.Acquires {
				if acq.Via == nil && acq.Key.Field() == mu {
					return true
				}
			}
		}
	}
	return false
}

// inGoroutines returns the goroutine bodies of the package and the
// functions of the package they call, directly or through others.
func (p *paths) inGoroutines() map[*ssa.Function]bool {
	if p.running != nil {
		return p.running
	}
	p.running = map[*ssa.Function]bool{}
	var stack []*ssa.Function
	for body := range p.bodies {
		stack = append(stack, body)
	}
	for len(stack) > 0 {
		fn := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if p.running[fn] {
			continue
		}
		p.running[fn] = true
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				c, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if callee := c.Common().StaticCallee(); callee != nil && callee.Pkg == fn.Pkg && p.res.Funcs[callee] != nil {
					stack = append(stack, callee)
				}
			}
		}
	}
	return p.running
}
