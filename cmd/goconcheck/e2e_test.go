package main_test

// End-to-end tests of the three ways goconcheck is run: the standalone
// command, `go vet -vettool`, and golangci-lint with the module plugin.
// Each must report exactly the findings marked in
// testdata/modules/sample with `// finding: <analyzer>` comments, and
// nothing on testdata/modules/clean.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/goconcheck/goconcheck/analyzers"
)

// finding is one diagnostic, reduced to what every front end prints.
type finding struct {
	file     string // slash-separated, relative to the module root
	line     int
	analyzer string
}

func (f finding) String() string { return fmt.Sprintf("%s:%d: %s", f.file, f.line, f.analyzer) }

var bin string // the goconcheck binary built by TestMain

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "goconcheck-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	bin = filepath.Join(dir, "goconcheck")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building goconcheck: %v\n%s", err, out)
		os.Exit(2)
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

func moduleDir(t *testing.T, name string) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir, err := filepath.Abs(filepath.Join(filepath.Dir(file), "..", "..", "testdata", "modules", name))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

var markerRE = regexp.MustCompile(`// finding: ([a-z]+)`)

// markedFindings reads the `// finding: <analyzer>` markers of a module.
func markedFindings(t *testing.T, dir string) []finding {
	t.Helper()
	var fs []finding
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		sc := bufio.NewScanner(bytes.NewReader(data))
		for line := 1; sc.Scan(); line++ {
			for _, m := range markerRE.FindAllStringSubmatch(sc.Text(), -1) {
				fs = append(fs, finding{filepath.ToSlash(rel), line, m[1]})
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return sorted(fs)
}

func sorted(fs []finding) []finding {
	sort.Slice(fs, func(i, j int) bool { return fs[i].String() < fs[j].String() })
	return fs
}

func assertFindings(t *testing.T, frontEnd string, got, want []finding) {
	t.Helper()
	got = sorted(got)
	if !slices.Equal(got, want) {
		t.Errorf("%s: findings differ from the markers\ngot:\n%s\nwant:\n%s", frontEnd, list(got), list(want))
	}
}

func list(fs []finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\t%s\n", f)
	}
	return b.String()
}

// run runs a command in dir and returns its stdout, stderr and exit code.
func run(t *testing.T, dir string, env []string, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	default:
		t.Fatalf("running %s: %v", name, err)
	}
	return o.String(), e.String(), code
}

// jsonFindings decodes the -json output of the analysis drivers:
// {"pkg": {"analyzer": [{"posn": "file:line:col", ...}]}} objects, one
// per package, possibly interleaved with "# pkg" lines (go vet).
func jsonFindings(t *testing.T, dir, out string) []finding {
	t.Helper()
	var fs []finding
	dec := json.NewDecoder(strings.NewReader(stripComments(out)))
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			t.Fatalf("decoding -json output: %v\n%s", err, out)
		}
		for _, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var diags []struct {
					Posn string `json:"posn"`
				}
				if err := json.Unmarshal(raw, &diags); err != nil {
					// An analyzer error is {"error": "..."}: fail loudly.
					t.Fatalf("analyzer %s: %s", name, raw)
				}
				for _, d := range diags {
					fs = append(fs, posnFinding(t, dir, d.Posn, name))
				}
			}
		}
	}
	return fs
}

func stripComments(out string) string {
	var b strings.Builder
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "#") {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

var posnRE = regexp.MustCompile(`^(.*\.go):(\d+)(?::\d+)?$`)

func posnFinding(t *testing.T, dir, posn, analyzer string) finding {
	t.Helper()
	m := posnRE.FindStringSubmatch(posn)
	if m == nil {
		t.Fatalf("bad position %q", posn)
	}
	file := m[1]
	if rel, err := filepath.Rel(dir, file); err == nil && filepath.IsAbs(file) {
		file = rel
	}
	line, err := strconv.Atoi(m[2])
	if err != nil {
		t.Fatalf("bad line in %q: %v", posn, err)
	}
	return finding{filepath.ToSlash(file), line, analyzer}
}

// textFindings parses "file:line:col: message" lines, as the drivers
// print them without -json; goconcheck ends the message with its rule,
// "(analyzer)" or "(analyzer/category)", go vet does not name it.
// Related information follows its diagnostic as "file:line:col: \tmessage".
func textFindings(t *testing.T, dir, out string) []finding {
	t.Helper()
	re := regexp.MustCompile(`^(\S+\.go):(\d+):\d+: [^\t].*?(?: \(([a-z]+)(?:/[a-z-]+)?\))?$`)
	var fs []finding
	for _, line := range strings.Split(out, "\n") {
		if m := re.FindStringSubmatch(line); m != nil {
			f := posnFinding(t, dir, m[1]+":"+m[2], m[3])
			fs = append(fs, f)
		}
	}
	return fs
}

func withoutAnalyzer(fs []finding) []finding {
	out := make([]finding, len(fs))
	for i, f := range fs {
		out[i] = finding{f.file, f.line, ""}
	}
	return sorted(out)
}

// TestSampleCoversSuite keeps the sample honest: every analyzer of the
// suite has at least one marked finding, and every marker names one.
func TestSampleCoversSuite(t *testing.T) {
	marked := map[string]bool{}
	for _, f := range markedFindings(t, moduleDir(t, "sample")) {
		marked[f.analyzer] = true
	}
	suite := map[string]bool{}
	for _, a := range analyzers.All() {
		suite[a.Name] = true
		if !marked[a.Name] {
			t.Errorf("testdata/modules/sample has no finding of analyzer %s", a.Name)
		}
	}
	for name := range marked {
		if !suite[name] {
			t.Errorf("testdata/modules/sample marks a finding of %s, which is not in the suite", name)
		}
	}
}

func TestStandalone(t *testing.T) {
	dir := moduleDir(t, "sample")
	want := markedFindings(t, dir)

	stdout, stderr, code := run(t, dir, nil, bin, "-json", "./...")
	if code != 0 {
		t.Fatalf("goconcheck -json: exit %d\n%s", code, stderr)
	}
	assertFindings(t, "goconcheck -json", jsonFindings(t, dir, stdout), want)

	// Plain output: diagnostics mean exit status 3, as for every
	// analysis driver.
	_, stderr, code = run(t, dir, nil, bin, "./...")
	if code != 3 {
		t.Errorf("goconcheck ./...: exit %d, want 3\n%s", code, stderr)
	}
	// Each finding names its analyzer.
	assertFindings(t, "goconcheck", textFindings(t, dir, stderr), want)
	if strings.Contains(stderr, "\r") {
		t.Errorf("goconcheck printed a progress line on a stderr that is not a terminal:\n%q", stderr)
	}

	_, stderr, code = run(t, moduleDir(t, "clean"), nil, bin, "./...")
	if code != 0 || strings.TrimSpace(stderr) != "" {
		t.Errorf("goconcheck on the clean module: exit %d, output:\n%s", code, stderr)
	}
}

// TestEnableFlags checks the per-analyzer flags: naming one analyzer
// runs only that one.
func TestEnableFlags(t *testing.T) {
	dir := moduleDir(t, "sample")
	all := markedFindings(t, dir)
	for _, a := range analyzers.All() {
		var want []finding
		for _, f := range all {
			if f.analyzer == a.Name {
				want = append(want, f)
			}
		}
		stdout, stderr, code := run(t, dir, nil, bin, "-json", "-"+a.Name, "./...")
		if code != 0 {
			t.Fatalf("goconcheck -%s: exit %d\n%s", a.Name, code, stderr)
		}
		assertFindings(t, "goconcheck -"+a.Name, jsonFindings(t, dir, stdout), want)
	}
}

func TestHelp(t *testing.T) {
	stdout, stderr, _ := run(t, ".", nil, bin, "help")
	out := stdout + stderr
	for _, a := range analyzers.All() {
		if !strings.Contains(out, a.Name) {
			t.Errorf("goconcheck help does not list %s:\n%s", a.Name, out)
		}
	}
}

func TestVetTool(t *testing.T) {
	dir := moduleDir(t, "sample")
	want := markedFindings(t, dir)
	vettool := "-vettool=" + bin

	// go vet prints diagnostics on stderr and exits 1.
	_, stderr, code := run(t, dir, nil, "go", "vet", vettool, "./...")
	if code != 1 {
		t.Errorf("go vet -vettool: exit %d, want 1\n%s", code, stderr)
	}
	assertFindings(t, "go vet -vettool", withoutAnalyzer(textFindings(t, dir, stderr)), withoutAnalyzer(want))

	// With -json, go vet prints the diagnostics on stdout and exits 0.
	stdout, stderr, code := run(t, dir, nil, "go", "vet", vettool, "-json", "./...")
	if code != 0 {
		t.Fatalf("go vet -vettool -json: exit %d\n%s", code, stderr)
	}
	assertFindings(t, "go vet -vettool -json", jsonFindings(t, dir, stdout), want)

	// What an editor runs on save (the README's VS Code settings):
	// go vet on the saved file's package, in its directory.
	var inRegistry []finding
	for _, f := range want {
		if strings.HasPrefix(f.file, "registry/") {
			inRegistry = append(inRegistry, finding{strings.TrimPrefix(f.file, "registry/"), f.line, ""})
		}
	}
	_, stderr, code = run(t, filepath.Join(dir, "registry"), nil, "go", "vet", vettool, ".")
	if code != 1 || len(inRegistry) == 0 {
		t.Errorf("go vet -vettool . in a package directory: exit %d, want 1\n%s", code, stderr)
	}
	assertFindings(t, "go vet -vettool . (an editor on save)", withoutAnalyzer(textFindings(t, filepath.Join(dir, "registry"), stderr)), sorted(inRegistry))

	_, stderr, code = run(t, moduleDir(t, "clean"), nil, "go", "vet", vettool, "./...")
	if code != 0 || strings.TrimSpace(stderr) != "" {
		t.Errorf("go vet -vettool on the clean module: exit %d, output:\n%s", code, stderr)
	}
}

// TestGolangciLint runs a custom golangci-lint built with the module
// plugin (scripts/custom-gcl.sh builds it and sets GOCONCHECK_CUSTOM_GCL)
// with the repository's own .golangci.yml, restricted to goconcheck.
func TestGolangciLint(t *testing.T) {
	gcl := os.Getenv("GOCONCHECK_CUSTOM_GCL")
	if gcl == "" {
		if os.Getenv("GOCONCHECK_E2E") != "" {
			t.Fatal("GOCONCHECK_E2E is set but GOCONCHECK_CUSTOM_GCL is not: build it with scripts/custom-gcl.sh")
		}
		t.Skip("GOCONCHECK_CUSTOM_GCL not set; scripts/test.sh builds the custom golangci-lint and sets it")
	}
	_, file, _, _ := runtime.Caller(0)
	config, err := filepath.Abs(filepath.Join(filepath.Dir(file), "..", "..", ".golangci.yml"))
	if err != nil {
		t.Fatal(err)
	}

	lint := func(dir string) []finding {
		stdout, stderr, code := run(t, dir, []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()},
			gcl, "run", "--config", config, "--enable-only", "goconcheck",
			"--output.json.path", "stdout", "--show-stats=false", "./...")
		if code != 0 && code != 1 {
			t.Fatalf("golangci-lint: exit %d\n%s\n%s", code, stdout, stderr)
		}
		var report struct {
			Issues []struct {
				FromLinter string
				Text       string
				Pos        struct {
					Filename string
					Line     int
				}
			}
		}
		if err := json.Unmarshal([]byte(firstLine(stdout)), &report); err != nil {
			t.Fatalf("decoding golangci-lint JSON: %v\n%s\n%s", err, stdout, stderr)
		}
		var fs []finding
		for _, is := range report.Issues {
			if is.FromLinter != "goconcheck" {
				t.Errorf("unexpected linter %s: %s", is.FromLinter, is.Text)
				continue
			}
			// Analyzer diagnostics come as "<analyzer>: <message>", and
			// each related information as an issue of its own, from
			// "<analyzer>(related information)".
			name, _, _ := strings.Cut(is.Text, ":")
			if strings.HasSuffix(is.FromLinter+name, "(related information)") {
				continue
			}
			// Paths are relative to the configuration file's directory.
			file := is.Pos.Filename
			if !filepath.IsAbs(file) {
				file = filepath.Join(filepath.Dir(config), file)
			}
			if rel, err := filepath.Rel(dir, file); err == nil {
				file = rel
			}
			fs = append(fs, finding{filepath.ToSlash(file), is.Pos.Line, name})
		}
		return fs
	}

	dir := moduleDir(t, "sample")
	assertFindings(t, "golangci-lint", lint(dir), markedFindings(t, dir))
	if fs := lint(moduleDir(t, "clean")); len(fs) > 0 {
		t.Errorf("golangci-lint on the clean module:\n%s", list(fs))
	}

	// golangci-lint's //nolint and goconcheck's own directive both
	// silence a finding in the plugin.
	dir = writeModule(t, map[string]string{
		"go.mod": "module example.com/nolint\n\ngo 1.22\n",
		"p/p.go": `package p

import "sync"

var mu sync.Mutex

func Nolint() {
	mu.Lock()
	mu.Lock() //nolint:goconcheck // the test of nolint
	mu.Unlock()
}

func Ignore() {
	mu.Lock()
	mu.Lock() //goconcheck:ignore doublelock the test of the directive
	mu.Unlock()
}

func Reported() {
	mu.Lock()
	mu.Lock() // finding: doublelock
	mu.Unlock()
}
`,
	})
	assertFindings(t, "golangci-lint with //nolint and //goconcheck:ignore", lint(dir), markedFindings(t, dir))
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// TestFix applies every suggested fix to a copy of the sample: the
// copy must still build, -diff must have shown the same change, and
// the findings whose fixes were applied must be gone.
func TestFix(t *testing.T) {
	src := moduleDir(t, "sample")
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	before := markedFindings(t, dir)

	// -fix -diff prints the fixes as a diff and leaves the files alone.
	diff, stderr, _ := run(t, dir, nil, bin, "-fix", "-diff", "./...")
	if !strings.Contains(diff, "+++") {
		t.Fatalf("goconcheck -fix -diff printed no diff:\n%s\n%s", diff, stderr)
	}
	if got := markedFindings(t, dir); !slices.Equal(got, before) {
		t.Fatalf("-fix -diff changed the files")
	}
	if _, stderr, code := run(t, dir, nil, bin, "-fix", "./..."); code != 0 && code != 3 {
		t.Fatalf("goconcheck -fix: exit %d\n%s", code, stderr)
	}
	if _, stderr, code := run(t, dir, nil, "go", "build", "./..."); code != 0 {
		t.Fatalf("the fixed sample does not build:\n%s", stderr)
	}
	stdout, stderr, code := run(t, dir, nil, bin, "-json", "./...")
	if code != 0 {
		t.Fatalf("goconcheck -json after -fix: exit %d\n%s", code, stderr)
	}
	after := sorted(jsonFindings(t, dir, stdout))
	if len(after) >= len(before) {
		t.Errorf("-fix removed no finding: before\n%s\nafter\n%s", list(before), list(after))
	}
	for _, f := range after {
		if !slices.Contains(before, f) {
			t.Errorf("-fix introduced a finding: %s", f)
		}
	}
}

// TestReadme keeps README.md's table of analyzers in step with the suite.
func TestReadme(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	data, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	rows := regexp.MustCompile("(?m)^\\| \\[`([a-z]+)`\\]").FindAllStringSubmatch(string(data), -1)
	var listed []string
	for _, r := range rows {
		listed = append(listed, r[1])
	}
	var suite []string
	for _, a := range analyzers.All() {
		suite = append(suite, a.Name)
	}
	if !slices.Equal(listed, suite) {
		t.Errorf("README.md lists analyzers %v, the suite is %v (same order)", listed, suite)
	}
}

// TestTypeErrors runs goconcheck on a module with a package that does
// not type-check: the type error is reported, with exit status 1, and
// the other packages are still analyzed.
func TestTypeErrors(t *testing.T) {
	dir := moduleDir(t, "broken")
	want := markedFindings(t, dir)
	for _, args := range [][]string{{"./..."}, {"-json", "./..."}} {
		stdout, stderr, code := run(t, dir, nil, bin, args...)
		if code != 1 {
			t.Errorf("goconcheck %s: exit %d, want 1\n%s", strings.Join(args, " "), code, stderr)
		}
		if !strings.Contains(stderr, "bad.go:5:") || !strings.Contains(stderr, "undefinedCounter") {
			t.Errorf("goconcheck %s: the type error is not reported:\n%s", strings.Join(args, " "), stderr)
		}
		if strings.Contains(stderr, "panic") {
			t.Errorf("goconcheck %s panicked:\n%s", strings.Join(args, " "), stderr)
		}
		if args[0] == "-json" {
			assertFindings(t, "goconcheck -json", jsonFindings(t, dir, stdout), want)
		} else {
			// The type error is in the same "file:line:col: text" form.
			got := slices.DeleteFunc(textFindings(t, dir, stderr), func(f finding) bool { return f.file == "bad/bad.go" })
			assertFindings(t, "goconcheck", got, want)
		}
	}
}

// TestDeterministic runs goconcheck -json twice on the sample, with the
// go command's cached results defeated (a copy of the binary with other
// bytes is another vet tool to it), and compares the bytes.
// The sample's session package has three findings whose counts once
// followed map iteration order (an access holding two mutexes of its
// struct), so that two runs then agreed only about one time in eight.
func TestDeterministic(t *testing.T) {
	dir := moduleDir(t, "sample")
	var outs []string
	for i := range 2 {
		data, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		fresh := filepath.Join(t.TempDir(), "goconcheck")
		data = append(data, fmt.Sprintf("run %d of %s", i, t.Name())...)
		if err := os.WriteFile(fresh, data, 0o755); err != nil {
			t.Fatal(err)
		}
		stdout, stderr, code := run(t, dir, nil, fresh, "-json", "./...")
		if code != 0 {
			t.Fatalf("goconcheck -json: exit %d\n%s", code, stderr)
		}
		outs = append(outs, stdout)
	}
	if outs[0] != outs[1] {
		t.Errorf("two runs of goconcheck -json differ:\n%s\n---\n%s", outs[0], outs[1])
	}
}

// TestCgo checks that a package using cgo is analyzed: the go command
// gives vet tools cmd/cgo's translations of its files, which carry the
// generated-code header, and the findings must still be reported at
// their places in the files the user wrote.
func TestCgo(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	dir := moduleDir(t, "cgo")
	stdout, stderr, code := run(t, dir, []string{"CGO_ENABLED=1"}, bin, "-json", "./...")
	if code != 0 {
		t.Fatalf("goconcheck -json: exit %d\n%s", code, stderr)
	}
	assertFindings(t, "goconcheck -json", jsonFindings(t, dir, stdout), markedFindings(t, dir))
	// Edits computed on cgo's scratch copy would not apply to cgo.go:
	// no fix is offered there.
	if strings.Contains(stdout, "cgo1.go") || strings.Contains(stdout, "suggested_fixes") {
		t.Errorf("goconcheck -json offers fixes in a cgo translation:\n%s", stdout)
	}
}

// TestCache runs goconcheck on a module three times with one cache: a
// second run on the same code must print exactly what the first did;
// after an edit of the importing package, whose finding rests on a fact
// of the package it imports (read back from the cache, not computed),
// the result must be what a run without the cache prints.
func TestCache(t *testing.T) {
	files := map[string]string{
		"go.mod": "module example.com/cached\n\ngo 1.22\n",
		"lib/lib.go": `package lib

import "sync"

var Global sync.Mutex

// LockGlobal locks and unlocks Global.
func LockGlobal() {
	Global.Lock()
	Global.Unlock()
}
`,
		"app/app.go": `package app

import "example.com/cached/lib"

func Twice() {
	lib.Global.Lock()
	defer lib.Global.Unlock()
	lib.LockGlobal() // finding: doublelock
}
`,
	}
	dir := writeModule(t, files)
	cache := []string{"GOCONCHECK_CACHE=" + t.TempDir()}
	jsonRun := func(env []string) string {
		t.Helper()
		stdout, stderr, code := run(t, dir, env, bin, "-json", "./...")
		if code != 0 {
			t.Fatalf("goconcheck -json: exit %d\n%s", code, stderr)
		}
		return stdout
	}
	first := jsonRun(cache)
	assertFindings(t, "goconcheck -json", jsonFindings(t, dir, first), markedFindings(t, dir))
	if again := jsonRun(cache); again != first {
		t.Errorf("the cached run differs from the first:\n%s\n---\n%s", again, first)
	}

	// The finding moves down two lines; lib is unchanged.
	editFile(t, filepath.Join(dir, "app", "app.go"), func(src string) string {
		return strings.Replace(src, "func Twice() {", "// Twice locks twice.\n//\nfunc Twice() {", 1)
	})
	afterEdit := jsonRun(cache)
	uncached := jsonRun([]string{"GOCONCHECK_CACHE=off"})
	if afterEdit != uncached {
		t.Errorf("after an edit, the run with the cache differs from one without:\n%s\n---\n%s", afterEdit, uncached)
	}
	assertFindings(t, "goconcheck -json after the edit", jsonFindings(t, dir, afterEdit), markedFindings(t, dir))
}
