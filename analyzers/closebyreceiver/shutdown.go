package closebyreceiver

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// reportShutdownCloses reports a close of a channel field, by code
// that neither sends on it nor received from it (a component's
// Close, Stop or Shutdown), while a goroutine that the package starts
// (its loop, a per-call goroutine of an exported method) sends on it
// and nothing the closer waits for orders that goroutine's sends
// before the close (syncmodel.OrderedAfter: a Wait on a WaitGroup the
// sender marks Done, a done channel it closes as it returns; or a
// protocol: a flag set under the senders' mutex before the request, a
// stop acknowledged). Only the sender may close: the closer cannot
// know that the sender is not about to send, and that send panics.
//
// Judged on the close as written and as every synchronous caller sees
// it: a caller that joins the senders before calling the closing
// helper orders it too (a shutdown that waits, then calls closeOut).
// A close in a sync.Once's Do literal (an idempotent Close) is judged
// as its function's, when nothing in that function before the Do, nor
// in the literal before the close, may wait, receive or lock. A close
// under a lock, deferred, in another function literal (t.Cleanup, a
// callback: other code decides when it runs), of a field the closer
// stores again afterwards, or of an object made here and not yet
// shared, is left alone; so are senders that the closing function
// starts itself (reportSpawnerCloses judges those), senders that also
// receive from or close the channel, senders a test starts against a
// close in the package's code (harness), and sends by goroutines the
// model sees no go statement for.
func reportShutdownCloses(pass *analysis.Pass, m *chanmodel.Model, sm *syncmodel.Model, pr *protocols,
	closers map[token.Pos][]unit, sends map[chanmodel.ChanID][]unit, reported map[token.Pos]bool) {
	for _, f := range m.Funcs {
		if f.Truncated {
			continue
		}
		// A literal runs where other code decides (t.Cleanup, a
		// callback), except one a sync.Once's Do runs in place in its
		// function (an idempotent Close): judged there, when nothing
		// before the Do may wait, receive or lock.
		var do ssa.Instruction
		if f.Fn.Parent() != nil {
			if do = pr.index().onceDo(f.Fn); do == nil || f.Fn.Parent().Parent() != nil || flow.AnyBefore(do, mayJoin) {
				continue
			}
		}
		for i := range f.Ops {
			c := &f.Ops[i]
			if c.Kind != chanmodel.Close || !c.Direct() || c.Unit != 0 || c.Deferred || !c.Pos.IsValid() ||
				c.Locked || c.RecvBefore || c.Replaced || c.Chan.Kind != chanmodel.KindField ||
				c.Chan.Field.Pkg() != pass.Pkg || reported[c.Pos] {
				continue
			}
			// A caller that also sends on the channel (through the
			// component's Publish) orders its own sends, not those of
			// the goroutines the component started (a retry handed
			// back to the input): those are judged below.
			if sendsIn(f, 0, c.Chan) || receivingCloser(m, c.Pos) {
				continue
			}
			if do != nil {
				// The model names the literal's captured component
				// apart from its function's receiver: a wait in the
				// literal before the close is not matched with the
				// senders' Dones, so it keeps the close silent.
				if pf := m.Func(do.Parent()); pf == nil || pf.Truncated || sendsIn(pf, 0, c.Chan) || unitRecv(unit{pf, 0}, c.Chan) || flow.AnyBefore(c.Instr, mayJoin) {
					continue
				}
			}
			if c.Base != nil && chanmodel.Unshared(c.Base, c.Instr) {
				continue
			}
			s := unorderedSender(m, sm, f, c, sendersOfObject(m, f, c, sends)[c.Chan], closers[c.Pos])
			if s == nil || pr.requested(f, c) {
				continue
			}
			reported[c.Pos] = true
			reportShutdown(pass, m, f, c, s)
		}
	}
}

// unorderedSender returns a send on c's channel by a goroutine that a
// go statement of the package starts, outside c's function, when the
// close c of f is not ordered after it, neither where it is written
// nor in any synchronous caller's view of it (views).
func unorderedSender(m *chanmodel.Model, sm *syncmodel.Model, f *chanmodel.Func, c *chanmodel.Op, senders, views []unit) *chanmodel.Op {
	for _, su := range senders {
		if su.u == 0 || su.f == f || runs(su, c.Pos) || unitRecv(su, c.Chan) || unitDoes(su, chanmodel.Close, c.Chan) ||
			awaitsDone(f, c, su) || harness(f, su) {
			continue
		}
		for i := range su.f.Ops {
			s := &su.f.Ops[i]
			if s.Kind != chanmodel.Send || s.Unit != su.u || s.Chan != c.Chan || !componentInstance(m, su.f, s) {
				continue
			}
			if !orderedInSomeView(sm, f, c, views, su.f, s) {
				return s
			}
		}
	}
	return nil
}

// harness reports whether the sender su is a goroutine a test starts
// on parts it builds by hand, judged against a close in the package's
// own code: the shutdown protocol orders the component's goroutines,
// and a test's harness (a worker run on a producer the test made and
// never shuts down) is not one of them. A test's own close is still
// judged against its own goroutines.
func harness(f *chanmodel.Func, su unit) bool {
	return flow.InTestFile(su.f.Fn) && !flow.InTestFile(f.Fn)
}

// componentInstance reports whether the send s of f acts on the channel
// field of an object that the closer may reach: one its goroutine was
// handed (the component whose method started it), or one the function
// made and handed on to its caller (a constructor that returns the
// component). An object the function makes and keeps (a server
// stream's sendc, made beside the client stream whose sendc the
// client's CloseSend closes) is another instance; one the model cannot
// name may be, and the rule stays silent on both.
func componentInstance(m *chanmodel.Model, f *chanmodel.Func, s *chanmodel.Op) bool {
	switch m.InstanceIn(f, s) {
	case chanmodel.InstanceOuter, chanmodel.InstanceHanded:
		return true
	}
	return false
}

// orderedInSomeView reports whether the close c of f, or a view of it
// by a synchronous caller (unit 0, through calls), runs only after
// every run of the send s of sf.
func orderedInSomeView(sm *syncmodel.Model, f *chanmodel.Func, c *chanmodel.Op, views []unit, sf *chanmodel.Func, s *chanmodel.Op) bool {
	if sm.OrderedAfter(f, c, sf, s) {
		return true
	}
	for _, v := range views {
		if v.u != 0 || v.f == f {
			continue
		}
		for i := range v.f.Ops {
			vc := &v.f.Ops[i]
			if vc.Kind == chanmodel.Close && vc.Unit == 0 && vc.Pos == c.Pos && !vc.Direct() && sm.OrderedAfter(v.f, vc, sf, s) {
				return true
			}
		}
	}
	return false
}

func reportShutdown(pass *analysis.Pass, m *chanmodel.Model, f *chanmodel.Func, c, s *chanmodel.Op) {
	name := chanName(c)
	closer, sender := m.Goroutine(pass.Fset, f, c), m.OpGoroutine(pass.Fset, s)
	var tr finding.Trace
	d := analysis.Diagnostic{Pos: c.Pos, Message: name + " closed while another goroutine may still send on it"}
	for _, p := range m.Starts(pass.Fset, s) {
		tr.Step(p)
		p.Message = "the sender is started here"
		tr.Related(&d, p)
	}
	tr.Step(finding.Place{Pos: c.Pos, Message: "closed with nothing ordering the sends before it", Goroutine: closer, Op: finding.OpClose})
	sp := opPos(m, s)
	tr.Related(&d, finding.Place{Pos: sp, Message: "send here", Goroutine: sender, Op: finding.OpSend})
	tr.Step(finding.Place{Pos: sp, Message: "a send after the close panics", Goroutine: sender, Op: finding.OpPanic, Blocks: true})
	tr.Report(pass, d)
}

// awaitsDone reports whether f's goroutine may, before the close c,
// receive from a channel that the sender su closes: a done signal of
// the sender itself. Received on every path, OrderedAfter proves the
// order; received in a loop over the components (one done channel per
// shard), the model cannot count that every sender was waited for, and
// we stay silent rather than guess.
func awaitsDone(f *chanmodel.Func, c *chanmodel.Op, su unit) bool {
	for i := range f.Ops {
		r := &f.Ops[i]
		if r.Kind == chanmodel.Recv && r.Unit == 0 && r.Chan.Kind != 0 && r.Chan != c.Chan &&
			flow.Reaches(r.Instr, c.Instr, nil) && unitDoes(su, chanmodel.Close, r.Chan) {
			return true
		}
	}
	return false
}

// mayJoin reports whether in may wait for another goroutine or take a
// lock: a receive, a select, a call of package sync (Wait, Lock) or of
// a function of the package (which may do either). A call of a function
// value (a cancel) only signals.
func mayJoin(in ssa.Instruction) bool {
	switch x := in.(type) {
	case *ssa.UnOp:
		return x.Op == token.ARROW
	case *ssa.Select:
		return true
	case ssa.CallInstruction:
		fn := flow.CalleeFunc(x.Common())
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		return fn.Pkg().Path() == "sync" || in.Parent().Pkg != nil && fn.Pkg() == in.Parent().Pkg.Pkg
	}
	return false
}
