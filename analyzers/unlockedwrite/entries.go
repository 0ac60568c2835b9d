package unlockedwrite

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// A start is a place that runs a function so that it may run beside
// another run of itself: a go statement, or a function handed to
// sync.WaitGroup.Go, errgroup.Group.Go or time.AfterFunc, in a loop
// that does not wait between iterations; or an http handler (a
// function or literal of handler type used as a value, a ServeHTTP
// method) or a gRPC service method, which the server runs once per
// request, concurrently. What such a function writes without a lock
// into state every run shares races with the other runs.
type start struct {
	site     ssa.Instruction // nil for a handler method
	fn       *ssa.Function
	bindings []ssa.Value              // the closure's bindings
	args     []ssa.Value              // the arguments of a named function started in a loop
	loop     map[*ssa.BasicBlock]bool // the loop around site, nil for a handler
	handler  bool
}

// scope says which roots of the function being scanned reach state
// shared by every run of the start: parameters and free variables.
type scope struct {
	fn     *ssa.Function
	params map[int]bool
	free   map[int]bool
	// path is the chain of calls from the start to fn, no lock held
	// at any of them.
	path []ssa.Instruction
	// dead holds the blocks of fn that the constant arguments of the
	// last call of path rule out (flow.DeadWith).
	dead map[*ssa.BasicBlock]bool
}

func checkGoroutines(pass *analysis.Pass, res *lockset.Result, done map[token.Pos]bool) {
	sm := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
	for _, st := range findStarts(pass, res) {
		body := res.Funcs[st.fn]
		if body == nil || selfSynchronized(st.fn) || sm.ChanLocked(st.fn) {
			continue
		}
		sc := &scope{fn: st.fn, params: map[int]bool{}, free: map[int]bool{}}
		if st.fn.Signature.Recv() != nil && len(st.bindings) == 1 && len(st.fn.FreeVars) == 0 {
			// A method value: the receiver is bound once.
			if invariant(st.bindings[0], st.loop) && isPointerLike(st.bindings[0].Type()) {
				sc.params[0] = true
			}
		}
		for i := range st.fn.FreeVars {
			if i < len(st.bindings) && invariant(st.bindings[i], st.loop) && !awaitedByMaker(st, st.bindings[i]) {
				sc.free[i] = true
			}
		}
		switch {
		case st.handler && st.site == nil:
			// ServeHTTP or a service method: the receiver is the
			// server, shared by every request.
			if st.fn.Signature.Recv() != nil {
				sc.params[0] = true
			}
		case !st.handler:
			sc.dead = flow.DeadWith(st.fn, st.args)
			for i, a := range st.args {
				if i < len(st.fn.Params) && isPointerLike(a.Type()) && invariant(a, st.loop) {
					sc.params[i] = true
				}
			}
		}
		reported := map[string]bool{}
		seen := map[*ssa.Function]bool{}
		scanStart(pass, res, st, sc, reported, done, seen, 0)
	}
}

// awaitedByMaker reports whether binding, a variable of the function
// that makes the handler st, is read by that function after it hands
// the handler away: a per-request adapter that builds a handler, has
// another package serve it there and then, and reads what the handler
// set (next = true, then if !next {...}) waits for the one run that
// its own variable sees. Each run of the maker has its own variable.
//
// Not when the maker registers a handler (on a mux, a server, an
// httptest server) or is main: there the handler serves many requests,
// and a read after it races with them.
func awaitedByMaker(st start, binding ssa.Value) bool {
	alloc, ok := binding.(*ssa.Alloc)
	if !st.handler || st.site == nil || !ok || alloc.Parent() != st.site.Parent() || alloc.Referrers() == nil {
		return false
	}
	if maker := alloc.Parent(); flow.IsMain(maker) || registersHandler(maker) {
		return false
	}
	for _, r := range *alloc.Referrers() {
		if load, ok := r.(*ssa.UnOp); ok && load.Op == token.MUL && flow.Reaches(st.site, load, nil) {
			return true
		}
	}
	return false
}

// registersHandler reports whether fn hands a handler to net/http or
// httptest to serve many requests (Handle, HandleFunc, ListenAndServe,
// Serve, NewServer and the like), or stores one in a field
// (http.Server's Handler).
func registersHandler(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case ssa.CallInstruction:
				callee := flow.CalleeFunc(in.Common())
				if callee == nil || callee.Pkg() == nil {
					continue
				}
				switch callee.Pkg().Path() {
				case "net/http", "net/http/httptest":
					switch callee.Name() {
					case "Handle", "HandleFunc", "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS",
						"NewServer", "NewTLSServer", "NewUnstartedServer":
						return true
					}
				}
			case *ssa.Store:
				if _, ok := in.Addr.(*ssa.FieldAddr); ok && analysisutil.IsNamed(in.Val.Type(), "net/http", "Handler") {
					return true
				}
			}
		}
	}
	return false
}

// scanStart reports the unlocked writes to shared state of sc.fn, and
// follows the calls it makes with no lock held into the package's
// helpers, to a small depth.
func scanStart(pass *analysis.Pass, res *lockset.Result, st start, sc *scope, reported map[string]bool, done map[token.Pos]bool, seen map[*ssa.Function]bool, depth int) {
	f := res.Funcs[sc.fn]
	if f == nil || seen[sc.fn] || f.EntryLocked && depth == 0 || otherLocking(res, sc.fn) {
		return
	}
	seen[sc.fn] = true
	sm := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
	for _, b := range sc.fn.Blocks {
		if res.Dead(b) || sc.dead[b] {
			continue // runs only when a never-nil field is nil, or for other arguments
		}
		for _, instr := range b.Instrs {
			if len(f.HeldBefore(instr)) > 0 || len(f.MayHeldBefore(instr)) > 0 || !instr.Pos().IsValid() && !isCall(instr) {
				continue
			}
			if c, ok := instr.(*ssa.Call); ok {
				helperStart(pass, res, st, sc, c, reported, done)
			}
			if c, ok := instr.(*ssa.Call); ok && depth < 3 && c.Call.StaticCallee() != nil {
				if sub := calleeScope(res, sc, c); sub != nil && !sm.ChanLockHeld(c) && !afterCAS(c) {
					scanStart(pass, res, st, sub, reported, done, seen, depth+1)
				}
				continue
			}
			addr, what := writtenAddr(instr)
			if addr == nil || done[instr.Pos()] || afterCAS(instr) || sm.ChanLockHeld(instr) {
				continue
			}
			name, ok := sc.sharedAddr(addr, 0)
			if !ok || reported[name] || failureSignal(pass, st, sc, addr) {
				continue
			}
			reported[name] = true
			done[instr.Pos()] = true
			reportStart(pass, st, sc, instr, what, name)
		}
	}
}

// failureSignal reports whether addr, written by the start's own
// function, is a variable of a test that its goroutines only use to
// tell it that something failed (flow.Ends.FailureSignal): the writes
// race only once the test has failed.
func failureSignal(pass *analysis.Pass, st start, sc *scope, addr ssa.Value) bool {
	fv, ok := addr.(*ssa.FreeVar)
	if !ok || sc.fn != st.fn {
		return false
	}
	for i, v := range st.fn.FreeVars {
		if v == fv && i < len(st.bindings) {
			cell, ok := st.bindings[i].(*ssa.Alloc)
			return ok && pass.ResultOf[chanmodel.Analyzer].(*chanmodel.Model).Ends().FailureSignal(cell)
		}
	}
	return false
}

func isCall(instr ssa.Instruction) bool {
	_, ok := instr.(*ssa.Call)
	return ok
}

func reportStart(pass *analysis.Pass, st start, sc *scope, instr ssa.Instruction, what, name string) {
	reportRun(pass, st, sc, instr.Pos(), func(where, others string) string {
		return fmt.Sprintf("%s %s %s races with %s: no lock is held", what, name, where, others)
	}, nil)
}

// reportRun reports a write at pos that every run of the start makes:
// msg words it, given where it runs and what it races with; more adds
// related information of its own.
func reportRun(pass *analysis.Pass, st start, sc *scope, pos token.Pos, msg func(where, others string) string, more func(d *analysis.Diagnostic, tr *finding.Trace, spawned string)) {
	where, others, startMsg := "in a goroutine started in a loop", "the other goroutines", "goroutines started here"
	if st.handler {
		where, others, startMsg = "in a handler", "concurrent requests", "handler registered here"
		if st.site == nil {
			where = "in " + st.fn.Name()
		}
	}
	d := analysis.Diagnostic{
		Category: "loop",
		Pos:      pos,
		Message:  msg(where, others),
	}
	var tr finding.Trace
	spawned := finding.Spawned(pass.Fset, pos)
	// A handler made by a conversion (http.HandlerFunc(func...)) has
	// no position of its own to name.
	if st.site != nil && st.site.Pos().IsValid() {
		spawned = finding.Spawned(pass.Fset, st.site.Pos())
		tr.Related(&d, finding.Place{Pos: st.site.Pos(), Message: startMsg, Goroutine: analysisutil.Goroutine(pass.Fset, st.site.Parent()), Op: finding.OpGo})
	}
	for _, c := range sc.path {
		tr.Related(&d, finding.Place{Pos: c.Pos(), Message: "called here without a lock", Goroutine: spawned})
	}
	if more != nil {
		more(&d, &tr, spawned)
	}
	tr.Step(finding.Place{Pos: pos, Goroutine: spawned, Op: finding.OpWrite})
	tr.Step(finding.Place{Pos: pos, Message: "the same write, at the same time, in another run", Goroutine: spawned + " (another run)", Op: finding.OpWrite})
	tr.Report(pass, d)
}

// calleeScope returns the scope of the package's function c calls
// statically, when some argument reaches shared state.
func calleeScope(res *lockset.Result, sc *scope, c *ssa.Call) *scope {
	callee := c.Call.StaticCallee()
	if callee == nil || callee.Blocks == nil || res.Funcs[callee] == nil || callee.Pkg != sc.fn.Pkg || lockedHelper(callee) {
		return nil
	}
	sub := &scope{fn: callee, params: map[int]bool{}, free: map[int]bool{}, path: append(append([]ssa.Instruction(nil), sc.path...), c), dead: flow.DeadWith(callee, c.Call.Args)}
	any := false
	for i, a := range c.Call.Args {
		if i < len(callee.Params) && isPointerLike(a.Type()) {
			if _, ok := sc.sharedAddr(a, 0); ok {
				sub.params[i] = true
				any = true
			}
		}
	}
	if !any && !writesGlobals(callee) {
		return nil
	}
	return sub
}

// writesGlobals reports whether fn stores into a package variable, or
// into a map one holds.
func writesGlobals(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if addr, _ := writtenAddr(in); addr != nil {
				if _, ok := addr.(*ssa.Global); ok {
					return true
				}
			}
		}
	}
	return false
}

// writtenAddr returns the address instr writes (a store, or a map
// store, delete or clear through a map held at the address), and says
// how.
func writtenAddr(instr ssa.Instruction) (ssa.Value, string) {
	switch x := instr.(type) {
	case *ssa.Store:
		return x.Addr, "write to"
	case *ssa.MapUpdate:
		if l, ok := x.Map.(*ssa.UnOp); ok && l.Op == token.MUL {
			return l.X, "map store into"
		}
	case *ssa.Call:
		if b, ok := x.Call.Value.(*ssa.Builtin); ok && (b.Name() == "delete" || b.Name() == "clear") && len(x.Call.Args) > 0 {
			if l, ok := x.Call.Args[0].(*ssa.UnOp); ok && l.Op == token.MUL && analysisutil.IsMap(l.Type()) {
				return l.X, b.Name() + " on"
			}
		}
	}
	return nil, ""
}

// sharedAddr reports whether the address v, in sc.fn, is state every
// run of the start shares, and names it: a package variable, a shared
// captured variable or parameter, or a field of a struct reached from
// one.
func (sc *scope) sharedAddr(v ssa.Value, depth int) (string, bool) {
	if depth > 4 {
		return "", false
	}
	switch a := v.(type) {
	case *ssa.Global:
		return a.Name(), true
	case *ssa.FreeVar:
		for i, fv := range sc.fn.FreeVars {
			if fv == a && sc.free[i] {
				return a.Name(), true
			}
		}
	case *ssa.Parameter:
		for i, p := range sc.fn.Params {
			if p == a && sc.params[i] {
				return a.Name(), true
			}
		}
	case *ssa.UnOp:
		// A pointer loaded from a shared captured variable.
		if a.Op == token.MUL {
			if fv, ok := a.X.(*ssa.FreeVar); ok {
				return sc.sharedAddr(fv, depth+1)
			}
			if g, ok := a.X.(*ssa.Global); ok {
				return g.Name(), true
			}
			// A parameter a function literal captures lives in a
			// cell: the cell holds the parameter.
			if cell, ok := a.X.(*ssa.Alloc); ok {
				if v := accesspath.StoredOnce(cell); v != nil {
					return sc.sharedAddr(v, depth+1)
				}
			}
			// A pointer held in a field of shared state (a.m of the
			// server every request captures): what it points to is
			// shared as well.
			if fa, ok := a.X.(*ssa.FieldAddr); ok && isPointerLike(a.Type()) {
				return sc.sharedAddr(fa, depth+1)
			}
		}
	case *ssa.FieldAddr:
		base, ok := sc.sharedAddr(a.X, depth+1)
		if !ok {
			return "", false
		}
		st := analysisutil.PointedStruct(a.X.Type())
		if st == nil || a.Field >= st.NumFields() || lockset.IsMutex(st.Field(a.Field).Type()) {
			return "", false
		}
		return base + "." + st.Field(a.Field).Name(), true
	}
	return "", false
}

// invariant reports whether v is the same value in every iteration of
// loop (every value is, for a handler: the closure is made once and
// run per request).
func invariant(v ssa.Value, loop map[*ssa.BasicBlock]bool) bool {
	if loop == nil {
		return true
	}
	switch v := v.(type) {
	case *ssa.Parameter, *ssa.Global, *ssa.FreeVar, *ssa.Const, *ssa.Function:
		return true
	case ssa.Instruction:
		return v.Block() != nil && !loop[v.Block()]
	}
	return false
}

func isPointerLike(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Map:
		return true
	}
	return false
}

// afterCAS reports whether instr runs only when a CompareAndSwap
// succeeded: one goroutine only gets there (the first error wins, or
// the one that moved a state word to initializing runs the set-up,
// the others retrying until it is done). A helper called there runs
// in that goroutine alone too.
func afterCAS(instr ssa.Instruction) bool {
	for b := instr.Block(); b != nil; b = b.Idom() {
		idom := b.Idom()
		if idom == nil || len(idom.Instrs) == 0 {
			continue
		}
		ifi, ok := idom.Instrs[len(idom.Instrs)-1].(*ssa.If)
		if !ok || len(b.Preds) != 1 || b.Preds[0] != idom {
			continue
		}
		// if cas() { here }, or if !cas() { retry }; here.
		cond, success := ifi.Cond, 0
		if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
			cond, success = u.X, 1
		}
		if idom.Succs[success] != b {
			continue
		}
		if c, ok := cond.(*ssa.Call); ok {
			if m := flow.CalleeFunc(c.Common()); m != nil && strings.HasPrefix(m.Name(), "CompareAndSwap") {
				return true
			}
		}
	}
	return false
}

// findStarts lists the starts of the package.
func findStarts(pass *analysis.Pass, res *lockset.Result) []start {
	cm := pass.ResultOf[chanmodel.Analyzer].(*chanmodel.Model)
	var out []start
	handlers := map[*ssa.Function]bool{}
	var vf *analysisutil.ValueFlow
	for _, fn := range res.Functions() {
		if analysisutil.ServiceMethod(fn) && !handlers[fn] && !inTest(pass, fn) && !analysisutil.TestSupportPath(pass.Pkg.Path()) {
			handlers[fn] = true
			out = append(out, start{fn: fn, handler: true})
		}
		for _, b := range fn.Blocks {
			var loop map[*ssa.BasicBlock]bool
			var wait waiting
			loopDone := false
			inLoop := func() (map[*ssa.BasicBlock]bool, waiting) {
				if !loopDone {
					loopDone = true
					loop = flow.LoopOf(b)
					if loop != nil {
						wait = waits(loop)
					}
				}
				return loop, wait
			}
			for _, instr := range b.Instrs {
				// Handlers: a function of handler type used as a value.
				var rands []*ssa.Value
				for i, r := range instr.Operands(rands) {
					lit, bindings := funcValue(*r)
					if lit == nil || !analysisutil.HandlerSignature(lit.Signature) || handlers[lit] {
						continue
					}
					if ci, ok := instr.(ssa.CallInstruction); ok && i == 0 && ci.Common().Value == *r {
						continue // called, not registered
					}
					if _, ok := instr.(*ssa.MakeClosure); ok {
						continue // the closure value is what gets used
					}
					if vf == nil {
						vf = analysisutil.NewValueFlow(pass.Pkg, res.Functions())
					}
					if vf.OnlyCalled(*r, instr, servesOnCaller) {
						// Never served: called directly, on its
						// caller's goroutine (a fake RoundTripper's,
						// a table test's), once per call.
						continue
					}
					handlers[lit] = true
					if inTest(pass, fn) || analysisutil.TestSupportPath(pass.Pkg.Path()) {
						// A test's server, or a fake in a package of its
						// module's test support, mostly answers the
						// tests' own requests, one at a time.
						continue
					}
					out = append(out, start{site: instr, fn: lit, bindings: bindings, handler: true})
				}
				var c *ssa.CallCommon
				var fv ssa.Value
				switch x := instr.(type) {
				case *ssa.Go:
					c = x.Common()
					if !c.IsInvoke() {
						fv = c.Value
					}
				case *ssa.Call:
					c = x.Common()
					fv = analysisutil.StartedArg(pass.Pkg, c)
				}
				if fv == nil {
					continue
				}
				lit, bindings := funcValue(fv)
				if lit == nil {
					continue
				}
				loop, wait := inLoop()
				if loop == nil || wait == waitsAny || wait == waitsRecv && wakes(cm, lit) {
					continue // the loop may wait for each goroutine
				}
				st := start{site: instr, fn: lit, bindings: bindings, loop: loop}
				if fv == c.Value {
					st.args = c.Args
				}
				out = append(out, st)
			}
		}
	}
	return out
}

// funcValue returns the function v denotes and its closure bindings;
// for a method value (s.handle), the method and, as its bindings, the
// receiver.
func funcValue(v ssa.Value) (*ssa.Function, []ssa.Value) {
	fn, bindings := analysisutil.FuncValue(v)
	if fn == nil {
		return nil, nil
	}
	if m := analysisutil.BoundMethod(fn); m != nil {
		return m, bindings
	}
	if fn.Blocks == nil {
		return nil, nil // declared without a body here: nothing to follow
	}
	return fn, bindings
}

// servesOnCaller reports whether the call c runs x, a handler, then
// and there and keeps it no longer: the ServeHTTP method of
// http.HandlerFunc (x converted to it, or to http.Handler).
func servesOnCaller(c *ssa.CallCommon, x ssa.Value) bool {
	if c.IsInvoke() {
		return c.Value == x && c.Method.Name() == "ServeHTTP" && analysisutil.IsNamed(x.Type(), "net/http", "Handler")
	}
	return len(c.Args) > 0 && c.Args[0] == x && analysisutil.IsMethod(flow.CalleeFunc(c), "net/http", "HandlerFunc", "ServeHTTP")
}

// inTest reports whether fn is declared in a _test.go file.
func inTest(pass *analysis.Pass, fn *ssa.Function) bool {
	return strings.HasSuffix(pass.Fset.Position(fn.Pos()).Filename, "_test.go")
}

// otherLocking reports whether fn calls a lock function the lock-set
// model does not know (the runtime's lock(&l), a spinlock's Lock), or a
// helper of the package that may return holding a mutex it cannot name
// in fn's terms (lockNodes(ns...), locking each node in a loop): what
// fn holds is unknown, so nothing is judged there.
func otherLocking(res *lockset.Result, fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			c, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if callee := c.Common().StaticCallee(); callee != nil && res.LeavesUnnamedLocked(callee) {
				return true
			}
			m := flow.CalleeFunc(c.Common())
			if m == nil || m.Pkg() == nil || m.Pkg().Path() == "sync" {
				continue
			}
			if n := strings.ToLower(m.Name()); n == "lock" || n == "rlock" || strings.HasPrefix(n, "lockwith") {
				return true
			}
		}
	}
	return false
}
