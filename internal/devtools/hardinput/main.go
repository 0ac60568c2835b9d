// Command hardinput runs a goconcheck binary, the way go vet runs a
// -vettool, over hard input and fails if it ever crashes.
//
// The input is every Go program under $(go env GOROOT)/test (many of
// which deliberately do not type-check), by default also the type
// checker's test files (generics-heavy) and the test programs of the
// runtime, race detector, tracer, vet and loopvar (concurrency-heavy)
// under GOROOT/src, and a scratch module run through
// the real go vet: a package with type errors beside a package with a
// bug, a generated file, cgo, generics-heavy code and one huge file.
//
// For GOROOT/test, hardinput writes one unitchecker config (the JSON
// .cfg file go vet passes to its tool) per single-file program and per
// package of a multi-package *.dir, and runs the tool on it. The
// tool's types and facts of the standard library come from .vetx files
// that hardinput first has the same tool write, as go vet does, for
// every package of std (cached per tool binary under -work).
//
// A unit whose tool run prints "panic:", "fatal error:" or a goroutine
// trace, is killed by a signal, or does not finish within -timeout, is a
// failure: hardinput prints it with the first lines of the trace and
// goes on, and exits 1 at the end. A unit that does not type-check must
// make the tool print the error and exit non-zero; that is counted, not
// a failure.
//
// Usage:
//
//	hardinput -bin path/to/goconcheck [-work dir] [-j 2] [-run regexp] [-extra dirs] [-gotest=false] [-vet=false]
//
// scripts/hardinput.sh builds the tool and runs this.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

var (
	binFlag     = flag.String("bin", "", "the goconcheck binary to run (required)")
	workFlag    = flag.String("work", "", "scratch directory (default: a new temporary directory, removed at the end)")
	jobsFlag    = flag.Int("j", 2, "tool runs in parallel")
	runFlag     = flag.String("run", "", "only GOROOT/test files whose path relative to GOROOT/test matches this regexp")
	gotestFlag  = flag.Bool("gotest", true, "run over GOROOT/test and the -extra directories")
	extraFlag   = flag.String("extra", defaultExtra, "comma-separated directories, relative to GOROOT, run like GOROOT/test (one package per file; with suffix :dirs, one package per directory and package name)")
	vetFlag     = flag.Bool("vet", true, "run the go vet cases (type errors beside a bug, generated, cgo, generics, huge file)")
	langFlag    = flag.String("lang", "", "language version of every GOROOT/test unit, like go1.21 (default: the test's -lang or the toolchain's)")
	timeoutFlag = flag.Duration("timeout", 5*time.Minute, "time limit of one tool run")
	verboseFlag = flag.Bool("v", false, "print every unit's outcome")
)

// defaultExtra are the type checker's test files (generics-heavy, one
// package per file) and test programs of the runtime, the race detector,
// the tracer, vet and the loopvar change (concurrency-heavy, one package
// per directory).
const defaultExtra = "src/internal/types/testdata,src/runtime/testdata:dirs,src/runtime/race/testdata:dirs," +
	"src/internal/trace/testdata:dirs,src/cmd/vet/testdata:dirs,src/cmd/compile/internal/loopvar/testdata:dirs"

func main() {
	log.SetFlags(0)
	log.SetPrefix("hardinput: ")
	flag.Parse()
	if *binFlag == "" || flag.NArg() != 0 {
		flag.Usage()
		os.Exit(2)
	}
	bin, err := filepath.Abs(*binFlag)
	if err != nil {
		log.Fatal(err)
	}
	var only *regexp.Regexp
	if *runFlag != "" {
		if only, err = regexp.Compile(*runFlag); err != nil {
			log.Fatal(err)
		}
	}
	work := *workFlag
	if work == "" {
		if work, err = os.MkdirTemp("", "hardinput"); err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(work)
	} else if work, err = filepath.Abs(work); err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll(work, 0o777); err != nil {
		log.Fatal(err)
	}

	failed := false
	if *gotestFlag {
		start := time.Now()
		std, err := loadStd()
		if err != nil {
			log.Fatal(err)
		}
		r := &runner{bin: bin, timeout: *timeoutFlag, verbose: *verboseFlag}
		if err := r.stdVetx(std, work, *jobsFlag); err != nil {
			log.Fatal(err)
		}
		if r.stdCached != "" {
			fmt.Printf("std: %d packages: reusing the earlier run with this binary (%s)\n", len(std.pkgs), r.stdCached)
		} else {
			fmt.Printf("std: %d packages: %d analyzed (%d findings), %d errors, %d panics or timeouts, %s\n",
				len(std.pkgs), r.stdAnalyzed, r.stdFindings, r.stdErrors, r.stdCrashes, time.Since(start).Round(time.Second))
		}
		start = time.Now()
		var extra []string
		if *extraFlag != "" {
			extra = strings.Split(*extraFlag, ",")
		}
		c, err := r.gotest(std, work, *jobsFlag, only, extra)
		if err != nil {
			log.Fatal(err)
		}
		c.print(os.Stdout, time.Since(start))
		failed = failed || r.stdCrashes > 0 || r.stdErrors > 0 || c.crashes > 0 || c.timeouts > 0 || c.analyzerErrors > 0
	}
	if *vetFlag {
		start := time.Now()
		ok, err := vetCases(bin, work, *timeoutFlag)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("module cases (go vet and standalone): %s\n", time.Since(start).Round(time.Second))
		failed = failed || !ok
	}
	if failed {
		fmt.Println("FAIL")
		os.Exit(1)
	}
	fmt.Println("ok")
}
