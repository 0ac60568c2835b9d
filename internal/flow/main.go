package flow

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// IsMain reports whether fn is the main function of a main package:
// returning from it ends the process, every goroutine with it.
func IsMain(fn *ssa.Function) bool {
	return fn.Parent() == nil && fn.Name() == "main" && fn.Signature.Recv() == nil &&
		fn.Pkg != nil && fn.Pkg.Pkg.Name() == "main"
}

// IsBenchmark reports whether fn is a benchmark of a _test.go file,
// BenchmarkXxx(*testing.B): go test runs it again for each b.N it
// tries.
func IsBenchmark(fn *ssa.Function) bool { return testingFunc(fn, "Benchmark", "*testing.B") }

// IsTest reports whether fn is a test of a _test.go file,
// TestXxx(*testing.T): go test runs it once per run (per -count), and
// what it leaves behind lives at most as long as the test binary. A
// benchmark is run again for each b.N it tries, a fuzz target's
// function once per input: neither is a test here.
func IsTest(fn *ssa.Function) bool { return testingFunc(fn, "Test", "*testing.T") }

// testingFunc reports whether fn is a function of a _test.go file that
// go test runs: named prefix..., with one parameter of type param
// (its text, "*testing.T"), and no result.
func testingFunc(fn *ssa.Function, prefix, param string) bool {
	if fn.Parent() != nil || fn.Signature.Recv() != nil || !strings.HasPrefix(fn.Name(), prefix) {
		return false
	}
	p := fn.Signature.Params()
	return p.Len() == 1 && types.TypeString(p.At(0).Type(), nil) == param &&
		fn.Signature.Results().Len() == 0 && InTestFile(fn)
}
