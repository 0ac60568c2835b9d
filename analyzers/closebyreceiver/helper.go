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

// unitDoes reports whether unit su performs an operation of kind k on
// ch.
func unitDoes(su unit, k chanmodel.OpKind, ch chanmodel.ChanID) bool {
	for i := range su.f.Ops {
		op := &su.f.Ops[i]
		if op.Kind == k && op.Unit == su.u && op.Chan == ch {
			return true
		}
	}
	return false
}

// chanName names the channel of op for a message.
func chanName(op *chanmodel.Op) string {
	if op.Expr == "" {
		return "channel"
	}
	return op.Expr
}

// opPos is where op is written, or the call that leads to it when it
// lies in another package.
func opPos(m *chanmodel.Model, op *chanmodel.Op) token.Pos {
	if op.Pos.IsValid() {
		return op.Pos
	}
	return m.Site(op)
}

// plainCloses returns the closes that a function of m (not truncated)
// writes itself and runs in its own goroutine, not deferred, with no
// Lock or Wait that may precede them and not yet reported, where the
// closing goroutine does not send on the channel, nor answers a
// request made under a lock (see requestedUnderLock): what the rules
// of closes by non-senders start from.
func plainCloses(m *chanmodel.Model, reported map[token.Pos]bool) []closeRef {
	return closesOf(m, reported, false)
}

// closesOf is plainCloses, with, when afterWait, also the closes that
// a Wait may precede.
func closesOf(m *chanmodel.Model, reported map[token.Pos]bool, afterWait bool) []closeRef {
	var out []closeRef
	for _, f := range m.Funcs {
		if f.Truncated {
			continue
		}
		for i := range f.Ops {
			c := &f.Ops[i]
			if c.Kind != chanmodel.Close || !c.Direct() || c.Unit != 0 || c.Deferred || !c.Pos.IsValid() ||
				c.Locked || c.AfterWait && !afterWait || c.Chan.Kind == 0 || reported[c.Pos] || sendsIn(f, 0, c.Chan) {
				continue
			}
			if requestedUnderLock(m, f, c) {
				continue // a close that answers a request made under the senders' lock
			}
			out = append(out, closeRef{f, c})
		}
	}
	return out
}

// A closeRef is a close c of the function f.
type closeRef struct {
	f *chanmodel.Func
	c *chanmodel.Op
}
