package driver

import (
	"bytes"
	"container/heap"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// A unit is one package of the build graph: a package named on the
// command line (a root, analyzed in full) or a dependency of one
// (analyzed only for the facts its importers need).
type unit struct {
	pkg   *packages.Package
	root  bool
	deps  []*unit  // direct imports, by sorted import path
	paths []string // their import paths, as the package's files spell them
	rdeps []*unit  // direct importers

	key       [32]byte // its cache key (see cache)
	cached    *entry   // its cache entry, if there is one
	needTypes bool     // an importer is analyzed: its types (and facts) are needed

	pending int // deps not yet done; guarded by the scheduler's mutex
	height  int // longest chain of importers above it: scheduled first when larger

	// Set when the unit has been analyzed, and read only after that
	// by its importers (the scheduler orders the two).
	types  *types.Package
	facts  *factSet
	failed bool // it, or a dependency, did not load or type-check
}

// graph loads the package graph of patterns with the go command (go
// list: names, files and imports, no types), with the packages' tests
// if tests is set, and returns every package
// to analyze, dependencies before importers.
func graph(patterns []string, tags string, tests bool) ([]*unit, error) {
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedForTest,
		Tests: tests,
	}
	if tags != "" {
		cfg.BuildFlags = []string{"-tags=" + tags}
	}
	initial, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}

	// The go command vets a package together with its in-package tests
	// (the variant "p [p.test]") when it has some, and never the
	// generated test main "p.test"; goconcheck analyzes the same.
	hasTestVariant := make(map[string]bool)
	for _, p := range initial {
		if p.ForTest != "" && p.PkgPath == p.ForTest {
			hasTestVariant[p.PkgPath] = true
		}
	}
	roots := make(map[*packages.Package]bool)
	for _, p := range initial {
		switch {
		case p.ForTest == "" && hasTestVariant[p.PkgPath]:
		case p.Name == "main" && strings.HasSuffix(p.ID, ".test"):
		default:
			roots[p] = true
		}
	}

	units := make(map[*packages.Package]*unit)
	var order []*unit
	var visit func(p *packages.Package) *unit
	visit = func(p *packages.Package) *unit {
		if u, ok := units[p]; ok {
			return u
		}
		u := &unit{pkg: p, root: roots[p]}
		units[p] = u
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		for _, path := range paths {
			d := visit(p.Imports[path])
			u.deps = append(u.deps, d)
			u.paths = append(u.paths, path)
			d.rdeps = append(d.rdeps, u)
		}
		order = append(order, u)
		return u
	}
	sort.Slice(initial, func(i, j int) bool { return initial[i].ID < initial[j].ID })
	for _, p := range initial {
		if roots[p] {
			visit(p)
		}
	}
	for i := len(order) - 1; i >= 0; i-- {
		u := order[i]
		for _, d := range u.deps {
			d.height = max(d.height, u.height+1)
		}
	}
	return order, nil
}

// A scheduler hands out units whose dependencies are all done, the
// ones with the longest chain of importers waiting on them first.
type scheduler struct {
	mu    sync.Mutex
	cond  *sync.Cond
	ready unitHeap
	left  int
}

type unitHeap []*unit

func (h unitHeap) Len() int { return len(h) }
func (h unitHeap) Less(i, j int) bool {
	if h[i].height != h[j].height {
		return h[i].height > h[j].height
	}
	return h[i].pkg.ID < h[j].pkg.ID
}
func (h unitHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *unitHeap) Push(x any)   { *h = append(*h, x.(*unit)) }
func (h *unitHeap) Pop() any {
	old := *h
	u := old[len(old)-1]
	*h = old[:len(old)-1]
	return u
}

// each calls do on every unit, in parallel but never before the
// units it imports are done.
func each(units []*unit, do func(*unit)) {
	s := &scheduler{left: len(units)}
	s.cond = sync.NewCond(&s.mu)
	for _, u := range units {
		u.pending = len(u.deps)
		if u.pending == 0 {
			s.ready = append(s.ready, u)
		}
	}
	heap.Init(&s.ready)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				s.mu.Lock()
				for len(s.ready) == 0 && s.left > 0 {
					s.cond.Wait()
				}
				if s.left == 0 {
					s.mu.Unlock()
					return
				}
				u := heap.Pop(&s.ready).(*unit)
				s.mu.Unlock()

				do(u)

				s.mu.Lock()
				s.left--
				for _, r := range u.rdeps {
					if r.pending--; r.pending == 0 {
						heap.Push(&s.ready, r)
					}
				}
				s.cond.Broadcast()
				s.mu.Unlock()
			}
		})
	}
	wg.Wait()
}

// check parses and type-checks u against the types of its imports. It
// returns the errors that stop u from being analyzed. Unless full is
// set, only u.types is wanted: the type information is not recorded.
func check(fset *token.FileSet, u *unit, full bool) ([]*ast.File, *types.Info, []error) {
	p := u.pkg
	var errs []error
	for _, e := range p.Errors {
		if e.Pos == "" || e.Pos == "-" {
			errs = append(errs, errors.New(e.Msg)) // as go vet prints it
		} else {
			errs = append(errs, e)
		}
	}
	for _, d := range u.deps {
		if d.failed {
			// Its errors are reported; the go command would not
			// build this package either.
			return nil, nil, []error{errDependency}
		}
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	// A dependency is analyzed for its facts alone, and no fact reads
	// a comment: the analyzers read them only for what they report
	// (ignore directives, generated-file headers, "mu must be held"
	// docs), and a dependency's reports are discarded. Its comments,
	// most of the standard library's source, are left out of its
	// syntax. The parser reads //go:build lines (the file's Go
	// version) and //line directives either way.
	mode := parser.SkipObjectResolution
	if u.root {
		mode |= parser.ParseComments
	}
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, nil, []error{err}
		}
		if !slices.Contains(p.GoFiles, name) && cgoTranslation(src, p.GoFiles) {
			// go list names cmd/cgo's output by content hash; go vet
			// gives it as x.cgo1.go, the name analysisutil.Generated
			// recognizes. Its positions map to x.go by //line.
			name += ".cgo1.go"
		}
		f, err := parser.ParseFile(fset, name, src, mode)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		files = append(files, f)
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	conf := config(u, func(err error) {
		// As the compiler: the first ten, then a line saying so.
		switch {
		case len(errs) < maxTypeErrors:
			errs = append(errs, err)
		case len(errs) == maxTypeErrors:
			errs = append(errs, fmt.Errorf("%s: too many errors", p.PkgPath))
		}
	})
	info := &types.Info{FileVersions: make(map[*ast.File]string)}
	if full {
		// The maps are made about the size they will grow to, so
		// that they do not grow by copying (6% of all a run on
		// hashicorp/raft allocated). The size is guessed from the
		// source's bytes, comments included: raft and its
		// dependencies have 14 bytes to a typed expression, 26 to a
		// use and 110 to a definition; the guesses are a little
		// lower, since a package with more comments has fewer.
		n := 0
		for _, f := range files {
			n += int(f.FileEnd - f.FileStart)
		}
		info = &types.Info{
			Types:        make(map[ast.Expr]types.TypeAndValue, n/16),
			Defs:         make(map[*ast.Ident]types.Object, n/128),
			Uses:         make(map[*ast.Ident]types.Object, n/32),
			Implicits:    make(map[ast.Node]types.Object),
			Instances:    make(map[*ast.Ident]types.Instance),
			Scopes:       make(map[ast.Node]*types.Scope),
			Selections:   make(map[*ast.SelectorExpr]*types.Selection),
			FileVersions: make(map[*ast.File]string),
		}
		if !u.root {
			// A dependency is analyzed for its facts, by analyzers
			// and an SSA builder that never ask for scopes.
			info.Scopes = nil
		}
	}
	pkg, _ := conf.Check(p.PkgPath, fset, files, info)
	u.types = pkg
	if len(errs) > 0 {
		return nil, nil, errs
	}
	return files, info, nil
}

// config is the type checker's configuration for u: its imports are
// the types of u's dependencies, its errors go to onError.
func config(u *unit, onError func(error)) *types.Config {
	byPath := make(map[string]*unit, len(u.deps))
	for i, d := range u.deps {
		byPath[u.paths[i]] = d
	}
	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			if d, ok := byPath[path]; ok && d.types != nil {
				return d.types, nil
			}
			return nil, fmt.Errorf("can't resolve import %q", path)
		}),
		Sizes: types.SizesFor("gc", build.Default.GOARCH),
		Error: onError,
	}
	if m := u.pkg.Module; m != nil && m.GoVersion != "" {
		conf.GoVersion = "go" + m.GoVersion
	}
	return conf
}

// declarations type-checks the files of u, which check accepted,
// again without function bodies: the package its importers are given.
//
// go/types keeps every function's scope tree for as long as its
// package is alive: a function's signature holds the function's scope,
// whose children are the scopes of its body's blocks, each with the
// local variables it declares. So a package checked with its bodies
// keeps all of them alive until the end of the run, for its importers,
// which see only its declarations (on hashicorp/raft, about a fifth of
// the live heap late in the run). Checking the declarations again
// costs a few percent of checking the package; the package analyzed,
// with its bodies, is dropped when the analysis is done.
func declarations(fset *token.FileSet, u *unit, files []*ast.File) *types.Package {
	conf := config(u, func(error) {}) // check reported u's errors
	conf.IgnoreFuncBodies = true
	conf.DisableUnusedImportCheck = true // imports used only in bodies
	pkg, _ := conf.Check(u.pkg.PkgPath, fset, files, nil)
	return pkg
}

// cgoTranslation reports whether src is cmd/cgo's translation of one
// of goFiles: it maps its positions back to that file by a //line
// directive.
func cgoTranslation(src []byte, goFiles []string) bool {
	for _, f := range goFiles {
		if bytes.Contains(src, []byte("\n//line "+f+":")) {
			return true
		}
	}
	return false
}

const maxTypeErrors = 10

// errDependency stands for the errors of a dependency, reported there.
var errDependency = errors.New("a dependency has errors")

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// module is the analysis view of a package's module.
func module(p *packages.Package) *analysis.Module {
	if p.Module == nil {
		return nil
	}
	return &analysis.Module{Path: p.Module.Path, Version: p.Module.Version, GoVersion: p.Module.GoVersion}
}
