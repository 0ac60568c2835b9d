package goroutineleak_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/goconcheck/goconcheck/analyzers/goroutineleak"
	"github.com/goconcheck/goconcheck/internal/atest"
)

func Test(t *testing.T) {
	analysistest.Run(t, atest.TestData(), goroutineleak.Analyzer, "goroutineleak/...")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, atest.TestData(), goroutineleak.Analyzer, "goroutineleak/orphan", "goroutineleak/orphanloop", "goroutineleak/orphanmain", "goroutineleak/testfail", "goroutineleak/testassert")
}
