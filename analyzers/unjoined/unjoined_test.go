package unjoined_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/goconcheck/goconcheck/analyzers/unjoined"
	"github.com/goconcheck/goconcheck/internal/atest"
)

func Test(t *testing.T) {
	analysistest.Run(t, atest.TestData(), unjoined.Analyzer, "unjoined/...")
}
