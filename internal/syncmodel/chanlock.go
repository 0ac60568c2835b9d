package syncmodel

import (
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
)

// ChanLocked reports whether fn, itself or in the functions it calls,
// both sends on and receives from one channel: a channel used as a
// lock (a chan struct{} with room for one, whose acquire sends and
// whose release receives). lockset's lock sets follow mutexes only: a
// lock made of a channel stands on both models, so it is asked here.
// An analyzer that asks whether a goroutine runs without any lock
// asks this too. The channel's capacity is not checked: a
// goroutine that both sends on and receives from one channel orders
// itself with its partners either way.
func (m *Model) ChanLocked(fn *ssa.Function) bool {
	f := m.Chans.Func(fn)
	if f == nil {
		return false
	}
	kinds := make(map[chanmodel.ChanID]int)
	for i := range f.Ops {
		op := &f.Ops[i]
		if op.Unit != 0 || op.Chan.Kind == 0 {
			continue
		}
		switch op.Kind {
		case chanmodel.Send:
			kinds[op.Chan] |= 1
		case chanmodel.Recv:
			kinds[op.Chan] |= 2
		}
		if kinds[op.Chan] == 3 {
			return true
		}
	}
	return false
}
