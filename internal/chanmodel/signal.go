package chanmodel

import (
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// SignalFed reports whether the os/signal package delivers to the
// channel id for the rest of the process: a function of the package
// registers it with signal.Notify and none passes it to signal.Stop.
// Signals arrive for the process's whole life, so a goroutine that
// serves such a registration (waits on the channel, forwards or counts
// what arrives) lives, by its nature, as long as the process; one whose
// channel signal.Stop unregisters is meant to end with it.
func (m *Model) SignalFed(id ChanID) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.signals == nil {
		m.signals = m.signalRegistrations()
	}
	return m.signals[id]
}

// signalRegistrations maps each channel the package passes to
// signal.Notify to whether no signal.Stop of the package unregisters it.
func (m *Model) signalRegistrations() map[ChanID]bool {
	notified := make(map[ChanID]bool)
	stopped := make(map[ChanID]bool)
	for _, fn := range m.allFuncs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				c, ok := in.(ssa.CallInstruction)
				if !ok || len(c.Common().Args) == 0 {
					continue
				}
				callee := flow.CalleeFunc(c.Common())
				var into map[ChanID]bool
				switch {
				case analysisutil.IsFunc(callee, "os/signal", "Notify"):
					into = notified
				case analysisutil.IsFunc(callee, "os/signal", "Stop"):
					into = stopped
				default:
					continue
				}
				if ch, ok := m.b.chanOf(c.Common().Args[0]); ok {
					into[ch] = true
				}
			}
		}
	}
	for ch := range stopped {
		delete(notified, ch)
	}
	return notified
}
