package unlockedwrite_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/goconcheck/goconcheck/analyzers/unlockedwrite"
	"github.com/goconcheck/goconcheck/internal/atest"
)

func Test(t *testing.T) {
	analysistest.Run(t, atest.TestData(), unlockedwrite.Analyzer, "unlockedwrite/...")
}

// TestCrossPackage runs the packages whose helpers write in another
// package (xpkg/stats, xpkg/deep) alone: their writes reach the
// callers' packages through lockset's Writes facts. Test covers them
// too; this one is quick to run on its own.
func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, atest.TestData(), unlockedwrite.Analyzer, "unlockedwrite/xpkg/...")
}

// TestTwoLocksDeterministic analyzes, many times, a package whose
// fields are accessed with two mutexes of their struct held at once,
// and requires the same diagnostics every time: the lock sets are maps,
// and a count that followed their iteration order changes from run to
// run. The package is loaded once (as analysistest does, from GOPATH
// testdata) so that the runs are cheap.
func TestTwoLocksDeterministic(t *testing.T) {
	testdata := atest.TestData()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(testdata, "src"),
		Env:  append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "unlockedwrite/twolocks")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("errors loading unlockedwrite/twolocks")
	}
	var first string
	for i := range 12 {
		graph, err := checker.Analyze([]*analysis.Analyzer{unlockedwrite.Analyzer}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, act := range graph.Roots {
			if act.Err != nil {
				t.Fatal(act.Err)
			}
			for _, d := range act.Diagnostics {
				fmt.Fprintf(&b, "%s: %s\n", act.Package.Fset.Position(d.Pos), d.Message)
			}
		}
		if i == 0 {
			first = b.String()
			if first == "" {
				t.Fatal("no diagnostics")
			}
		} else if b.String() != first {
			t.Fatalf("run %d differs from run 0:\n%s---\n%s", i, b.String(), first)
		}
	}
}
