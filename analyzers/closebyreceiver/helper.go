package closebyreceiver

import (
	"go/token"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
)

// receivingCloser reports whether the close written at pos is, in its
// own function, a close by a receiver: a receive on the same channel
// may precede it there. Such a helper (collect the results, then close
// the channel) is the receiver; its callers only hand it the channel.
func receivingCloser(m *chanmodel.Model, pos token.Pos) bool {
	if !pos.IsValid() {
		return false
	}
	for _, f := range m.Funcs {
		for i := range f.Ops {
			op := &f.Ops[i]
			if op.Kind == chanmodel.Close && op.Direct() && op.Pos == pos && op.RecvBefore {
				return true
			}
		}
	}
	return false
}
