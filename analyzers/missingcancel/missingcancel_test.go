package missingcancel_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/goconcheck/goconcheck/analyzers/missingcancel"
	"github.com/goconcheck/goconcheck/internal/atest"
)

func Test(t *testing.T) {
	analysistest.Run(t, atest.TestData(), missingcancel.Analyzer, "missingcancel/...")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, atest.TestData(), missingcancel.Analyzer, "missingcancel/a", "missingcancel/guide")
}
