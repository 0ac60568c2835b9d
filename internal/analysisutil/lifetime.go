package analysisutil

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// Lifetime answers, for the functions of one package, "how often can
// this run?": a function runs a bounded number of times per process
// when only the process's own start reaches it (main, init functions,
// TestMain, tests, package-level initializers, functions run by a sync.Once
// or sync.OnceFunc...) through calls that no loop repeats. A
// goroutine started there lives, by design, as long as the process;
// one started anywhere else may be started once per object, per
// request or per call, without bound. A function value stored or
// passed on runs where the package calls what it flows to
// (ValueFlow.CallSites); in a main package, also where a command
// framework runs the command it is stored in (commandField).
//
// Repeats answers the converse, "is this shown to run again and
// again?": a function called or started in a loop that is not counted
// (a counted loop makes a fixed pool), one a repeating function calls,
// a request handler, a benchmark, a hook of the standard library (a
// function stored in a field of one of its structs: http.Server's
// ConnState runs per connection). Neither answer holds for an
// exported constructor that a client may call once or per object.
type Lifetime struct {
	once    map[*ssa.Function]bool
	repeats map[*ssa.Function]bool
	// words tells a start guarded by a package-level flag that nothing
	// resets: it runs once per process wherever its function is called.
	// Indexed on first need (most packages start nothing unbounded
	// outside their roots), from funcs.
	words *StateWords
	funcs []*ssa.Function
}

// A use of a function: where it is called (or started), or nil when
// it is used as a value whose calls cannot be followed.
type funcUse struct {
	at     ssa.Instruction // the call, go or defer; nil: unknown
	root   bool            // passed to sync.Once.Do and the like
	repeat bool            // at runs it again and again (b.Run)
}

// NewLifetime computes the functions of pkg that run a bounded number
// of times per process; funcs are its source functions (closures
// included), whose bodies hold every call the package makes.
func NewLifetime(pkg *ssa.Package, funcs []*ssa.Function) *Lifetime {
	l := &Lifetime{once: make(map[*ssa.Function]bool), repeats: make(map[*ssa.Function]bool), funcs: funcs}
	if pkg == nil {
		return l
	}
	uses := make(map[*ssa.Function][]funcUse)
	invoked := make(map[string]bool) // method names called through interfaces
	walked := make(map[*ssa.Function]bool)
	var work []*ssa.Function
	add := func(fn *ssa.Function) {
		if fn != nil && !walked[fn] && fn.Blocks != nil {
			walked[fn] = true
			work = append(work, fn)
		}
	}
	for _, fn := range funcs {
		add(fn)
	}
	if init := pkg.Func("init"); init != nil {
		add(init)
	}
	// Uses of a function value that are not calls, followed once every
	// function is indexed.
	type valueUse struct {
		fn *ssa.Function
		v  ssa.Value
		at ssa.Instruction
	}
	var values []valueUse
	use := func(t *ssa.Function, v ssa.Value, at ssa.Instruction, u funcUse) {
		// Wrappers (bound methods, instances) carry the calls on.
		if t.Pkg == nil || t.Synthetic != "" {
			add(t)
		}
		if o := t.Origin(); o != nil {
			t = o
		}
		if u.at == nil && !u.root && at != nil {
			values = append(values, valueUse{t, v, at})
			return
		}
		uses[t] = append(uses[t], u)
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if c, ok := in.(ssa.CallInstruction); ok && c.Common().IsInvoke() {
					invoked[c.Common().Method.Name()] = true
				}
				if mc, ok := in.(*ssa.MakeClosure); ok {
					t := mc.Fn.(*ssa.Function)
					refs := mc.Referrers()
					if refs == nil || len(*refs) == 0 {
						use(t, mc, nil, funcUse{})
					} else {
						for _, r := range *refs {
							use(t, mc, r, classifyUse(r, mc))
						}
					}
					continue
				}
				for _, p := range in.Operands(nil) {
					if t, ok := (*p).(*ssa.Function); ok {
						use(t, t, in, classifyUse(in, t))
					}
				}
			}
		}
	}
	isMain := pkg.Pkg.Name() == "main"
	// A function value stored or passed on runs where the package calls
	// what it flows to; in a main package, also where a command
	// framework runs the command it was stored in.
	if len(values) > 0 {
		all := make([]*ssa.Function, 0, len(walked))
		for fn := range walked {
			all = append(all, fn)
		}
		vf := NewValueFlow(pkg.Pkg, all)
		var extern func(*ssa.Store) bool
		if isMain {
			extern = commandField
		}
		for _, vu := range values {
			if st, ok := vu.at.(*ssa.Store); ok && stdHook(st) {
				l.repeats[vu.fn] = true
			}
			sites, ok := vf.CallSites(vu.v, vu.at, isMain, extern)
			if !ok {
				uses[vu.fn] = append(uses[vu.fn], funcUse{})
				continue
			}
			for _, at := range sites {
				uses[vu.fn] = append(uses[vu.fn], funcUse{at: at})
			}
		}
	}
	// Least fixed point from the roots: recursion never joins.
	for changed := true; changed; {
		changed = false
		for fn, us := range uses {
			if l.once[fn] || fn.Pkg != pkg && fn.Pkg != nil {
				continue
			}
			if !callable(fn, isMain, invoked) && l.onceUses(fn, us) {
				l.once[fn] = true
				changed = true
			}
		}
		for fn := range walked {
			if !l.once[fn] && root(fn, isMain) {
				l.once[fn] = true
				changed = true
			}
		}
	}
	// Repetition spreads from its roots along uses (RepeatsAt).
	for fn := range walked {
		if repeatRoot(fn) {
			l.repeats[fn] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for fn, us := range uses {
			if l.repeats[fn] {
				continue
			}
			for _, u := range us {
				if u.at != nil && u.at.Parent() != fn && (u.repeat || l.RepeatsAt(u.at)) {
					l.repeats[fn] = true
					changed = true
					break
				}
			}
		}
	}
	return l
}

// RepeatsAt reports whether the call, go or defer statement at runs
// again and again: its function does, or a loop repeats it that is not
// counted (for {}, a range over a channel: an accept loop, a request
// queue). A counted loop (over a slice, up to n) makes a fixed pool
// per run of its function.
func (l *Lifetime) RepeatsAt(at ssa.Instruction) bool {
	return l.Repeats(at.Parent()) || flow.InLoop(at.Block()) && !countedLoops(at.Block())
}

// repeatRoot reports whether fn runs once per request or per round of
// a benchmark: a request handler or service method, a benchmark.
func repeatRoot(fn *ssa.Function) bool {
	return HandlerSignature(fn.Signature) || ServiceMethod(fn) || flow.IsBenchmark(fn)
}

// stdHook reports whether s stores a function into a field of function
// type of a struct of the standard library: a hook it runs per
// connection, request or event (http.Server's ConnState,
// http.Transport's DialContext, tls.Config's GetCertificate). See
// commandField for the fields of other modules.
func stdHook(s *ssa.Store) bool {
	std, ok := funcField(s)
	return ok && std
}

// Repeats reports whether fn is shown to run again and again (see
// Lifetime).
func (l *Lifetime) Repeats(fn *ssa.Function) bool {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	return l.repeats[fn]
}

// commandField reports whether s stores a function into a field of
// function type of a struct declared outside the standard library:
// the command of a command framework (cobra.Command's Run, a
// cli.Command's Action), which a main package hands to the framework
// to run the one command its process was started for. The standard
// library has no command framework: its function fields are hooks
// run per connection, request or event (http.Server's ConnState,
// http.Transport's DialContext, tls.Config's GetCertificate).
func commandField(s *ssa.Store) bool {
	std, ok := funcField(s)
	return ok && !std
}

// funcField reports whether s stores into a field of function type of
// a struct (ok), and whether that struct is the standard library's:
// its package path has no dot in its first element.
func funcField(s *ssa.Store) (std, ok bool) {
	f := FieldOf(s.Addr)
	if f == nil || f.Pkg() == nil {
		return false, false
	}
	if _, ok := f.Type().Underlying().(*types.Signature); !ok {
		return false, false
	}
	first, _, _ := strings.Cut(f.Pkg().Path(), "/")
	return !strings.Contains(first, "."), true
}

// onceUses reports whether every use of fn is a call that a function
// that runs a bounded number of times makes outside any loop, or a
// hand-over to a sync.Once.
func (l *Lifetime) onceUses(fn *ssa.Function, us []funcUse) bool {
	for _, u := range us {
		if u.root {
			continue
		}
		if u.at == nil || u.repeat || u.at.Parent() == fn || !l.Bounded(u.at.Parent()) || flow.InLoop(u.at.Block()) {
			return false
		}
	}
	return len(us) > 0
}

// classifyUse says what the instruction in does with the function
// value v: calls it, starts it, defers it, hands it to a sync.Once or
// to a function of the package that only calls it (which counts as
// calling it there), or something the analysis cannot follow.
func classifyUse(in ssa.Instruction, v ssa.Value) funcUse {
	switch flow.UseOf(v, in) {
	case flow.Called, flow.Deferred, flow.Started:
		if slices.Contains(in.(ssa.CallInstruction).Common().Args, v) {
			return funcUse{} // also handed to itself
		}
		return funcUse{at: in}
	}
	c, ok := in.(ssa.CallInstruction)
	if !ok {
		return funcUse{}
	}
	if onceRunner(c.Common()) {
		return funcUse{root: true}
	}
	if subtest(c.Common(), v) {
		return funcUse{at: in}
	}
	if subBenchmark(c.Common(), v) {
		return funcUse{at: in, repeat: true}
	}
	if callsArgOnce(c, v) {
		return funcUse{at: in}
	}
	return funcUse{}
}

// subtest reports whether c is (*testing.T).Run running v as the
// subtest: it runs v once, and returns when v has (unless v calls
// t.Parallel, still once). A benchmark's b.Run runs its function again
// for each b.N it tries.
func subtest(c *ssa.CallCommon, v ssa.Value) bool {
	return IsMethod(flow.CalleeFunc(c), "testing", "T", "Run") && len(c.Args) > 0 && c.Args[len(c.Args)-1] == v
}

// subBenchmark reports whether c is (*testing.B).Run running v: it
// runs v again for each b.N it tries.
func subBenchmark(c *ssa.CallCommon, v ssa.Value) bool {
	return IsMethod(flow.CalleeFunc(c), "testing", "B", "Run") && len(c.Args) > 0 && c.Args[len(c.Args)-1] == v
}

// callsArgOnce reports whether the call c, to a function of the
// package, runs the function value v it is given at most a fixed
// number of times: v is one argument, and the callee only calls that
// parameter, outside any loop, and keeps it nowhere (measureTime(name,
// func() error {...}), a helper that times or wraps one step). The
// value then runs as often as the call does.
func callsArgOnce(in ssa.CallInstruction, v ssa.Value) bool {
	c := in.Common()
	callee := flow.Callee(c)
	if callee == nil || callee.Pkg != in.Parent().Pkg || callee.Blocks == nil || callee.Synthetic != "" || len(callee.Params) != len(c.Args) {
		return false
	}
	at := -1
	for i, a := range c.Args {
		if a == v {
			if at >= 0 {
				return false
			}
			at = i
		}
	}
	if at < 0 {
		return false
	}
	p := callee.Params[at]
	refs := p.Referrers()
	if refs == nil || len(*refs) == 0 {
		return false
	}
	for _, r := range *refs {
		rc, ok := r.(ssa.CallInstruction)
		if !ok || rc.Common().IsInvoke() || rc.Common().Value != p || flow.InLoop(r.Block()) {
			return false
		}
		for _, a := range rc.Common().Args {
			if a == p {
				return false
			}
		}
	}
	return true
}

// onceRunner reports whether c runs its function argument at most once:
// sync.Once.Do, sync.OnceFunc, sync.OnceValue, sync.OnceValues.
func onceRunner(c *ssa.CallCommon) bool {
	if _, ok := OnceDoArg(c); ok {
		return true
	}
	m := flow.CalleeFunc(c)
	return IsFunc(m, "sync", "OnceFunc") || IsFunc(m, "sync", "OnceValue") || IsFunc(m, "sync", "OnceValues")
}

// OnceDoArg returns the function that c, a call of (*sync.Once).Do,
// runs: when Do returns, it has run to its end, in this call or an
// earlier one. ok is false for any other call.
func OnceDoArg(c *ssa.CallCommon) (fn ssa.Value, ok bool) {
	if len(c.Args) != 2 || !IsMethod(flow.CalleeFunc(c), "sync", "Once", "Do") {
		return nil, false
	}
	return c.Args[1], true
}

// root reports whether the process's start runs fn: main.main, init
// functions and the package initializer, TestMain, a test file's tests
// and examples.
func root(fn *ssa.Function, isMain bool) bool {
	if fn.Parent() != nil || fn.Signature.Recv() != nil {
		return false
	}
	name := fn.Name()
	switch {
	case name == "init" || strings.HasPrefix(name, "init#"):
		return true
	case name == "main":
		return isMain
	case name == "TestMain":
		p := fn.Signature.Params()
		return p.Len() == 1 && types.TypeString(p.At(0).Type(), nil) == "*testing.M"
	case strings.HasPrefix(name, "Example"):
		// go test runs an example once; it stands for a program's main.
		return fn.Signature.Params().Len() == 0 && fn.Signature.Results().Len() == 0 && flow.InTestFile(fn)
	}
	// What a test starts lives at most as long as the test binary,
	// like what main starts.
	return flow.IsTest(fn)
}

// callable reports whether code the package does not hold may call fn
// directly: an exported function or method of a library package, a
// test function, or a method called through an interface.
func callable(fn *ssa.Function, isMain bool, invoked map[string]bool) bool {
	if fn.Parent() != nil || fn.Synthetic != "" {
		return false
	}
	if fn.Signature.Recv() != nil && invoked[fn.Name()] {
		return true
	}
	return !isMain && token.IsExported(fn.Name())
}

// Bounded reports whether fn runs a bounded number of times per process.
func (l *Lifetime) Bounded(fn *ssa.Function) bool {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	return l.once[fn]
}

// StartsBounded reports whether in, a go statement or a call that
// starts a goroutine, runs a bounded number of times per process: its
// function does, and no loop repeats it.
//
// A loop of such a function that ranges over a slice, map, string or
// integer, or tests a condition (for i := 0; i < n; i++), starts a
// bounded number of goroutines (a fixed pool of workers for the life
// of the process); an endless for {} or a range over a channel (an
// accept loop, a request queue) does not.
//
// So does a start that a package-level flag lets through once (if
// !started { started = true; go tick() }, nothing setting started back),
// whoever calls its function.
//
// So, last, does a set-up start (setupStart).
func (l *Lifetime) StartsBounded(in ssa.Instruction) bool {
	if in.Parent() == nil || flow.InLoop(in.Block()) && !countedLoops(in.Block()) {
		return false
	}
	if l.Bounded(in.Parent()) {
		return true
	}
	guards := flagGuards(in)
	return l.onceGuarded(guards) || len(guards) == 0 && setupStart(in)
}

// setupStart reports whether in is a go statement, outside any loop, of
// a package-level function without receiver or parameters, that starts
// a function binding no variables, with no arguments but constants and
// package-level variables: the goroutine takes nothing from the call
// that starts it. Every call starts the same goroutine on the same
// package state; a second one would duplicate a service of the
// package, not serve more work. Such a function is a set-up step
// (InitDB, StartUpdater), run once per process wherever it is called
// from. StartsBounded asks it only where no package-level flag guards
// the start: such a flag decides (onceGuarded), and one that is set
// back (StopReporting) makes the start a restart.
func setupStart(in ssa.Instruction) bool {
	g, ok := in.(*ssa.Go)
	if !ok || flow.InLoop(in.Block()) {
		return false
	}
	starter := in.Parent()
	if starter.Parent() != nil || starter.Signature.Recv() != nil || starter.Signature.Params().Len() != 0 {
		return false
	}
	if _, ok := g.Call.Value.(*ssa.Function); !ok || g.Call.IsInvoke() {
		return false
	}
	for _, a := range g.Call.Args {
		switch a.(type) {
		case *ssa.Const, *ssa.Global:
		default:
			return false
		}
	}
	return true
}

// A flagGuard is an if of in's function on a flag of a package-level
// variable (FlagTest) whose unset side leads to in.
type flagGuard struct {
	b     *ssa.BasicBlock
	load  *ssa.UnOp
	unset constant.Value
	succ  int
}

// flagGuards returns the flag tests of package-level variables in
// front of in.
func flagGuards(in ssa.Instruction) []flagGuard {
	var gs []flagGuard
	for _, b := range in.Parent().Blocks {
		load, unset, succ, ok := FlagTest(b)
		if ok && packageLevel(load.X) && b.Succs[succ].Dominates(in.Block()) {
			gs = append(gs, flagGuard{b, load, unset, succ})
		}
	}
	return gs
}

// onceGuarded reports whether one of guards lets the program into the
// region it guards once (StateWords.OnceEntry).
func (l *Lifetime) onceGuarded(guards []flagGuard) bool {
	for _, g := range guards {
		if l.words == nil {
			l.words = NewStateWords(l.funcs)
		}
		if l.words.OnceEntry(g.b, g.load, g.unset, g.succ) {
			return true
		}
	}
	return false
}

// packageLevel reports whether addr is a package-level variable or a
// field of one (through struct fields, not pointers).
func packageLevel(addr ssa.Value) bool {
	for {
		switch a := addr.(type) {
		case *ssa.Global:
			return true
		case *ssa.FieldAddr:
			addr = a.X
		default:
			return false
		}
	}
}

// countedLoops reports whether every loop around b is one that ranges
// over a slice, map, string or integer, or has a condition.
func countedLoops(b *ssa.BasicBlock) bool {
	fwd, bwd := flow.Forward.Reach(b), flow.Backward.Reach(b)
	for h := range fwd {
		if !bwd[h] {
			continue // not in a loop with b
		}
		for _, p := range h.Preds {
			if !fwd[p] || !bwd[p] || !h.Dominates(p) {
				continue
			}
			// h heads a loop around b (p->h is its back edge).
			switch h.Comment {
			case "for.loop", "rangeindex.loop", "rangeiter.loop", "rangeint.loop", "rangeint.body":
			default:
				return false
			}
		}
	}
	return true
}
