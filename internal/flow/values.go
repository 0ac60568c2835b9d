package flow

import "golang.org/x/tools/go/ssa"

// ParamIndex returns the index of v among fn's parameters, or -1 when
// v is not one of them.
func ParamIndex(fn *ssa.Function, v ssa.Value) int {
	for i, p := range fn.Params {
		if p == v {
			return i
		}
	}
	return -1
}
