package driver

import (
	"os"
	"strings"
	"testing"

	"github.com/goconcheck/goconcheck/analyzers"
)

// TestFactDump writes every fact the in-process driver computes for
// some packages and all their dependencies, one sorted line each, so
// that a change meant to save work can be shown to change no fact:
// run it before and after, and compare the files.
//
//	GOCONCHECK_FACTDUMP=/tmp/facts.txt GOCONCHECK_FACTDUMP_DIR=<module dir> \
//	GOCONCHECK_FACTDUMP_PATTERNS='github.com/hashicorp/raft/...' \
//	go test -run TestFactDump ./internal/driver
//
// Without GOCONCHECK_FACTDUMP it is skipped.
func TestFactDump(t *testing.T) {
	out := os.Getenv("GOCONCHECK_FACTDUMP")
	if out == "" {
		t.Skip("GOCONCHECK_FACTDUMP not set")
	}
	if dir := os.Getenv("GOCONCHECK_FACTDUMP_DIR"); dir != "" {
		t.Chdir(dir)
	}
	patterns := strings.Fields(os.Getenv("GOCONCHECK_FACTDUMP_PATTERNS"))
	units, err := graph(patterns, "", true)
	if err != nil {
		t.Fatal(err)
	}
	_, problems, err := analyzeUnits(analyzers.All(), units, nil, nil, nil)
	if err != nil || len(problems) > 0 {
		t.Fatalf("analyzing %v: %v %v", patterns, err, problems)
	}
	lines := factLines(units)
	if err := os.WriteFile(out, []byte(strings.Join(lines, "\n")+"\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d facts of %d packages", len(lines), len(units))
}
