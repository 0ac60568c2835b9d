// Command ssafloor is the SSA floor of goconcheck's benchmarks: goconcheck's
// own driver with one analyzer, bench.Floor, that loads, type-checks and
// builds SSA for every package it is given and does nothing else. No
// analyzer of goconcheck can cost less, so goconcheck's time and memory
// over the floor's is what the analyzers themselves add.
//
//	ssafloor [-json] patterns...                  (standalone, in process)
//	go vet -vettool=$(which ssafloor) -json ./...  (the floor of go vet mode)
//
// bench.Floor requires buildssa and inspect, as goconcheck's analyzers
// do, and declares a fact type that it never exports. The fact type
// matters: both drivers analyze the dependencies of the named packages
// too (go vet in unitchecker's VetxOnly mode), but only with the
// analyzers that use facts, directly or through what they require.
// goconcheck needs facts from every dependency, so it visits all of
// them; with the fact type the floor visits the same packages.
//
// With -packages, ssafloor is instead a go/packages program, the floor of
// an in-process driver such as x/tools' multichecker (goconcheck's first
// standalone driver): it loads the named packages and all their
// dependencies from source with packages.LoadAllSyntax, builds one SSA
// program of all of them (ssautil.AllPackages, Program.Build) and keeps
// everything in memory until the end, as such a driver must when
// analyzers use facts.
//
//	ssafloor -packages [-test=false] [-v] patterns...
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/goconcheck/goconcheck/internal/devtools/bench"
	"github.com/goconcheck/goconcheck/internal/driver"
)

func main() {
	if len(os.Args) > 1 && (os.Args[1] == "-packages" || os.Args[1] == "--packages") {
		loadAll(os.Args[2:])
		return
	}
	driver.Main([]*analysis.Analyzer{bench.Floor})
}

// loadAll is the go/packages floor.
func loadAll(args []string) {
	log.SetFlags(0)
	log.SetPrefix("ssafloor: ")
	fs := flag.NewFlagSet("ssafloor -packages", flag.ExitOnError)
	tests := fs.Bool("test", true, "include test packages")
	verbose := fs.Bool("v", false, "print what was loaded and built")
	_ = fs.Parse(args)
	if fs.NArg() == 0 {
		log.Fatal("usage: ssafloor -packages [-test=false] [-v] patterns...")
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: *tests}
	pkgs, err := packages.Load(cfg, fs.Args()...)
	if err != nil {
		log.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		os.Exit(1)
	}
	prog, ssaPkgs := ssautil.AllPackages(pkgs, ssa.BuilderMode(0))
	prog.Build()
	if *verbose {
		nfuncs := len(ssautil.AllFunctions(prog))
		fmt.Fprintf(os.Stderr, "ssafloor: %d root packages, %d packages in all, %d functions\n",
			len(ssaPkgs), len(prog.AllPackages()), nfuncs)
	}
}
