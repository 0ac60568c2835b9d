package chanmodel

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// This file answers "can the function still terminate if this
// operation never completes?" for the goroutine analyzers. A function
// terminates by a return, an explicit panic, or a call that ends the
// goroutine or the process (os.Exit, runtime.Goexit, log.Fatal, a
// helper that always calls t.Fatal, ...: flow.Ends). It does not
// terminate past a call that never ends (flow.Hangs: a function, of
// this package or another, that itself cannot terminate), nor past the
// panic SSA inserts after a blocking select that matched no case.

// edge is a CFG edge: successor number succ of block from.
type edge struct {
	from *ssa.BasicBlock
	succ int
}

// flowState caches, per function, what terminates.
type flowState struct {
	fn *ssa.Function
	b  *builder
	// cuts are edges never taken (TerminatesWithout), besides the
	// one a query names.
	cuts map[edge]bool
}

// canTerminate reports whether fn can terminate along some path from
// its entry that does not execute skip (nil: none) and does not take
// the edge cut (zero: none).
func (fs *flowState) canTerminate(skip ssa.Instruction, cut edge) bool {
	fn := fs.fn
	if len(fn.Blocks) == 0 {
		return true
	}
	return fs.terminatesFrom(fn.Blocks[0], skip, cut)
}

func (fs *flowState) terminatesFrom(start *ssa.BasicBlock, skip ssa.Instruction, cut edge) bool {
	// The search asks each block it reaches whether it ends before
	// going on past it, and goes no further once one does.
	ends := false
	search := flow.Search{Next: func(blk *ssa.BasicBlock) []*ssa.BasicBlock {
		if ends = ends || fs.blockEnds(blk, skip); ends || fs.blockStops(blk, skip) {
			return nil
		}
		var next []*ssa.BasicBlock
		for i, s := range blk.Succs {
			if cut.from == blk && cut.succ == i || fs.cuts[edge{blk, i}] || flow.DeadEdge(blk, i) {
				continue
			}
			next = append(next, s)
		}
		return next
	}}
	search.Reach(start)
	return ends
}

// blockEnds reports whether running blk (up to skip) terminates.
func (fs *flowState) blockEnds(blk *ssa.BasicBlock, skip ssa.Instruction) bool {
	for i, in := range blk.Instrs {
		if in == skip {
			return false
		}
		switch in := in.(type) {
		case *ssa.Return:
			return true
		case *ssa.Panic:
			return fs.realPanic(blk, i, in)
		case *ssa.Call:
			switch fs.b.ends.CallEnd(in) {
			case flow.Returns:
			case flow.Hangs:
				return false
			default:
				return true
			}
		}
	}
	return false
}

// blockStops reports whether control cannot leave blk (up to skip).
func (fs *flowState) blockStops(blk *ssa.BasicBlock, skip ssa.Instruction) bool {
	for _, in := range blk.Instrs {
		if in == skip {
			return true
		}
		if c, ok := in.(*ssa.Call); ok && fs.hangs(c) {
			return true
		}
	}
	return false
}

// realPanic reports whether the panic at blk.Instrs[i] can end the
// goroutine: not the one SSA adds after a blocking select, nor the one
// after a call to a function of the package that never terminates.
func (fs *flowState) realPanic(blk *ssa.BasicBlock, i int, p *ssa.Panic) bool {
	mi, ok := p.X.(*ssa.MakeInterface)
	if !ok {
		return true
	}
	c, ok := mi.X.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return true
	}
	switch constant.StringVal(c.Value) {
	case "blocking select matched no case":
		return false
	case "noreturn":
		if i > 0 {
			if call, ok := blk.Instrs[i-1].(*ssa.Call); ok && fs.hangs(call) {
				return false
			}
		}
	}
	return true
}

// hangs reports whether the call cannot terminate.
func (fs *flowState) hangs(c *ssa.Call) bool { return fs.b.ends.CallEnd(c) == flow.Hangs }

// caseEdge returns the edge into the body of case number state of the
// select sel (the If that compares the select's index with state).
func caseEdge(sel *ssa.Select, state int) (edge, bool) {
	refs := sel.Referrers()
	if refs == nil {
		return edge{}, false
	}
	for _, r := range *refs {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 0 || ex.Referrers() == nil {
			continue
		}
		for _, r2 := range *ex.Referrers() {
			bin, ok := r2.(*ssa.BinOp)
			if !ok || bin.Op != token.EQL {
				continue
			}
			k, ok := bin.Y.(*ssa.Const)
			if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
				continue
			}
			if n, exact := constant.Int64Val(k.Value); !exact || n != int64(state) {
				continue
			}
			if bin.Referrers() == nil {
				continue
			}
			for _, r3 := range *bin.Referrers() {
				if iff, ok := r3.(*ssa.If); ok {
					return edge{iff.Block(), 0}, true
				}
			}
		}
	}
	return edge{}, false
}

// closedEdge returns, for a receive v, ok := <-ch whose ok decides an
// if (as in range ch), the edge taken once ch is closed.
func closedEdge(recv *ssa.UnOp) (edge, bool) {
	if !recv.CommaOk {
		return edge{}, false
	}
	es := ClosedEdges(recv, nil)
	if len(es) == 0 {
		return edge{}, false
	}
	return edge{es[0].Block, es[0].Succ}, true
}

// ClosedEdges returns the edges an if on the ok result of the receive
// recv (v, ok := <-ch, range ch, a select's receive case) takes when
// ok is false: the channel was closed and no message came. For a
// select, whose ok belongs to whichever case was chosen, only the ifs
// in the body of the case (dominated by body) count.
func ClosedEdges(recv ssa.Value, body *ssa.BasicBlock) []Edge {
	var out []Edge
	refs := recv.Referrers()
	if refs == nil {
		return nil
	}
	for _, r := range *refs {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 1 || ex.Referrers() == nil {
			continue
		}
		for _, r2 := range *ex.Referrers() {
			if iff, ok := r2.(*ssa.If); ok && iff.Cond == ex && (body == nil || body.Dominates(iff.Block())) {
				out = append(out, Edge{Block: iff.Block(), Succ: 1})
			}
		}
	}
	return out
}

// selectState returns the index of the select case at pos.
func selectState(sel *ssa.Select, pos token.Pos) int {
	for i, s := range sel.States {
		if s.Pos == pos {
			return i
		}
	}
	return -1
}

// flowFlags sets Avoid and NeedsClose on the operations of f, and
// f.NoReturn. It runs once f's operations are known.
func (b *builder) flowFlags(f *Func) {
	fs := &flowState{fn: f.Fn, b: b}
	if b.ends.Of(f.Fn).End == flow.Hangs {
		f.NoReturn = true
		for i := range f.Ops {
			if f.Ops[i].Unit == 0 {
				f.Ops[i].Avoid, f.Ops[i].NeedsClose = true, false
			}
		}
		return
	}
	avoid := make(map[ssa.Instruction]bool)
	avoidable := func(in ssa.Instruction) bool {
		v, ok := avoid[in]
		if !ok {
			v = fs.canTerminate(in, edge{})
			avoid[in] = v
		}
		return v
	}
	for i := range f.Ops {
		op := &f.Ops[i]
		if op.Unit != 0 {
			// Flags of a spawned goroutine's operations are relative
			// to the goroutine and were set in its own function.
			if op.Direct() {
				op.Avoid = true
			}
			continue
		}
		if op.Deferred || op.Kind == Assign {
			op.Avoid, op.NeedsClose = true, false
			continue
		}
		if op.Direct() {
			switch in := op.Instr.(type) {
			case *ssa.Select:
				st := selectState(in, op.origPos)
				e, ok := caseEdge(in, st)
				op.Avoid = !ok || fs.canTerminate(nil, e)
			case *ssa.UnOp:
				op.Avoid = avoidable(in)
				if e, ok := closedEdge(in); ok && !op.Avoid {
					op.NeedsClose = !fs.canTerminate(nil, e)
				}
			default:
				op.Avoid = avoidable(in)
			}
			continue
		}
		here := avoidable(op.Instr)
		op.Avoid = op.Avoid || here
		op.NeedsClose = op.NeedsClose && !here
	}
}

// ClosedEdge returns, for a receive v, ok := <-ch whose ok decides an
// if (range ch is one), the CFG edge (block and successor number)
// taken once ch is closed.
func ClosedEdge(recv *ssa.UnOp) (*ssa.BasicBlock, int, bool) {
	e, ok := closedEdge(recv)
	return e.from, e.succ, ok
}

// CaseEdge returns, for a direct select-case operation, the CFG edge
// (block and successor number) that enters the body of its case.
func CaseEdge(op *Op) (*ssa.BasicBlock, int, bool) {
	sel, ok := op.Instr.(*ssa.Select)
	if !ok || !op.Direct() {
		return nil, 0, false
	}
	e, ok := caseEdge(sel, selectState(sel, op.origPos))
	return e.from, e.succ, ok
}

// TerminatesAfter reports whether the function of in can still
// terminate once in has completed (in's block is scanned from in on).
func (m *Model) TerminatesAfter(in ssa.Instruction) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	blk := in.Block()
	if blk == nil {
		return true
	}
	fs := &flowState{fn: blk.Parent(), b: m.b}
	i := flow.Index(in)
	rest := &ssa.BasicBlock{Instrs: blk.Instrs[i+1:], Succs: blk.Succs}
	return fs.terminatesFrom(rest, nil, edge{})
}

// Precedes reports whether the direct operation op has completed on
// every path to in, an instruction of its function: in lies after op
// itself, or in the body of op's select case.
func Precedes(op *Op, in ssa.Instruction) bool {
	if op.Instr == in || !op.Direct() {
		return false
	}
	if !op.Select {
		return flow.Dominates(op.Instr, in)
	}
	from, succ, ok := CaseEdge(op)
	if !ok {
		return false
	}
	body := from.Succs[succ]
	return len(body.Preds) == 1 && in.Block() != nil && body.Dominates(in.Block())
}

// SelectCaseEdge returns the CFG edge (block and successor number)
// that enters the body of case number state of the select sel.
func SelectCaseEdge(sel *ssa.Select, state int) (*ssa.BasicBlock, int, bool) {
	e, ok := caseEdge(sel, state)
	return e.from, e.succ, ok
}

// TerminatesWithout reports whether fn can terminate (return, panic,
// exit) along some path from its entry that takes none of the CFG
// edges cut lists (pairs of a block and a successor number): e.g.
// whether a goroutine can end if a range over a channel that is never
// closed never finishes.
func (m *Model) TerminatesWithout(fn *ssa.Function, cut []Edge) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	fs := &flowState{fn: fn, b: m.b, cuts: make(map[edge]bool, len(cut))}
	for _, e := range cut {
		fs.cuts[edge{e.Block, e.Succ}] = true
	}
	return fs.canTerminate(nil, edge{})
}

// An Edge of a control-flow graph: successor number Succ of Block.
type Edge struct {
	Block *ssa.BasicBlock
	Succ  int
}

// TerminatesVia reports whether, once control takes the CFG edge e,
// its function can terminate without executing avoid again (nil: no
// such instruction): e.g. whether the body of a select case can end
// the goroutine before the loop brings it back to the select.
func (m *Model) TerminatesVia(e Edge, avoid ssa.Instruction) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	fs := &flowState{fn: e.Block.Parent(), b: m.b}
	return fs.terminatesFrom(e.Block.Succs[e.Succ], avoid, edge{})
}
