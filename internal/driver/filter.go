package driver

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/internal/finding"
)

// checkRules rejects a -disable-rule that names no analyzer of the
// suite, so a misspelt rule is not silently ignored. A rule is an
// analyzer, or analyzer/category as the text output prints it.
func checkRules(analyzers []*analysis.Analyzer, rules []string) error {
	for _, r := range rules {
		name, _, _ := strings.Cut(r, "/")
		known := false
		for _, a := range analyzers {
			known = known || a.Name == name
		}
		if !known {
			return fmt.Errorf("-disable-rule %s: no analyzer named %q", r, name)
		}
	}
	return nil
}

// filterReport applies, in order, -disable-rule, -write-baseline,
// -new-from-rev or -new-from-patch, and -baseline.
func filterReport(rep *report, opts *options, stderr io.Writer) error {
	if len(opts.disableRules) > 0 {
		off := make(map[string]bool)
		for _, r := range opts.disableRules {
			off[r] = true
		}
		rep.filter(func(f *finding.Finding) bool { return !off[f.Analyzer] && !off[f.Rule()] })
	}
	if opts.writeBaseline != "" {
		n, err := writeBaseline(opts.writeBaseline, rep.sorted())
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "%s: recorded %d findings in %s\n", progName(), n, opts.writeBaseline)
		rep.findings = nil
		return nil
	}
	if opts.newFromRev != "" || opts.newFromPatch != "" {
		changed, err := changedLines(opts.newFromRev, opts.newFromPatch)
		if err != nil {
			return err
		}
		rep.filter(func(f *finding.Finding) bool { return isChanged(changed, f.Pos.File, f.Pos.Line) })
	}
	if opts.baseline != "" {
		stale, err := applyBaseline(rep, opts.baseline)
		if err != nil {
			return err
		}
		if len(stale) > 0 {
			fmt.Fprintf(stderr, "%s: %d entries of baseline %s no longer match a finding (fixed, or the line changed); rewrite it with -write-baseline:\n",
				progName(), len(stale), opts.baseline)
			for _, e := range stale {
				fmt.Fprintf(stderr, "\t%s: %s: %s\n", e.File, e.Rule, e.Message)
			}
		}
	}
	return nil
}

// A baselineEntry records one finding by what survives edits elsewhere
// in its file: its rule, file, message and the text of its line, not
// the line's number.
type baselineEntry struct {
	Rule     string `json:"rule"`
	File     string `json:"file"` // relative to the baseline's directory, slash-separated
	Message  string `json:"message"`
	LineText string `json:"line"` // the finding's source line, spaces trimmed
}

type baselineFile struct {
	Comment  string          `json:"comment"`
	Findings []baselineEntry `json:"findings"`
}

// lineNumbers are the line numbers a message may name ("started at
// line 11", "worker.go:12"): an entry keeps them out, so that it still
// matches when lines move.
var lineNumbers = regexp.MustCompile(`(\bline |\.go:)\d+(?::\d+)?`)

// entryOf is f's baseline entry for a baseline in dir.
func entryOf(f *finding.Finding, dir string, lines *lineReader) baselineEntry {
	name := f.Pos.File
	if rel, err := filepath.Rel(dir, name); err == nil && filepath.IsAbs(name) {
		name = rel
	}
	return baselineEntry{
		Rule:     f.Rule(),
		File:     filepath.ToSlash(name),
		Message:  lineNumbers.ReplaceAllString(f.Message, "${1}N"),
		LineText: lines.text(f.Pos.File, f.Pos.Line),
	}
}

func writeBaseline(path string, fs []finding.Finding) (int, error) {
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return 0, err
	}
	lines := new(lineReader)
	b := baselineFile{
		Comment:  "goconcheck baseline: findings known when it was written, reported no more; regenerate with goconcheck -write-baseline",
		Findings: make([]baselineEntry, 0, len(fs)),
	}
	for i := range fs {
		b.Findings = append(b.Findings, entryOf(&fs[i], dir, lines))
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		return x.File+"\x00"+x.Rule+"\x00"+x.Message+"\x00"+x.LineText < y.File+"\x00"+y.Rule+"\x00"+y.Message+"\x00"+y.LineText
	})
	data, err := json.MarshalIndent(b, "", "\t")
	if err != nil {
		return 0, err
	}
	return len(fs), os.WriteFile(path, append(data, '\n'), 0o666)
}

// applyBaseline drops the findings the baseline at path records (each
// entry matches one finding) and returns its entries that matched none.
func applyBaseline(rep *report, path string) ([]baselineEntry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var b baselineFile
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("baseline %s: %v", path, err)
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, err
	}
	left := make(map[baselineEntry]int)
	for _, e := range b.Findings {
		left[e]++
	}
	lines := new(lineReader)
	// A finding of a package's files is repeated in its test variant:
	// both are the one finding the entry records.
	known := make(map[string]bool)
	for _, f := range rep.sorted() {
		e := entryOf(&f, dir, lines)
		if left[e] > 0 {
			left[e]--
			known[f.Pos.String()+"\x00"+f.Analyzer+"\x00"+f.Message] = true
		}
	}
	rep.filter(func(f *finding.Finding) bool { return !known[f.Pos.String()+"\x00"+f.Analyzer+"\x00"+f.Message] })
	var stale []baselineEntry
	for _, e := range b.Findings {
		if left[e] > 0 && rep.analyzed(filepath.Join(dir, filepath.FromSlash(e.File))) {
			left[e]--
			stale = append(stale, e)
		}
	}
	return stale, nil
}

// A lineReader reads source lines, each file once.
type lineReader struct{ files map[string][]string }

func (r *lineReader) text(file string, line int) string {
	if r.files == nil {
		r.files = make(map[string][]string)
	}
	lines, ok := r.files[file]
	if !ok {
		data, _ := os.ReadFile(file)
		lines = strings.Split(string(data), "\n")
		r.files[file] = lines
	}
	if line < 1 || line > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[line-1])
}

// changedLines returns, by file, the lines changed since git revision
// rev (in the working tree too, and every line of an untracked file),
// or added by the unified diff in file patch.
func changedLines(rev, patch string) (map[string]map[int]bool, error) {
	root, gitErr := gitOutput("rev-parse", "--show-toplevel")
	root = strings.TrimSpace(root)
	if rev != "" {
		if gitErr != nil {
			return nil, fmt.Errorf("-new-from-rev: %v", gitErr)
		}
		diff, err := gitOutput("-C", root, "diff", "--no-color", "--no-ext-diff", "-U0", "--src-prefix=a/", "--dst-prefix=b/", rev, "--")
		if err != nil {
			return nil, fmt.Errorf("-new-from-rev: %v", err)
		}
		changed := parseDiff(diff, root)
		untracked, err := gitOutput("-C", root, "ls-files", "--others", "--exclude-standard", "-z")
		if err != nil {
			return nil, fmt.Errorf("-new-from-rev: %v", err)
		}
		for _, name := range strings.Split(untracked, "\x00") {
			if name != "" {
				changed[filepath.Join(root, filepath.FromSlash(name))] = wholeFile()
			}
		}
		return changed, nil
	}
	data, err := os.ReadFile(patch)
	if err != nil {
		return nil, err
	}
	if gitErr != nil {
		// Not in a git repository: the patch's paths are relative to
		// the working directory.
		if root, err = os.Getwd(); err != nil {
			return nil, err
		}
	}
	return parseDiff(string(data), root), nil
}

// wholeFile marks a file every line of which is new: line 0 is in it.
func wholeFile() map[int]bool { return map[int]bool{0: true} }

func isChanged(changed map[string]map[int]bool, file string, line int) bool {
	lines := changed[filepath.Clean(file)]
	return lines[0] || lines[line]
}

// parseDiff reads a unified diff (with 'b/'-style or plain new-file
// names) into the lines it adds, by absolute file name: the '+' lines
// of each hunk, counted from the hunk's start in the new file, context
// lines skipped.
func parseDiff(diff, root string) map[string]map[int]bool {
	changed := make(map[string]map[int]bool)
	var cur map[int]bool
	line, left := 0, 0 // the next new-file line; new-file lines left in the hunk
	sc := bufio.NewScanner(strings.NewReader(diff))
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for sc.Scan() {
		text := sc.Text()
		switch {
		case left > 0 && strings.HasPrefix(text, "+"):
			cur[line] = true
			line++
			left--
		case left > 0 && (strings.HasPrefix(text, " ") || text == ""):
			line++
			left--
		case left > 0 && (strings.HasPrefix(text, "-") || strings.HasPrefix(text, `\`)):
			// a removed line, or "\ No newline at end of file"
		case strings.HasPrefix(text, "+++ "):
			name := strings.TrimPrefix(text, "+++ ")
			if i := strings.IndexByte(name, '\t'); i >= 0 {
				name = name[:i] // a timestamp follows in diff -u output
			}
			left = 0
			if name == "/dev/null" {
				cur = nil
				continue
			}
			name = strings.TrimPrefix(name, "b/")
			if !filepath.IsAbs(name) {
				name = filepath.Join(root, filepath.FromSlash(name))
			}
			cur = make(map[int]bool)
			changed[filepath.Clean(name)] = cur
		case strings.HasPrefix(text, "@@ ") && cur != nil:
			// @@ -a[,b] +c[,d] @@: d lines of the new file from c.
			fields := strings.Fields(text)
			if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
				continue
			}
			start, count := fields[2][1:], "1"
			if i := strings.IndexByte(start, ','); i >= 0 {
				start, count = start[:i], start[i+1:]
			}
			c, err1 := strconv.Atoi(start)
			d, err2 := strconv.Atoi(count)
			if err1 == nil && err2 == nil {
				line, left = c, d
			}
		}
	}
	return changed
}

func gitOutput(args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if msg == "" {
			return "", err
		}
		return "", errors.New("git " + strings.Join(args, " ") + ": " + msg)
	}
	return out.String(), nil
}
