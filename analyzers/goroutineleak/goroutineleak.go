package goroutineleak

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "goroutineleak",
	Doc:      analysisutil.MustExtractDoc(doc, "goroutineleak"),
	Requires: []*analysis.Analyzer{chanmodel.Analyzer, syncmodel.Analyzer, inspect.Analyzer, buildssa.Analyzer, analysisutil.ClosuresAnalyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.ResultOf[chanmodel.Analyzer].(*chanmodel.Model)
	ssainfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	c := &checker{pass: pass, m: m, sm: pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model), reported: make(map[token.Pos]bool), life: analysisutil.NewLifetime(ssainfo.Pkg, ssainfo.SrcFuncs), closures: analysisutil.PassClosures(pass)}
	for _, f := range m.Funcs {
		for _, blk := range f.Fn.Blocks {
			for _, in := range blk.Instrs {
				switch in := in.(type) {
				case *ssa.Go:
					c.checkGo(f, in)
				case *ssa.Call:
					c.checkSpawner(f, in)
					if fn := analysisutil.Spawned(in); fn != nil {
						c.checkEndless(in, c.m.Start(in.Pos()), fn)
					}
				}
			}
		}
	}
	for _, f := range m.Funcs {
		c.checkOrphans(f)
		c.checkHandedOrphans(f)
		c.checkFanIns(f)
	}
	for _, f := range m.Funcs {
		c.checkProducers(f)
	}
	c.checkConsumerExits()
	return nil, nil
}

type checker struct {
	pass     *analysis.Pass
	m        *chanmodel.Model
	sm       *syncmodel.Model
	reported map[token.Pos]bool
	makes    map[token.Pos]*ast.CallExpr // make calls by Lparen
	life     *analysisutil.Lifetime
	closures *analysisutil.Closures
	stops    *syncmodel.StopState // made when first asked
	// calls indexes the package's static calls by callee, made when
	// first asked (see checkHandedOrphans).
	calls map[*ssa.Function][]*ssa.Call
	// rejected caches rejectedEdges by function.
	rejected map[*ssa.Function]map[edge]bool
}

// checkGo reports the goroutine started by g if it can never
// terminate: it must complete an operation on a channel that no code
// can ever make ready, or it loops with no exit at all.
func (c *checker) checkGo(f *chanmodel.Func, g *ssa.Go) {
	callee := analysisutil.Spawned(g)
	if callee == nil {
		return
	}
	body := c.m.Func(callee) // nil for a function of another package
	if body != nil && body.Truncated {
		return
	}
	if u := c.m.GoUnit(g); u != 0 {
		var dead []*chanmodel.Op
		var msgs []string
		for i := range f.Ops {
			op := &f.Ops[i]
			if op.Instr != g || op.Unit != u || op.Kind == chanmodel.Assign {
				continue
			}
			if msg := c.blocked(op); msg != "" && !(c.drainsForProcess(op) && startedByRoot(g)) {
				dead = append(dead, op)
				msgs = append(msgs, msg)
			}
		}
		if len(dead) > 0 {
			i := c.first(callee, dead)
			c.reportBlocked(g, callee, dead[i], msgs[i])
			return
		}
	}
	c.checkEndless(g, g.Pos(), callee)
}

// checkSpawner reports a goroutine that a function called at call
// starts (a spawn helper) if it blocks forever on a channel of f.
func (c *checker) checkSpawner(f *chanmodel.Func, call *ssa.Call) {
	for i := range f.Ops {
		op := &f.Ops[i]
		// Fields and globals are seen at the helper's own go
		// statement; a channel made here only at this call.
		if op.Instr != call || op.Unit == 0 || op.Kind == chanmodel.Assign || op.Chan.Kind != chanmodel.KindMake {
			continue
		}
		if msg := c.blocked(op); msg != "" {
			var rel []analysis.RelatedInformation
			if op.Pos.IsValid() {
				rel = append(rel, analysis.RelatedInformation{Pos: op.Pos, Message: "blocks here"})
			}
			at := c.m.Start(call.Pos())
			var tr *finding.Trace
			if op.Pos.IsValid() {
				tr = c.leakTrace(f.Fn, at, finding.Place{Pos: op.Pos, Message: "blocks here", Op: chanmodel.StepOp(op), Blocks: true})
			}
			c.report("blocked", at, tr, rel, msg+" (in the goroutine that "+c.m.Callee(op)+" starts)")
			return
		}
	}
}

// blocked returns the message for op, which the goroutine must
// complete (or see closed) to terminate, if it never can; "" if it may.
func (c *checker) blocked(op *chanmodel.Op) string {
	if op.Chan.Kind == 0 || strings.HasPrefix(op.Expr, "make(") || c.m.Escapes(op.Chan) {
		return "" // <-make(chan T) blocks forever on purpose
	}
	t := c.m.TallyOn(op.Chan)
	foreverFed := false // a sender that never stops feeds it for good
	for _, r := range c.m.OpsOn(op.Chan) {
		if r.Op.Kind == chanmodel.Send && r.Op.Unit == 0 && !c.m.TerminatesAfter(r.Op.Instr) {
			foreverFed = true
			break
		}
	}
	name := op.Expr
	if name == "" {
		name = "the channel"
	}
	switch {
	case op.Kind == chanmodel.Recv && !op.Avoid && t.Sends == 0 && t.Closes == 0:
		if c.loopCase(op) {
			// The other cases keep the loop turning: it does not
			// block, it never leaves.
			return "goroutine never ends: nothing sends on or closes " + name + ", its loop's only way out"
		}
		return "goroutine blocks forever: nothing sends on or closes " + name
	case op.Kind == chanmodel.Recv && op.NeedsClose && t.Closes == 0 && !foreverFed:
		return fmt.Sprintf("goroutine never terminates: %s is never closed, so receiving from it never ends", name)
	case op.Kind == chanmodel.Send && !op.Avoid && t.Recvs == 0:
		if n, ok := chanmodel.Cap(op.Chan); ok && n == 0 {
			return "goroutine blocks forever: nothing receives from " + name
		}
	}
	return ""
}

// loopCase reports whether op is, where it is made (in the goroutine's
// function or a callee), a case of a select in a loop that has other
// cases: while they fire, the goroutine turns rather than blocks.
func (c *checker) loopCase(op *chanmodel.Op) bool {
	if !op.Select || !op.Pos.IsValid() {
		return false
	}
	for _, g := range c.m.Funcs {
		for i := range g.Ops {
			o := &g.Ops[i]
			if !o.Direct() || o.Kind != op.Kind || o.Pos != op.Pos {
				continue
			}
			sel, ok := o.Instr.(*ssa.Select)
			if ok && (len(sel.States) > 1 || !sel.Blocking) && flow.InLoop(sel.Block()) {
				return true
			}
		}
	}
	return false
}

// drainsForProcess reports whether op is a receive that waits only for
// a close nobody makes, after every sender has stopped. In a goroutine
// that main (or a test) itself starts once that is a service living
// as long as the process, which ends when main returns; a helper that
// starts it and returns leaves it waiting on a channel whose purpose
// has ended while the process goes on (guide §7.1's FIX 2).
func (c *checker) drainsForProcess(op *chanmodel.Op) bool {
	if op.Kind != chanmodel.Recv || !op.NeedsClose {
		return false
	}
	for _, r := range c.m.OpsOn(op.Chan) {
		if r.Op.Kind == chanmodel.Send {
			return true // it had a partner; only the close is missing
		}
	}
	return false
}

// startedByRoot reports whether g is a statement of main.main or of a
// test itself, outside any loop: it runs once, and the end of the
// process (or of the test binary) ends it. A drain left waiting after
// a test has not made the test wrong: it cannot hang the test, and it
// lives no longer than the binary.
func startedByRoot(g *ssa.Go) bool {
	return (flow.IsMain(g.Parent()) || flow.IsTest(g.Parent())) && !flow.InLoop(g.Block())
}

// first returns the index of the op the goroutine running callee
// reaches first: of two ops whose steps in callee (the operation, or
// the call that leads to it) dominate one another, the dominating
// one, since the other runs only after it completes; otherwise the
// one first in the source. The ops of a goroutine's unit may be in
// its callees, in other files: see finding.PosBefore.
func (c *checker) first(callee *ssa.Function, ops []*chanmodel.Op) int {
	body := c.m.Func(callee)
	step := func(op *chanmodel.Op) ssa.Instruction {
		if body == nil || !op.Pos.IsValid() {
			return nil
		}
		for i := range body.Ops {
			if o := &body.Ops[i]; o.Unit == 0 && o.Pos == op.Pos && o.Kind == op.Kind {
				return o.Instr
			}
		}
		return nil
	}
	before := func(a, b *chanmodel.Op) bool {
		if sa, sb := step(a), step(b); sa != nil && sb != nil && sa != sb {
			if flow.Dominates(sa, sb) {
				return true
			}
			if flow.Dominates(sb, sa) {
				return false
			}
		}
		return a.Pos.IsValid() && (!b.Pos.IsValid() || finding.PosBefore(c.pass.Fset, a.Pos, b.Pos))
	}
	best := 0
	for i, op := range ops {
		if before(op, ops[best]) {
			best = i
		}
	}
	return best
}

func (c *checker) reportBlocked(g *ssa.Go, callee *ssa.Function, op *chanmodel.Op, msg string) {
	goPos := c.m.Start(g.Pos())
	// Inside a func literal started right here, point at the blocking
	// operation; otherwise at the go statement.
	if lit := callee.Syntax(); callee.Parent() != nil && lit != nil && op.Pos.IsValid() &&
		lit.Pos() <= op.Pos && op.Pos < lit.End() {
		tr := c.leakTrace(g.Parent(), goPos, finding.Place{Pos: op.Pos, Op: chanmodel.StepOp(op), Blocks: true})
		c.report("blocked", op.Pos, tr, []analysis.RelatedInformation{{Pos: goPos, Message: "goroutine started here"}}, msg)
		return
	}
	var rel []analysis.RelatedInformation
	if op.Pos.IsValid() {
		rel = append(rel, analysis.RelatedInformation{Pos: op.Pos, Message: "blocks here"})
	}
	// The owner's stop method, if any, does not reach the goroutine.
	rel = append(rel, c.stopRelated(g)...)
	var tr *finding.Trace
	if op.Pos.IsValid() {
		tr = c.leakTrace(g.Parent(), goPos, finding.Place{Pos: op.Pos, Message: "blocks here", Op: chanmodel.StepOp(op), Blocks: true})
	}
	c.report("blocked", goPos, tr, rel, msg)
}

func (c *checker) report(category string, pos token.Pos, tr *finding.Trace, rel []analysis.RelatedInformation, msg string, fixes ...analysis.SuggestedFix) {
	if c.reported[pos] {
		return
	}
	c.reported[pos] = true
	fixes = analysisutil.Editable(c.pass.Fset, fixes)
	tr.Report(c.pass, analysis.Diagnostic{Pos: pos, Category: category, Message: msg, Related: rel, SuggestedFixes: fixes})
}

// leakTrace is the story of a goroutine started at goPos by fn that
// blocks forever at the end of blocked steps ("" messages: the
// diagnostic's own).
func (c *checker) leakTrace(fn *ssa.Function, goPos token.Pos, blocked ...finding.Place) *finding.Trace {
	var tr finding.Trace
	fset := c.pass.Fset
	tr.Step(finding.Place{Pos: goPos, Message: "goroutine started here", Goroutine: analysisutil.Goroutine(fset, fn), Op: finding.OpGo})
	for _, p := range blocked {
		p.Goroutine = finding.Spawned(fset, goPos)
		tr.Step(p)
	}
	return &tr
}

// orphanTrace is the story of a goroutine of f sending on a channel s
// that f makes at pos and may stop receiving from at exit.
func (c *checker) orphanTrace(f *chanmodel.Func, pos token.Pos, s *chanmodel.Op, exit finding.Place) *finding.Trace {
	var tr finding.Trace
	fset := c.pass.Fset
	caller := analysisutil.Goroutine(fset, f.Fn)
	tr.Step(finding.Place{Pos: pos, Goroutine: caller, Op: finding.OpOther})
	for _, p := range c.m.Starts(fset, s) {
		tr.Step(p)
	}
	if s.Pos.IsValid() {
		tr.Step(finding.Place{Pos: s.Pos, Message: "the goroutine sends here and blocks forever", Goroutine: c.m.OpGoroutine(fset, s), Op: finding.OpSend, Blocks: true})
	}
	if exit.Pos.IsValid() {
		exit.Goroutine = caller
		tr.Step(exit)
	}
	return &tr
}

// pureLoop reports whether fn, which cannot terminate, does nothing
// that could be meant to run for the life of the process: it calls no
// function and, in a main package, touches no channel. Such a loop
// only burns CPU or drains channels with no way out.
func (c *checker) pureLoop(fn *ssa.Function) bool {
	for _, blk := range fn.Blocks {
		for _, in := range blk.Instrs {
			switch in := in.(type) {
			case ssa.CallInstruction:
				if _, ok := in.Common().Value.(*ssa.Builtin); !ok {
					return false
				}
			case *ssa.Select:
				if len(in.States) == 0 {
					return false // select {} blocks on purpose
				}
			}
		}
	}
	return c.pass.Pkg.Name() != "main" || !waitsOnChannels(fn)
}

// waitsOnChannels reports whether fn sends, receives or selects on a
// channel: a loop of it parks there when nobody is left to talk to,
// where a loop that waits on nothing burns CPU.
func waitsOnChannels(fn *ssa.Function) bool {
	for _, blk := range fn.Blocks {
		for _, in := range blk.Instrs {
			switch in := in.(type) {
			case *ssa.Send:
				return true
			case *ssa.UnOp:
				if in.Op == token.ARROW {
					return true
				}
			case *ssa.Select:
				if len(in.States) > 0 {
					return true
				}
			}
		}
	}
	return false
}
