package sleepsync

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:      "sleepsync",
	Doc:       analysisutil.MustExtractDoc(doc, "sleepsync"),
	Requires:  []*analysis.Analyzer{buildssa.Analyzer, inspect.Analyzer, analysisutil.ModeAnalyzer, syncmodel.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(summaryFact), new(analyzedFact)},
}

func run(pass *analysis.Pass) (any, error) {
	ssainfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	sums := newSummarizer(pass)
	exportFacts(pass, ssainfo, sums)
	if analysisutil.FactsOnly(pass) {
		return nil, nil
	}

	syn := scanSyntax(pass)
	if len(syn.sleeps) == 0 {
		return nil, nil
	}
	for _, fn := range ssainfo.SrcFuncs {
		checkFunc(pass, sums, fn, syn)
	}
	return nil, nil
}

// exportFacts summarizes every package-level function and method so
// that goroutines and helpers from this package can be seen through
// by importers.
func exportFacts(pass *analysis.Pass, ssainfo *buildssa.SSA, sums *summarizer) {
	for _, fn := range ssainfo.SrcFuncs {
		// Importers see only exported functions and methods; main
		// packages and test files have no importers.
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || obj.Pkg() != pass.Pkg || !exportsSummary(pass.Fset, obj) {
			continue
		}
		sum := sums.of(fn)
		if !sum.Listens && !sum.Dials && len(sum.Writes)+len(sum.Reads)+len(sum.Sends) == 0 && sum.Joins != isMethod(obj) {
			// The same as no fact: for a method, by the package's
			// mark, no effect; for a function, unknown (it joins).
			continue
		}
		pass.ExportObjectFact(obj, (*summaryFact)(sum))
	}
	if pass.Pkg.Name() != "main" {
		// A main package exports no summaries: its mark would only
		// be carried along.
		sums.marks.Export()
	}
}

// syntax is what the analysis needs from the syntax trees.
type syntax struct {
	// sleeps are the time.Sleep calls, keyed
	// by the position SSA gives them (the left parenthesis). Sleeps
	// in a synctest bubble are left out: there time is virtual and a
	// sleep returns only once the bubble's other goroutines block.
	sleeps map[token.Pos]*ast.CallExpr
	// subtests are the function literals passed to testing.T.Run.
	subtests map[ast.Node]bool
}

func scanSyntax(pass *analysis.Pass) syntax {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	calls := make(map[token.Pos]*ast.CallExpr)
	subtests := make(map[ast.Node]bool)
	var bubbles []ast.Node
	for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		fn := analysisutil.CalleeFunc(pass.TypesInfo, call)
		switch {
		case analysisutil.IsFunc(fn, "time", "Sleep"):
			calls[call.Lparen] = call
		case analysisutil.IsFunc(fn, "testing/synctest", "Test") || analysisutil.IsFunc(fn, "testing/synctest", "Run"):
			for _, arg := range call.Args {
				if lit, ok := arg.(*ast.FuncLit); ok {
					bubbles = append(bubbles, lit)
				}
			}
		case analysisutil.IsMethod(fn, "testing", "T", "Run") && len(call.Args) == 2:
			if lit, ok := call.Args[1].(*ast.FuncLit); ok {
				subtests[lit] = true
			}
		}
	}
	for pos := range calls {
		for _, b := range bubbles {
			if b.Pos() <= pos && pos < b.End() {
				delete(calls, pos)
				break
			}
		}
	}
	return syntax{sleeps: calls, subtests: subtests}
}

func checkFunc(pass *analysis.Pass, sums *summarizer, fn *ssa.Function, syn syntax) {
	sleeps := syn.sleeps
	var gos []*ssa.Go
	var calls []*ssa.Call
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Go:
				gos = append(gos, instr)
			case *ssa.Call:
				if sleeps[instr.Pos()] != nil &&
					syncmodel.CallKind(flow.CalleeFunc(instr.Common())) == syncmodel.Sleep {
					calls = append(calls, instr)
				}
			}
		}
	}
	if len(gos) == 0 || len(calls) == 0 {
		return
	}
	model := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
	c := &checker{pass: pass, sums: sums, model: model, chans: model.Chans, fn: fn, ends: endsProgramOrTest(pass, fn, syn.subtests), main: flow.IsMain(fn)}
	for _, s := range calls {
		c.checkSleep(s, gos, sleeps[s.Pos()])
	}
}

type checker struct {
	pass  *analysis.Pass
	sums  *summarizer
	model *syncmodel.Model
	chans *chanmodel.Model
	fn    *ssa.Function
	// ends is set when returning from fn ends whatever the goroutines
	// could have been waited for: main.main and test functions.
	ends bool
	main bool
}

// A loc is memory (or, for channels, a value) named in fn's terms,
// and the goroutine that accesses it.
type loc struct {
	base ssa.Value
	path string // accesspath steps below base
	g    *ssa.Go
}

func (c *checker) checkSleep(s *ssa.Call, gos []*ssa.Go, call *ast.CallExpr) {
	// A sleep in a loop polls, backs off or paces: not a wait.
	if flow.InLoop(s.Block()) {
		return
	}
	var started []*ssa.Go
	for _, g := range gos {
		// for { go f(); time.Sleep(d) } paces the goroutines.
		if g.Block() == s.Block() && flow.Index(g) > flow.Index(s) || flow.Reachable(s.Block(), g.Block()) {
			continue
		}
		if c.joinFreePath(g, s) {
			started = append(started, g)
		}
	}
	if len(started) == 0 {
		return
	}
	var writes, sends []loc
	var listener *ssa.Go
	for _, g := range started {
		e := c.sums.effects(g.Common())
		// The goroutine started last is the one the sleep waits for
		// most nearly.
		if e.listens && !handedListener(g.Common()) && (listener == nil || g.Pos() > listener.Pos()) {
			listener = g
		}
		for _, ef := range e.writes {
			if l, ok := locOf(ef, g); ok {
				writes = append(writes, l)
			}
		}
		for _, ef := range e.sends {
			if l, ok := locOf(ef, g); ok {
				sends = append(sends, l)
			}
		}
	}
	g, at, how := c.relies(s, started, writes, sends, listener)
	if g == nil {
		if how != "returns" {
			return
		}
		// A test that returns after the sleep loses only what its
		// goroutines would still tell it: if none reports to the test,
		// and nothing they write is read after the sleep, the sleep is
		// a period the test observes (a stopped timer that must not
		// fire), not a wait for a result.
		if hasTestParam(c.fn) && !slices.ContainsFunc(started, reportsToTest) && !c.readLater(s, writes) {
			return
		}
		// Goroutines that never end cannot be waited for: a program
		// that sleeps and returns while they run (an example's
		// consumer loops, a ticker's pusher) bounds how long they
		// run; it does not wait for a result.
		// The sleep stands in for waiting for those that can end:
		// name the last of them, not a loop beside them that never
		// ends.
		var g2 *ssa.Go
		for _, x := range started {
			if !c.chans.StartedNeverEnds(x) && (g2 == nil || x.Pos() > g2.Pos()) {
				g2 = x
			}
		}
		if g2 == nil {
			return
		}
		g = g2
	}
	line := c.pass.Fset.Position(g.Pos()).Line
	related := []analysis.RelatedInformation{{Pos: g.Pos(), Message: "goroutine started here"}}
	if at.IsValid() {
		related = append(related, analysis.RelatedInformation{Pos: at, Message: how})
	}
	msg := fmt.Sprintf("time.Sleep used to wait for a goroutine started at line %d; use a sync.WaitGroup or a channel to wait for it", line)
	if how == dialsListener {
		// The remedy differs: bind before starting the goroutine, and
		// connections queue until it accepts them.
		msg = fmt.Sprintf("time.Sleep used to wait for a goroutine started at line %d to listen; call net.Listen before starting it", line)
	}
	fset := c.pass.Fset
	caller := analysisutil.Goroutine(fset, s.Parent())
	var tr finding.Trace
	tr.Step(finding.Place{Pos: g.Pos(), Message: "goroutine started here", Goroutine: caller, Op: finding.OpGo})
	tr.Step(finding.Place{Pos: call.Pos(), End: call.End(), Goroutine: caller, Op: finding.OpSleep})
	if at.IsValid() {
		op := finding.OpRead
		switch how {
		case "returns":
			op = finding.OpReturn
		case "non-blocking receive from the goroutine here":
			op = finding.OpRecv
		case dialsListener:
			op = finding.OpCall
		}
		tr.Step(finding.Place{Pos: at, Message: how + ", perhaps before the goroutine got there", Goroutine: caller, Op: op})
	} else if how == "returns" && s.Parent().Syntax() != nil {
		end := s.Parent().Syntax().End() - 1 // the closing brace
		tr.Step(finding.Place{Pos: end, Message: "returns, perhaps before the goroutine is done", Goroutine: caller, Op: finding.OpReturn})
	}
	tr.Report(c.pass, analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: msg,
		Related: related,
	})
}

func locOf(e effect, g *ssa.Go) (loc, bool) {
	k, ok := trace(e.v)
	if !ok {
		return loc{}, false
	}
	path := k.Path + e.path
	if accesspath.Len(path) > maxPath {
		return loc{}, false
	}
	return loc{base: k.Root, path: path, g: g}, true
}

// joinFreePath reports whether the sleep s can be reached from the go
// statement at from without passing anything that may wait for a
// goroutine.
func (c *checker) joinFreePath(from ssa.Instruction, s *ssa.Call) bool {
	found := false
	flow.Forward.Walk(from, func(instr ssa.Instruction) bool {
		if instr == s {
			found = true
			return false
		}
		return !c.mayJoin(instr)
	})
	return found
}

// releasedThenJoined reports whether, after the read at from, the
// function lets the goroutine g go on (a send, a close, an unlock, a
// function value called: a cancel) and then joins it, also in the
// calls it defers: the read checks that g is still blocked on the
// function, which the sleep gave time to go wrong, and does not wait
// for it (grpc's picker tests; a literal deferred before the sleep
// that unlocks and waits). A join with no release before it does not
// make the read such a check: the read relies on the sleep.
func (c *checker) releasedThenJoined(from ssa.Instruction, g *ssa.Go) bool {
	released, joined := false, false
	gs := []*ssa.Go{g}
	step := func(in ssa.Instruction) {
		switch {
		case released && definiteJoin(in) && c.waitsFor(in, gs):
			joined = true
		case c.releases(in):
			released = true
		}
	}
	flow.Forward.Walk(from, func(in ssa.Instruction) bool {
		if _, ok := in.(*ssa.RunDefers); ok {
			// Deferred calls run last first.
			for _, d := range slices.Backward(c.defers()) {
				if lit, ok := d.Call.Value.(*ssa.MakeClosure); ok {
					for _, b := range lit.Fn.(*ssa.Function).Blocks {
						for _, in := range b.Instrs {
							step(in)
						}
					}
				} else {
					step(d)
				}
			}
		}
		step(in)
		return !joined
	})
	return joined
}

// defers lists fn's defer statements, in block order.
func (c *checker) defers() []*ssa.Defer {
	var out []*ssa.Defer
	for _, b := range c.fn.Blocks {
		for _, in := range b.Instrs {
			if d, ok := in.(*ssa.Defer); ok {
				out = append(out, d)
			}
		}
	}
	return out
}

// releases reports whether in may let a blocked goroutine go on: a
// send, a close, an unlock, a Signal or Broadcast, a call of a
// function value (a cancel) or of an interface method (querier.Close()
// ending a read that blocks a compaction), or a call of a function that signals
// (syncmodel's Func.Signals; or one of another package that sends or
// closes: bp.updatePicker(p) waking the picks blocked on it).
func (c *checker) releases(in ssa.Instruction) bool {
	switch in := in.(type) {
	case *ssa.Send:
		return true
	case *ssa.Select:
		return slices.ContainsFunc(in.States, func(st *ssa.SelectState) bool { return st.Dir == types.SendOnly })
	case ssa.CallInstruction:
		call := in.Common()
		if b, ok := call.Value.(*ssa.Builtin); ok {
			return b.Name() == "close"
		}
		if call.IsInvoke() || call.StaticCallee() == nil {
			// Code we cannot see (querier.Close() on an interface, a
			// cancel) may be what lets the goroutine go on.
			return true
		}
		switch lockset.MutexOpOf(flow.CalleeFunc(call)) {
		case lockset.MutexUnlock, lockset.MutexRUnlock:
			return true
		}
		if k := syncmodel.CallKind(flow.CalleeFunc(call)); k == syncmodel.Signal || k == syncmodel.Broadcast {
			return true
		}
		if f := c.model.Func(flow.Callee(call)); f != nil {
			return f.Signals
		}
		return len(c.sums.effects(call).sends) > 0
	}
	return false
}

// definiteJoin reports whether in waits for another goroutine: a
// blocking receive or select, a call of a Wait method, or a call given
// a condition to poll (require.Eventually(t, done.Load, ...)).
func definiteJoin(in ssa.Instruction) bool {
	switch in := in.(type) {
	case *ssa.UnOp:
		return in.Op == token.ARROW
	case *ssa.Select:
		return in.Blocking
	case ssa.CallInstruction:
		if m := flow.CalleeFunc(in.Common()); m != nil && m.Name() == "Wait" {
			return syncmodel.IsWait(m)
		}
		return pollsCondition(in.Common())
	}
	return false
}

// waitsFor reports whether the join j may wait for one of the
// goroutines gs (syncmodel.MayRelease): a Wait on a WaitGroup only for
// one that marks it Done; any other join, a receive, a call that may
// block or polls a condition, for one that tells anyone anything.
func (c *checker) waitsFor(j ssa.Instruction, gs []*ssa.Go) bool {
	var wg syncmodel.Object
	if f := c.model.Func(j.Parent()); f != nil {
		for _, e := range f.Events {
			if e.Instr == j && e.Kind == syncmodel.Wait {
				wg = e.Obj
			}
		}
	}
	for _, g := range gs {
		if c.model.MayRelease(g, j.Parent(), wg) {
			return true
		}
	}
	return false
}

// pollsCondition reports whether the call is given a condition to
// poll: a function of no parameters but a context that returns a bool
// first, as testify's Eventually and wait.PollUntilContextTimeout take.
func pollsCondition(call *ssa.CallCommon) bool {
	for _, a := range call.Args {
		sig, ok := a.Type().Underlying().(*types.Signature)
		if !ok || sig.Results().Len() == 0 || !types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool]) {
			continue
		}
		switch sig.Params().Len() {
		case 0:
			return true
		case 1:
			if analysisutil.IsNamed(sig.Params().At(0).Type(), "context", "Context") {
				return true
			}
		}
	}
	return false
}

func (c *checker) mayJoin(instr ssa.Instruction) bool {
	switch instr := instr.(type) {
	case *ssa.UnOp:
		return instr.Op == token.ARROW
	case *ssa.Select:
		return instr.Blocking
	case *ssa.Call:
		return c.sums.effects(instr.Common()).joins
	}
	return false
}

// relies scans the code after the sleep for the first thing showing
// that it waited for a goroutine: a read of memory a goroutine writes,
// a non-blocking receive from a channel it sends on, a connection or
// request (not retried) while a goroutine is to bind the address, a
// return of the slice or map whose elements the goroutines fill, or
// the end of the program or test. A join first gives the sleep another
// purpose only if it may wait for the started goroutines (waitsFor):
// one that cannot leaves what they write ordered by the sleep alone
// (srv.Close() waiting for the server's goroutines, not the clients
// whose counts are read next), and so does a call that neither joins
// nor sends; a join after the read, or one deferred to the end, comes
// too late for it (serf's agent test dials its agent's listener long
// before the deferred join). A signal to the goroutines (a send, a
// close) ends the scan; so does any join, or call with effects, for
// the end of the program or test: the sleep may let the goroutines
// run before a shutdown.
func (c *checker) relies(sleep *ssa.Call, started []*ssa.Go, writes, sends []loc, listener *ssa.Go) (g *ssa.Go, at token.Pos, how string) {
	readOf := func(e effect) []*ssa.Go { return writersOf(e, writes) }
	// Memory allocated after the sleep is unknown to the goroutines:
	// storing to it (say, the arguments of fmt.Println) is harmless.
	fresh := make(map[ssa.Value]bool)
	lockedBefore := c.locksBefore(sleep)
	// A function with defers returns its results through local slots.
	slots := make(map[*ssa.Alloc]ssa.Value)
	// passed is set once the scan has passed a join or a call with
	// effects: the end of the test no longer relies on the sleep.
	done, passed := false, false
	// readBy reports the read in of what x writes, unless it checks
	// that x is still blocked; either way the scan ends.
	readBy := func(ws []*ssa.Go, in ssa.Instruction) bool {
		x := ws[0]
		if !c.releasedThenJoined(in, x) && !c.expectsFewer(in, ws) {
			g, at, how = x, in.Pos(), "value written by the goroutine read here"
		}
		done = true
		return false
	}
	flow.Forward.Walk(sleep, func(instr ssa.Instruction) bool {
		if done {
			return false
		}
		switch instr := instr.(type) {
		case *ssa.UnOp:
			switch instr.Op {
			case token.MUL:
				if ws := readOf(effect{v: instr.X}); ws != nil {
					return readBy(ws, instr)
				}
			case token.ARROW:
				if c.waitsFor(instr, started) {
					return false
				}
				passed = true
			}
			return true
		case *ssa.Lookup:
			if ws := readOf(effect{v: instr.X}); ws != nil {
				return readBy(ws, instr)
			}
			return true
		case *ssa.Range:
			if ws := readOf(effect{v: instr.X}); ws != nil {
				return readBy(ws, instr)
			}
			return true
		case *ssa.Select:
			if instr.Blocking {
				for _, st := range instr.States {
					if st.Dir != types.RecvOnly {
						return false // a signal to someone
					}
				}
				if c.waitsFor(instr, started) {
					return false
				}
				passed = true
				return true
			}
			for i, st := range instr.States {
				if st.Dir != types.RecvOnly {
					return false // a signal to someone
				}
				k, ok := trace(st.Chan)
				if !ok {
					continue
				}
				for _, sd := range sends {
					if sd.base == k.Root && sd.path == k.Path {
						if failsOnReceive(c.chans.Ends(), instr, i) {
							// A test that the goroutine is still
							// blocked: the sleep gives it time to
							// misbehave, it does not wait.
							return false
						}
						g, at, how, done = sd.g, instr.Pos(), "non-blocking receive from the goroutine here", true
						return false
					}
				}
			}
			return true
		case *ssa.Alloc:
			fresh[instr] = true
			return true
		case *ssa.MakeSlice:
			fresh[instr] = true
			return true
		case *ssa.Store:
			k, ok := trace(instr.Addr)
			base := k.Root
			if a, isAlloc := base.(*ssa.Alloc); ok && isAlloc && !a.Heap {
				if instr.Addr == a {
					slots[a] = instr.Val
				}
				return true
			}
			return ok && fresh[base]
		case *ssa.Call:
			// A lock orders critical sections, not the goroutines'
			// ends: what is read under it still relies on the sleep.
			// Unless the function locked before the sleep: then a
			// goroutine may unlock for it, a handoff that does wait.
			if lockset.MutexOpOf(flow.CalleeFunc(instr.Common())) != lockset.NotMutexOp {
				return !lockedBefore
			}
			e := c.sums.effects(instr.Common())
			// A dial that is retried does not rely on the sleep.
			if e.dials && listener != nil && !flow.InLoop(instr.Block()) {
				g, at, how, done = listener, instr.Pos(), dialsListener, true
				return false
			}
			if e.joins || pollsCondition(instr.Common()) {
				if c.waitsFor(instr, started) {
					return false
				}
				passed = true
			}
			for _, r := range e.reads {
				if ws := readOf(r); ws != nil {
					return readBy(ws, instr)
				}
			}
			if b, ok := instr.Call.Value.(*ssa.Builtin); ok {
				switch b.Name() {
				case "close", "delete", "clear", "panic":
					return false
				}
				return true
			}
			obj := flow.CalleeFunc(instr.Common())
			if c.main && analysisutil.IsFunc(obj, "os", "Exit") {
				if !passed {
					how, done = "returns", true
				}
				return false
			}
			if !benign(obj) {
				if len(e.sends) > 0 {
					return false // a signal to someone
				}
				passed = true
			}
			return true
		case *ssa.RunDefers:
			// Deferred calls may stop the goroutines: the sleep lets
			// them run first. Not so when returning exits the program,
			// nor when they only unlock.
			return c.main || c.defersOnlyUnlock()
		case *ssa.Return:
			results := make([]ssa.Value, len(instr.Results))
			for i, v := range instr.Results {
				results[i] = v
				if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
					if a, ok := ld.X.(*ssa.Alloc); ok && slots[a] != nil {
						results[i] = slots[a]
					}
				}
			}
			if x := filledBy(results, writes); x != nil {
				g, at, how, done = x, instr.Pos(), "results the goroutine fills returned here", true
				return false
			}
			if c.ends && !passed {
				how, done = "returns", true
			}
			return false
		case *ssa.Defer:
			return lockset.MutexOpOf(flow.CalleeFunc(instr.Common())) != lockset.NotMutexOp
		case *ssa.Send, *ssa.MapUpdate, *ssa.Go, *ssa.Panic:
			return false
		}
		return true
	})
	return g, at, how
}

const dialsListener = "connection to the goroutine's listener made here"

// handedListener reports whether the goroutine is handed a listener (a
// value with the Accept and Addr methods of net.Listener, or a slice or
// array of them) as an argument or a captured variable: its starter has
// bound the address before the go statement, connections queue until the
// goroutine accepts them, and a Listen in the goroutine is at most a
// fallback for when none is handed over (Run(ctx, listeners) binding its
// own when the slice is empty).
func handedListener(call *ssa.CallCommon) bool {
	_, bindings := analysisutil.FuncValue(call.Value)
	vals := append(append([]ssa.Value(nil), call.Args...), bindings...)
	for _, v := range vals {
		if isListener(v.Type()) {
			return true
		}
	}
	return false
}

func isListener(t types.Type) bool {
	for {
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.Array:
			t = u.Elem()
			continue
		}
		break
	}
	ms := types.NewMethodSet(types.NewPointer(t))
	if types.IsInterface(t) {
		ms = types.NewMethodSet(t)
	}
	return ms.Lookup(nil, "Accept") != nil && ms.Lookup(nil, "Addr") != nil
}

// filledBy returns the goroutine that writes the elements of a slice,
// array or map returned as one of results: the caller gets results
// the goroutine may not have produced yet. Fields of a returned struct
// written by a goroutine are not counted: that is a running service's
// state, not its results.
func filledBy(results []ssa.Value, writes []loc) *ssa.Go {
	for _, v := range results {
		k, ok := trace(v)
		if !ok {
			continue
		}
		_, isMap := v.Type().Underlying().(*types.Map)
		for _, w := range writes {
			if w.base != k.Root || !accesspath.Within(w.path, k.Path) {
				continue
			}
			if strings.HasPrefix(w.path[len(k.Path):], accesspath.Elem) || w.path == k.Path && isMap {
				return w.g
			}
		}
	}
	return nil
}

// locksBefore reports whether fn may lock a mutex before the sleep
// at ss.
func (c *checker) locksBefore(sleep *ssa.Call) bool {
	for _, b := range c.fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			op := lockset.MutexOpOf(flow.CalleeFunc(call.Common()))
			if (op == lockset.MutexLock || op == lockset.MutexRLock) && flow.Reaches(call, sleep, nil) {
				return true
			}
		}
	}
	return false
}

// defersOnlyUnlock reports whether every call fn defers unlocks a
// mutex.
func (c *checker) defersOnlyUnlock() bool {
	for _, b := range c.fn.Blocks {
		for _, instr := range b.Instrs {
			if d, ok := instr.(*ssa.Defer); ok && lockset.MutexOpOf(flow.CalleeFunc(d.Common())) == lockset.NotMutexOp {
				return false
			}
		}
	}
	return true
}

// endsProgramOrTest reports main.main, and test and example functions
// and subtests that register no cleanup: returning from them ends what
// the goroutines were for. Test helpers are not included: their caller
// may go on using a goroutine they started.
func endsProgramOrTest(pass *analysis.Pass, fn *ssa.Function, subtests map[ast.Node]bool) bool {
	if fn.Signature.Recv() != nil {
		return false
	}
	if flow.IsMain(fn) {
		return true
	}
	if !strings.HasSuffix(pass.Fset.Position(fn.Pos()).Filename, "_test.go") {
		return false
	}
	params := fn.Signature.Params()
	switch {
	case fn.Parent() == nil && strings.HasPrefix(fn.Name(), "Test") &&
		params.Len() == 1 && analysisutil.IsNamed(params.At(0).Type(), "testing", "T"):
	case fn.Parent() != nil && subtests[fn.Syntax()]:
	case params.Len() == 0 && fn.Parent() == nil && strings.HasPrefix(fn.Name(), "Example"):
	default:
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok {
				if m := flow.CalleeFunc(call.Common()); m != nil && m.Name() == "Cleanup" && m.Pkg() != nil && m.Pkg().Path() == "testing" {
					return false
				}
			}
		}
	}
	return true
}

// failsOnReceive reports whether the case of the non-blocking select
// that receives on state i goes straight to failing the test (or
// panicking): the program expects nothing to be received.
func failsOnReceive(ends *flow.Ends, sel *ssa.Select, i int) bool {
	for _, r := range *sel.Referrers() {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			continue
		}
		for _, r := range *ex.Referrers() {
			cmp, ok := r.(*ssa.BinOp)
			if !ok || cmp.Op != token.EQL {
				continue
			}
			k, ok := cmp.Y.(*ssa.Const)
			if !ok || k.Value == nil || k.Int64() != int64(i) {
				continue
			}
			for _, r := range *cmp.Referrers() {
				if br, ok := r.(*ssa.If); ok {
					return blockFails(ends, br.Block().Succs[0])
				}
			}
		}
	}
	return false
}

// blockFails reports whether b, or the straight line of blocks it
// starts, fails the test or panics: a testing method, a helper that
// reports a failure on every path (testify's assert.Fail), or a call
// that never returns (require.FailNow, log.Fatal).
func blockFails(ends *flow.Ends, b *ssa.BasicBlock) bool {
	seen := make(map[*ssa.BasicBlock]bool)
	for b != nil && !seen[b] {
		seen[b] = true
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Panic:
				return true
			case *ssa.Call:
				if ends.Fails(instr) || ends.CallEnd(instr) != flow.Returns {
					return true
				}
			}
		}
		if len(b.Succs) != 1 {
			break
		}
		b = b.Succs[0]
	}
	return false
}
