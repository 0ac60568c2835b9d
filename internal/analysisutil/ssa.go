package analysisutil

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// StaticMethod is flow.CalleeFunc.
//
// Deprecated: use flow.CalleeFunc. Kept only for analyzers/condwait's
// lock.go and analyzers/unlockedwrite, which are being rewritten;
// remove once they call flow.
func StaticMethod(c *ssa.CallCommon) *types.Func { return flow.CalleeFunc(c) }

// InstrIndex is flow.Index.
//
// Deprecated: use flow.Index. Kept only for analyzers/goroutineleak;
// remove once it calls flow.
func InstrIndex(instr ssa.Instruction) int { return flow.Index(instr) }

// Reach is flow.Search.Reach, from one block, walking along next
// (forward or backward).
//
// Deprecated: use flow.Forward.Reach or flow.Backward.Reach. Kept only
// for analyzers/unlockedwrite; remove once it calls flow.
func Reach(b *ssa.BasicBlock, next func(*ssa.BasicBlock) []*ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	return flow.Search{Next: next}.Reach(b)
}

// ClosureOf returns the one MakeClosure that makes the function
// literal fn in its parent, or nil if there is none or more than one:
// then its free variables have no single binding.
func ClosureOf(fn *ssa.Function) *ssa.MakeClosure {
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	var mc *ssa.MakeClosure
	for _, blk := range parent.Blocks {
		for _, in := range blk.Instrs {
			if c, ok := in.(*ssa.MakeClosure); ok && c.Fn == fn {
				if mc != nil {
					return nil
				}
				mc = c
			}
		}
	}
	return mc
}

// BoundTo returns the value that the unique MakeClosure of fv's
// function binds to the free variable fv, or nil.
func BoundTo(fv *ssa.FreeVar) ssa.Value {
	mc := ClosureOf(fv.Parent())
	if mc == nil {
		return nil
	}
	for i, v := range fv.Parent().FreeVars {
		if v == fv && i < len(mc.Bindings) {
			return mc.Bindings[i]
		}
	}
	return nil
}
