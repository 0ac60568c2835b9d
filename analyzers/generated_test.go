package analyzers

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/goconcheck/goconcheck/internal/atest"
)

// TestGeneratedDropped runs the suite, as every front end gets it from
// All, on packages that hold a finding twice: in a file a person wrote,
// where it is reported, and in a generated file, where it must not be.
func TestGeneratedDropped(t *testing.T) {
	n := 0
	for _, a := range All() {
		dir := filepath.Join(atest.TestData(), "src", "generated", a.Name)
		if _, err := os.Stat(dir); err != nil {
			continue
		}
		n++
		t.Run(a.Name, func(t *testing.T) {
			analysistest.Run(t, atest.TestData(), a, "generated/"+a.Name)
		})
	}
	if n < 7 {
		t.Errorf("only %d analyzers have a generated-file case", n)
	}
}
