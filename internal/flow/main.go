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

// IsTest reports whether fn is a test of a _test.go file,
// TestXxx(*testing.T): go test runs it once per run (per -count), and
// what it leaves behind lives at most as long as the test binary. A
// benchmark is run again for each b.N it tries, a fuzz target's
// function once per input: neither is a test here.
func IsTest(fn *ssa.Function) bool {
	if fn.Parent() != nil || fn.Signature.Recv() != nil || !strings.HasPrefix(fn.Name(), "Test") {
		return false
	}
	p := fn.Signature.Params()
	return p.Len() == 1 && types.TypeString(p.At(0).Type(), nil) == "*testing.T" &&
		fn.Signature.Results().Len() == 0 && InTestFile(fn)
}
