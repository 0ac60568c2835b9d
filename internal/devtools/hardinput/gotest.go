package main

import (
	"fmt"
	"go/build"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// counts sums up a run over GOROOT/test and the extra directories.
type counts struct {
	roots          []string // relative to GOROOT
	files          int      // .go files seen
	excluded       int      // files left out by their build constraint
	nonStd         int      // files of units skipped for importing a non-std package (or "C")
	nested         int      // files in subdirectories of *.dir, not run
	units          int      // tool runs
	typeChecked    int      // runs that type-checked and were analyzed
	withFindings   int      // of those, runs with findings
	findings       int
	typeErrors     int // runs that exited non-zero without crashing
	analyzerErrors int
	crashes        int
	timeouts       int
	slowest        []slow
}

type slow struct {
	unit string
	dur  time.Duration
}

func (c *counts) print(w io.Writer, took time.Duration) {
	fmt.Fprintf(w, "GOROOT/{%s}: %d files: %d excluded by build constraints, %d skipped (non-std imports), %d skipped (nested in *.dir)\n",
		strings.Join(c.roots, ","), c.files, c.excluded, c.nonStd, c.nested)
	fmt.Fprintf(w, "  %d tool runs: %d type-checked (%d with findings, %d findings), %d type errors, %d analyzer errors, %d panics, %d timeouts\n",
		c.units, c.typeChecked, c.withFindings, c.findings, c.typeErrors, c.analyzerErrors, c.crashes, c.timeouts)
	sort.Slice(c.slowest, func(i, j int) bool { return c.slowest[i].dur > c.slowest[j].dur })
	var s []string
	for i := 0; i < len(c.slowest) && i < 5; i++ {
		s = append(s, fmt.Sprintf("%s %s", c.slowest[i].unit, c.slowest[i].dur.Round(10*time.Millisecond)))
	}
	fmt.Fprintf(w, "  slowest: %s\n", strings.Join(s, ", "))
	fmt.Fprintf(w, "  time: %s\n", took.Round(time.Second))
}

// srcFile is one .go file of GOROOT/test, read up to its imports.
type srcFile struct {
	path    string
	pkgName string
	imports []string // nil if the imports do not parse
	parsed  bool
	lang    string // -lang=go1.N of the test's header, if any
}

var (
	langRE    = regexp.MustCompile(`-lang=(go1\.\d+)`)
	packageRE = regexp.MustCompile(`(?m)^package\s+(\w+)`)
)

func readSrc(path string) (*srcFile, bool, error) {
	if !buildOK(path) {
		return nil, false, nil
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, false, err
	}
	f := &srcFile{path: path}
	if first, _, _ := strings.Cut(string(src), "\n"); strings.HasPrefix(first, "//") {
		if m := langRE.FindStringSubmatch(first); m != nil {
			f.lang = m[1]
		}
	}
	af, err := parser.ParseFile(token.NewFileSet(), path, src, parser.ImportsOnly)
	if af != nil && af.Name != nil && af.Name.Name != "" && af.Name.Name != "_" {
		f.pkgName = af.Name.Name
	} else if m := packageRE.FindSubmatch(src); m != nil {
		f.pkgName = string(m[1])
	} else {
		f.pkgName = "main"
	}
	if err == nil {
		f.parsed = true
		f.imports = []string{}
		for _, imp := range af.Imports {
			if p, err := strconv.Unquote(imp.Path.Value); err == nil {
				f.imports = append(f.imports, p)
			}
		}
	}
	return f, true, nil
}

// buildOK reports whether the file's name and //go:build lines are
// satisfied by this toolchain and platform, without cgo, like the std
// the files are checked against. A file whose header does not parse
// is taken: the tool must report the syntax error.
func buildOK(path string) bool {
	ctx := build.Default
	ctx.CgoEnabled = false
	ok, err := ctx.MatchFile(filepath.Dir(path), filepath.Base(path))
	return ok || err != nil
}

// unit is one tool run: one package of one or more files.
type unit struct {
	name    string // for reports: the path relative to GOROOT, plus the package in a *.dir
	pkgName string
	files   []*srcFile
	local   map[string]*unit // ./x imports of a *.dir package, resolved
	vetx    string           // where the tool writes this unit's vetx
	ok      bool             // type-checked (dependents of a failed unit still run)
}

// gotest runs the tool over GOROOT/test and the extra directories
// (relative to GOROOT, like src/internal/types/testdata).
func (r *runner) gotest(std *stdLib, work string, jobs int, only *regexp.Regexp, extra []string) (*counts, error) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT: %v", err)
	}
	goroot := strings.TrimSpace(string(out))
	tmp := filepath.Join(work, "gotest")
	if err := os.RemoveAll(tmp); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(tmp, 0o777); err != nil {
		return nil, err
	}

	c := &counts{roots: append([]string{"test"}, extra...)}
	var groups [][]*unit // each group runs in order; groups run in parallel
	for _, r := range c.roots {
		r, dirs := strings.CutSuffix(r, ":dirs")
		root := filepath.Join(goroot, filepath.FromSlash(r))
		err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(goroot, path)
			rel = filepath.ToSlash(rel)
			if d.IsDir() {
				if dirs && (only == nil || only.MatchString(rel)) {
					g, err := dirUnits(goroot, path, std, c, false)
					if err != nil {
						return err
					}
					if len(g) > 0 {
						groups = append(groups, g)
					}
					return nil
				}
				if strings.HasSuffix(path, ".dir") {
					if only == nil || only.MatchString(rel) {
						g, err := dirUnits(goroot, path, std, c, true)
						if err != nil {
							return err
						}
						if len(g) > 0 {
							groups = append(groups, g)
						}
					}
					return filepath.SkipDir
				}
				return nil
			}
			if dirs || !strings.HasSuffix(path, ".go") || (only != nil && !only.MatchString(rel)) {
				return nil
			}
			c.files++
			f, ok, err := readSrc(path)
			if err != nil {
				return err
			}
			if !ok {
				c.excluded++
				return nil
			}
			if !importsStd(f, nil, std) {
				c.nonStd++
				return nil
			}
			groups = append(groups, []*unit{{name: rel, pkgName: f.pkgName, files: []*srcFile{f}}})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}

	var mu sync.Mutex
	var firstErr error
	sem := make(chan struct{}, jobs)
	var wg sync.WaitGroup
	for gi, g := range groups {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			for ui, u := range g {
				u.vetx = filepath.Join(tmp, fmt.Sprintf("%d.%d.vetx", gi, ui))
				cfg := u.config(std)
				o, err := r.run(cfg, filepath.Join(tmp, fmt.Sprintf("%d.%d.cfg", gi, ui)))
				mu.Lock()
				if err != nil {
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					return
				}
				c.record(u, o, r.verbose)
				mu.Unlock()
			}
			for _, u := range g {
				os.Remove(u.vetx)
			}
		}()
	}
	wg.Wait()
	return c, firstErr
}

func (c *counts) record(u *unit, o *outcome, verbose bool) {
	c.units++
	c.slowest = append(c.slowest, slow{u.name, o.dur})
	if len(c.slowest) > 20 {
		sort.Slice(c.slowest, func(i, j int) bool { return c.slowest[i].dur > c.slowest[j].dur })
		c.slowest = c.slowest[:5]
	}
	switch {
	case o.timeout:
		c.timeouts++
		fmt.Printf("TIMEOUT %s after %s\n", u.name, o.dur.Round(time.Second))
	case o.crash:
		c.crashes++
		fmt.Printf("PANIC %s\n%s\n", u.name, trace(o.stderr, 30))
	case o.typeChecked:
		u.ok = true
		c.typeChecked++
		if len(o.findings) > 0 {
			c.withFindings++
			c.findings += len(o.findings)
			sort.Strings(o.findings)
			fmt.Printf("findings %s:\n\t%s\n", u.name, strings.Join(o.findings, "\n\t"))
		}
		if o.analyzerErr != "" {
			c.analyzerErrors++
			fmt.Printf("ANALYZER ERROR %s: %s\n", u.name, o.analyzerErr)
		}
		if verbose {
			fmt.Printf("ok %s\n", u.name)
		}
	default:
		c.typeErrors++
		if strings.TrimSpace(o.stderr) == "" {
			// A type error must be reported, not just signalled.
			c.crashes++
			fmt.Printf("SILENT FAILURE %s: exit %d with nothing on stderr\n", u.name, o.exitCode)
		} else if verbose {
			fmt.Printf("type error %s: %s\n", u.name, firstLine(o.stderr))
		}
	}
}

// importsStd reports whether every import of f is std, unsafe or a
// package of local.
func importsStd(f *srcFile, local map[string]*unit, std *stdLib) bool {
	for _, imp := range f.imports {
		if imp == "unsafe" || std.standard[imp] {
			continue
		}
		if _, ok := local[imp]; ok {
			continue
		}
		if *verboseFlag {
			fmt.Printf("skip %s: imports %q\n", f.path, imp)
		}
		return false
	}
	return true
}

// dirUnits returns the packages of the .go files in dir (a
// multi-package *.dir test), grouped by package name, in dependency
// order, or nil if they cannot all be resolved. With nested, the .go
// files in its subdirectories are counted as skipped.
func dirUnits(root, dir string, std *stdLib, c *counts, nested bool) ([]*unit, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	rel, _ := filepath.Rel(root, dir)
	byName := map[string]*unit{}
	var units []*unit
	var files []*srcFile
	for _, e := range ents {
		if e.IsDir() {
			if !nested {
				continue
			}
			n := 0
			_ = filepath.WalkDir(filepath.Join(dir, e.Name()), func(path string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
					n++
				}
				return nil
			})
			c.files += n
			c.nested += n
			continue
		}
		if !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		c.files++
		f, ok, err := readSrc(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		if !ok {
			c.excluded++
			continue
		}
		files = append(files, f)
		u := byName[f.pkgName]
		if u == nil {
			u = &unit{name: rel + " " + f.pkgName, pkgName: f.pkgName, local: map[string]*unit{}}
			byName[f.pkgName] = u
			units = append(units, u)
		}
		u.files = append(u.files, f)
	}
	skip := func() ([]*unit, error) {
		c.nonStd += len(files)
		return nil, nil
	}
	for _, u := range units {
		for _, f := range u.files {
			for _, imp := range f.imports {
				name := strings.TrimPrefix(imp, "./")
				if d := byName[name]; d != nil && d != u && !std.standard[imp] {
					u.local[imp] = d
				}
			}
			if !importsStd(f, u.local, std) {
				return skip()
			}
		}
	}
	// Order by dependencies; a cycle skips the directory.
	var order []*unit
	state := map[*unit]int{} // 1 visiting, 2 done
	var visit func(u *unit) bool
	visit = func(u *unit) bool {
		switch state[u] {
		case 1:
			return false
		case 2:
			return true
		}
		state[u] = 1
		deps := make([]string, 0, len(u.local))
		for imp := range u.local {
			deps = append(deps, imp)
		}
		sort.Strings(deps)
		for _, imp := range deps {
			if !visit(u.local[imp]) {
				return false
			}
		}
		state[u] = 2
		order = append(order, u)
		return true
	}
	for _, u := range units {
		if !visit(u) {
			return skip()
		}
	}
	return order, nil
}

// config is the unitchecker config of u, as go vet would write it.
func (u *unit) config(std *stdLib) *config {
	path := u.pkgName
	if std.standard[path] {
		path = "goroottest/" + path // a package named like a std path must not be taken for it
	}
	cfg := &config{
		ID:          u.name,
		Compiler:    "gc",
		Dir:         filepath.Dir(u.files[0].path),
		ImportPath:  path,
		GoVersion:   std.goVersion,
		ImportMap:   map[string]string{},
		PackageFile: map[string]string{},
		PackageVetx: map[string]string{},
		Standard:    std.standard,
		VetxOutput:  u.vetx,
	}
	for _, f := range u.files {
		cfg.GoFiles = append(cfg.GoFiles, f.path)
		if *langFlag != "" {
			cfg.GoVersion = *langFlag
		} else if f.lang != "" {
			cfg.GoVersion = f.lang
		}
		imports := f.imports
		if !f.parsed {
			// The imports do not parse: offer all of std; the tool
			// must report the syntax error.
			imports = nil
			for _, p := range std.pkgs {
				imports = append(imports, p.ImportPath)
			}
		}
		for _, imp := range imports {
			if d := u.local[imp]; d != nil {
				cfg.ImportMap[imp] = d.importPath(std)
				cfg.PackageVetx[d.importPath(std)] = d.vetx
				continue
			}
			cfg.ImportMap[imp] = imp
			std.addDep(cfg, imp)
		}
	}
	return cfg
}

func (u *unit) importPath(std *stdLib) string {
	if std.standard[u.pkgName] {
		return "goroottest/" + u.pkgName
	}
	return u.pkgName
}
