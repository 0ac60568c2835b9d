package goroutinepanic

import (
	_ "embed"
	"go/constant"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
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
	Name:     "goroutinepanic",
	Doc:      analysisutil.MustExtractDoc(doc, "goroutinepanic"),
	Requires: []*analysis.Analyzer{buildssa.Analyzer, chanmodel.Analyzer, syncmodel.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	ssainfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	m := pass.ResultOf[chanmodel.Analyzer].(*chanmodel.Model)
	sm := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
	done := make(map[*ssa.Function]bool)
	reported := make(map[token.Pos]bool)
	funcs := ssainfo.SrcFuncs
	if init := ssainfo.Pkg.Func("init"); init != nil {
		funcs = append(append([]*ssa.Function(nil), funcs...), init)
	}
	calls := callCounts(funcs)
	var life *analysisutil.Lifetime
	if pass.Pkg.Name() == "main" {
		life = analysisutil.NewLifetime(ssainfo.Pkg, ssainfo.SrcFuncs)
	}
	for _, fn := range ssainfo.SrcFuncs {
		if strings.HasSuffix(pass.Fset.Position(fn.Pos()).Filename, "_test.go") {
			continue // a panic fails the test run: no worse than t.Fatal
		}
		for _, b := range fn.Blocks {
			if !flow.InLoop(b) {
				continue // one goroutine, not one per task
			}
			for _, in := range b.Instrs {
				g := analysisutil.Spawned(in)
				if g == nil || g.Pkg != ssainfo.Pkg || done[g] {
					continue
				}
				joined := joins(m, fn, in)
				if !joined.IsValid() {
					continue
				}
				done[g] = true
				if flow.DefersRecover(g) {
					continue
				}
				for _, p := range panics(g, calls) {
					pos := m.Start(p.Pos())
					if deliberate(life, fn, p) || assertion(sm, p) {
						continue
					}
					if reported[pos] {
						continue
					}
					reported[pos] = true
					goPos := m.Start(in.Pos())
					spawned := finding.Spawned(pass.Fset, goPos)
					var tr finding.Trace
					tr.Step(finding.Place{Pos: goPos, Message: "goroutine started here, once per task", Goroutine: analysisutil.Goroutine(pass.Fset, fn), Op: finding.OpGo})
					tr.Step(finding.Place{Pos: pos, Goroutine: spawned, Op: finding.OpPanic, Blocks: true})
					tr.Step(finding.Place{Pos: joined, Message: "the starter waits for the tasks here, as isolated ones", Goroutine: analysisutil.Goroutine(pass.Fset, fn), Op: finding.OpWait})
					tr.Report(pass, analysis.Diagnostic{
						Pos:      pos,
						Category: "task",
						Message:  "panic in a goroutine started per task crashes the whole program: nothing in the goroutine recovers it",
						Related: []analysis.RelatedInformation{
							{Pos: goPos, Message: "goroutine started here, once per task"},
							{Pos: joined, Message: "the starter waits for the tasks here, as isolated ones"},
						},
					})
				}
			}
		}
	}
	return nil, nil
}

// deliberate reports whether the panic p, in a goroutine that starter
// runs per task, is a program's deliberate crash on an error: in a main
// package (life is its Lifetime; nil for a library), starter runs a
// bounded number of times per process (one run of the command, not
// one per request), and p fails on an error, the fail-fast exit that
// log.Fatal(err) would make. A library's panic crashes a program that
// did not choose to; a command's ends the run it was asked for.
func deliberate(life *analysisutil.Lifetime, starter *ssa.Function, p ssa.Instruction) bool {
	if life == nil || !life.Bounded(starter) {
		return false
	}
	if pn, ok := p.(*ssa.Panic); ok {
		return onError(pn)
	}
	return analysisutil.OnErrorPath(p.Block())
}

// assertion reports whether the panic p is reached only when a flag
// of the object its goroutine was started on is set, a flag every
// start keeps clear (syncmodel.FlagClearAt): an assertion of the go
// statements' invariant, which no input of the task can break.
func assertion(sm *syncmodel.Model, p ssa.Instruction) bool {
	for _, b := range p.Parent().Blocks {
		read, set, ok := syncmodel.FlagTest(b)
		if ok && b.Succs[set].Dominates(p.Block()) && len(b.Succs[set].Preds) == 1 && sm.FlagClearAt(read) {
			return true
		}
	}
	return false
}

// joins returns where fn, after starting goroutines at start, waits
// for them all (a Wait method of sync.WaitGroup or errgroup.Group) or
// receives their results on a channel they send on; NoPos if it does
// neither.
func joins(m *chanmodel.Model, fn *ssa.Function, start ssa.Instruction) token.Pos {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			c, ok := in.(*ssa.Call)
			if !ok {
				continue
			}
			meth := flow.CalleeFunc(c.Common())
			if (analysisutil.IsMethod(meth, "sync", "WaitGroup", "Wait") || analysisutil.IsMethod(meth, "golang.org/x/sync/errgroup", "Group", "Wait")) &&
				flow.Reaches(start, in, nil) {
				return m.Start(c.Pos())
			}
		}
	}
	f := m.Func(fn)
	if f == nil {
		return token.NoPos
	}
	for i := range f.Ops {
		s := &f.Ops[i]
		if s.Instr != start || s.Unit == 0 || s.Kind != chanmodel.Send {
			continue
		}
		for j := range f.Ops {
			r := &f.Ops[j]
			if r.Unit == 0 && r.Kind == chanmodel.Recv && chanmodel.SameChan(r, s) && flow.Reaches(start, r.Instr, nil) {
				return m.Site(r)
			}
		}
	}
	return token.NoPos
}

// panics returns the explicit panics written in fn (not those SSA
// adds, nor a panic stating an impossible case, nor one that runs only
// when an error is nil: it asserts that a call must fail, a contract no
// input of the task breaks) and, but for constant
// messages (assertions), in the functions of its package that only
// fn calls; with log.Panic and its kin.
func panics(fn *ssa.Function, calls map[*ssa.Function]int) []ssa.Instruction {
	var ps []ssa.Instruction
	add := func(f *ssa.Function) {
		for _, b := range f.Blocks {
			for _, in := range b.Instrs {
				switch in := in.(type) {
				case *ssa.Panic:
					if in.Pos().IsValid() && !impossible(in.X) && !analysisutil.OnNilErrorPath(in.Block()) && (f == fn || onError(in)) {
						ps = append(ps, in)
					}
				case ssa.CallInstruction:
					// log.Panic and its kin; a deferred builtin panic is none.
					if flow.FuncEnd(flow.CalleeFunc(in.Common())) == flow.Panics {
						ps = append(ps, in)
					}
				}
			}
		}
	}
	add(fn)
	seen := map[*ssa.Function]bool{fn: true}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok {
				continue
			}
			callee := call.Common().StaticCallee()
			// Only a helper that this goroutine alone calls does the
			// task's work; one called from many places (a must helper,
			// an argument check) panics on purpose.
			if callee == nil || callee.Pkg != fn.Pkg || callee.Blocks == nil || seen[callee] || calls[callee] != 1 || callee.Object() != nil && callee.Object().Exported() || flow.DefersRecover(callee) {
				continue
			}
			seen[callee] = true
			add(callee)
		}
	}
	return ps
}

// impossible reports whether v, a panic's argument, is a constant
// string that states an impossible case or is one SSA makes up.
func impossible(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return false
	}
	s := strings.ToLower(constant.StringVal(c.Value))
	for _, w := range []string{"unreachable", "impossible", "not reached", "blocking select matched no case", "noreturn"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// onError reports whether the panic p fails on an error the task can
// meet: it panics with an error value, or runs only when a call's error
// result is non-nil (a parse or I/O failure made fatal). A helper that
// panics on anything else states an invariant of its callers (a name
// registered twice), which no input of the task breaks.
func onError(p *ssa.Panic) bool {
	x := p.X
	if mi, ok := x.(*ssa.MakeInterface); ok {
		x = mi.X
	}
	return analysisutil.IsError(x.Type()) || analysisutil.OnErrorPath(p.Block())
}

// callCounts counts the static call sites of each function of funcs.
func callCounts(funcs []*ssa.Function) map[*ssa.Function]int {
	n := make(map[*ssa.Function]int)
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if c, ok := in.(ssa.CallInstruction); ok {
					if callee := c.Common().StaticCallee(); callee != nil {
						n[callee]++
					}
				}
			}
		}
	}
	return n
}
