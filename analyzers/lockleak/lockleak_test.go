package lockleak_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/goconcheck/goconcheck/analyzers/lockleak"
	"github.com/goconcheck/goconcheck/internal/atest"
)

func Test(t *testing.T) {
	analysistest.Run(t, atest.TestData(), lockleak.Analyzer, "lockleak/...")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, atest.TestData(), lockleak.Analyzer, "lockleak/fix")
}
