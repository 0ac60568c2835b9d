package syncmodel

import (
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// Test code that runs while nothing else does: a test helper that
// inspects an object's internals, called before the test starts the
// object's goroutines, after it has joined them, or on an object that
// never starts any. QuietInTest asks whether an instruction is such
// code for the goroutines that can run some functions (lockorder: the
// functions that take the other order).
//
// The answer follows the test's own goroutine and what it starts:
//
//   - the instruction's function is a test (TestXxx, BenchmarkXxx,
//     FuzzXxx or an example, in a _test.go file), or is entered only
//     by calls, not go statements, from functions that are, up to a
//     depth: a subtest's function literal passed to t.Run counts as
//     called there (the parent waits for it), unless the subtest calls
//     t.Parallel (it then runs beside other tests). A test that calls
//     t.Parallel runs beside other tests, and their goroutines, so it
//     never counts;
//
//   - in each function on that way up, every call or go statement that
//     can run before the point (the instruction, or the call that
//     leads to it) and can start a goroutine is looked into: a
//     goroutine it starts that can run one of the functions (through
//     the package's calls; a call of an unknown function value, or of
//     a function of another module, can run anything) must be joined
//     on every path from the start to the point: a call waits, on
//     every path, on a WaitGroup that the goroutine marks Done in a
//     deferred call (r.Shutdown(), which closes r.quit and waits on
//     r.wg).
//
// It does not see goroutines started by a package initialiser or by
// TestMain, which run beside every test; nor objects: a goroutine that
// can run the functions counts whatever object it runs them on.

// maxQuietDepth bounds the calls followed up from the instruction to
// its tests, and down into the calls that may start goroutines.
const maxQuietDepth = 6

// maxReach bounds the functions a goroutine's reach follows; beyond
// it, the goroutine counts as one that can run anything.
const maxReach = 4000

// QuietInTest reports whether w runs only in tests, at points where no
// goroutine that can run any of fns is running (see above).
func (m *Model) QuietInTest(w ssa.Instruction, fns []*ssa.Function) bool {
	var points []ssa.Instruction
	if !m.testPoints(w, 0, map[*ssa.Function]bool{}, &points) {
		return false
	}
	q := &quietQuery{m: m, targets: make(map[*ssa.Function]bool, len(fns)), budget: maxReach, runs: map[*ssa.Function]bool{}}
	for _, fn := range fns {
		q.targets[fn] = true
	}
	for _, p := range points {
		if !q.noRunnerBefore(p) {
			return false
		}
	}
	return true
}

// A quietQuery is one QuietInTest question: the functions of the other
// side, what the goroutines seen so far can run, and how many more
// functions it may look into before it gives up (and answers no).
type quietQuery struct {
	m       *Model
	targets map[*ssa.Function]bool
	budget  int
	runs    map[*ssa.Function]bool
}

// testPoints adds to points p and the calls through which the tests
// reach p's function, up to the tests, and reports whether every way
// into it leads up to a test that does not call t.Parallel.
func (m *Model) testPoints(p ssa.Instruction, depth int, seen map[*ssa.Function]bool, points *[]ssa.Instruction) bool {
	fn := p.Parent()
	if depth > maxQuietDepth || m.callsParallel(fn) {
		return false
	}
	*points = append(*points, p)
	if seen[fn] {
		return true // its own ways in are followed already
	}
	seen[fn] = true
	if isTestRoot(fn) {
		return true
	}
	sites, ok := m.testSites(fn)
	if !ok || len(sites) == 0 {
		return false
	}
	for _, s := range sites {
		if !m.testPoints(s, depth+1, seen, points) {
			return false
		}
	}
	return true
}

// testSites returns the instructions that call fn, when calls of the
// package (not go statements) and, for a function literal, t.Run are
// the only ways into it.
func (m *Model) testSites(fn *ssa.Function) ([]ssa.Instruction, bool) {
	var out []ssa.Instruction
	if fn.Parent() != nil {
		// A function literal: where its value goes, in the function
		// it is written in (its closure, or itself if it captures
		// nothing).
		for _, b := range fn.Parent().Blocks {
			for _, in := range b.Instrs {
				if mc, ok := in.(*ssa.MakeClosure); ok && mc.Fn == fn {
					continue // its uses are the closure's, below
				}
				var rands []*ssa.Value
				for _, r := range in.Operands(rands) {
					v := *r
					if g, _ := analysisutil.FuncValue(v); g == fn {
						c, ok := in.(*ssa.Call)
						if !ok || c.Common().Value != v && !isSubtestRun(c.Common()) {
							return nil, false
						}
						if !containsInstr(out, c) {
							out = append(out, c)
						}
					}
				}
			}
		}
		return out, true
	}
	if m.open(fn) {
		return nil, false
	}
	for _, s := range m.sitesOf(fn) {
		if _, isCall := s.Instr.(*ssa.Call); !isCall || s.Goroutine {
			return nil, false
		}
		out = append(out, s.Instr)
	}
	return out, true
}

func containsInstr(list []ssa.Instruction, in ssa.Instruction) bool {
	for _, x := range list {
		if x == in {
			return true
		}
	}
	return false
}

// isSubtestRun reports whether c is t.Run or b.Run of package testing,
// which runs its function in a goroutine it waits for.
func isSubtestRun(c *ssa.CallCommon) bool {
	callee := c.StaticCallee()
	if callee == nil || callee.Name() != "Run" || callee.Pkg == nil || callee.Pkg.Pkg.Path() != "testing" {
		return false
	}
	recv := callee.Signature.Recv()
	return recv != nil && (strings.HasSuffix(recv.Type().String(), "testing.T") || strings.HasSuffix(recv.Type().String(), "testing.B"))
}

// callsParallel reports whether fn calls t.Parallel: it then runs beside
// the other parallel tests.
func (m *Model) callsParallel(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			c, ok := in.(*ssa.Call)
			if !ok {
				continue
			}
			if callee := c.Common().StaticCallee(); callee != nil && callee.Name() == "Parallel" && callee.Pkg != nil && callee.Pkg.Pkg.Path() == "testing" {
				return true
			}
		}
	}
	return false
}

// isTestRoot reports whether go test calls fn itself: a test,
// benchmark, fuzz test or example of a _test.go file.
func isTestRoot(fn *ssa.Function) bool {
	if fn.Parent() != nil || fn.Signature.Recv() != nil || !fn.Pos().IsValid() {
		return false
	}
	if !strings.HasSuffix(fn.Prog.Fset.Position(fn.Pos()).Filename, "_test.go") {
		return false
	}
	name := fn.Name()
	for _, prefix := range []string{"Test", "Benchmark", "Fuzz", "Example"} {
		if strings.HasPrefix(name, prefix) && name != "TestMain" {
			return true
		}
	}
	return false
}

// noRunnerBefore reports whether every goroutine that the instructions
// of p's function that can run before p may start, and that can run a
// target, is joined on every path to p.
func (q *quietQuery) noRunnerBefore(p ssa.Instruction) bool {
	m := q.m
	fn := p.Parent()
	for _, b := range fn.Blocks {
		for _, s := range b.Instrs {
			if _, ok := s.(ssa.CallInstruction); !ok || s == p || !flow.Reaches(s, p, nil) {
				continue
			}
			for _, g := range q.startsFrom(s, 0, map[*ssa.Function]bool{}) {
				if g != nil && !q.canRun(g) {
					continue
				}
				if g == nil || !m.joinedOnTheWay(s, p, g) {
					return false
				}
			}
		}
	}
	return true
}

// startsFrom returns the functions of the goroutines that s, a call or
// go statement, may start, itself or in the package's functions it
// calls; nil stands for an unknown one.
func (q *quietQuery) startsFrom(s ssa.Instruction, depth int, seen map[*ssa.Function]bool) []*ssa.Function {
	m := q.m
	f := m.byFn[s.Parent()]
	if f != nil {
		for _, ev := range f.Events {
			if ev.Instr == s && ev.Start != nil && ev.Start.Goroutine {
				return []*ssa.Function{ev.Start.Fn}
			}
		}
	}
	call, ok := s.(*ssa.Call)
	if !ok {
		return nil // a defer runs after the point
	}
	var out []*ssa.Function
	if callee := call.Common().StaticCallee(); callee != nil && m.byFn[callee] == nil && !isSubtestRun(call.Common()) {
		// A function of another package that takes a function value
		// may run it in a goroutine (time.AfterFunc).
		for _, a := range call.Common().Args {
			if fn, _, _ := funcOf(a); fn != nil && m.byFn[fn] != nil {
				out = append(out, fn)
			}
		}
	}
	for _, callee := range m.mayCall(call.Common(), s.Parent()) {
		if callee == nil {
			return []*ssa.Function{nil}
		}
		if seen[callee] {
			continue
		}
		if depth > maxQuietDepth || q.budget == 0 {
			return []*ssa.Function{nil}
		}
		q.budget--
		seen[callee] = true
		for _, b := range callee.Blocks {
			for _, in := range b.Instrs {
				if _, ok := in.(ssa.CallInstruction); ok {
					out = append(out, q.startsFrom(in, depth+1, seen)...)
				}
			}
		}
	}
	return out
}

// mayCall returns the functions of the package a call may run in its
// own goroutine: its static callee, the methods of the package an
// interface call may reach, the function values it passes to a
// function of another package (t.Run(name, func...)); nil stands for
// an unknown function (a function value called, or a function of
// another module that may start goroutines of its own).
func (m *Model) mayCall(c *ssa.CallCommon, caller *ssa.Function) []*ssa.Function {
	if c.IsInvoke() {
		if impl := m.implementer(caller.Prog, c); impl != nil {
			return []*ssa.Function{impl}
		}
		var out []*ssa.Function
		for _, f := range m.Funcs {
			if f.Fn.Signature.Recv() != nil && f.Fn.Name() == c.Method.Name() {
				out = append(out, f.Fn)
			}
		}
		return out
	}
	if _, ok := c.Value.(*ssa.Builtin); ok {
		return nil
	}
	callee, _, _ := funcOf(c.Value)
	if callee == nil {
		return []*ssa.Function{nil}
	}
	if m.byFn[callee] != nil {
		return []*ssa.Function{callee}
	}
	if callee.Pkg != nil && !stdPath(callee.Pkg.Pkg.Path()) {
		return []*ssa.Function{nil}
	}
	var out []*ssa.Function
	for _, a := range c.Args {
		if fn, _, _ := funcOf(a); fn != nil && m.byFn[fn] != nil {
			out = append(out, fn)
		}
	}
	return out
}

// stdPath reports whether path is a standard library package's: its
// first element has no dot.
func stdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// canRun reports whether a goroutine running g can run a target,
// through the calls and starts of the package.
func (q *quietQuery) canRun(g *ssa.Function) bool {
	if r, ok := q.runs[g]; ok {
		return r
	}
	r := q.reach(g)
	q.runs[g] = r
	return r
}

func (q *quietQuery) reach(g *ssa.Function) bool {
	m := q.m
	seen := map[*ssa.Function]bool{g: true}
	queue := []*ssa.Function{g}
	for len(queue) > 0 {
		fn := queue[0]
		queue = queue[1:]
		if q.targets[fn] || q.runs[fn] {
			return true
		}
		if q.budget == 0 {
			return true
		}
		q.budget--
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				var next []*ssa.Function
				switch in := in.(type) {
				case ssa.CallInstruction:
					next = m.mayCall(in.Common(), fn)
				case *ssa.MakeClosure:
					next = []*ssa.Function{in.Fn.(*ssa.Function)}
				default:
					continue
				}
				for _, n := range next {
					if n == nil {
						return true
					}
					if !seen[n] {
						seen[n] = true
						queue = append(queue, n)
					}
				}
			}
		}
	}
	return false
}

// joinedOnTheWay reports whether every path from s to p passes a call
// that waits, on every path through it, on a WaitGroup whose Done g
// defers.
func (m *Model) joinedOnTheWay(s, p ssa.Instruction, g *ssa.Function) bool {
	for _, b := range p.Parent().Blocks {
		for _, c := range b.Instrs {
			if _, ok := c.(*ssa.Call); !ok || c == s || c == p {
				continue
			}
			if !flow.Reaches(s, c, nil) || flow.Reaches(s, p, func(in ssa.Instruction) bool { return in == c }) {
				continue
			}
			if waits := m.waitsIn(c, 0); len(waits) > 0 && m.defersDone(g, nil, waits) {
				return true
			}
		}
	}
	return false
}

// waitsIn returns the WaitGroups the call c waits on, on every path:
// itself, or in the package's function it calls (close(r.quit);
// r.wg.Wait()).
func (m *Model) waitsIn(c ssa.Instruction, depth int) []Object {
	f := m.byFn[c.Parent()]
	if f == nil {
		return nil
	}
	for _, ev := range f.Events {
		if ev.Instr == c && ev.Kind == Wait && ev.Obj.Known() {
			return []Object{ev.Obj}
		}
	}
	callee := flow.Callee(c.(*ssa.Call).Common())
	cf := m.byFn[callee]
	if cf == nil || depth > 2 {
		return nil
	}
	var out []Object
	for _, ev := range cf.Events {
		if ev.Kind == Wait && ev.Must && !ev.Deferred && ev.Obj.Known() {
			out = append(out, ev.Obj)
		}
	}
	for _, b := range callee.Blocks {
		for _, in := range b.Instrs {
			if call, ok := in.(*ssa.Call); ok && flow.DominatesReturns(b) {
				out = append(out, m.waitsIn(call, depth+1)...)
			}
		}
	}
	return out
}
