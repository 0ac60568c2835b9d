package flow

import "golang.org/x/tools/go/ssa"

// WithClosures returns fns, the function literals they hold (at any
// depth) and their packages' initializers (where package variables are
// set), each once.
func WithClosures(fns []*ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	seen := make(map[*ssa.Function]bool)
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if fn == nil || seen[fn] {
			return
		}
		seen[fn] = true
		out = append(out, fn)
		for _, a := range fn.AnonFuncs {
			add(a)
		}
	}
	for _, fn := range fns {
		add(fn)
		if fn.Pkg != nil {
			add(fn.Pkg.Func("init"))
		}
	}
	return out
}
