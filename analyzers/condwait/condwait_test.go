package condwait_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/goconcheck/goconcheck/analyzers/condwait"
	"github.com/goconcheck/goconcheck/internal/atest"
)

func Test(t *testing.T) {
	analysistest.Run(t, atest.TestData(), condwait.Analyzer, "condwait/...")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, atest.TestData(), condwait.Analyzer,
		"condwait/guide", "condwait/lib", "condwait/a", "condwait/fix", "condwait/sole", "condwait/ranged", "condwait/flush", "condwait/latch")
}
