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
