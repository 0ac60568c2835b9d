// Command findings turns the -json output of goconcheck (standalone or
// go vet -vettool) into a sorted, machine-independent list of findings,
// and compares such a list with the checked-in baseline.
//
//	findings list < vet.json > run.txt
//	findings diff corpus/baseline.txt run.txt
//
// A finding is one line, "path:line:col: analyzer: message", where path is
// relative to GOROOT/src for the standard library and starts with
// module@version for a module from the module cache, so the list is the
// same on every machine.
//
// An analyzer error is listed as "error: package: analyzer: text"; any
// error makes list exit 1, because the corpus must give zero errors.
//
// The baseline holds each finding followed by an indented verdict line:
//
//	time/sleep_test.go:502:3: sleepsync: ...
//		true: TestTimerStopStress sleeps instead of joining its goroutines
//
// diff prints every finding that is new (+) or gone (-), and every
// baseline entry without a verdict, and exits 1 if there is any.
//
// A baseline judged on other terms names its verdict kinds:
//
//	findings diff -verdicts=at-bug,other-true,false,debatable corpus/goker.txt run.txt
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	switch os.Args[1] {
	case "list":
		os.Exit(list(os.Stdin, os.Stdout, os.Stderr))
	case "diff":
		args := os.Args[2:]
		kinds := defaultVerdicts
		if len(args) > 0 && strings.HasPrefix(args[0], "-verdicts=") {
			kinds = strings.Split(strings.TrimPrefix(args[0], "-verdicts="), ",")
			args = args[1:]
		}
		if len(args) != 2 {
			usage()
		}
		os.Exit(diff(args[0], args[1], kinds, os.Stdout))
	default:
		usage()
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: findings list < out.json > findings.txt\n       findings diff [-verdicts=kind,...] baseline.txt findings.txt")
	os.Exit(2)
}

// list decodes a stream of JSON trees, package -> analyzer -> diagnostics
// or {"error": ...}, as both drivers print them.
func list(in io.Reader, out, errw io.Writer) int {
	data, err := io.ReadAll(in)
	if err != nil {
		fmt.Fprintln(errw, err)
		return 2
	}
	var lines []string
	errors := 0
	dec := json.NewDecoder(bytes.NewReader(stripComments(data)))
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			fmt.Fprintf(errw, "decoding: %v\n", err)
			return 2
		}
		for pkg, byAnalyzer := range tree {
			for analyzer, raw := range byAnalyzer {
				var e struct {
					Error string `json:"error"`
				}
				if json.Unmarshal(raw, &e) == nil && e.Error != "" {
					lines = append(lines, fmt.Sprintf("error: %s: %s: %s", pkg, analyzer, oneLine(e.Error)))
					errors++
					continue
				}
				var diags []struct {
					Posn    string `json:"posn"`
					Message string `json:"message"`
				}
				if err := json.Unmarshal(raw, &diags); err != nil {
					fmt.Fprintf(errw, "decoding %s %s: %v\n", pkg, analyzer, err)
					return 2
				}
				for _, d := range diags {
					lines = append(lines, fmt.Sprintf("%s: %s: %s", relative(d.Posn), analyzer, oneLine(d.Message)))
				}
			}
		}
	}
	sort.Strings(lines)
	lines = dedup(lines) // a package and its test variant report shared files twice
	for _, l := range lines {
		fmt.Fprintln(out, l)
	}
	if errors > 0 {
		fmt.Fprintf(errw, "%d analyzer errors\n", errors)
		return 1
	}
	return 0
}

// stripComments drops the "# package" lines go vet interleaves with JSON.
func stripComments(data []byte) []byte {
	var b bytes.Buffer
	for _, l := range bytes.SplitAfter(data, []byte("\n")) {
		if !bytes.HasPrefix(l, []byte("#")) {
			b.Write(l)
		}
	}
	return b.Bytes()
}

var modCacheDir = regexp.MustCompile(`^.*/pkg/mod/`)

// gorootSrc is GOROOT/src/ of the go command that runs the corpus, in
// slash form, or "" if there is no go command.
var gorootSrc = sync.OnceValue(func() string {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	root := strings.TrimSpace(string(out))
	if err != nil || root == "" {
		return ""
	}
	return filepath.ToSlash(filepath.Join(root, "src")) + "/"
})

// relative makes a position independent of the machine: GOROOT/src and
// the module cache prefix are removed, the module@version directory kept.
func relative(posn string) string {
	posn = filepath.ToSlash(posn)
	if goroot := gorootSrc(); goroot != "" && strings.HasPrefix(posn, goroot) {
		return strings.TrimPrefix(posn, goroot)
	}
	if loc := modCacheDir.FindStringIndex(posn); loc != nil {
		return unescapeModPath(posn[loc[1]:])
	}
	return posn
}

// unescapeModPath undoes the module cache's case encoding ("!b" is "B").
func unescapeModPath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '!' && i+1 < len(p) {
			i++
			b.WriteString(strings.ToUpper(p[i : i+1]))
			continue
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func dedup(lines []string) []string {
	out := lines[:0]
	for i, l := range lines {
		if i == 0 || l != lines[i-1] {
			out = append(out, l)
		}
	}
	return out
}

type entry struct {
	finding string
	verdict string
	line    int
}

// readBaseline reads findings, each optionally followed by an indented
// verdict line; blank lines and lines starting with '#' are comments.
func readBaseline(name string) ([]entry, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var entries []entry
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		switch {
		case strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#"):
		case l[0] == ' ' || l[0] == '\t':
			if len(entries) == 0 {
				return nil, fmt.Errorf("%s:%d: verdict without a finding", name, n)
			}
			entries[len(entries)-1].verdict = strings.TrimSpace(l)
		default:
			entries = append(entries, entry{finding: l, line: n})
		}
	}
	return entries, sc.Err()
}

// defaultVerdicts are the verdict kinds of the corpus baselines: a real
// bug, a defect on purpose, a correct program, or a reading that can go
// either way (say why).
var defaultVerdicts = []string{"true", "intended", "false positive", "debatable"}

// diff compares a run with the baseline, whose verdicts must each be
// "kind: why" for one of kinds.
func diff(baselineFile, runFile string, kinds []string, out io.Writer) int {
	quoted := make([]string, len(kinds))
	for i, k := range kinds {
		quoted[i] = regexp.QuoteMeta(k)
	}
	verdictRE := regexp.MustCompile(`^(` + strings.Join(quoted, "|") + `): \S`)
	base, err := readBaseline(baselineFile)
	if err != nil {
		fmt.Fprintln(out, err)
		return 2
	}
	run, err := readBaseline(runFile)
	if err != nil {
		fmt.Fprintln(out, err)
		return 2
	}
	known := make(map[string]bool)
	bad := 0
	for _, e := range base {
		known[e.finding] = true
		if !verdictRE.MatchString(e.verdict) {
			fmt.Fprintf(out, "%s:%d: no verdict (want \"kind: why\", kind one of %s): %s\n", baselineFile, e.line, strings.Join(kinds, ", "), e.finding)
			bad++
		}
	}
	seen := make(map[string]bool)
	for _, e := range run {
		seen[e.finding] = true
		if !known[e.finding] {
			fmt.Fprintf(out, "+ %s\n", e.finding)
			bad++
		}
	}
	for _, e := range base {
		if !seen[e.finding] {
			fmt.Fprintf(out, "- %s\n", e.finding)
			bad++
		}
	}
	if bad > 0 {
		return 1
	}
	return 0
}
