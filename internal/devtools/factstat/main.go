// Command factstat counts the facts in go vet's fact files (.vetx), by
// fact type: how many, how many are the zero value of their type, how
// many are copies of another package's facts, and the bytes each type
// takes when gob-encoded alone. It measures the fact volume goconcheck
// writes under go vet, a cost no timing on a shared machine shows.
//
//	factstat DIR   # DIR holds one .vetx file per package, and a .path
//	               # file with its import path beside each
//
// With FACTSTAT_DUMP=FILE it also writes every fact to FILE, one sorted
// line each (the package whose file holds it, the fact's package and
// object, its value with every field): a change to how facts are
// encoded must leave the file as it was.
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"

	"github.com/goconcheck/goconcheck/analyzers"
)

// gobFact is x/tools' internal/facts encoding of one fact.
type gobFact struct {
	PkgPath string
	Object  string
	Fact    analysis.Fact
}

type stat struct {
	n, zero, copied, bytes int
}

func main() {
	register := func(a *analysis.Analyzer) {}
	seen := make(map[*analysis.Analyzer]bool)
	register = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, f := range a.FactTypes {
			gob.Register(f)
		}
		for _, r := range a.Requires {
			register(r)
		}
	}
	for _, a := range analyzers.All() {
		register(a)
	}
	register(ctrlflow.Analyzer)

	files, err := filepath.Glob(filepath.Join(os.Args[1], "*.vetx"))
	if err != nil || len(files) == 0 {
		fmt.Fprintln(os.Stderr, "factstat: no .vetx files in", os.Args[1])
		os.Exit(2)
	}
	stats := make(map[string]*stat)
	total, totalFacts := 0, 0
	var dump []string
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			panic(err)
		}
		// A vetx file is "vetx", the lengths of the export data and
		// of the facts (uint32, little-endian), then both.
		if len(data) < 12 || string(data[:4]) != "vetx" {
			panic(name + ": not a vetx file")
		}
		typesLen := binary.LittleEndian.Uint32(data[4:8])
		data = data[12+typesLen:][:binary.LittleEndian.Uint32(data[8:12])]
		total += len(data)
		if len(data) == 0 {
			continue
		}
		var facts []gobFact
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&facts); err != nil {
			panic(fmt.Sprintf("%s: %v", name, err))
		}
		totalFacts += len(facts)
		pathData, err := os.ReadFile(strings.TrimSuffix(name, ".vetx") + ".path")
		if err != nil {
			panic(err)
		}
		own := strings.TrimSpace(string(pathData))
		byType := make(map[string][]gobFact)
		for _, f := range facts {
			t := reflect.TypeOf(f.Fact).String()
			byType[t] = append(byType[t], f)
			s := stats[t]
			if s == nil {
				s = new(stat)
				stats[t] = s
			}
			s.n++
			if reflect.ValueOf(f.Fact).Elem().IsZero() {
				s.zero++
			}
			if f.PkgPath != own {
				s.copied++
			}
			// %#v prints every field, and no fact's String method.
			dump = append(dump, fmt.Sprintf("%s %s %q %#v", own, f.PkgPath, f.Object, reflect.ValueOf(f.Fact).Elem().Interface()))
		}
		for t, fs := range byType {
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(fs); err != nil {
				panic(err)
			}
			stats[t].bytes += buf.Len()
		}
	}
	if out := os.Getenv("FACTSTAT_DUMP"); out != "" {
		sort.Strings(dump)
		if err := os.WriteFile(out, []byte(strings.Join(dump, "\n")+"\n"), 0o666); err != nil {
			panic(err)
		}
	}
	types := make([]string, 0, len(stats))
	for t := range stats {
		types = append(types, t)
	}
	sort.Strings(types)
	fmt.Printf("%d files, %d bytes of facts, %d facts\n", len(files), total, totalFacts)
	fmt.Printf("%-40s %8s %8s %8s %10s\n", "fact type", "facts", "zero", "copied", "bytes")
	for _, t := range types {
		s := stats[t]
		fmt.Printf("%-40s %8d %8d %8d %10d\n", t, s.n, s.zero, s.copied, s.bytes)
	}
}
