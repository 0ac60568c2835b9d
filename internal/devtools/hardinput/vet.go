package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// vetCases writes a scratch module of hard packages and runs the tool
// on it through the real go vet and standalone (its own driver, without
// its cache): first on ./..., which must report the type error of one
// package and still report the finding in its sibling, then on each
// package alone with -json, to say what the tool reports on it and how
// long it takes. It reports false if the tool crashed or a ./... run
// did not behave.
func vetCases(bin, work string, timeout time.Duration) (bool, error) {
	ok := true
	for _, frontEnd := range [][]string{{"go", "vet", "-vettool=" + bin}, {bin}} {
		fine, err := moduleCases(frontEnd, work, timeout)
		if err != nil {
			return false, err
		}
		ok = ok && fine
	}
	return ok, nil
}

// moduleCases runs the scratch module's cases with one front end.
func moduleCases(frontEnd []string, work string, timeout time.Duration) (bool, error) {
	name := "goconcheck"
	if frontEnd[0] == "go" {
		name = "go vet"
	}
	dir := filepath.Join(work, "vetmod")
	if err := os.RemoveAll(dir); err != nil {
		return false, err
	}
	// A nonce in every file defeats go vet's result cache, so each run
	// really runs the tool.
	files := vetModule()
	write := func() error {
		nonce := fmt.Sprintf("// run %d\n", time.Now().UnixNano())
		for name, src := range files {
			path := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
				return err
			}
			if strings.HasSuffix(name, ".go") {
				src += "\n" + nonce
			}
			if err := os.WriteFile(path, []byte(src), 0o666); err != nil {
				return err
			}
		}
		return nil
	}
	if err := write(); err != nil {
		return false, err
	}

	vet := func(args ...string) (string, int, time.Duration, error) {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, frontEnd[0], append(frontEnd[1:len(frontEnd):len(frontEnd)], args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "CGO_ENABLED=1", "GOCONCHECK_CACHE=off")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		start := time.Now()
		err := cmd.Run()
		took := time.Since(start)
		if ctx.Err() != nil {
			return out.String(), -1, took, fmt.Errorf("%s %s: timed out after %s", name, strings.Join(args, " "), timeout)
		}
		code := 0
		if exitErr, ok := err.(*exec.ExitError); ok {
			code = exitErr.ExitCode()
		} else if err != nil {
			return "", 0, took, err
		}
		return out.String(), code, took, nil
	}

	ok := true
	fail := func(format string, args ...any) {
		ok = false
		fmt.Printf("FAIL "+name+" cases: "+format+"\n", args...)
	}

	// ./...: the type error is reported, the bug beside it too.
	out, code, took, err := vet("./...")
	if err != nil {
		return false, err
	}
	fmt.Printf("%s ./... (exit %d, %s):\n%s", name, code, took.Round(10*time.Millisecond), indent(headLines(out, 30)))
	if crashRE.MatchString(out) {
		fail("%s ./... crashed", name)
	}
	if code == 0 {
		fail("%s ./... exited 0 despite a type error", name)
	}
	if !strings.Contains(out, "broken/broken.go:") {
		fail("%s ./... did not report the type error in broken/broken.go", name)
	}
	if !strings.Contains(out, "buggy/buggy.go:") {
		fail("%s ./... did not report the bug in buggy/buggy.go beside the broken package", name)
	}

	// Each package alone, with -json, uncached again.
	if err := write(); err != nil {
		return false, err
	}
	var pkgs []string
	for name := range files {
		if d := filepath.Dir(filepath.FromSlash(name)); d != "." && strings.HasSuffix(name, ".go") {
			pkgs = append(pkgs, d)
		}
	}
	sort.Strings(pkgs)
	pkgs = compact(pkgs)
	for _, pkg := range pkgs {
		out, code, took, err := vet("-json", "./"+pkg)
		if err != nil {
			fail("%v", err)
			continue
		}
		if crashRE.MatchString(out) {
			fail("%s crashed:\n%s", pkg, trace(out, 30))
			continue
		}
		fmt.Printf("%s: %s (%s, exit %d): %s\n", name, pkg, took.Round(10*time.Millisecond), code, summarizeVetJSON(out))
	}
	return ok, nil
}

// summarizeVetJSON counts the findings per analyzer in go vet -json
// output, or returns its first error line.
func summarizeVetJSON(out string) string {
	per := map[string]int{}
	var errs []string
	var first []string
	// go vet -json prints "# pkg" lines and one JSON object per package.
	var rest []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		rest = append(rest, line)
	}
	dec := json.NewDecoder(strings.NewReader(strings.Join(rest, "\n")))
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			return "error: " + firstLine(strings.Join(rest, "\n"))
		}
		for _, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var diags []struct{ Posn, Message string }
				if json.Unmarshal(raw, &diags) != nil {
					errs = append(errs, name+": "+string(raw))
					continue
				}
				per[name] += len(diags)
				for _, d := range diags {
					first = append(first, fmt.Sprintf("%s: %s (%s)", filepath.Base(d.Posn), d.Message, name))
				}
			}
		}
	}
	if len(per) == 0 && len(errs) == 0 {
		return "no findings"
	}
	var names []string
	for n := range per {
		names = append(names, fmt.Sprintf("%s %d", n, per[n]))
	}
	sort.Strings(names)
	sort.Strings(first)
	if len(first) > 6 {
		first = append(first[:6], "...")
	}
	s := strings.Join(names, ", ")
	if len(errs) > 0 {
		s += "; analyzer errors: " + strings.Join(errs, "; ")
	}
	return s + "\n" + indent(strings.Join(first, "\n"))
}

// headLines returns the first n lines of s and how many more there are.
func headLines(s string, n int) string {
	ls := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(ls) <= n {
		return s
	}
	return strings.Join(ls[:n], "\n") + fmt.Sprintf("\n... (%d more lines)\n", len(ls)-n)
}

func indent(s string) string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return ""
	}
	return "\t" + strings.ReplaceAll(s, "\n", "\n\t") + "\n"
}

func compact(s []string) []string {
	var out []string
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}
