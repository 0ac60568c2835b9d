package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"time"
)

// config is the unitchecker configuration go vet writes for its tool
// (golang.org/x/tools/go/analysis/unitchecker.Config), as far as
// hardinput fills it in.
type config struct {
	ID                        string
	Compiler                  string
	Dir                       string
	ImportPath                string
	GoVersion                 string
	GoFiles                   []string
	NonGoFiles                []string
	IgnoredFiles              []string
	ImportMap                 map[string]string
	PackageFile               map[string]string
	Standard                  map[string]bool
	PackageVetx               map[string]string
	VetxOnly                  bool
	VetxOutput                string
	SucceedOnTypecheckFailure bool
}

// outcome is what one tool run did.
type outcome struct {
	crash       bool     // a panic, a fatal error, a goroutine trace or a signal
	timeout     bool     // killed after the time limit
	exitCode    int      // -1 on a signal
	typeChecked bool     // exit 0: the unit type-checked and was analyzed
	findings    []string // diagnostics in the JSON output, as "posn: message (analyzer)"
	analyzerErr string   // the first analyzer error in the JSON output
	stderr      string
	dur         time.Duration
}

// crashRE matches the marks of a Go crash in a tool's stderr.
var crashRE = regexp.MustCompile(`(?m)(^|: )panic: |^fatal error: |^goroutine \d+ \[`)

type runner struct {
	bin         string
	timeout     time.Duration
	verbose     bool
	stdCrashes  int    // tool runs on std that crashed or timed out
	stdErrors   int    // that failed otherwise, or reported an analyzer error
	stdAnalyzed int    // that analyzed the package
	stdFindings int    // findings on std
	stdCached   string // the summary of an earlier run with this binary, if reused
}

// run writes cfg to cfgFile and runs the tool on it with -json.
func (r *runner) run(cfg *config, cfgFile string) (*outcome, error) {
	data, err := json.MarshalIndent(cfg, "", "\t")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(cfgFile, data, 0o666); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), r.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, r.bin, "-json", cfgFile)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
	o := &outcome{stderr: stderr.String(), dur: time.Since(start)}
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case ctx.Err() != nil:
		o.timeout = true
		o.exitCode = -1
		return o, nil
	case errors.As(err, &exitErr):
		o.exitCode = exitErr.ExitCode()
		if ws, ok := exitErr.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			o.crash = true
			o.stderr += fmt.Sprintf("\n(killed by signal %v)", ws.Signal())
		}
	default:
		return nil, err
	}
	if crashRE.MatchString(o.stderr) {
		o.crash = true
	}
	if o.exitCode == 0 && !o.crash {
		o.typeChecked = true
		if err := o.countJSON(stdout.Bytes()); err != nil {
			return nil, fmt.Errorf("%s: %v", cfgFile, err)
		}
	}
	return o, nil
}

// countJSON reads the tool's -json output: {unit: {analyzer: [diagnostics] | {"error": msg}}}.
func (o *outcome) countJSON(out []byte) error {
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			return fmt.Errorf("decoding JSON output: %v", err)
		}
		for _, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				raw = bytes.TrimSpace(raw)
				if len(raw) > 0 && raw[0] == '{' {
					var e struct{ Error string }
					_ = json.Unmarshal(raw, &e)
					if o.analyzerErr == "" {
						o.analyzerErr = name + ": " + e.Error
					}
					continue
				}
				var diags []struct{ Posn, Message string }
				if err := json.Unmarshal(raw, &diags); err != nil {
					return fmt.Errorf("decoding %s diagnostics: %v", name, err)
				}
				for _, d := range diags {
					o.findings = append(o.findings, fmt.Sprintf("%s: %s (%s)", d.Posn, d.Message, name))
				}
			}
		}
	}
	return nil
}

// trace returns the first lines of a crash's stderr, from its first
// mark on.
func trace(stderr string, lines int) string {
	if loc := crashRE.FindStringIndex(stderr); loc != nil {
		stderr = stderr[loc[0]:]
	}
	ls := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(ls) > lines {
		ls = append(ls[:lines], "\t...")
	}
	return "\t" + strings.Join(ls, "\n\t")
}

// firstLine returns the first line of s.
func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
