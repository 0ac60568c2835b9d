package chanmodel

import (
	"go/token"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
)

// Goroutine labels the goroutine that runs op of f, for a finding's
// story (finding.Trace): f's own goroutine (unit 0) as
// analysisutil.Goroutine names it, a goroutine f starts by the go
// statement, or the call, that starts it.
func (m *Model) Goroutine(fset *token.FileSet, f *Func, op *Op) string {
	if op.Unit == 0 {
		return analysisutil.Goroutine(fset, f.Fn)
	}
	return finding.Spawned(fset, m.GoSite(op))
}

// GoSite returns where f starts the goroutine that runs op: the go
// statement, or the call that leads to one; NoPos for unit 0.
func (m *Model) GoSite(op *Op) token.Pos {
	if op.Unit == 0 || op.Instr == nil {
		return token.NoPos
	}
	return m.Start(op.Instr.Pos())
}

// StepOp is the kind of a channel operation in a finding's story.
func StepOp(op *Op) finding.Op {
	switch op.Kind {
	case Send:
		return finding.OpSend
	case Recv:
		return finding.OpRecv
	case Close:
		return finding.OpClose
	}
	return finding.OpOther
}

// OpGoroutine is Goroutine for an operation of any function of m.
func (m *Model) OpGoroutine(fset *token.FileSet, op *Op) string {
	for _, f := range m.Funcs {
		for i := range f.Ops {
			if &f.Ops[i] == op {
				return m.Goroutine(fset, f, op)
			}
		}
	}
	return ""
}

// Starts returns the go step that starts the goroutine running op, as
// a step of the starter's goroutine, or nil when op runs in the
// goroutine of a function nobody here starts.
func (m *Model) Starts(fset *token.FileSet, op *Op) []finding.Place {
	for _, f := range m.Funcs {
		for i := range f.Ops {
			if &f.Ops[i] == op {
				if op.Unit != 0 {
					return []finding.Place{{Pos: m.GoSite(op), Message: "goroutine started here", Goroutine: analysisutil.Goroutine(fset, f.Fn), Op: finding.OpGo}}
				}
				return analysisutil.Starts(fset, f.Fn)
			}
		}
	}
	return nil
}
