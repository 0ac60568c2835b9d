package waitgroupadd

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
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:      "waitgroupadd",
	Doc:       analysisutil.MustExtractDoc(doc, "waitgroupadd"),
	Requires:  []*analysis.Analyzer{buildssa.Analyzer, inspect.Analyzer, syncmodel.Analyzer, analysisutil.ModeAnalyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(summaryFact), new(analyzedFact)},
}

func run(pass *analysis.Pass) (any, error) {
	ssainput := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	marks := analysisutil.NewMarks(pass, newAnalyzedFact)
	c := &checker{
		pass:     pass,
		sm:       pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model),
		sz:       &summarizer{pass: pass, marks: marks, memo: make(map[*ssa.Function]*summary), factsOnly: analysisutil.FactsOnly(pass), sm: pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)},
		calls:    make(map[token.Pos]*ast.CallExpr),
		gos:      make(map[token.Pos]*ast.GoStmt),
		parents:  make(map[ast.Node]ast.Node),
		reported: make(map[token.Pos]bool),
	}
	if analysisutil.FactsOnly(pass) {
		for _, fn := range ssainput.SrcFuncs {
			c.exportFact(fn)
		}
		marks.Export()
		return nil, nil
	}
	c.indexSyntax(pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))

	for _, fn := range ssainput.SrcFuncs {
		c.exportFact(fn)
		c.checkWaitInLoop(fn)
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if g, ok := instr.(*ssa.Go); ok {
					c.checkGo(fn, g)
				}
			}
		}
	}
	marks.Export()
	return nil, nil
}

type checker struct {
	pass     *analysis.Pass
	sm       *syncmodel.Model
	sz       *summarizer
	calls    map[token.Pos]*ast.CallExpr // by Lparen, as SSA calls know them
	gos      map[token.Pos]*ast.GoStmt   // by the go keyword
	parents  map[ast.Node]ast.Node       // of go statements and Add statements
	files    map[*token.File]*ast.File
	reported map[token.Pos]bool
}

func (c *checker) indexSyntax(insp *inspector.Inspector) {
	c.files = make(map[*token.File]*ast.File)
	for _, f := range c.pass.Files {
		c.files[c.pass.Fset.File(f.FileStart)] = f
	}
	filter := []ast.Node{(*ast.CallExpr)(nil), (*ast.GoStmt)(nil), (*ast.ExprStmt)(nil)}
	insp.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			c.calls[n.Lparen] = n
		case *ast.GoStmt:
			c.gos[n.Go] = n
			c.parents[n] = stack[len(stack)-2]
		case *ast.ExprStmt:
			c.parents[n] = stack[len(stack)-2]
		}
		return true
	})
}

// exportFact publishes fn's summary for importers.
func (c *checker) exportFact(fn *ssa.Function) {
	obj, ok := fn.Object().(*types.Func)
	// Only exported functions and methods can be called from another
	// package.
	if !ok || fn.Parent() != nil || obj.Pkg() != c.pass.Pkg || !obj.Exported() {
		return
	}
	s := c.sz.summary(fn)
	if s == nil || s.empty() {
		return
	}
	// What a package does to its own unexported state (the WaitGroups
	// of net's resolver, fmt's write lock, the runtime) is no business
	// of its callers' goroutines: not their counts and no handshake
	// between them. So the fact leaves it out, and a function with
	// nothing else to tell has none: its package's analyzedFact says
	// it has no effect. (In go vet mode, facts of methods are copied
	// into the fact file of every importer, direct or not.)
	f := &summaryFact{Flags: s.flags &^ (flagRecv | flagSend)}
	seen := make(map[Event]bool)
	for _, e := range s.events {
		if e.ref.Global != "" && (e.kind == evPublish || e.kind == evCarry || !token.IsExported(e.ref.Global[strings.LastIndex(e.ref.Global, ".")+1:])) {
			continue
		}
		if e.kind == evAdd && e.fenced {
			continue // see event.fenced
		}
		ev := Event{Kind: e.kind, Ref: e.ref}
		if !seen[ev] {
			seen[ev] = true
			f.Events = append(f.Events, ev)
		}
	}
	if len(f.Events) == 0 && f.Flags == 0 {
		return
	}
	c.pass.ExportObjectFact(obj, f)
}

// checkGo applies both rules to the goroutine started by g in fn.
func (c *checker) checkGo(fn *ssa.Function, g *ssa.Go) {
	goStmt := c.gos[g.Pos()]
	if goStmt == nil || c.generated(goStmt.Pos()) {
		return
	}
	gfn, bindings := callee(g.Common())
	if gfn == nil {
		return
	}
	s := c.sz.summary(gfn)
	if s == nil {
		return
	}
	// Bind the goroutine's events to the spawner's frame; those on
	// WaitGroups local to the goroutine were dropped from its summary.
	type bound struct {
		event
		w accesspath.Key
	}
	var adds, dones []bound
	var carries, handshakes []accesspath.Key
	// The goroutine may tell its starter it has added through code we
	// cannot see, or through a signal we cannot name.
	published := s.flags&flagPublish != 0
	for _, e := range s.events {
		w := bind(e.ref, g.Call.Args, bindings)
		switch e.kind {
		case evAdd:
			if w.Valid() {
				adds = append(adds, bound{e, w})
			}
		case evDone:
			if w.Valid() {
				dones = append(dones, bound{e, w})
			}
		case evPublish:
			// A callback the starter passed publishes what it does.
			for _, pe := range c.sz.expandPublish(w, token.NoPos, 0) {
				if fn, _ := analysisutil.FuncValue(pe.cref.Root); fn != nil || !pe.cref.Valid() {
					published = true
				} else {
					handshakes = append(handshakes, pe.cref)
				}
			}
			if !w.Valid() {
				published = true
			}
		case evCarry:
			for _, ce := range carry(w, token.NoPos) {
				carries = append(carries, ce.cref)
			}
		}
	}
	rule2Done := false
	for _, a := range adds {
		if c.fenced(gfn, &a.ref, 0) {
			continue // ordered before every Wait, or not run at all
		}
		done, doneNear, carried, doneOther := false, false, false, false
		for _, d := range dones {
			done = done || d.w == a.w
			doneNear = doneNear || d.w.Overlaps(a.w)
			doneOther = doneOther || !d.w.Overlaps(a.w)
		}
		for _, cr := range carries {
			carried = carried || cr.Overlaps(a.w)
		}
		// A goroutine that also signals readiness in a one-shot way
		// the spawner can wait for (Done on another WaitGroup, as in
		// `wg.Add(1); ...; ready.Done()`, or a close(started)) may
		// order its Add before the spawner's Wait: not provable.
		signals := doneOther || s.flags&flagClose != 0
		switch {
		case done && !carried && !signals:
			if c.heldCount(fn, g, a.w, gfn, a.ref) {
				continue // its starter's count covers its Adds
			}
			if wait, _ := c.waitAfter(fn, g, a.w); wait == token.NoPos && (flow.InTestFile(fn) || flow.IsMain(fn)) {
				// A test or main is the whole run: with no Wait on
				// the WaitGroup after the go statement, the Add has
				// nothing to race with (go col.Run(ctx) in a test that
				// never calls the Shutdown that waits).
				continue
			}
			c.reportSelf(gfn, goStmt, a.event)
		case !doneNear && !doneOther && !rule2Done && !published:
			if s.flags&flagRecv != 0 && c.sz.summary(fn).flags&flagSend != 0 && c.receivesAfterAdd(gfn) {
				continue // a send of the spawner may wait for the goroutine
			}
			// A signal of the goroutine orders its Adds before the
			// Wait only if the waiter may receive it first.
			wait, waitInstr := c.waitAfter(fn, g, a.w)
			if wait != token.NoPos && !c.mayReceive(g, waitInstr, handshakes) {
				c.reportRace(goStmt, a.event, wait)
				rule2Done = true
			} else if wait == token.NoPos {
				if wait = c.waitInMethod(fn, gfn, a.w, s); wait != token.NoPos {
					c.reportRace(goStmt, a.event, wait)
					rule2Done = true
				}
			}
		}
	}
}

// receivesAfterAdd reports whether the goroutine's function gfn may,
// after one of its Adds, receive from a channel that a send can pair
// with: only such a receive can hold a send of the spawner until the
// Adds have run. A context's Done channel is only ever closed; a
// receive that precedes every Add orders nothing after them. Adds that
// gfn's summary does not place at one of its instructions keep the
// conservative answer.
func (c *checker) receivesAfterAdd(gfn *ssa.Function) bool {
	s := c.sz.summary(gfn)
	if s == nil {
		return true
	}
	var adds []ssa.Instruction
	for in, evs := range s.perInstr {
		if slices.ContainsFunc(evs, func(e event) bool { return e.kind == evAdd }) {
			adds = append(adds, in)
		}
	}
	if len(adds) == 0 {
		return true
	}
	for _, b := range gfn.Blocks {
		for _, in := range b.Instrs {
			if !c.mayPairReceive(in) {
				continue
			}
			if slices.ContainsFunc(adds, func(a ssa.Instruction) bool { return flow.Reaches(a, in, nil) }) {
				return true
			}
		}
	}
	return false
}

// mayPairReceive reports whether in receives, or calls code that
// receives, from a channel other than a context's Done.
func (c *checker) mayPairReceive(in ssa.Instruction) bool {
	switch x := in.(type) {
	case *ssa.UnOp:
		return x.Op == token.ARROW && !analysisutil.ContextDone(x.X)
	case *ssa.Select:
		return slices.ContainsFunc(x.States, func(st *ssa.SelectState) bool { return st.Dir == types.RecvOnly && !analysisutil.ContextDone(st.Chan) })
	case *ssa.Call:
		if analysisutil.ContextQuery(&x.Call) {
			return false // Done, Err, Deadline, Value: none receives
		}
		fn, _ := callee(x.Common())
		if fn == nil {
			return true // a function value or an interface method: it may
		}
		s := c.sz.summary(fn)
		return s == nil || s.flags&flagRecv != 0
	}
	return false
}

// fenced reports whether every Add on ref (relative to fn) that fn
// performs, itself or through the package's functions it calls, is
// fenced by a closed state (syncmodel.Model.AddFenced): ordered before
// every Wait on its WaitGroup, or not performed. A nil ref stands for
// any WaitGroup.
func (c *checker) fenced(fn *ssa.Function, ref *accesspath.Rel, depth int) bool {
	s := c.sz.summary(fn)
	if s == nil || depth > 3 {
		return false
	}
	any := false
	for instr, evs := range s.perInstr {
		for _, e := range evs {
			if e.kind != evAdd {
				continue
			}
			if r, ok := accesspath.Relative(fn, e.cref); ref != nil && (!ok || r != *ref) {
				continue
			}
			any = true
			if !c.fencedAt(instr, depth) {
				return false
			}
		}
	}
	return any
}

// fencedAt reports whether the Adds of the instruction in, a call or
// a deferred call (defer s.track(ln, false), whose Adds are those of
// the call), are fenced.
func (c *checker) fencedAt(in ssa.Instruction, depth int) bool {
	var common *ssa.CallCommon
	switch call := in.(type) {
	case *ssa.Call:
		if wgKind(call.Common()) == syncmodel.Add {
			return c.sm.AddFenced(call)
		}
		common = call.Common()
	case *ssa.Defer:
		common = call.Common()
	default:
		return false
	}
	fn, _ := callee(common)
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg != c.pass.Pkg {
		return false
	}
	return c.fenced(fn, nil, depth+1)
}

// waitAfter returns the position of a Wait on w in fn (or in a callee
// or goroutine of it) that may run after g, and the instruction of fn
// that waits, or NoPos.
func (c *checker) waitAfter(fn *ssa.Function, g *ssa.Go, w accesspath.Key) (token.Pos, ssa.Instruction) {
	s := c.sz.summary(fn)
	if s == nil {
		return token.NoPos, nil
	}
	start := g.Block()
	reach := flow.Forward.Reach(start)
	for _, b := range fn.Blocks {
		seenGo := false
		for _, instr := range b.Instrs {
			if instr == g {
				seenGo = true
				continue
			}
			if !reach[b] && !(b == start && seenGo) {
				continue
			}
			for _, e := range s.perInstr[instr] {
				if e.kind == evWait && e.cref == w {
					return e.pos, instr
				}
			}
		}
	}
	return token.NoPos, nil
}

// waitInMethod returns the first Wait on the WaitGroup w that a method
// of the component calls on its receiver, when fn starts the goroutine
// (of gfn, summary gs) on that component, as its receiver or as the
// object it makes and returns, and the method is one a user may call
// as soon as fn has returned: exported, or called on its receiver by
// an exported method (Stop calling s.waitIdle()). Nothing then holds
// the Wait back until the goroutine has made its Add: a Stop right
// after Start returns before the worker it was about to count. A
// goroutine that may tell something (a send, a close, a callback)
// is left alone when fn or the waiting method may receive, since
// the signal may order the Add (a ready channel Stop receives from).
func (c *checker) waitInMethod(fn, gfn *ssa.Function, w accesspath.Key, gs *summary) token.Pos {
	if w.Field() == nil || !componentOf(fn, w.Root) {
		return token.NoPos
	}
	signals := gs.flags&(flagSend|flagClose|flagPublish) != 0
	if fs := c.sz.summary(fn); fs == nil || signals && fs.flags&flagRecv != 0 {
		return token.NoPos
	}
	first := token.NoPos
	for _, in := range c.sm.FieldAccesses(w.Field()) {
		m := in.Parent()
		if m == nil || m == fn || m == gfn || m.Signature.Recv() == nil || len(m.Params) == 0 ||
			!types.Identical(m.Params[0].Type(), w.Root.Type()) || !c.userCalls(m) {
			continue
		}
		ms := c.sz.summary(m)
		if ms == nil || signals && ms.flags&flagRecv != 0 {
			continue
		}
		v, ok := in.(ssa.Value)
		if !ok || v.Referrers() == nil {
			continue
		}
		for _, ref := range *v.Referrers() {
			call, ok := ref.(*ssa.Call)
			if !ok || wgKind(call.Common()) != syncmodel.Wait || len(call.Common().Args) == 0 {
				continue
			}
			k := resolve(call.Common().Args[0])
			if k.Root != m.Params[0] || k.Path != w.Path {
				continue
			}
			if first == token.NoPos || call.Pos() < first {
				first = call.Pos()
			}
		}
	}
	return first
}

// componentOf reports whether root is the component fn works on: its
// receiver, or an object it makes and returns (a constructor's).
func componentOf(fn *ssa.Function, root ssa.Value) bool {
	if fn.Signature.Recv() != nil && len(fn.Params) > 0 && root == fn.Params[0] {
		return true
	}
	if _, ok := root.(*ssa.Alloc); !ok {
		return false
	}
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			for _, r := range ret.Results {
				if r == root {
					return true
				}
			}
		}
	}
	return false
}

// userCalls reports whether a user of the package may call the method
// m at any time: it is exported, or an exported method of its type
// calls it on its own receiver.
func (c *checker) userCalls(m *ssa.Function) bool {
	if token.IsExported(m.Name()) {
		return true
	}
	for _, site := range c.sm.Callers(m) {
		caller := site.Caller
		if site.Goroutine || caller == nil || caller.Signature.Recv() == nil || !token.IsExported(caller.Name()) || len(caller.Params) == 0 {
			continue
		}
		if len(site.Args) > 0 && site.Args[0] == caller.Params[0] {
			return true
		}
	}
	return false
}

func (c *checker) generated(pos token.Pos) bool {
	f := c.files[c.pass.Fset.File(pos)]
	return f == nil || analysisutil.Generated(c.pass.Fset, f)
}

// goName names the goroutine for messages.
func goName(goStmt *ast.GoStmt) string {
	if _, ok := ast.Unparen(goStmt.Call.Fun).(*ast.FuncLit); ok {
		return "the goroutine"
	}
	return types.ExprString(goStmt.Call.Fun)
}

func via(e event) string {
	if e.via == "" {
		return ""
	}
	return " (via " + e.via + ")"
}

// addCall returns the call performing the Add in this package's
// source, where a diagnostic can point, or nil.
func (c *checker) addCall(add event) *ast.CallExpr {
	if call := c.calls[add.pos]; call != nil && !c.generated(call.Pos()) {
		return call
	}
	return nil
}

// reportOnce reports d with its story unless a diagnostic was already
// reported at its position (an Add reached from several go statements).
func (c *checker) reportOnce(d analysis.Diagnostic, tr *finding.Trace) {
	if c.reported[d.Pos] {
		return
	}
	c.reported[d.Pos] = true
	tr.Report(c.pass, d)
}

// goroutineAt labels the goroutine running the code at pos.
func (c *checker) goroutineAt(pos token.Pos) string {
	return analysisutil.GoroutineAt(c.pass.Fset, c.files[c.pass.Fset.File(pos)], pos)
}

// startStep is the go statement of a finding's story, in its starter's
// goroutine.
func (c *checker) startStep(goStmt *ast.GoStmt) finding.Place {
	return finding.Place{Pos: goStmt.Pos(), End: goStmt.End(), Message: "goroutine started here", Goroutine: c.goroutineAt(goStmt.Pos()), Op: finding.OpGo}
}

// reportSelf reports rule 1: the goroutine adds its own count.
func (c *checker) reportSelf(gfn *ssa.Function, goStmt *ast.GoStmt, add event) {
	var tr finding.Trace
	if call := c.addCall(add); call != nil {
		d := analysis.Diagnostic{
			Category:       "inside",
			Pos:            call.Pos(),
			End:            call.End(),
			Message:        "sync.WaitGroup.Add called inside the goroutine it accounts for" + via(add),
			SuggestedFixes: analysisutil.Editable(c.pass.Fset, c.moveAddFix(goStmt, call, add)),
		}
		tr.Related(&d, c.startStep(goStmt))
		tr.Step(finding.Place{Pos: call.Pos(), End: call.End(), Goroutine: finding.Spawned(c.pass.Fset, goStmt.Pos()), Op: finding.OpAdd})
		c.reportOnce(d, &tr)
		return
	}
	// The Add is in another package: report the go statement.
	tr.Step(finding.Place{Pos: goStmt.Pos(), End: goStmt.End(), Goroutine: c.goroutineAt(goStmt.Pos()), Op: finding.OpGo})
	c.reportOnce(analysis.Diagnostic{
		Category: "inside",
		Pos:      goStmt.Pos(),
		End:      goStmt.End(),
		Message:  fmt.Sprintf("sync.WaitGroup.Add called inside the goroutine it accounts for (in %s)", viaName(gfn, add.via)),
	}, &tr)
}

// reportRace reports rule 2. The Add is the operation out of order,
// so the diagnostic is there, with the go statement that lets it run
// late and the Wait it may miss; when the Add is in another package
// (or a generated file) it is at the go statement instead.
func (c *checker) reportRace(goStmt *ast.GoStmt, add event, wait token.Pos) {
	var tr finding.Trace
	waitStep := finding.Place{Pos: wait, Message: "Wait that may run before the Add", Goroutine: c.goroutineAt(wait), Op: finding.OpWait}
	if call := c.addCall(add); call != nil {
		d := analysis.Diagnostic{
			Category: "racing",
			Pos:      call.Pos(),
			End:      call.End(),
			Message:  "sync.WaitGroup.Add called in a new goroutine, racing with a later Wait" + via(add),
		}
		tr.Related(&d, c.startStep(goStmt))
		tr.Related(&d, waitStep)
		tr.Step(finding.Place{Pos: call.Pos(), End: call.End(), Goroutine: finding.Spawned(c.pass.Fset, goStmt.Pos()), Op: finding.OpAdd})
		c.reportOnce(d, &tr)
		return
	}
	d := analysis.Diagnostic{
		Category: "racing",
		Pos:      goStmt.Pos(),
		End:      goStmt.End(),
		Message:  fmt.Sprintf("%s calls sync.WaitGroup.Add in a new goroutine, racing with a later Wait", goName(goStmt)),
	}
	tr.Step(finding.Place{Pos: goStmt.Pos(), End: goStmt.End(), Goroutine: c.goroutineAt(goStmt.Pos()), Op: finding.OpGo})
	tr.Related(&d, waitStep)
	c.reportOnce(d, &tr)
}
