// Package driver is goconcheck's command line.
//
// When the go command runs goconcheck as a vet or fix tool (go vet
// -vettool, go fix -fixtool), it is a unitchecker: it analyzes the one
// package a .cfg file describes, with its dependencies' types read from
// export data and their facts from files the go command keeps.
//
// Run standalone (goconcheck ./...), it analyzes in its own process (see
// analyze): it asks the go command only for the package graph, then
// type-checks every package from source once, dependencies first and in
// parallel, keeps each package's types and facts for its importers and
// drops its syntax and SSA as soon as it is analyzed. The x/tools
// checker would keep all of them for the whole run (about 1.2 GB on
// hashicorp/raft, where this driver needs under 200 MB), and going
// through go vet, one process per package re-reading its dependencies'
// export data and facts, costs twice the time. Results are cached per
// package (see cache), so a second run re-analyzes only what changed.
// Results stay typed (finding.Finding) from the analysis through the
// cache and the filters (-disable-rule, -baseline, -new-from-rev) to
// the one place they are printed, sorted, in the -format asked for
// (output.go: text on stderr with exit status 3, go vet's JSON tree,
// SARIF, GitHub workflow commands). -fix runs go fix with goconcheck as
// its fix tool, which applies the suggested fixes.
package driver

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
)

// Main runs goconcheck with the given analyzers and exits.
func Main(analyzers []*analysis.Analyzer) {
	if invokedByGoCommand(os.Args[1:]) {
		if factsOnlyConfig(os.Args[1:]) {
			// This process analyzes one package, for its facts only.
			if err := analysisutil.ModeAnalyzer.Flags.Set("factsonly", "true"); err != nil {
				panic(err)
			}
			analyzers = factAnalyzers(analyzers)
			// The syntax inspector serves only x/tools' ctrlflow
			// here, which needs the function declarations alone
			// (see declInspector): in this process, which runs
			// nothing else, inspect builds that one.
			inspect.Analyzer.Run = func(pass *analysis.Pass) (any, error) { return declInspector(pass.Files), nil }
		}
		unitchecker.Main(analyzers...)
		return // unreachable: unitchecker.Main exits
	}
	os.Exit(Standalone(analyzers, os.Args[1:], os.Stdout, os.Stderr))
}

// invokedByGoCommand reports whether the go command is running us as a
// vet or fix tool: it first asks for our version (-V=full) and flags
// (-flags), then passes one .cfg file per package.
func invokedByGoCommand(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// factsOnlyConfig reports whether the go command asks only for the
// facts of a package (a dependency of the packages named), whose
// diagnostics it discards.
func factsOnlyConfig(args []string) bool {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return false
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return false // unitchecker will say why
	}
	var cfg struct{ VetxOnly bool }
	return json.Unmarshal(data, &cfg) == nil && cfg.VetxOnly
}

// factAnalyzers replaces the analyzers that export no facts by ones that
// do nothing but require what they required that does (the shared
// models, whose facts importers need), keeping their names and flags,
// which the go command passes to every run. unitchecker would run them
// in full on every dependency: buildssa requires ctrlflow, which has
// facts.
func factAnalyzers(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		if len(a.FactTypes) > 0 {
			out[i] = a
			continue
		}
		idle := *a
		idle.Requires = nil
		for _, r := range a.Requires {
			if hasFacts(r) {
				idle.Requires = append(idle.Requires, r)
			}
		}
		idle.ResultType = nil
		idle.Run = func(*analysis.Pass) (any, error) { return nil, nil }
		out[i] = &idle
	}
	return out
}

// hasFacts reports whether a or an analyzer it requires exports facts.
func hasFacts(a *analysis.Analyzer) bool {
	if len(a.FactTypes) > 0 {
		return true
	}
	for _, r := range a.Requires {
		if hasFacts(r) {
			return true
		}
	}
	return false
}

// Exit statuses, as multichecker's.
const (
	exitOK       = 0
	exitError    = 1 // a package did not load or an analyzer failed
	exitUsage    = 2
	exitFindings = 3 // diagnostics, in text mode
)

// options are the standalone command's own flags; the rest (analyzer
// selection and analyzer flags) are passed through to the vet tool.
type options struct {
	json, fix, diff bool
	html            string // -html FILE
	format          string
	disableRules    []string
	baseline        string // -baseline: report only findings not in it
	writeBaseline   string // -write-baseline: record the findings in it
	newFromRev      string // -new-from-rev: only findings on lines changed since
	newFromPatch    string // -new-from-patch: only findings on lines a patch adds
	version         bool
	context         int
	tags            string
	timing          bool
	cpuprofile      string
	memprofile      string
	stats           bool
	forward         []string
	enable          map[string]*bool // -NAME
	set             map[string]bool  // the -NAME flags given
}

// selected is the analyzers the -NAME flags choose, as go vet's: those
// set true if any is; else all but those set false.
func (o *options) selected(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	var on, notOff []*analysis.Analyzer
	for _, a := range analyzers {
		if *o.enable[a.Name] && o.set[a.Name] {
			on = append(on, a)
		}
		if !o.set[a.Name] || *o.enable[a.Name] {
			notOff = append(notOff, a)
		}
	}
	if len(on) > 0 {
		return on
	}
	return notOff
}

func parseFlags(analyzers []*analysis.Analyzer, args []string, stderr io.Writer) (*options, []string, error) {
	opts := &options{enable: make(map[string]*bool), set: make(map[string]bool)}
	fs := flag.NewFlagSet(progName(), flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&opts.json, "json", false, "emit JSON output (the same as -format=json)")
	fs.StringVar(&opts.format, "format", "text", "output format: "+formatNames())
	fs.Func("disable-rule", "switch off a rule, analyzer/category as the text output names it (repeatable, or comma-separated)", func(s string) error {
		for _, r := range strings.Split(s, ",") {
			if r = strings.TrimSpace(r); r != "" {
				opts.disableRules = append(opts.disableRules, r)
			}
		}
		return nil
	})
	fs.StringVar(&opts.baseline, "baseline", "", "report only the findings not recorded in this baseline `file`, and its entries that no longer match")
	fs.StringVar(&opts.writeBaseline, "write-baseline", "", "record today's findings in this baseline `file`")
	fs.StringVar(&opts.newFromRev, "new-from-rev", "", "report only findings on lines changed since this git `revision`")
	fs.StringVar(&opts.newFromPatch, "new-from-patch", "", "report only findings on lines a unified diff `file` adds")
	fs.BoolVar(&opts.version, "V", false, "print the version and exit")
	fs.StringVar(&opts.html, "html", "", "also write the findings as a self-contained HTML page with diagrams to this `file`")
	fs.BoolVar(&opts.fix, "fix", false, "apply all suggested fixes")
	fs.BoolVar(&opts.diff, "diff", false, "print the suggested fixes as a unified diff instead of applying them")
	fs.IntVar(&opts.context, "c", -1, "display offending line with this many lines of context")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated list of build tags, as for go build")
	fs.BoolVar(&opts.timing, "timing", false, "print the time each analyzer takes (the cache is not used)")
	fs.StringVar(&opts.cpuprofile, "cpuprofile", "", "write a CPU profile of the analysis to this file")
	fs.StringVar(&opts.memprofile, "memprofile", "", "write a heap profile at the end of the analysis to this file")
	fs.BoolVar(&opts.stats, "stats", false, "print what the analysis allocated, what the collector marked and the peak live heap, on stderr")
	// Analyzer flags are declared only to be validated and documented;
	// the vet tool parses them again.
	passThrough := make(map[string]bool)
	for _, a := range analyzers {
		opts.enable[a.Name] = fs.Bool(a.Name, false, "enable "+a.Name+" analysis")
		passThrough[a.Name] = true
		a.Flags.VisitAll(func(f *flag.Flag) {
			name := a.Name + "." + f.Name
			fs.Var(f.Value, name, f.Usage)
			passThrough[name] = true
		})
	}
	fs.Usage = func() { usage(fs, analyzers, stderr) }
	if err := fs.Parse(args); err != nil {
		return nil, nil, err
	}
	fs.Visit(func(f *flag.Flag) {
		if opts.enable[f.Name] != nil {
			opts.set[f.Name] = true
		}
		if passThrough[f.Name] {
			opts.forward = append(opts.forward, "-"+f.Name+"="+f.Value.String())
		}
	})
	if opts.context >= 0 {
		opts.forward = append(opts.forward, "-c="+strconv.Itoa(opts.context))
	}
	if opts.diff {
		opts.fix = true // -diff shows the fixes -fix would apply
	}
	if opts.html != "" && opts.fix {
		return nil, nil, errors.New("-html and -fix cannot be combined")
	}
	if opts.json {
		if opts.format != "text" && opts.format != "json" {
			return nil, nil, errors.New("-json and -format=" + opts.format + " cannot be combined")
		}
		opts.format = "json"
	}
	if _, ok := formats[opts.format]; !ok {
		return nil, nil, fmt.Errorf("unknown -format %q (want %s)", opts.format, formatNames())
	}
	if opts.format != "text" && opts.fix {
		return nil, nil, errors.New("-format=" + opts.format + " and -fix cannot be combined")
	}
	if err := checkRules(analyzers, opts.disableRules); err != nil {
		return nil, nil, err
	}
	return opts, fs.Args(), nil
}

func progName() string { return filepath.Base(os.Args[0]) }

func usage(fs *flag.FlagSet, analyzers []*analysis.Analyzer, w io.Writer) {
	fmt.Fprintf(w, `%[1]s finds concurrency bugs in Go programs.

Usage: %[1]s [flags] packages
       %[1]s help [analyzer]
       %[1]s version
       go vet -vettool=$(which %[1]s) [flags] packages

By default all analyzers run; naming one or more with -NAME runs only those.
Findings are printed on stderr with exit status 3, or on stdout in the
-format chosen (JSON, SARIF, GitHub workflow commands, an HTML page);
-html FILE also writes them as an HTML page beside the chosen output.
//goconcheck:ignore analyzer[,analyzer] reason, on a finding's line or the
line above, silences it.

Flags:
`, progName())
	fs.PrintDefaults()
	fmt.Fprintln(w)
	_ = help(analyzers, nil, w) // without names it cannot fail
}

// Standalone runs the command line args and returns the exit status.
func Standalone(analyzers []*analysis.Analyzer, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "help" {
		if err := help(analyzers, args[1:], stdout); err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
		return exitOK
	}
	if len(args) > 0 && args[0] == "version" {
		fmt.Fprintln(stdout, versionLine())
		return exitOK
	}
	opts, patterns, err := parseFlags(analyzers, args, stderr)
	if err == flag.ErrHelp {
		return exitOK
	}
	if err == nil && opts.version {
		fmt.Fprintln(stdout, versionLine())
		return exitOK
	}
	if err != nil {
		if !strings.Contains(err.Error(), "flag provided but not defined") {
			fmt.Fprintln(stderr, err)
		}
		return exitUsage
	}
	if len(patterns) == 0 {
		fmt.Fprintf(stderr, "%s: no packages named; try %s ./...\n", progName(), progName())
		return exitUsage
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "%s: cannot find my own executable: %v\n", progName(), err)
		return exitError
	}
	goCmd := goCommand()
	build := []string{}
	if opts.tags != "" {
		build = append(build, "-tags="+opts.tags)
	}

	if opts.fix {
		cmdArgs := append([]string{"fix", "-fixtool=" + self}, build...)
		if opts.diff {
			cmdArgs = append(cmdArgs, "-diff")
		}
		cmdArgs = append(cmdArgs, opts.forward...)
		cmdArgs = append(cmdArgs, patterns...)
		cmd := exec.Command(goCmd, cmdArgs...)
		cmd.Stdout, cmd.Stderr = stdout, stderr
		return exitStatus(cmd.Run(), stderr)
	}

	stop, err := startProfiles(opts.cpuprofile, opts.memprofile)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", progName(), err)
		return exitError
	}
	var tm *timing
	if opts.timing {
		tm = &timing{d: make(map[string]time.Duration)}
	}
	format := formats[opts.format]
	var prog *progress
	if !format.machine {
		prog = newProgress(stderr)
	}
	var st *memStats
	if opts.stats {
		st = startMemStats()
	}
	rep, problems, err := analyze(opts.selected(analyzers), patterns, opts.tags, tm, prog)
	prog.clear()
	st.print(stderr)
	if perr := stop(); perr != nil {
		fmt.Fprintf(stderr, "%s: %v\n", progName(), perr)
	}
	if tm != nil {
		tm.print(stderr)
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", progName(), err)
		return exitError
	}
	status := exitOK
	for _, p := range problems {
		fmt.Fprintln(stderr, p)
		status = exitError
	}
	if err := filterReport(rep, opts, stderr); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", progName(), err)
		return exitError
	}
	if opts.html != "" {
		if err := writeHTMLFile(opts.html, rep); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", progName(), err)
			return exitError
		}
	}
	out := stdout
	if format.stderr {
		out = stderr
	}
	if format.stderr || opts.format != "json" {
		for _, e := range rep.errors {
			fmt.Fprintln(stderr, e)
		}
	}
	if len(rep.errors) > 0 {
		status = exitError
	}
	po := &printOptions{context: opts.context, analyzers: analyzers, version: moduleVersion()}
	if err := format.write(out, rep, po); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", progName(), err)
		return exitError
	}
	if status == exitOK && format.exitFindings && len(rep.findings) > 0 {
		status = exitFindings
	}
	return status
}

// goCommand is the go command on PATH, else the one of $GOROOT.
func goCommand() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	if root := os.Getenv("GOROOT"); root != "" {
		if p := filepath.Join(root, "bin", "go"); fileExists(p) {
			return p
		}
	}
	return "go"
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// exitStatus maps the go command's outcome to ours: its failures (a
// package that does not build, an analyzer that fails) have already
// been printed on stderr.
func exitStatus(err error, stderr io.Writer) int {
	var ee *exec.ExitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		return exitError
	default:
		fmt.Fprintf(stderr, "%s: running the go command: %v\n", progName(), err)
		return exitError
	}
}
