package flow

import "golang.org/x/tools/go/ssa"

// IsMain reports whether fn is the main function of a main package:
// returning from it ends the process, every goroutine with it.
func IsMain(fn *ssa.Function) bool {
	return fn.Parent() == nil && fn.Name() == "main" && fn.Signature.Recv() == nil &&
		fn.Pkg != nil && fn.Pkg.Pkg.Name() == "main"
}
