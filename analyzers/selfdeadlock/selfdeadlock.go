package selfdeadlock

import (
	_ "embed"
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "selfdeadlock",
	Doc:      analysisutil.MustExtractDoc(doc, "selfdeadlock"),
	Requires: []*analysis.Analyzer{chanmodel.Analyzer, syncmodel.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.ResultOf[chanmodel.Analyzer].(*chanmodel.Model)
	c := &checker{pass: pass, m: m, sm: pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model), reported: make(map[token.Pos]bool)}
	for _, f := range m.Funcs {
		if f.Truncated {
			continue
		}
		c.checkPrivate(f)
		c.checkCycles(f)
		c.checkPipelines(f)
		c.checkWaitGroups(f)
		c.checkFilledBeforeCall(f)
		c.checkOverfilled(f)
		c.checkOwnClose(f)
		c.checkTimerDrains(f)
	}
	c.checkDead(goStarted(m))
	c.checkUnsignalledConds()
	c.checkUndoneWaitGroups()
	return nil, nil
}

type checker struct {
	pass     *analysis.Pass
	m        *chanmodel.Model
	sm       *syncmodel.Model
	reported map[token.Pos]bool
}

func (c *checker) report(category string, pos token.Pos, tr *finding.Trace, rel []analysis.RelatedInformation, msg string) {
	if !pos.IsValid() || c.reported[pos] {
		return
	}
	c.reported[pos] = true
	tr.Report(c.pass, analysis.Diagnostic{Pos: pos, Category: category, Message: msg, Related: rel})
}

// checkPrivate reports blocking operations on channels made by f that
// no other goroutine ever uses: f's unit 0 is alone with them.
func (c *checker) checkPrivate(f *chanmodel.Func) {
	done := make(map[*ssa.MakeChan]bool)
	for i := range f.Ops {
		op := &f.Ops[i]
		if op.Chan.Kind != chanmodel.KindMake || op.Chan.Make.Parent() != f.Fn || done[op.Chan.Make] {
			continue
		}
		done[op.Chan.Make] = true
		late, ok := c.privateUntil(f, op.Chan)
		if !ok {
			continue
		}
		var sends, closes int
		for _, r := range c.m.OpsOn(op.Chan) {
			switch r.Op.Kind {
			case chanmodel.Send:
				if r.F == f && r.Op.Unit == 0 {
					sends++
				}
			case chanmodel.Close:
				closes++
			}
		}
		size, known := chanmodel.Cap(op.Chan)
		type cand struct {
			op  *chanmodel.Op
			msg string
			rel *chanmodel.Op // the receive that comes too late, if any
		}
		var cands []cand
		for j := range f.Ops {
			o := &f.Ops[j]
			if o.Chan != op.Chan || o.Select || o.Unit != 0 || o.Deferred || strings.HasPrefix(o.Expr, "make(") || parks(o) {
				continue // <-make(chan T) blocks forever on purpose
			}
			// A close ends receives. It does not help a send: only a
			// receive does, and f's goroutine is alone with the
			// channel; but a send that a close may precede panics,
			// which is sendafterclose's report.
			if closes > 0 && (o.Kind != chanmodel.Send || closedBefore(f, o)) {
				continue
			}
			name := o.Expr
			if name == "" {
				name = "the channel"
			}
			// A test runs a helper on inputs it fixes: a send the helper
			// makes on some paths only (an event it decoded, an error)
			// may be one those inputs never reach, and a test that
			// reached it would hang instead of passing.
			if !o.Direct() && !o.CalleeMust && flow.InTestFile(f.Fn) {
				continue
			}
			// Goroutines that use the channel but start only after o
			// cannot make it ready.
			if startsBefore(late, o) {
				continue
			}
			// The goroutines that would make o ready start after it.
			after := o.Kind == chanmodel.Send && lateDoes(late, chanmodel.Recv) ||
				o.Kind == chanmodel.Recv && lateDoes(late, chanmodel.Send)
			later := laterRecv(f, o)
			switch {
			case o.Kind == chanmodel.Send && known && size == 0 && after:
				cands = append(cands, cand{o, "send on unbuffered channel " + name + " blocks forever: the goroutine that receives from it starts only after the send", nil})
			case o.Kind == chanmodel.Send && known && size == 0:
				cands = append(cands, cand{o, "send on unbuffered channel " + name + " blocks forever: no other goroutine can receive from it", later})
			case o.Kind == chanmodel.Send && known && size > 0 && bufferFull(f, o, size) && after:
				cands = append(cands, cand{o, fmt.Sprintf("send on %s blocks forever: its buffer of %d is full and the goroutine that receives from it starts only after the send", name, size), nil})
			case o.Kind == chanmodel.Send && known && size > 0 && bufferFull(f, o, size):
				cands = append(cands, cand{o, fmt.Sprintf("send on %s blocks forever: its buffer of %d is full and no other goroutine can receive from it", name, size), nil})
			case o.Kind == chanmodel.Recv && o.NeedsClose && len(late) == 0:
				cands = append(cands, cand{o, "range over " + name + " never ends: it is never closed and no other goroutine uses it", nil})
			case o.Kind == chanmodel.Recv && (known && size == 0 || sends == 0) && after:
				cands = append(cands, cand{o, "receive from " + name + " blocks forever: the goroutine that sends on it starts only after the receive", nil})
			case o.Kind == chanmodel.Recv && (known && size == 0 || sends == 0) && len(late) == 0:
				cands = append(cands, cand{o, "receive from " + name + " blocks forever: no other goroutine can send on or close it", nil})
			}
		}
		// Report the first: what follows a blocked operation never runs.
		for _, x := range cands {
			first := true
			for _, y := range cands {
				if y.op.Instr != x.op.Instr && flow.Reaches(y.op.Instr, x.op.Instr, nil) {
					first = false
				}
			}
			if first {
				c.reportAt(x.op, x.msg, x.rel)
			}
		}
	}
}

// reportAt reports op at its site, with the operation itself as
// related information when it lies in a called function.
func (c *checker) reportAt(op *chanmodel.Op, msg string, later *chanmodel.Op) {
	site := c.m.Site(op)
	var tr finding.Trace
	g := c.m.OpGoroutine(c.pass.Fset, op)
	var rel []analysis.RelatedInformation
	if !op.Direct() && op.Pos.IsValid() {
		rel = append(rel, analysis.RelatedInformation{Pos: op.Pos, Message: "blocks here, in " + c.m.Callee(op)})
		tr.Step(finding.Place{Pos: site, Goroutine: g, Op: finding.OpCall})
		tr.Step(finding.Place{Pos: op.Pos, Message: rel[0].Message, Goroutine: g, Op: chanmodel.StepOp(op), Blocks: true})
	} else {
		tr.Step(finding.Place{Pos: site, Goroutine: g, Op: chanmodel.StepOp(op), Blocks: true})
	}
	if later != nil {
		pos := later.Pos
		if !later.Direct() || !pos.IsValid() {
			pos = c.m.Site(later)
		}
		rel = append(rel, analysis.RelatedInformation{Pos: pos, Message: "the only receive, reached only after the send"})
		tr.Step(finding.Place{Pos: pos, Message: "the only receive, reached only after the send", Goroutine: g, Op: chanmodel.StepOp(later)})
	}
	c.report("unready", site, &tr, rel, msg)
}

// closedBefore reports whether a close of o's channel by f may run
// before o.
func closedBefore(f *chanmodel.Func, o *chanmodel.Op) bool {
	for i := range f.Ops {
		x := &f.Ops[i]
		if x.Kind == chanmodel.Close && x.Chan == o.Chan && !x.Deferred && flow.Reaches(x.Instr, o.Instr, nil) {
			return true
		}
	}
	return false
}

// laterRecv returns a receive of f's own goroutine on o's channel
// that runs after o, when every receive on it in f does: the receive
// the send waits for is behind it.
func laterRecv(f *chanmodel.Func, o *chanmodel.Op) *chanmodel.Op {
	var later *chanmodel.Op
	for i := range f.Ops {
		x := &f.Ops[i]
		if x.Kind != chanmodel.Recv || x.Chan != o.Chan {
			continue
		}
		if x.Unit != 0 || x.Instr == o.Instr || flow.Reaches(x.Instr, o.Instr, nil) || !flow.Reaches(o.Instr, x.Instr, nil) {
			return nil
		}
		if later == nil {
			later = x
		}
	}
	return later
}

// private reports whether the channel id, made by f, is used by f's
// own goroutine only: it does not escape, and every operation on it
// is one of f's unit-0 operations (closures count when f calls them).
func (c *checker) private(f *chanmodel.Func, id chanmodel.ChanID) bool {
	if c.m.Escapes(id) {
		return false
	}
	for _, r := range c.m.OpsOn(id) {
		if r.F == f {
			if r.Op.Unit != 0 {
				return false
			}
			continue
		}
		if !alsoIn(f, r.Op) {
			return false
		}
	}
	return true
}

// privateUntil reports whether every operation on the channel id,
// made by f, is f's own or that of a goroutine f starts, and returns
// the instructions of f that start those goroutines (go statements,
// calls of helpers that spawn): a goroutine started only after an
// operation of f cannot take part in it.
func (c *checker) privateUntil(f *chanmodel.Func, id chanmodel.ChanID) (map[ssa.Instruction]opKinds, bool) {
	if c.m.Escapes(id) {
		return nil, false
	}
	late := make(map[ssa.Instruction]opKinds)
	add := func(op *chanmodel.Op) {
		if op.Unit != 0 {
			late[op.Instr] |= 1 << op.Kind
		}
	}
	for _, r := range c.m.OpsOn(id) {
		if r.F == f {
			add(r.Op)
			continue
		}
		// A closure's own view: it must be one of f's operations.
		var mine *chanmodel.Op
		if r.Op.Pos.IsValid() {
			for i := range f.Ops {
				if o := &f.Ops[i]; o.Kind == r.Op.Kind && o.Pos == r.Op.Pos && o.Chan == r.Op.Chan {
					mine = o
					break
				}
			}
		}
		if mine == nil {
			return nil, false
		}
		add(mine)
	}
	return late, true
}

// opKinds is a set of chanmodel.OpKind, bit 1<<kind.
type opKinds uint8

// startsBefore reports whether one of the goroutine starts may run
// before o (or is o).
func startsBefore(starts map[ssa.Instruction]opKinds, o *chanmodel.Op) bool {
	for g := range starts {
		if g == o.Instr || flow.Reaches(g, o.Instr, nil) {
			return true
		}
	}
	return false
}

// lateDoes reports whether one of the goroutines started later does
// an operation of kind k.
func lateDoes(starts map[ssa.Instruction]opKinds, k chanmodel.OpKind) bool {
	for _, ks := range starts {
		if ks&(1<<k) != 0 {
			return true
		}
	}
	return false
}

// alsoIn reports whether op, of a closure nested in f, is one of f's
// unit-0 operations (f calls the closure).
func alsoIn(f *chanmodel.Func, op *chanmodel.Op) bool {
	if !op.Pos.IsValid() {
		return false
	}
	for i := range f.Ops {
		o := &f.Ops[i]
		if o.Kind == op.Kind && o.Pos == op.Pos && o.Chan == op.Chan && o.Unit == 0 {
			return true
		}
	}
	return false
}

// bufferFull reports whether the buffer of capacity size is certainly
// full when the direct send s runs: at least size other direct sends
// on the channel run before it on every path (they dominate it), and
// no receive on it can run before it.
func bufferFull(f *chanmodel.Func, s *chanmodel.Op, size int64) bool {
	if !s.Direct() {
		return false
	}
	var before int64
	for i := range f.Ops {
		o := &f.Ops[i]
		if o == s || o.Chan != s.Chan {
			continue
		}
		switch o.Kind {
		case chanmodel.Recv:
			if flow.Reaches(o.Instr, s.Instr, nil) {
				return false
			}
		case chanmodel.Send:
			if o.Direct() && !o.Select && flow.Dominates(o.Instr, s.Instr) {
				before++
			}
		}
	}
	return before >= size
}

// parks reports whether o is a receive from an unbuffered chan
// struct{} made only for it: the make's one use is this receive (c :=
// make(chan struct{});
// <-c), nothing could ever send on or close it, and the code blocks
// for good on purpose, as <-make(chan T) or select {} does (a test's
// command that must never return).
func parks(o *chanmodel.Op) bool {
	if o.Kind != chanmodel.Recv || !o.Direct() || o.Chan.Kind != chanmodel.KindMake || o.Chan.Make == nil {
		return false
	}
	mc := o.Chan.Make
	if n, ok := chanmodel.Cap(o.Chan); !ok || n != 0 {
		return false
	}
	// A channel of values was meant to carry some; an unbuffered
	// chan struct{} carries nothing but the wait.
	if ch, ok := mc.Type().Underlying().(*types.Chan); !ok || !isEmptyStruct(ch.Elem()) {
		return false
	}
	refs := mc.Referrers()
	return refs != nil && len(*refs) == 1 && (*refs)[0] == o.Instr
}

func isEmptyStruct(t types.Type) bool {
	st, ok := t.Underlying().(*types.Struct)
	return ok && st.NumFields() == 0
}
