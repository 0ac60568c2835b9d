package partnerexit_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/goconcheck/goconcheck/analyzers/partnerexit"
	"github.com/goconcheck/goconcheck/internal/atest"
)

func Test(t *testing.T) {
	analysistest.Run(t, atest.TestData(), partnerexit.Analyzer, "partnerexit/...")
}
