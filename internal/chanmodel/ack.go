package chanmodel

import (
	"github.com/goconcheck/goconcheck/internal/flow"
)

// Acknowledged reports whether the close c, written in f, can follow
// no send on its channel because every send is an acknowledgement the
// closer has taken: a stop/acknowledge protocol.
//
//   - Each send on the channel runs at most once per run of its
//     goroutine (nothing after it leads back to it), and only in answer
//     to a request: it lies in the body of a receive from another
//     channel, the request channel (case <-w.stop: w.done <- struct{}{};
//     return).
//   - The closer, on every path to the close, sends a request and then
//     receives the acknowledgement (w.stop <- struct{}{}; <-w.done).
//   - Every request sent anywhere is followed, on every path, by a
//     receive of its acknowledgement in the same function, and every
//     close of a request channel (which answers all waiting receives)
//     comes after such a receive: no acknowledgement is left to send
//     once the closer has taken its own.
//
// A worker that sends on the channel in its loop, or a closer that
// closes without taking the acknowledgement first, is not this
// protocol. The count argument holds for one worker at a time (the
// one a request stops); the model does not count the workers.
func (m *Model) Acknowledged(f *Func, c *Op) bool {
	if c.Kind != Close || !c.Direct() || c.Chan.Kind == 0 {
		return false
	}
	ch := c.Chan
	requests := map[ChanID]bool{}
	sends := 0
	for _, r := range m.OpsOn(ch) {
		if r.Op.Kind != Send || !r.Op.Direct() {
			continue
		}
		req, ok := answers(r.F, r.Op)
		if !ok || flow.Reaches(r.Op.Instr, r.Op.Instr, nil) {
			return false
		}
		requests[req] = true
		sends++
	}
	if sends == 0 {
		return false
	}
	// The closer's own request and acknowledgement.
	asked := false
	for i := range f.Ops {
		rc := &f.Ops[i]
		if rc.Kind != Recv || !rc.Direct() || rc.Select || rc.Chan != ch || !SameChan(rc, c) || !flow.Dominates(rc.Instr, c.Instr) {
			continue
		}
		for j := range f.Ops {
			sr := &f.Ops[j]
			if sr.Kind == Send && sr.Direct() && !sr.Select && requests[sr.Chan] && flow.Dominates(sr.Instr, rc.Instr) {
				asked = true
			}
		}
	}
	if !asked {
		return false
	}
	for req := range requests {
		for _, r := range m.OpsOn(req) {
			if !r.Op.Direct() {
				continue
			}
			switch r.Op.Kind {
			case Send:
				if r.Op.Select || !acknowledgedAfter(r.F, r.Op, ch) {
					return false
				}
			case Close:
				if !ackBefore(r.F, r.Op, ch) {
					return false
				}
			}
		}
	}
	return true
}

// answers returns the channel of the receive whose body holds the send
// s of f: a blocking receive that dominates it, or a select case whose
// body does.
func answers(f *Func, s *Op) (ChanID, bool) {
	for i := range f.Ops {
		q := &f.Ops[i]
		if q.Kind != Recv || !q.Direct() || q.Chan.Kind == 0 || q.Chan == s.Chan {
			continue
		}
		if q.Select {
			b, succ, ok := CaseEdge(q)
			if !ok {
				continue
			}
			body := b.Succs[succ]
			if len(body.Preds) == 1 && body.Dominates(s.Instr.Block()) {
				return q.Chan, true
			}
			continue
		}
		if flow.Dominates(q.Instr, s.Instr) {
			return q.Chan, true
		}
	}
	return ChanID{}, false
}

// acknowledgedAfter reports whether the request send r of f is
// followed on every path by a blocking receive from ch.
func acknowledgedAfter(f *Func, r *Op, ch ChanID) bool {
	for i := range f.Ops {
		a := &f.Ops[i]
		if a.Kind == Recv && a.Direct() && !a.Select && a.Chan == ch && flow.OnEveryPath(r.Instr, a.Instr) && flow.Reaches(r.Instr, a.Instr, nil) {
			return true
		}
	}
	return false
}

// ackBefore reports whether a blocking receive from ch dominates the
// operation op of f.
func ackBefore(f *Func, op *Op, ch ChanID) bool {
	for i := range f.Ops {
		a := &f.Ops[i]
		if a.Kind == Recv && a.Direct() && !a.Select && a.Chan == ch && flow.Dominates(a.Instr, op.Instr) {
			return true
		}
	}
	return false
}
