package waitgroupadd

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// mayReceive reports whether, between the go statement g and the
// instruction wait that waits, the starter may receive one of the
// goroutine's signals (a send or close on a channel, an unlock, an
// atomic store, named in the starter's frame): then that signal may
// order the goroutine's Adds before the Wait. A receive from the
// channel, a select on it, a Lock or atomic operation on the same
// memory, a call handed it, a call that receives or that we cannot see
// all count; with no signals, nothing is received.
func (c *checker) mayReceive(g *ssa.Go, wait ssa.Instruction, signals []accesspath.Key) bool {
	if len(signals) == 0 || wait == nil {
		return false
	}
	matches := func(v ssa.Value) bool {
		r := resolve(v)
		if !r.Valid() {
			return true
		}
		for _, s := range signals {
			if s.Overlaps(r) {
				return true
			}
		}
		return false
	}
	// The Wait may be in a callee or a goroutine that receives first.
	if call, ok := wait.(ssa.CallInstruction); ok && wgKind(call.Common()) != syncmodel.Wait && c.receives(call.Common(), matches) {
		return true
	}
	// Reported only when some path reaches the Wait without such a
	// receive: on it the Adds are not ordered before the Wait.
	return !flow.Reaches(g, wait, func(instr ssa.Instruction) bool {
		switch x := instr.(type) {
		case *ssa.UnOp:
			return x.Op == token.ARROW && matches(x.X)
		case *ssa.Select:
			for _, st := range x.States {
				if st.Dir == types.RecvOnly && matches(st.Chan) {
					return true
				}
			}
		case *ssa.Call:
			return c.receives(x.Common(), matches)
		}
		return false
	})
}

// receives reports whether a call of the starter may receive a
// signal: a sync or atomic operation on it, a call handed it, a local
// callee that receives, or a callee we cannot see.
func (c *checker) receives(call *ssa.CallCommon, matches func(ssa.Value) bool) bool {
	if _, ok := call.Value.(*ssa.Builtin); ok {
		return false
	}
	for _, a := range call.Args {
		if mayHoldWaitGroup(a.Type()) && matches(a) {
			return true
		}
	}
	if m := flow.CalleeFunc(call); m != nil && m.Pkg() != nil {
		switch m.Pkg().Path() {
		case "sync", "sync/atomic":
			return false // on other memory: the arguments did not match
		}
	}
	fn, _ := callee(call)
	if fn == nil {
		// Calling a context.CancelFunc only signals.
		return !analysisutil.IsNamed(call.Value.Type(), "context", "CancelFunc")
	}
	s := c.sz.summary(fn)
	return s == nil || s.flags&(flagRecv|flagPublish) != 0
}
