package goroutinepanic_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/goconcheck/goconcheck/analyzers/goroutinepanic"
	"github.com/goconcheck/goconcheck/internal/atest"
)

func Test(t *testing.T) {
	analysistest.Run(t, atest.TestData(), goroutinepanic.Analyzer, "goroutinepanic/...")
}
