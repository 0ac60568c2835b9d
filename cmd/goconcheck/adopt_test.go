package main_test

// End-to-end tests of what a team needs to adopt goconcheck: output
// formats for GitHub, ignore directives, a baseline, only new findings,
// switching a rule off, and the version.

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// writeModule writes files (name -> text) under a new temporary
// directory and returns it.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// editFile rewrites the file at path with edit.
func editFile(t *testing.T, path string, edit func(string) string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(edit(string(src))), 0o666); err != nil {
		t.Fatal(err)
	}
}

// sarifLog is the part of a SARIF log the tests read.
type sarifLog struct {
	Version string
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string
				Rules []struct {
					ID               string
					ShortDescription struct{ Text string }
					Help             struct{ Text string }
					HelpURI          string
				}
			}
		}
		Results []struct {
			RuleID    string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation sarifPhysical
			}
			RelatedLocations []struct {
				PhysicalLocation sarifPhysical
				Message          struct{ Text string }
			}
			CodeFlows []struct {
				ThreadFlows []struct {
					Locations []struct {
						Location struct {
							PhysicalLocation sarifPhysical
							Message          struct{ Text string }
						}
					}
				}
			}
		}
	}
}

type sarifPhysical struct {
	ArtifactLocation struct{ URI, URIBaseID string }
	Region           struct{ StartLine, StartColumn int }
}

func sarifFindings(t *testing.T, out string) ([]finding, *sarifLog) {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("decoding SARIF: %v\n%s", err, out)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("SARIF version %q with %d runs", log.Version, len(log.Runs))
	}
	var fs []finding
	for _, r := range log.Runs[0].Results {
		name, _, _ := strings.Cut(r.RuleID, "/")
		loc := r.Locations[0].PhysicalLocation
		fs = append(fs, finding{loc.ArtifactLocation.URI, loc.Region.StartLine, name})
	}
	return fs, &log
}

var githubRE = regexp.MustCompile(`^::warning file=([^,]+),line=(\d+),col=\d+,endLine=\d+,title=goconcheck%3A ([a-z]+)(?:/[a-z-]+)?::(.+)$`)

func githubFindings(t *testing.T, out string) []finding {
	t.Helper()
	var fs []finding
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		m := githubRE.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("not a workflow command: %q", line)
		}
		n, _ := strconv.Atoi(m[2])
		fs = append(fs, finding{m[1], n, m[3]})
	}
	return fs
}

// TestFormats checks -format=sarif and -format=github on the sample:
// the same findings as the markers, each SARIF rule documented, and the
// related places both as related locations and as a code flow that
// starts at the finding.
func TestFormats(t *testing.T) {
	dir := moduleDir(t, "sample")
	want := markedFindings(t, dir)

	stdout, stderr, code := run(t, dir, nil, bin, "-format=sarif", "./...")
	if code != 3 {
		t.Fatalf("goconcheck -format=sarif: exit %d, want 3\n%s", code, stderr)
	}
	if strings.TrimSpace(stderr) != "" {
		t.Errorf("goconcheck -format=sarif wrote on stderr:\n%s", stderr)
	}
	got, log := sarifFindings(t, stdout)
	assertFindings(t, "goconcheck -format=sarif", got, want)
	rules := map[string]bool{}
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		rules[r.ID] = true
		if r.ShortDescription.Text == "" || r.Help.Text == "" || !strings.HasPrefix(r.HelpURI, "https://") {
			t.Errorf("SARIF rule %s is not documented: %+v", r.ID, r)
		}
	}
	flows := 0
	for _, r := range log.Runs[0].Results {
		if !rules[r.RuleID] {
			t.Errorf("result of rule %s, which the run does not declare", r.RuleID)
		}
		if len(r.RelatedLocations) == 0 {
			continue
		}
		flows++
		if len(r.CodeFlows) != 1 {
			t.Errorf("%s: a result with related locations has no code flow", r.RuleID)
			continue
		}
		// The flow is the finding's story (its trace, see finding.Trace):
		// it visits the finding's own place and every related place.
		steps := r.CodeFlows[0].ThreadFlows[0].Locations
		visited := map[any]bool{}
		for _, s := range steps {
			visited[s.Location.PhysicalLocation] = true
		}
		if !visited[r.Locations[0].PhysicalLocation] {
			t.Errorf("%s: the code flow does not visit the finding's place: %+v", r.RuleID, steps)
		}
		for _, rl := range r.RelatedLocations {
			if !visited[rl.PhysicalLocation] {
				t.Errorf("%s: the code flow does not visit the related place %+v: %+v", r.RuleID, rl, steps)
			}
		}
	}
	if flows == 0 {
		t.Errorf("no SARIF result has a code flow")
	}
	if !rules["goroutineleak/orphan"] || !rules["doublelock"] {
		t.Errorf("SARIF rules are not analyzer/category, or analyzer alone for a one-rule analyzer: %v", rules)
	}

	stdout, stderr, code = run(t, dir, nil, bin, "-format=github", "./...")
	if code != 3 {
		t.Fatalf("goconcheck -format=github: exit %d, want 3\n%s", code, stderr)
	}
	assertFindings(t, "goconcheck -format=github", githubFindings(t, stdout), want)

	if _, stderr, code := run(t, dir, nil, bin, "-format=xml", "./..."); code != 2 || !strings.Contains(stderr, "unknown -format") {
		t.Errorf("goconcheck -format=xml: exit %d\n%s", code, stderr)
	}
}

// ignoreModule has findings silenced on their line and on the line
// above, one silenced for another analyzer only, an ignore that
// silences nothing, and malformed ones.
var ignoreModule = map[string]string{
	"go.mod": "module example.com/ign\n\ngo 1.22\n",
	"p/p.go": `package p

import "sync"

var mu sync.Mutex

func Trailing() {
	mu.Lock()
	mu.Lock() //goconcheck:ignore doublelock the second Lock is what this test is about
	mu.Unlock()
}

func Above() {
	mu.Lock()
	//goconcheck:ignore lockleak,doublelock the test again
	mu.Lock()
	mu.Unlock()
}

func OtherAnalyzer() {
	mu.Lock()
	mu.Lock() //goconcheck:ignore lockleak not the analyzer that reports this line
	mu.Unlock()
}

//goconcheck:ignore sleepsync nothing to silence here
func Unused() {}

//goconcheck:ignore doublelock
func NoReason() {}

//goconcheck:ignore nosuchanalyzer because
func Unknown() {}
`,
}

func TestIgnore(t *testing.T) {
	dir := writeModule(t, ignoreModule)
	want := []string{
		"p/p.go:15: directive silences no lockleak", // the one naming two analyzers: doublelock's part is used
		"p/p.go:22: doublelock",
		"p/p.go:22: directive silences no lockleak",
		"p/p.go:26: directive silences no sleepsync",
		"p/p.go:29: malformed: gives no reason",
		"p/p.go:32: malformed: unknown analyzer",
	}
	slices.Sort(want)
	summarize := func(fs []finding, out string) []string {
		var got []string
		for _, line := range strings.Split(out, "\n") {
			m := regexp.MustCompile(`^(\S+\.go):(\d+):\d+: (.*)$`).FindStringSubmatch(line)
			if m == nil {
				continue
			}
			file := m[1]
			if rel, err := filepath.Rel(dir, file); err == nil && filepath.IsAbs(file) {
				file = rel
			}
			msg := m[3]
			switch {
			case strings.Contains(msg, "silences no lockleak"):
				msg = "directive silences no lockleak"
			case strings.Contains(msg, "silences no sleepsync"):
				msg = "directive silences no sleepsync"
			case strings.Contains(msg, "gives no reason"):
				msg = "malformed: gives no reason"
			case strings.Contains(msg, "unknown analyzer"):
				msg = "malformed: unknown analyzer"
			case strings.Contains(msg, "already locked"):
				msg = "doublelock"
			default:
				continue
			}
			got = append(got, filepath.ToSlash(file)+":"+m[2]+": "+msg)
		}
		slices.Sort(got)
		return got
	}
	_, stderr, code := run(t, dir, []string{"GOCONCHECK_CACHE=off"}, bin, "./...")
	if code != 3 {
		t.Errorf("goconcheck: exit %d, want 3\n%s", code, stderr)
	}
	if got := summarize(nil, stderr); !slices.Equal(got, want) {
		t.Errorf("goconcheck with ignore directives:\n%s\nwant:\n%s\noutput:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), stderr)
	}
	_, stderr, _ = run(t, dir, nil, "go", "vet", "-vettool="+bin, "./...")
	if got := summarize(nil, stderr); !slices.Equal(got, want) {
		t.Errorf("go vet -vettool with ignore directives:\n%s\nwant:\n%s\noutput:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), stderr)
	}
}

// TestBaseline records the sample's findings, then checks that a run
// against the baseline is silent, stays silent when lines move, reports
// a new finding only, and lists the entries a fix left unmatched.
func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(moduleDir(t, "sample"))); err != nil {
		t.Fatal(err)
	}
	baseline := filepath.Join(dir, "goconcheck-baseline.json")
	_, stderr, code := run(t, dir, nil, bin, "-write-baseline", baseline, "./...")
	if code != 0 || !strings.Contains(stderr, "recorded") {
		t.Fatalf("goconcheck -write-baseline: exit %d\n%s", code, stderr)
	}
	check := func(what string, wantCode int, wantFindings []string, wantStale string) {
		t.Helper()
		_, stderr, code := run(t, dir, nil, bin, "-baseline", baseline, "./...")
		var got []string
		for _, f := range textFindings(t, dir, stderr) {
			got = append(got, f.String())
		}
		if code != wantCode || !slices.Equal(got, wantFindings) || (wantStale == "") != !strings.Contains(stderr, "no longer match") ||
			wantStale != "" && !strings.Contains(stderr, wantStale) {
			t.Errorf("%s: exit %d (want %d), findings %q (want %q), stale entries wanted: %q; output:\n%s",
				what, code, wantCode, got, wantFindings, wantStale, stderr)
		}
	}
	check("unchanged code", 0, nil, "")

	// Lines move: the registry's findings shift down by two.
	editFile(t, filepath.Join(dir, "registry", "registry.go"), func(src string) string {
		return strings.Replace(src, "package registry\n", "package registry\n\n// Moved down.\n", 1)
	})
	check("lines moved", 0, nil, "")

	// A new finding.
	if err := os.WriteFile(filepath.Join(dir, "registry", "new.go"), []byte(`package registry

import "sync"

var newMu sync.Mutex

func Twice() {
	newMu.Lock()
	newMu.Lock()
	newMu.Unlock()
}
`), 0o666); err != nil {
		t.Fatal(err)
	}
	check("a new finding", 3, []string{"registry/new.go:9: doublelock"}, "")

	// A fix: the sleep in the stats test goes.
	editFile(t, filepath.Join(dir, "stats", "stats_test.go"), func(src string) string {
		fixed := regexp.MustCompile(`(?m)^\s*time\.Sleep\(.*\n`).ReplaceAllString(src, "")
		return strings.Replace(fixed, "\"time\"", "_ \"time\"", 1)
	})
	check("a finding fixed", 3, []string{"registry/new.go:9: doublelock"}, "stats/stats_test.go: sleepsync")
}

// git runs git in dir with a fixed identity.
func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// TestNewFromRev: on a repository whose base commit has a finding and
// whose next commit adds one, -new-from-rev and -new-from-patch report
// the new one only.
func TestNewFromRev(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/newfrom\n\ngo 1.22\n",
		"old/old.go": `package old

import "sync"

var mu sync.Mutex

func Twice() {
	mu.Lock()
	mu.Lock()
	mu.Unlock()
}
`,
	})
	git(t, dir, "init", "-q")
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-qm", "base")
	src := `package old

import "sync"

var mu sync.Mutex

func Twice() {
	mu.Lock()
	mu.Lock()
	mu.Unlock()
}

var other sync.Mutex

func Again() {
	other.Lock()
	other.Lock()
	other.Unlock()
}
`
	if err := os.WriteFile(filepath.Join(dir, "old", "old.go"), []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "commit", "-qam", "pull request")
	want := []string{"old/old.go:17: doublelock"}
	findings := func(args ...string) []string {
		t.Helper()
		_, stderr, code := run(t, dir, nil, bin, append(args, "./...")...)
		if code != 3 {
			t.Fatalf("goconcheck %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
		}
		var got []string
		for _, f := range textFindings(t, dir, stderr) {
			got = append(got, f.String())
		}
		return got
	}
	if got := findings("-new-from-rev", "HEAD~1"); !slices.Equal(got, want) {
		t.Errorf("-new-from-rev HEAD~1: %q, want %q", got, want)
	}
	cmd := exec.Command("git", "diff", "HEAD~1")
	cmd.Dir = dir
	patch, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	patchFile := filepath.Join(t.TempDir(), "pr.patch")
	if err := os.WriteFile(patchFile, patch, 0o666); err != nil {
		t.Fatal(err)
	}
	if got := findings("-new-from-patch", patchFile); !slices.Equal(got, want) {
		t.Errorf("-new-from-patch: %q, want %q", got, want)
	}
	if got := findings(); len(got) != 2 {
		t.Errorf("without -new-from-rev: %q, want both findings", got)
	}
}

// TestDisableRule switches off one rule of an analyzer with several,
// and a whole analyzer.
func TestDisableRule(t *testing.T) {
	dir := moduleDir(t, "sample")
	all := markedFindings(t, dir)
	stdout, stderr, code := run(t, dir, nil, bin, "-json", "-disable-rule=goroutineleak/orphan,goroutineleak/noexit,doublelock", "./...")
	if code != 0 {
		t.Fatalf("goconcheck -disable-rule: exit %d\n%s", code, stderr)
	}
	got := jsonFindings(t, dir, stdout)
	// The sample's goroutineleak findings are orphaned senders and a loop
	// with no exit.
	var want []finding
	for _, f := range all {
		if f.analyzer != "doublelock" && f.analyzer != "goroutineleak" {
			want = append(want, f)
		}
	}
	assertFindings(t, "goconcheck -disable-rule", got, want)
	if !strings.Contains(stdout, `"category": "inside"`) {
		t.Errorf("the JSON output does not carry the rule's category:\n%s", stdout)
	}
	if _, stderr, code := run(t, dir, nil, bin, "-disable-rule=nosuch/rule", "./..."); code != 2 || !strings.Contains(stderr, "nosuch") {
		t.Errorf("-disable-rule of an unknown analyzer: exit %d\n%s", code, stderr)
	}
}

func TestVersion(t *testing.T) {
	stdout, stderr, code := run(t, ".", nil, bin, "version")
	if code != 0 || !strings.HasPrefix(stdout, "goconcheck version ") {
		t.Errorf("goconcheck version: exit %d\n%s%s", code, stdout, stderr)
	}
	v, _, code := run(t, ".", nil, bin, "-V")
	if code != 0 || v != stdout {
		t.Errorf("goconcheck -V: exit %d, %q; want %q", code, v, stdout)
	}
}
