package goroutineleak

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// servesSignals reports whether the goroutine running f, which cannot
// terminate, waits only for signals: every receive it makes, itself or
// in the functions it calls, is on a channel that signal.Notify feeds
// for the rest of the process. Such a goroutine forwards, counts or
// ignores the process's signals for as long as they can arrive, which
// is the process's whole life, however often its starter runs; a loop
// that also waits for work or a timer, or on a channel signal.Stop
// unregisters, is not of this kind.
func (c *checker) servesSignals(f *chanmodel.Func) bool {
	waits := false
	// The model's operations hold those of other packages' callees
	// (from facts); it leaves out receives on channels it cannot name,
	// which the walk over the package's code below finds.
	for i := range f.Ops {
		op := &f.Ops[i]
		if op.Unit != 0 || op.Kind != chanmodel.Recv {
			continue
		}
		if !c.m.SignalFed(op.Chan) {
			return false
		}
		waits = true
	}
	fns := []*ssa.Function{f.Fn}
	seen := map[*ssa.Function]bool{f.Fn: true}
	for i := 0; i < len(fns); i++ {
		for _, b := range fns[i].Blocks {
			for _, in := range b.Instrs {
				var chans []ssa.Value
				switch in := in.(type) {
				case *ssa.UnOp:
					if in.Op == token.ARROW {
						chans = append(chans, in.X)
					}
				case *ssa.Select:
					for _, st := range in.States {
						if st.Dir == types.RecvOnly {
							chans = append(chans, st.Chan)
						}
					}
				case *ssa.Call:
					if fn := flow.Callee(in.Common()); fn != nil && (fn.Pkg == f.Fn.Pkg || fn.Synthetic != "") && fn.Blocks != nil && !seen[fn] {
						seen[fn] = true
						fns = append(fns, fn)
					}
				}
				for _, ch := range chans {
					id, ok := c.m.ChanOf(ch)
					if !ok || !c.m.SignalFed(id) {
						return false
					}
					waits = true
				}
			}
		}
	}
	return waits
}
