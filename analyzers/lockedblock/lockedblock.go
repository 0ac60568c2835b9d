package lockedblock

import (
	_ "embed"
	"go/constant"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

//go:embed doc.go
var doc string

// Analyzer reports a channel operation that waits while holding a lock
// its counterparts need.
var Analyzer = &analysis.Analyzer{
	Name:     "lockedblock",
	Doc:      analysisutil.MustExtractDoc(doc, "lockedblock"),
	Requires: []*analysis.Analyzer{chanmodel.Analyzer, lockset.Analyzer, syncmodel.Analyzer, analysisutil.ModeAnalyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	if analysisutil.FactsOnly(pass) {
		return nil, nil
	}
	m := pass.ResultOf[chanmodel.Analyzer].(*chanmodel.Model)
	ls := pass.ResultOf[lockset.Analyzer].(*lockset.Result)
	reported := make(map[*chanmodel.Op]bool)
	for _, f := range m.Funcs {
		for i := range f.Ops {
			x := &f.Ops[i]
			if x.Via != nil || x.Unit != 0 || x.Select || x.Deferred || !x.Pos.IsValid() ||
				(x.Kind != chanmodel.Send && x.Kind != chanmodel.Recv) || reported[x] {
				continue
			}
			held := heldOn(ls, f.Fn, x)
			if len(held) == 0 || m.Escapes(x.Chan) || !unbuffered(m, x.Chan) {
				continue
			}
			lock, ok := allNeed(m, ls, x, held)
			if !ok {
				continue
			}
			reported[x] = true
			what := "send on"
			if x.Kind == chanmodel.Recv {
				what = "receive from"
			}
			name := x.Expr
			if name == "" {
				name = "the channel"
			}
			others := "every receive or close of it"
			if x.Kind == chanmodel.Recv {
				others = "every send on or close of it"
			}
			tr := partners(pass, m, f, x, lock)
			tr.Report(pass, analysis.Diagnostic{
				Pos:     x.Pos,
				Message: what + " " + name + " while holding " + lock + ", which " + others + " needs: the two goroutines block each other forever",
			})
		}
	}
	protocol(pass, pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model), reported)
	return nil, nil
}

// partners is the story of x, of f, blocked holding lock: x and the
// operations that could complete it, each in a goroutine that must
// first take lock, so it blocks before getting there.
func partners(pass *analysis.Pass, m *chanmodel.Model, f *chanmodel.Func, x *chanmodel.Op, lock string) *finding.Trace {
	var tr finding.Trace
	tr.Step(finding.Place{Pos: x.Pos, Goroutine: m.Goroutine(pass.Fset, f, x), Op: chanmodel.StepOp(x), Blocks: true})
	shown := 0
	for _, r := range m.OpsOn(x.Chan) {
		op := r.Op
		if op.Via != nil || op.Unit != 0 || !op.Pos.IsValid() || op.Kind == x.Kind || op.Kind == chanmodel.Assign || shown == 3 {
			continue
		}
		shown++
		tr.Step(finding.Place{Pos: op.Pos, Message: "needs " + lock + " to get here, so it blocks on its Lock first",
			Goroutine: m.Goroutine(pass.Fset, r.F, op), Op: chanmodel.StepOp(op), Blocks: true})
	}
	return &tr
}

// heldOn returns the classes of the mutexes certainly held at op in fn
// that belong to the same value as op's channel (or are package
// variables), with their names.
func heldOn(ls *lockset.Result, fn *ssa.Function, op *chanmodel.Op) map[lockset.Class]string {
	lf := ls.Funcs[fn]
	if lf == nil {
		return nil
	}
	var out map[lockset.Class]string
	for k, l := range lf.HeldBefore(op.Instr) {
		if l.Entry {
			continue // assumed held because fn unlocks it first
		}
		cls, _, ok := lockset.ClassOf(k)
		if !ok {
			continue
		}
		if k.Global == "" && (op.Chan.Kind != chanmodel.KindField || op.Base == nil || k.Root != op.Base) {
			continue // another value's lock, or one we cannot tie to the channel's
		}
		if out == nil {
			out = make(map[lockset.Class]string)
		}
		// Two held locks of one class: name the same one every run,
		// whatever the order of the held set.
		if name, ok := out[cls]; !ok || lockset.Describe(k) < name {
			out[cls] = lockset.Describe(k)
		}
	}
	return out
}

// completers returns the direct operations that can complete x (a
// receive or close for a send, a send or close for a receive); false
// if one of them lies in a callee the model does not see. With params,
// an operation of a callee on its channel parameter is listed in the
// form of the call or go statement that passes x's channel (Via set;
// see paramPartner); without, it makes the answer false.
func completers(m *chanmodel.Model, x *chanmodel.Op, params bool) ([]chanmodel.OpRef, bool) {
	var out []chanmodel.OpRef
	for _, r := range m.OpsOn(x.Chan) {
		op := r.Op
		switch {
		case op.Kind == chanmodel.Close,
			x.Kind == chanmodel.Send && op.Kind == chanmodel.Recv,
			x.Kind == chanmodel.Recv && op.Kind == chanmodel.Send:
		default:
			continue
		}
		if op.Via != nil || op.Unit != 0 {
			// Seen again as the direct operation of the function that
			// performs it, if that function is in the model.
			callee := op.Via
			if callee == nil {
				return nil, false // go close(ch): a goroutine of a builtin, not weighed
			}
			callee = flow.Origin(callee)
			if m.Func(callee) == nil || !op.Pos.IsValid() {
				return nil, false
			}
			if !directOn(m, op) {
				if !params {
					return nil, false
				}
				out = append(out, r)
			}
			continue
		}
		out = append(out, r)
	}
	return out, true
}

// directOn reports whether the operation a call leads to (op, with
// Via set) is seen as a direct operation on the same channel in the
// function that performs it; one on a channel parameter is not, and
// its lock is not weighed.
func directOn(m *chanmodel.Model, op *chanmodel.Op) bool {
	found := false
	for _, f := range m.Funcs {
		for i := range f.Ops {
			d := &f.Ops[i]
			if d.Via != nil || d.Pos != op.Pos || d.Kind != op.Kind {
				continue
			}
			if d.Chan != op.Chan {
				return false
			}
			found = true
		}
	}
	return found
}

// allNeed reports whether every operation that can complete x (a
// receive or close for a send, a send or close for a receive) holds one
// of the locks held at x, and there is at least one; it returns the
// name of such a lock.
func allNeed(m *chanmodel.Model, ls *lockset.Result, x *chanmodel.Op, held map[lockset.Class]string) (string, bool) {
	rs, ok := completers(m, x, false)
	if !ok {
		return "", false
	}
	lock := ""
	for _, r := range rs {
		common := ""
		for cls := range heldOn(ls, r.F.Fn, r.Op) {
			if name, ok := held[cls]; ok && (common == "" || name < common) {
				common = name
			}
		}
		if common == "" {
			return "", false
		}
		if lock == "" || common < lock {
			lock = common
		}
	}
	return lock, len(rs) > 0
}

// unbuffered reports whether every channel the id can denote is made
// without a buffer in this package.
func unbuffered(m *chanmodel.Model, id chanmodel.ChanID) bool {
	switch id.Kind {
	case chanmodel.KindMake:
		n, ok := chanmodel.Cap(id)
		return ok && n == 0
	case chanmodel.KindField:
	default:
		return false
	}
	stores := 0
	for _, f := range m.Funcs {
		for i := range f.Ops {
			op := &f.Ops[i]
			if op.Kind != chanmodel.Assign || op.Chan != id || op.Via != nil {
				continue
			}
			st, ok := op.Instr.(*ssa.Store)
			if !ok {
				return false
			}
			if c, ok := st.Val.(*ssa.Const); ok && c.IsNil() {
				continue // clearing the field makes no channel
			}
			mc, ok := st.Val.(*ssa.MakeChan)
			if !ok {
				return false
			}
			if c, ok := mc.Size.(*ssa.Const); !ok || c.Value == nil || constant.Sign(c.Value) != 0 {
				return false
			}
			stores++
		}
	}
	return stores > 0
}
