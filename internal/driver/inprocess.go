package driver

import (
	"context"
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
)

// analyze runs analyzers on the packages patterns name, in this process:
// the named packages in full, their dependencies only for facts.
//
// This is what the go command does when goconcheck is its vet tool, but
// without a process, an export-data file and a fact file per package:
// each package is parsed and type-checked from source once, against its
// imports' types, which stay in memory; its syntax, type information and
// SSA are dropped as soon as it is analyzed, and only its types and
// facts are kept for its importers. So memory is bounded by the types of
// the whole graph plus the packages in flight (one per core), not by the
// syntax and SSA of the whole graph as in x/tools' checker.
//
// It returns the findings and analyzer errors, and the errors that kept packages from being analyzed.
//
// With tm, it times the analyzers and uses no cache.
func analyze(analyzers []*analysis.Analyzer, patterns []string, tags string, tm *timing, prog *progress) (*report, []string, error) {
	units, err := graph(patterns, tags, true)
	if err != nil {
		return nil, nil, err
	}
	var c *cache
	if tm == nil {
		c = openCache(analyzers, tags)
	}
	prog.start(units)
	rep, problems, err := analyzeUnits(analyzers, units, c, tm, prog)
	if c != nil {
		c.trim(time.Now())
	}
	return rep, problems, err
}

// analyzeUnits analyzes units, dependencies before importers, with
// results from c where it has them (c may be nil).
func analyzeUnits(analyzers []*analysis.Analyzer, units []*unit, c *cache, tm *timing, prog *progress) (*report, []string, error) {
	var depAnalyzers []*analysis.Analyzer
	for _, a := range factAnalyzers(analyzers) {
		if hasFacts(a) {
			depAnalyzers = append(depAnalyzers, a)
		}
	}
	if c != nil {
		c.lookup(units)
	}
	for i := len(units) - 1; i >= 0; i-- {
		u := units[i]
		if u.cached == nil || u.needTypes {
			for _, d := range u.deps {
				d.needTypes = true
			}
		}
	}

	fset := token.NewFileSet()
	index := &factIndex{units: make(map[*types.Package]*unit)}
	var (
		mu       sync.Mutex
		rep      = &report{files: make(map[string]bool)}
		problems = make(map[string][]string) // package ID -> errors, in order
	)
	addReport := func(res *pkgResult) {
		if res != nil {
			mu.Lock()
			rep.add(res)
			mu.Unlock()
		}
	}
	for _, u := range units {
		if u.root {
			for _, f := range u.pkg.CompiledGoFiles {
				rep.files[filepath.Clean(f)] = true
			}
		}
	}
	budget := newMemoryBudget()
	each(units, func(u *unit) {
		defer budget.update()
		defer prog.done(u)
		if u.pkg.PkgPath == "unsafe" && len(u.pkg.CompiledGoFiles) == 0 {
			u.types, u.facts = types.Unsafe, newFactSet()
			index.add(u)
			return
		}
		if u.cached != nil && !u.needTypes {
			// Nothing analyzed here needs its types or facts.
			if u.root {
				addReport(u.cached.Result)
			}
			return
		}
		failed := func(errs []error) bool {
			if len(errs) == 0 {
				return false
			}
			u.failed = true
			var lines []string
			for _, e := range errs {
				if e != errDependency {
					lines = append(lines, e.Error())
				}
			}
			mu.Lock()
			problems[u.pkg.ID] = lines
			mu.Unlock()
			return true
		}
		files, info, errs := check(fset, u, u.cached == nil)
		if failed(errs) {
			return
		}
		if u.cached != nil {
			if fs, err := decodeFacts(u.types, u.cached.Facts); err == nil {
				u.facts = fs
				index.add(u)
				if u.root {
					addReport(u.cached.Result)
				}
				return
			}
			// A stale entry: analyze the package after all.
			u.cached = nil
			if files, info, errs = check(fset, u, true); failed(errs) {
				return
			}
		}
		set := analyzers
		if !u.root {
			set = depAnalyzers
		}
		a := &action{u: u, fset: fset, files: files, info: info, index: index, own: newFactSet(), timing: tm}
		a.runAll(set)
		u.facts = a.own
		if len(u.rdeps) > 0 {
			// Its importers need its declarations alone: the
			// package with its bodies is dropped.
			u.types = declarations(fset, u, files)
			u.facts = a.own.moveTo(u.types)
		}
		index.add(u)
		var res *pkgResult
		if u.root {
			res = a.result(analyzers)
			addReport(res)
		}
		if c != nil {
			c.put(u.key, &entry{Facts: encodeFacts(u.facts), Result: res})
		}
	})
	// By package, each package's errors in the type checker's order;
	// an error of a package shared by test variants once.
	ids := make([]string, 0, len(problems))
	for id := range problems {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var lines []string
	seen := make(map[string]bool)
	for _, id := range ids {
		for _, l := range problems[id] {
			if !seen[l] {
				seen[l] = true
				lines = append(lines, l)
			}
		}
	}
	rep.finish()
	return rep, lines, nil
}

// An action runs the analyzers on one package, each after those it
// requires, and keeps what they report.
type action struct {
	u      *unit
	fset   *token.FileSet
	files  []*ast.File
	info   *types.Info
	index  *factIndex
	own    *factSet
	timing *timing // or nil

	done    map[*analysis.Analyzer]bool
	users   map[*analysis.Analyzer]int // analyzers yet to run that require it
	results map[*analysis.Analyzer]any
	errs    map[*analysis.Analyzer]error
	diags   map[*analysis.Analyzer][]analysis.Diagnostic
	traces  map[*analysis.Analyzer]map[traceKey][]finding.Place
}

// traceKey matches the steps a Trace recorded to the diagnostic
// pass.Report kept.
type traceKey struct {
	pos token.Pos
	msg string
}

func (act *action) runAll(set []*analysis.Analyzer) {
	act.done = make(map[*analysis.Analyzer]bool)
	act.results = make(map[*analysis.Analyzer]any)
	act.errs = make(map[*analysis.Analyzer]error)
	act.diags = make(map[*analysis.Analyzer][]analysis.Diagnostic)
	act.traces = make(map[*analysis.Analyzer]map[traceKey][]finding.Place)
	act.users = make(map[*analysis.Analyzer]int)
	seen := make(map[*analysis.Analyzer]bool)
	var count func(*analysis.Analyzer)
	count = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			if !act.withoutInspector(a, req) {
				act.users[req]++
			}
			count(req)
		}
	}
	for _, a := range set {
		count(a)
	}
	for _, a := range set {
		act.run(a)
	}
}

// withoutInspector reports whether a, which requires req, runs
// without the syntax inspector inspect.Analyzer builds: on a
// dependency, none does. goconcheck's analyzers compute a dependency's
// facts on SSA and get a nil inspector there (see analysisutil.Mode);
// x/tools' ctrlflow (which buildssa requires) gets one of the function
// declarations alone (declInspector). So the full inspector, as big as
// the package's typed syntax, is never built for a dependency.
func (act *action) withoutInspector(a, req *analysis.Analyzer) bool {
	return !act.u.root && req == inspect.Analyzer
}

// declInspector returns an inspector over the function declarations of
// files and nothing else, for ctrlflow on a dependency. ctrlflow's facts
// say which named functions never return: it finds the declarations with
// the inspector, and each one's function by its name, and builds each
// one's control-flow graph from its body itself; those facts and the
// NoReturn that buildssa reads are all a dependency's analysis uses of
// it. The function literals the inspector would also show it serve only
// its FuncLit graphs, which nothing asks for on a dependency, so they
// are left out with the rest of the syntax (a test checks that the facts
// are the same). The declarations are shallow copies with the same name,
// a signature that is one empty node shared by all, and, once the
// inspector is built, the same body: the inspector indexes neither the
// bodies nor the signatures.
func declInspector(files []*ast.File) *inspector.Inspector {
	var decls []ast.Decl
	var bodies []*ast.BlockStmt
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				decls = append(decls, &ast.FuncDecl{Name: fd.Name})
				bodies = append(bodies, fd.Body)
			}
		}
	}
	if len(decls) == 0 {
		return inspector.New(nil)
	}
	// The inspector sizes its index by the extent of the syntax it is
	// given (a third of its bytes): the signature's position sets the
	// extent to what the index needs, eight entries per declaration
	// (itself, its name, the signature and its list, each opened and
	// closed) and four for the file and its name.
	extent := (8*len(decls)+4)*100/33 + 1
	sig := &ast.FuncType{Results: &ast.FieldList{Closing: token.Pos(extent)}}
	for _, d := range decls {
		d.(*ast.FuncDecl).Type = sig
	}
	ins := inspector.New([]*ast.File{{Package: 1, Name: files[0].Name, Decls: decls}})
	for i, d := range decls {
		d.(*ast.FuncDecl).Body = bodies[i]
	}
	return ins
}

// release drops a's result once nothing left to run needs it: a big
// package's syntax index, CFGs and SSA need not all be alive at once.
func (act *action) release(a *analysis.Analyzer) {
	if act.users[a] == 0 {
		delete(act.results, a)
	}
}

func (act *action) run(a *analysis.Analyzer) {
	if act.done[a] {
		return
	}
	act.done[a] = true
	if a == analysisutil.ModeAnalyzer {
		// A dependency is analyzed for the facts its importers need:
		// its diagnostics are not wanted.
		act.results[a] = analysisutil.Mode{FactsOnly: !act.u.root}
		return
	}
	inputs := make(map[*analysis.Analyzer]any, len(a.Requires))
	var failed []string
	for _, req := range a.Requires {
		if act.withoutInspector(a, req) {
			if a == ctrlflow.Analyzer {
				inputs[req] = declInspector(act.files)
			} else {
				inputs[req] = (*inspector.Inspector)(nil)
			}
			continue
		}
		act.run(req)
		if err := act.errs[req]; err != nil {
			// Name the model that failed and why: its own error is
			// not reported anywhere else.
			failed = append(failed, req.Name+" ("+err.Error()+")")
			continue
		}
		inputs[req] = act.results[req]
	}
	if failed != nil {
		sort.Strings(failed)
		act.errs[a] = fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", "))
		return
	}
	p := act.u.pkg
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         act.fset,
		Files:        act.files,
		OtherFiles:   p.OtherFiles,
		IgnoredFiles: p.IgnoredFiles,
		Pkg:          act.u.types,
		TypesInfo:    act.info,
		TypesSizes:   types.SizesFor("gc", build.Default.GOARCH),
		ResultOf:     inputs,
		Report:       func(d analysis.Diagnostic) { act.diags[a] = append(act.diags[a], d) },
		Module:       module(p),
	}
	bindFacts(pass, act.own, act.index, act.u)
	pass.ReadFile = act.readFile
	stopRecording := finding.Record(pass, func(d analysis.Diagnostic, steps []finding.Place) {
		if act.traces[a] == nil {
			act.traces[a] = make(map[traceKey][]finding.Place)
		}
		act.traces[a][traceKey{d.Pos, d.Message}] = steps
	})
	t0 := time.Now()
	var res any
	var err error
	pprof.Do(context.Background(), pprof.Labels("analyzer", a.Name, "root", strconv.FormatBool(act.u.root)), func(context.Context) {
		res, err = runPass(pass)
	})
	stopRecording()
	if act.timing != nil {
		act.timing.add(a, act.u.root, time.Since(t0))
	}
	if err == nil && a.ResultType != nil && reflect.TypeOf(res) != a.ResultType {
		err = fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v",
			pass.Pkg.Path(), a, reflect.TypeOf(res), a.ResultType)
	}
	act.results[a], act.errs[a] = res, err
	for _, req := range a.Requires {
		if !act.withoutInspector(a, req) {
			act.users[req]--
			act.release(req)
		}
	}
	act.release(a)
}

// runPass runs an analyzer, turning a panic into an error: one analyzer
// failing on one package must not take the others down.
func runPass(pass *analysis.Pass) (res any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return pass.Analyzer.Run(pass)
}

// readFile lets an analyzer read the files of its package only, as
// the x/tools drivers do.
func (act *action) readFile(name string) ([]byte, error) {
	p := act.u.pkg
	for _, list := range [][]string{p.CompiledGoFiles, p.GoFiles, p.OtherFiles, p.IgnoredFiles, p.EmbedFiles} {
		if slices.Contains(list, name) {
			return os.ReadFile(name)
		}
	}
	return nil, fmt.Errorf("file %s is not part of package %s", name, p.PkgPath)
}

// result is what the analyzers found on the package, or nil when they
// found nothing and none failed.
func (act *action) result(analyzers []*analysis.Analyzer) *pkgResult {
	res := new(pkgResult)
	for _, a := range analyzers {
		if err := act.errs[a]; err != nil {
			res.Errors = append(res.Errors, analyzerError{act.u.pkg.ID, a.Name, err.Error()})
			continue
		}
		res.Findings = append(res.Findings, newFindings(act.fset, act.u.pkg.ID, a, act.diags[a], act.traces[a])...)
	}
	if len(res.Findings) == 0 && len(res.Errors) == 0 {
		return nil
	}
	return res
}

// timing adds up the time each analyzer takes, on the packages named
// and on their dependencies apart (-timing).
type timing struct {
	mu sync.Mutex
	d  map[string]time.Duration
}

func (t *timing) add(a *analysis.Analyzer, root bool, d time.Duration) {
	k := a.Name + " (dependencies)"
	if root {
		k = a.Name
	}
	t.mu.Lock()
	t.d[k] += d
	t.mu.Unlock()
}

func (t *timing) print(w io.Writer) {
	keys := make([]string, 0, len(t.d))
	for k := range t.d {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return t.d[keys[i]] > t.d[keys[j]] || t.d[keys[i]] == t.d[keys[j]] && keys[i] < keys[j]
	})
	for _, k := range keys {
		if t.d[k] < time.Millisecond {
			break // the analyzers that only require others, on dependencies
		}
		fmt.Fprintf(w, "%9.3fs %s\n", t.d[k].Seconds(), k)
	}
}
