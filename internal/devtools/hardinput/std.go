package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// stdPkg is the part of `go list -json` hardinput uses.
type stdPkg struct {
	ImportPath string
	Name       string
	Dir        string
	Export     string
	GoFiles    []string
	CgoFiles   []string
	Imports    []string
	ImportMap  map[string]string
	Error      *struct{ Err string }

	vetx string // the .vetx file the tool wrote, or ""
}

type stdLib struct {
	pkgs      []*stdPkg // dependencies first
	byPath    map[string]*stdPkg
	standard  map[string]bool
	goVersion string // the toolchain's language version, like go1.26
}

// loadStd lists std, with export data, as built without cgo (the cgo
// case is one of the go vet cases).
func loadStd() (*stdLib, error) {
	cmd := exec.Command("go", "list", "-export", "-deps", "-json", "std")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list std: %v\n%s", err, stderr.Bytes())
	}
	std := &stdLib{byPath: map[string]*stdPkg{}, standard: map[string]bool{}}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		p := new(stdPkg)
		if err := dec.Decode(p); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("go list std: %v", err)
		}
		std.pkgs = append(std.pkgs, p)
		std.byPath[p.ImportPath] = p
		std.standard[p.ImportPath] = true
	}
	v, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOVERSION: %v", err)
	}
	std.goVersion = langVersion(strings.TrimSpace(string(v)))
	return std, nil
}

// langVersion turns go1.26.8 (or go1.26rc1) into go1.26.
func langVersion(v string) string {
	rest, ok := strings.CutPrefix(v, "go1.")
	if !ok {
		return v
	}
	n := 0
	for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	return "go1." + rest[:n]
}

// stdVetx has the tool analyze every package of std and write its
// .vetx file (types and facts), as go vet std does, two at a time in
// dependency order. The files are kept under work, keyed by the tool
// binary's hash, and reused while the binary is unchanged.
func (r *runner) stdVetx(std *stdLib, work string, jobs int) error {
	sum, err := fileHash(r.bin)
	if err != nil {
		return err
	}
	dir := filepath.Join(work, "stdvetx-"+sum[:16])
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	vetxFile := func(p *stdPkg) string {
		return filepath.Join(dir, strings.ReplaceAll(p.ImportPath, "/", "%")+".vetx")
	}
	if msg, err := os.ReadFile(filepath.Join(dir, "complete")); err == nil {
		r.stdCached = string(msg)
		for _, p := range std.pkgs {
			if f := vetxFile(p); fileExists(f) {
				p.vetx = f
			}
		}
		return nil
	}

	sem := make(chan struct{}, jobs)
	done := map[string]chan struct{}{}
	for _, p := range std.pkgs {
		done[p.ImportPath] = make(chan struct{})
	}
	var mu sync.Mutex // guards r.stdCrashes and output
	var wg sync.WaitGroup
	for _, p := range std.pkgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(done[p.ImportPath])
			for _, imp := range p.Imports {
				if ch, ok := done[imp]; ok {
					<-ch
				}
			}
			if p.ImportPath == "unsafe" || len(p.GoFiles) == 0 || len(p.CgoFiles) > 0 || p.Error != nil {
				return
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			cfg := std.config(p)
			cfg.VetxOutput = vetxFile(p)
			o, err := r.run(cfg, filepath.Join(dir, strings.ReplaceAll(p.ImportPath, "/", "%")+".cfg"))
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err != nil:
				fmt.Printf("std %s: %v\n", p.ImportPath, err)
			case o.crash || o.timeout:
				r.stdCrashes++
				what := "CRASH"
				if o.timeout {
					what = "TIMEOUT"
				}
				fmt.Printf("%s std %s\n%s\n", what, p.ImportPath, trace(o.stderr, 30))
			case o.exitCode != 0:
				r.stdErrors++
				fmt.Printf("std %s: exit %d: %s\n", p.ImportPath, o.exitCode, firstLine(o.stderr))
			default:
				p.vetx = cfg.VetxOutput
				r.stdAnalyzed++
				r.stdFindings += len(o.findings)
				if len(o.findings) > 0 {
					fmt.Printf("findings std %s:\n\t%s\n", p.ImportPath, strings.Join(o.findings, "\n\t"))
				}
				if o.analyzerErr != "" {
					r.stdErrors++
					fmt.Printf("ANALYZER ERROR std %s: %s\n", p.ImportPath, o.analyzerErr)
				}
			}
		}()
	}
	wg.Wait()
	if r.stdCrashes == 0 && r.stdErrors == 0 {
		msg := fmt.Sprintf("%d packages analyzed, %d findings", r.stdAnalyzed, r.stdFindings)
		return os.WriteFile(filepath.Join(dir, "complete"), []byte(msg), 0o666)
	}
	return nil
}

// config is the unitchecker config of std package p, as go vet writes it.
func (std *stdLib) config(p *stdPkg) *config {
	cfg := &config{
		ID:          p.ImportPath,
		Compiler:    "gc",
		Dir:         p.Dir,
		ImportPath:  p.ImportPath,
		GoVersion:   std.goVersion,
		ImportMap:   map[string]string{},
		PackageFile: map[string]string{},
		PackageVetx: map[string]string{},
		Standard:    std.standard,
	}
	for _, f := range p.GoFiles {
		cfg.GoFiles = append(cfg.GoFiles, filepath.Join(p.Dir, f))
	}
	for _, imp := range p.Imports {
		cfg.ImportMap[imp] = imp
	}
	for from, to := range p.ImportMap {
		cfg.ImportMap[from] = to
	}
	for _, imp := range p.Imports {
		std.addDep(cfg, imp)
	}
	return cfg
}

// addDep adds the export data and vetx file of std package path to cfg.
func (std *stdLib) addDep(cfg *config, path string) {
	if q := std.byPath[path]; q != nil {
		if q.Export != "" {
			cfg.PackageFile[path] = q.Export
		}
		if q.vetx != "" {
			cfg.PackageVetx[path] = q.vetx
		}
	}
}

func fileHash(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
