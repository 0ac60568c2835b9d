package waitgroupadd_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/goconcheck/goconcheck/analyzers/waitgroupadd"
	"github.com/goconcheck/goconcheck/internal/atest"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, atest.TestData(), waitgroupadd.Analyzer, "waitgroupadd/...")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, atest.TestData(), waitgroupadd.Analyzer, "waitgroupadd/fix")
}
