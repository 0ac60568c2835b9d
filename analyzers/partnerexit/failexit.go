package partnerexit

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// requestLeaves returns how the loop goroutine that serves requests on
// the unbuffered channel x sends on can return first on a failure of
// its own, x being a plain send of a function that is no goroutine's
// own (a method a caller's goroutine runs: Append, Call, Submit). The
// requester then blocks forever at the send:
//
//	func (j *Journal) loop() {           func (j *Journal) Append(r Record) error {
//	    for {                                j.appends <- req // blocks once loop has returned
//	        select {                         return <-req.reply
//	        case req := <-j.appends: ...  }
//	        case done := <-j.syncs:
//	            if err := j.w.Flush(); err != nil {
//	                return
//	            }
//	        }
//	    }
//	}
//
// Only a return on a failure of the loop's own counts (failedExit: the
// error side of an error test, or after an error received from another
// goroutine): the loop gave up, and no caller was told. A loop that returns when
// it is told to stop (ctx.Done(), a quit channel Close closes) strands
// only requests made after the stop, which callers are told not to
// make. The loop must be the channel's only receiver, started by a go
// statement, and nothing may close the channel (a send on a closed one
// panics: sendafterclose's report).
func requestLeaves(sm *syncmodel.Model, f *syncmodel.Func, x *chanmodel.Op) *leave {
	if x.Chan.Kind != chanmodel.KindField || sm.Chans.Escapes(x.Chan) || !sm.Chans.Unbuffered(x.Chan) {
		return nil
	}
	if len(sm.GoSites(f.Fn, depth)) > 0 {
		return nil // a goroutine of its own: sendLeaves's
	}
	rs, ok := receivers(sm, f, x)
	if !ok || len(rs.order) != 1 {
		return nil
	}
	loop := rs.order[0]
	if len(sm.GoSites(loop, depth)) == 0 {
		return nil
	}
	does := *rs.does[loop]
	does.Deaf = startedOnce(sm, loop)
	does.Accept = failedExit
	does.Waiter = f.Fn
	ex, ok := sm.Leaves(loop, does, depth)
	if !ok || !ex.Declined {
		return nil
	}
	return &leave{fn: ex.Return.Parent(), exit: ex, op: rs.first[loop]}
}

// failedExit reports whether the exit x returns on a failure of its
// function: on the error side of an error test (if err != nil {
// return }), or after it received an error (case err := <-readErr: a
// reader goroutine's failure handed over).
func failedExit(x syncmodel.Exit) bool {
	ret := x.Return.Block()
	for _, b := range ret.Parent().Blocks {
		if !b.Dominates(ret) {
			continue
		}
		if op, ok := flow.ErrorNilTest(b); ok {
			failed := b.Succs[0] // err != nil
			if op == token.EQL {
				failed = b.Succs[1]
			}
			if len(failed.Preds) == 1 && failed.Dominates(ret) {
				return true
			}
		}
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.UnOp:
				if in.Op == token.ARROW && errorChan(in.X) {
					return true
				}
			case *ssa.Select:
				for i, st := range in.States {
					if st.Dir != types.RecvOnly || !errorChan(st.Chan) {
						continue
					}
					if eb, es, ok := chanmodel.SelectCaseEdge(in, i); ok && len(eb.Succs[es].Preds) == 1 && eb.Succs[es].Dominates(ret) {
						return true
					}
				}
			}
		}
	}
	return false
}

// errorChan reports whether ch is a channel of errors.
func errorChan(ch ssa.Value) bool {
	ct, ok := ch.Type().Underlying().(*types.Chan)
	return ok && flow.IsError(ct.Elem())
}
