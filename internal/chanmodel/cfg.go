package chanmodel

import (
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// Reaches is flow.Reaches.
//
// Deprecated: use flow.Reaches. Kept only for analyzers/goroutineleak
// and analyzers/unlockedwrite, which are being rewritten; remove once
// they call flow.
func Reaches(from, to ssa.Instruction, stop func(ssa.Instruction) bool) bool {
	return flow.Reaches(from, to, stop)
}

// BlockInLoop is flow.InLoop.
//
// Deprecated: use flow.InLoop. Kept only for analyzers/goroutineleak;
// remove once it calls flow.
func BlockInLoop(b *ssa.BasicBlock) bool { return flow.InLoop(b) }
