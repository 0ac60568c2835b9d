package closebyreceiver

import (
	_ "embed"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "closebyreceiver",
	Doc:      analysisutil.MustExtractDoc(doc, "closebyreceiver"),
	Requires: []*analysis.Analyzer{chanmodel.Analyzer, lockset.Analyzer, syncmodel.Analyzer},
	Run:      run,
}

// A unit is one goroutine as seen from one function of the model.
type unit struct {
	f *chanmodel.Func
	u int
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.ResultOf[chanmodel.Analyzer].(*chanmodel.Model)

	// Every close, keyed by where the close is written, is seen in
	// every unit that runs it: its own function, callers, spawners.
	closers := make(map[token.Pos][]unit)
	sends := make(map[chanmodel.ChanID][]unit)
	for _, f := range m.Funcs {
		for i := range f.Ops {
			op := &f.Ops[i]
			switch op.Kind {
			case chanmodel.Close:
				if op.Pos.IsValid() {
					closers[op.Pos] = append(closers[op.Pos], unit{f, op.Unit})
				}
			case chanmodel.Send:
				sends[op.Chan] = append(sends[op.Chan], unit{f, op.Unit})
			}
		}
	}

	// Closes that answer a request made under a lock, judged where the
	// close is written, so that the callers and spawners that see it
	// as a call follow.
	pr := &protocols{m: m, sm: pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model), ls: pass.ResultOf[lockset.Analyzer].(*lockset.Result), pkg: pass.Pkg}
	requested := make(map[token.Pos]bool)
	for _, f := range m.Funcs {
		for i := range f.Ops {
			c := &f.Ops[i]
			if c.Kind != chanmodel.Close || !c.Direct() || !c.Pos.IsValid() || !c.RecvBefore {
				continue
			}
			if pr.requested(f, c) {
				requested[c.Pos] = true
			}
		}
	}

	reported := make(map[token.Pos]bool)
	for _, direct := range []bool{true, false} {
		for _, f := range m.Funcs {
			for i := range f.Ops {
				c := &f.Ops[i]
				if c.Kind != chanmodel.Close || c.Direct() != direct || !c.RecvBefore || c.Locked {
					continue
				}
				key := c.Pos
				if !key.IsValid() {
					key = m.Site(c)
				}
				if reported[key] || ownsAnywhere(closers[c.Pos], c.Pos) || sendsIn(f, c.Unit, c.Chan) {
					continue
				}
				if requested[c.Pos] {
					continue
				}
				if !c.Pos.IsValid() && foreign(c.Chan, pass.Pkg) {
					// The close is in another package, on a channel
					// of that package: the analysis of that package,
					// which sees the close itself, judges it. Its
					// callers would only repeat the finding, once per
					// call site.
					continue
				}
				if c.Chan.Kind == chanmodel.KindField && c.Base != nil && chanmodel.Unshared(c.Base, c.Instr) {
					// The object was made here and not yet handed to
					// anyone: none of its senders can run for it.
					continue
				}
				cs := sendersOfObject(m, f, c, sends)
				s := otherSender(cs[c.Chan], c.Chan, c.Pos)
				if s == nil || receivedEverySend(m, pass.Pkg, pr.index(), f, c, cs) ||
					orderedAfterSends(pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model), f, c, cs[c.Chan]) {
					continue
				}
				reported[key] = true
				report(pass, m, f, c, s)
			}
		}
	}
	reportReplies(pass, m, reported)
	reportSpawnerCloses(pass, m, pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model), reported)
	reportEarlyCloses(pass, m, pass.ResultOf[lockset.Analyzer].(*lockset.Result), reported)
	reportShutdownCloses(pass, m, pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model), pr, closers, sends, reported)
	return nil, nil
}

// protocols answers, for the direct closes of a package, whether a
// close is ordered after every send by a protocol of requests rather
// than by a join: a request made under the senders' lock, a
// stop/acknowledge exchange, a closer object signalled under the
// lock, a flag set under the senders' mutex before the request.
type protocols struct {
	m     *chanmodel.Model
	sm    *syncmodel.Model
	ls    *lockset.Result
	pkg   *types.Package
	idx   *callIndex
	flags *flagOrder
}

func (p *protocols) index() *callIndex {
	if p.idx == nil {
		p.idx = newCallIndex(p.ls)
	}
	return p.idx
}

// requested reports whether the direct close c of f answers a request
// that orders it after every send.
func (p *protocols) requested(f *chanmodel.Func, c *chanmodel.Op) bool {
	if requestedUnderLock(p.m, f, c) || p.m.Acknowledged(f, c) || closerRequested(p.m, p.ls, p.pkg, f, c) {
		return true
	}
	if p.flags == nil {
		p.flags = newFlagOrder(p.m, p.sm, p.ls, p.pkg, p.index())
	}
	return p.flags.ordered(f, c) || stopRequested(p.flags, f, c)
}

// orderedAfterSends reports whether the close c, of f, is ordered
// after every send of the senders, the goroutines that do not run it,
// by happens-before (syncmodel.OrderedAfter): a Wait on a WaitGroup
// they mark Done after sending, or a receive from a channel closed
// only after one (a done channel closed once the senders are waited
// for).
func orderedAfterSends(sm *syncmodel.Model, f *chanmodel.Func, c *chanmodel.Op, senders []unit) bool {
	any := false
	for _, su := range senders {
		if runs(su, c.Pos) {
			continue
		}
		for i := range su.f.Ops {
			s := &su.f.Ops[i]
			if s.Kind != chanmodel.Send || s.Unit != su.u || s.Chan != c.Chan {
				continue
			}
			if !sm.OrderedAfter(f, c, su.f, s) {
				return false
			}
			any = true
		}
	}
	return any
}

// requestedUnderLock reports whether the goroutine of the close c, of
// f, first receives from another channel a request whose every send
// may run under a mutex and is followed by a receive (the reply): the
// close then runs while the requester holds the lock, the lock under
// which the senders check that the channel is still open. A log's
// Close locks, sends on stopc and waits on donec; its run loop, on
// stopc, closes the work channel that writers send on under the lock.
func requestedUnderLock(m *chanmodel.Model, f *chanmodel.Func, c *chanmodel.Op) bool {
	for i := range f.Ops {
		req := &f.Ops[i]
		if req.Kind != chanmodel.Recv || req.Unit != c.Unit || req.Chan.Kind == 0 || req.Chan == c.Chan ||
			!flow.Reaches(req.Instr, c.Instr, nil) {
			continue
		}
		sends := 0
		for _, r := range m.OpsOn(req.Chan) {
			if r.Op.Kind != chanmodel.Send {
				continue
			}
			if !r.Op.Direct() && r.Op.Pos.IsValid() {
				continue // a caller's view of a send judged where it is written
			}
			if !r.Op.Direct() || !r.Op.Locked || !awaitsReply(r) {
				sends = -1
				break
			}
			sends++
		}
		if sends > 0 {
			return true
		}
	}
	return false
}

// awaitsReply reports whether the goroutine of the send r receives
// from some channel after it.
func awaitsReply(r chanmodel.OpRef) bool {
	for i := range r.F.Ops {
		o := &r.F.Ops[i]
		if o.Kind == chanmodel.Recv && o.Unit == r.Op.Unit && o.Instr != r.Op.Instr && flow.Reaches(r.Op.Instr, o.Instr, nil) {
			return true
		}
	}
	return false
}

// foreign reports whether ch is a field of a type, or a variable, of
// another package than pkg.
func foreign(ch chanmodel.ChanID, pkg *types.Package) bool {
	switch ch.Kind {
	case chanmodel.KindField:
		return ch.Field.Pkg() != pkg
	case chanmodel.KindGlobal:
		return ch.Global.Pkg.Pkg != pkg
	}
	return false
}

// sendsIn reports whether unit u of f sends on ch.
func sendsIn(f *chanmodel.Func, u int, ch chanmodel.ChanID) bool {
	return unitDoes(unit{f, u}, chanmodel.Send, ch)
}

// ownsAnywhere reports whether some goroutine that runs the close at
// pos also sends on the channel it closes there: it is a sender, and
// the sender closing is the rule, not the bug.
func ownsAnywhere(units []unit, pos token.Pos) bool {
	for _, cu := range units {
		for i := range cu.f.Ops {
			op := &cu.f.Ops[i]
			if op.Kind == chanmodel.Close && op.Pos == pos && op.Unit == cu.u && sendsIn(cu.f, cu.u, op.Chan) {
				return true
			}
		}
	}
	return false
}

// sendersOfObject returns sends with the units left out whose every
// send on c's channel acts on another object than c, of f
// (chanmodel.OtherObjects: each test's own mock).
func sendersOfObject(m *chanmodel.Model, f *chanmodel.Func, c *chanmodel.Op, sends map[chanmodel.ChanID][]unit) map[chanmodel.ChanID][]unit {
	all := sends[c.Chan]
	var kept []unit
	for _, su := range all {
		other := true
		for i := range su.f.Ops {
			op := &su.f.Ops[i]
			if op.Kind == chanmodel.Send && op.Unit == su.u && op.Chan == c.Chan && !m.OtherObjects(f, c, su.f, op) {
				other = false
				break
			}
		}
		if !other {
			kept = append(kept, su)
		}
	}
	if len(kept) == len(all) {
		return sends
	}
	out := make(map[chanmodel.ChanID][]unit, len(sends))
	for k, v := range sends {
		out[k] = v
	}
	out[c.Chan] = kept
	return out
}

// otherSender returns a send on the channel in a goroutine that does
// not run the close at pos.
func otherSender(senders []unit, ch chanmodel.ChanID, pos token.Pos) *chanmodel.Op {
	for _, su := range senders {
		if runs(su, pos) || unitRecv(su, ch) {
			continue
		}
		// A function literal's own body, as a unit of its own, is
		// where its sends are seen when it is handed to code we cannot
		// see (a callback): nothing says when, or whether, it runs
		// again. Literals called or started here are seen in their
		// parent's units.
		if su.u == 0 && su.f.Fn.Parent() != nil {
			continue
		}
		for i := range su.f.Ops {
			op := &su.f.Ops[i]
			if op.Kind == chanmodel.Send && op.Unit == su.u && op.Chan == ch {
				return op
			}
		}
	}
	return nil
}

// unitRecv reports whether unit su receives from ch. A sender that
// also receives (a handshake: send a request, wait for the close as
// the answer) makes the close a reply, not a hazard we can prove.
func unitRecv(su unit, ch chanmodel.ChanID) bool {
	return unitDoes(su, chanmodel.Recv, ch)
}

// runs reports whether unit su runs the close at pos.
func runs(su unit, pos token.Pos) bool {
	for i := range su.f.Ops {
		op := &su.f.Ops[i]
		if op.Kind == chanmodel.Close && op.Unit == su.u && op.Pos == pos {
			return true
		}
	}
	return false
}

func report(pass *analysis.Pass, m *chanmodel.Model, f *chanmodel.Func, c, s *chanmodel.Op) {
	name := c.Expr
	if name == "" {
		name = "channel"
	}
	var tr finding.Trace
	for _, p := range m.Starts(pass.Fset, c) {
		tr.Step(p)
	}
	for _, p := range m.Starts(pass.Fset, s) {
		tr.Step(p)
	}
	closer, sender := m.Goroutine(pass.Fset, f, c), m.OpGoroutine(pass.Fset, s)
	d := analysis.Diagnostic{Pos: c.Pos}
	if c.Direct() || (c.Unit != 0 && c.Pos.IsValid()) {
		d.Message = name + " closed by its receiver while another goroutine sends on it"
		tr.Step(finding.Place{Pos: d.Pos, Goroutine: closer, Op: finding.OpClose})
	} else if receivingCloser(m, c.Pos) {
		// The helper receives and closes itself: the close is where
		// the receiver's mistake is written; the call says which
		// senders it races with.
		d.Message = name + " closed by its receiver while another goroutine sends on it"
		tr.Step(finding.Place{Pos: m.Site(c), Goroutine: closer, Op: finding.OpCall})
		tr.Related(&d, finding.Place{Pos: m.Site(c), Message: "called here, while the senders run", Goroutine: closer, Op: finding.OpCall})
		tr.Step(finding.Place{Pos: d.Pos, Goroutine: closer, Op: finding.OpClose})
	} else {
		d.Pos = m.Site(c)
		d.Message = "call to " + m.Callee(c) + " closes " + name + " from its receiver while another goroutine sends on it"
		tr.Step(finding.Place{Pos: d.Pos, Goroutine: closer, Op: finding.OpCall})
		if c.Pos.IsValid() {
			tr.Related(&d, finding.Place{Pos: c.Pos, Message: "closed here", Goroutine: closer, Op: finding.OpClose})
		}
	}
	sp := s.Pos
	if !sp.IsValid() {
		sp = m.Site(s)
	}
	tr.Related(&d, finding.Place{Pos: sp, Message: "send here", Goroutine: sender, Op: finding.OpSend})
	tr.Step(finding.Place{Pos: sp, Message: "a send after the close panics", Goroutine: sender, Op: finding.OpPanic, Blocks: true})
	tr.Report(pass, d)
}
