// The Go benchmarks of goconcheck: what each analyzer, and each model the
// analyzers share, costs on a fixed set of packages.
//
//	go test -run '^$' -bench . -benchtime 1x -count 3 ./internal/devtools/bench
//
// The packages are loaded once, with all their dependencies from source
// (go/packages LoadAllSyntax, tests included), outside the timings; each
// benchmark iteration then runs go/analysis's checker over them,
// sequentially, so that every action's own duration is clean of
// scheduling noise. An analyzer that uses facts (directly, or like
// chanmodel's clients through a model) runs on every dependency, as in
// every driver.
//
// BenchmarkAnalyzer/<name> runs one analyzer with what it requires.
// ns/op, B/op and allocs/op are the whole run, requirements included;
// the extra metrics are the analyzer's own share:
//
//	self-ms/op     time in the analyzer's own actions (its Run, and the
//	               checker's copying of its facts), all packages
//	roots-ms/op    the part of self-ms on the named packages themselves
//	self-MB/op     bytes its Run functions allocated
//
// BenchmarkAnalyzer/floor runs Floor, which builds SSA for every
// package, dependencies included, as the suite does; its self-ms is
// buildssa's (with ctrlflow) and inspect's, paid once per run whatever
// the analyzers. chanmodel and lockset are the
// shared models; an analyzer's self-ms excludes them, so a model's cost
// shows once, on its own line. BenchmarkSuite runs the whole suite
// together and reports every analyzer's self-ms as a metric of its own.
//
// Environment:
//
//	GOCONCHECK_BENCH_PATTERNS  packages to load (default: a std set)
//	GOCONCHECK_BENCH_DIR       directory to load them from (e.g. a corpus
//	                           scratch module; set GOFLAGS=-mod=mod there)
//	GOCONCHECK_BENCH_TESTS     0 to leave out test packages
//
// scripts/bench.sh -analyzers runs these benchmarks on the corpus.

package bench

import (
	"fmt"
	"os"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/packages"

	"github.com/goconcheck/goconcheck/analyzers"
	"github.com/goconcheck/goconcheck/analyzers/doublelock"
	"github.com/goconcheck/goconcheck/analyzers/lockleak"
	"github.com/goconcheck/goconcheck/analyzers/unlockedwrite"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/lockset"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// defaultPatterns is a standard-library set, available offline, with
// goroutines, channels, locks and contexts in plenty.
const defaultPatterns = "net/http context sync os/exec"

// floor is what every analyzer of the suite requires, directly or not:
// Floor's requirements, and Floor itself (which does nothing); and the
// driver's ModeAnalyzer, which only hands the mode over; and
// ClosuresAnalyzer, which only hands the models an empty lookup they
// fill (its cost is theirs).
var floor = []*analysis.Analyzer{Floor, buildssa.Analyzer, ctrlflow.Analyzer, inspect.Analyzer, analysisutil.ModeAnalyzer, analysisutil.ClosuresAnalyzer}

// models are the shared models: analyzers of their own, without
// diagnostics, that other analyzers require (EndsAnalyzer: which
// functions never return, for lockset and chanmodel).
var models = []*analysis.Analyzer{analysisutil.EndsAnalyzer, chanmodel.Analyzer, lockset.Analyzer, syncmodel.Analyzer}

// unshipped are analyzers built and tested but not yet in the suite.
var unshipped = []*analysis.Analyzer{doublelock.Analyzer, lockleak.Analyzer, unlockedwrite.Analyzer}

// benchmarked is every analyzer with a line of its own, in report order.
func benchmarked() []*analysis.Analyzer {
	all := slices.Concat(models, analyzers.All(), unshipped)
	return slices.CompactFunc(all, func(a, b *analysis.Analyzer) bool { return a == b })
}

var (
	loadOnce sync.Once
	loaded   []*packages.Package
	roots    map[*packages.Package]bool
	loadErr  error
)

// load loads the benchmark's packages once.
func load(b *testing.B) []*packages.Package {
	b.Helper()
	loadOnce.Do(func() {
		patterns := strings.Fields(os.Getenv("GOCONCHECK_BENCH_PATTERNS"))
		if len(patterns) == 0 {
			patterns = strings.Fields(defaultPatterns)
		}
		cfg := &packages.Config{
			Mode:  packages.LoadAllSyntax,
			Dir:   os.Getenv("GOCONCHECK_BENCH_DIR"),
			Tests: os.Getenv("GOCONCHECK_BENCH_TESTS") != "0",
		}
		loaded, loadErr = packages.Load(cfg, patterns...)
		if loadErr == nil && packages.PrintErrors(loaded) > 0 {
			loadErr = fmt.Errorf("packages %v do not load without errors", patterns)
		}
		roots = map[*packages.Package]bool{}
		for _, p := range loaded {
			roots[p] = true
		}
		instrument()
	})
	if loadErr != nil {
		b.Fatal(loadErr)
	}
	return loaded
}

// allocated holds the bytes each analyzer's Run allocated since the
// last reset; instrument wraps every Run to count them. The checker runs
// sequentially here, so one Run at a time is being counted.
var allocated = map[*analysis.Analyzer]uint64{}

func instrument() {
	seen := map[*analysis.Analyzer]bool{}
	var wrap func(a *analysis.Analyzer)
	wrap = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			wrap(req)
		}
		run := a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			before := heapAllocs()
			res, err := run(pass)
			allocated[a] += heapAllocs() - before
			return res, err
		}
	}
	for _, a := range slices.Concat(floor, benchmarked()) {
		wrap(a)
	}
}

func heapAllocs() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// cost is one analyzer's share of a run.
type cost struct {
	selfNS, rootNS int64
	allocB         uint64
}

// analyze runs the analyzers over the packages and returns each
// analyzer's own cost.
func analyze(b *testing.B, as []*analysis.Analyzer, pkgs []*packages.Package) map[*analysis.Analyzer]*cost {
	b.Helper()
	clear(allocated)
	g, err := checker.Analyze(as, pkgs, &checker.Options{Sequential: true})
	if err != nil {
		b.Fatal(err)
	}
	costs := map[*analysis.Analyzer]*cost{}
	for act := range g.All() {
		if act.Err != nil {
			b.Fatalf("%s: %v", act, act.Err)
		}
		c := costs[act.Analyzer]
		if c == nil {
			c = new(cost)
			costs[act.Analyzer] = c
		}
		c.selfNS += int64(act.Duration)
		if roots[act.Package] {
			c.rootNS += int64(act.Duration)
		}
	}
	for a, n := range allocated {
		if c := costs[a]; c != nil {
			c.allocB = n
		}
	}
	return costs
}

func BenchmarkAnalyzer(b *testing.B) {
	type line struct {
		name string
		run  []*analysis.Analyzer // what to run
		own  []*analysis.Analyzer // whose cost is the line's
	}
	lines := []line{{"floor", []*analysis.Analyzer{Floor}, floor}}
	for _, a := range benchmarked() {
		lines = append(lines, line{a.Name, []*analysis.Analyzer{a}, []*analysis.Analyzer{a}})
	}
	for _, l := range lines {
		b.Run(l.name, func(b *testing.B) {
			pkgs := load(b)
			b.ReportAllocs()
			var self, root int64
			var alloc uint64
			for b.Loop() {
				costs := analyze(b, l.run, pkgs)
				for _, a := range l.own {
					if c := costs[a]; c != nil {
						self += c.selfNS
						root += c.rootNS
						alloc += c.allocB
					}
				}
			}
			n := float64(b.N)
			b.ReportMetric(float64(self)/1e6/n, "self-ms/op")
			b.ReportMetric(float64(root)/1e6/n, "roots-ms/op")
			b.ReportMetric(float64(alloc)/(1<<20)/n, "self-MB/op")
		})
	}
}

func BenchmarkSuite(b *testing.B) {
	pkgs := load(b)
	b.ReportAllocs()
	suite := analyzers.All()
	total := map[string]int64{}
	for b.Loop() {
		for a, c := range analyze(b, suite, pkgs) {
			name := a.Name
			if slices.Contains(floor, a) {
				name = "floor"
			}
			total[name] += c.selfNS
		}
	}
	for name, ns := range total {
		b.ReportMetric(float64(ns)/1e6/float64(b.N), name+"-ms/op")
	}
}

// TestBenchmarked keeps the benchmarks complete: every analyzer of the
// suite and every model they require has a line of its own.
func TestBenchmarked(t *testing.T) {
	have := map[*analysis.Analyzer]bool{}
	for _, a := range slices.Concat(floor, benchmarked()) {
		have[a] = true
	}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if !have[a] {
			t.Errorf("%s has no benchmark line (add it to models, or to the floor)", a.Name)
			have[a] = true
		}
		for _, req := range a.Requires {
			visit(req)
		}
	}
	for _, a := range slices.Concat(analyzers.All(), unshipped) {
		visit(a)
	}
}
