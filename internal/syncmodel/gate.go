package syncmodel

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// This file is a happens-before query between a waiter and its
// partner: can the waiter get to an operation at all once the partner
// has left without its half? Not when, on every path to it, the waiter
// first completes a receive that only the partner can make ready, and
// only after its half:
//
//	go func() {                      first := waitFor(t, requests) // t.Fatal on timeout
//	    conn, err := ln.Accept()     conn := <-accepted            // not stranded
//	    if err != nil {
//	        return
//	    }
//	    accepted <- conn  // buffered
//	    requests <- read(conn)
//	}()
//
// On the partner's early return nothing is ever sent on requests: the
// waiter's first wait fails the test (or blocks there, a finding of its
// own), and the receive from accepted is never reached.

// Gated reports whether every path of fn from its entry to at first
// completes a receive (a receive statement, a select case, or a call
// of a function of the package that receives from its parameter on
// every path to its return) from a channel of the package that only p
// sends on or closes, and only after performing does: the partner p
// has done its half before fn can get to at. A path that ends the
// goroutine or the test first (t.Fatal, log.Fatal) does not get to at.
func (m *Model) Gated(fn *ssa.Function, at ssa.Instruction, p *ssa.Function, does Does) bool {
	if fn == nil || p == nil || fn == p || len(fn.Blocks) == 0 || len(p.Blocks) == 0 {
		return false
	}
	memo := make(map[chanmodel.ChanID]bool)
	gate := func(v ssa.Value) bool {
		id, ok := m.Chans.ChanOf(v)
		if !ok {
			return false
		}
		g, ok := memo[id]
		if !ok {
			g = m.fedAfter(id, p, does)
			memo[id] = g
		}
		return g
	}
	cutInstr := func(in ssa.Instruction) bool {
		switch in := in.(type) {
		case *ssa.UnOp:
			return in.Op == token.ARROW && gate(in.X)
		case *ssa.Call:
			callee := flow.Callee(in.Common())
			if callee == nil || m.byFn[callee] == nil {
				return false
			}
			body := flow.Body(callee)
			for i, a := range in.Call.Args {
				if i < len(body.Params) && chanmodel.IsChan(a.Type()) && gate(a) && alwaysReceives(body, body.Params[i]) {
					return true
				}
			}
		}
		return false
	}
	cutEdge := func(b *ssa.BasicBlock, succ int) bool {
		sel, i := caseOf(b, succ)
		return sel != nil && gate(sel.States[i].Chan)
	}
	return !reaches(fn, cutInstr, cutEdge, func(in ssa.Instruction) bool { return in == at })
}

// fedAfter reports whether the channel id is the package's own and
// every send on it and close of it is p's (or of a function p calls,
// for p alone), on a path of p that has performed does first.
func (m *Model) fedAfter(id chanmodel.ChanID, p *ssa.Function, does Does) bool {
	if m.Chans.Escapes(id) {
		return false
	}
	refs := m.Chans.OpsOn(id)
	mine := make(map[token.Pos]bool)
	for _, r := range refs {
		if r.F.Fn == p && r.Op.Unit == 0 {
			mine[r.Op.Pos] = true
		}
	}
	fed := false
	for _, r := range refs {
		if r.Op.Kind != chanmodel.Send && r.Op.Kind != chanmodel.Close {
			continue
		}
		if r.F.Fn != p || r.Op.Unit != 0 {
			if !r.Op.Direct() && flow.Body(r.Op.Via) == p {
				continue // p's own, seen from the go statement or call that runs p
			}
			helper := r.F.Fn
			if !r.Op.Direct() {
				helper = flow.Body(r.Op.Via)
			}
			if mine[r.Op.Pos] && len(m.sitesOf(helper)) > 0 && onlyCalledBy(m.sitesOf(helper), p) {
				continue // a helper of p's, or p's call of it seen from p's starter: judged at p's call
			}
			return false
		}
		in := r.Op.Instr
		if reaches(p, func(x ssa.Instruction) bool { return does.Instrs[x] }, func(b *ssa.BasicBlock, succ int) bool {
			return does.Edges[chanmodel.Edge{Block: b, Succ: succ}]
		}, func(x ssa.Instruction) bool { return x == in }) {
			return false
		}
		fed = true
	}
	return fed
}

// onlyCalledBy reports whether every site is a call in p.
func onlyCalledBy(sites []Site, p *ssa.Function) bool {
	for _, s := range sites {
		if s.Caller != p || s.Goroutine {
			return false
		}
	}
	return true
}

// alwaysReceives reports whether fn receives from its parameter ch
// (directly, or as a select case) on every path from its entry to a
// return.
func alwaysReceives(fn *ssa.Function, ch *ssa.Parameter) bool {
	is := func(v ssa.Value) bool { return flow.Unconverted(v) == ch }
	cutInstr := func(in ssa.Instruction) bool {
		u, ok := in.(*ssa.UnOp)
		return ok && u.Op == token.ARROW && is(u.X)
	}
	cutEdge := func(b *ssa.BasicBlock, succ int) bool {
		sel, i := caseOf(b, succ)
		return sel != nil && is(sel.States[i].Chan)
	}
	return !reaches(fn, cutInstr, cutEdge, func(in ssa.Instruction) bool {
		_, ok := in.(*ssa.Return)
		return ok
	})
}

// caseOf returns the select and the receive case whose body the edge
// succ of b enters, or nil.
func caseOf(b *ssa.BasicBlock, succ int) (*ssa.Select, int) {
	if len(b.Instrs) == 0 {
		return nil, 0
	}
	if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); !ok {
		return nil, 0
	}
	for _, in := range b.Instrs {
		bin, ok := in.(*ssa.BinOp)
		if !ok || bin.Op != token.EQL {
			continue
		}
		ex, ok := bin.X.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			continue
		}
		sel, ok := ex.Tuple.(*ssa.Select)
		if !ok {
			continue
		}
		for i, st := range sel.States {
			if st.Dir != types.RecvOnly {
				continue
			}
			if eb, es, ok := chanmodel.SelectCaseEdge(sel, i); ok && eb == b && es == succ {
				return sel, i
			}
		}
	}
	return nil, 0
}

// reaches reports whether a path of fn from its entry gets to an
// instruction target accepts, passing no instruction cutInstr accepts,
// no edge cutEdge accepts, and no instruction that ends the goroutine
// or the test (a panic, t.Fatal, os.Exit).
func reaches(fn *ssa.Function, cutInstr func(ssa.Instruction) bool, cutEdge func(*ssa.BasicBlock, int) bool, target func(ssa.Instruction) bool) bool {
	seen := map[*ssa.BasicBlock]bool{fn.Blocks[0]: true}
	stack := []*ssa.BasicBlock{fn.Blocks[0]}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		cut := false
		for _, in := range b.Instrs {
			if target(in) {
				return true
			}
			if cutInstr(in) || flow.InstrEnd(in) != flow.Returns {
				cut = true
				break
			}
		}
		if cut {
			continue
		}
		for i, s := range b.Succs {
			if seen[s] || cutEdge(b, i) {
				continue
			}
			seen[s] = true
			stack = append(stack, s)
		}
	}
	return false
}

// Unprompted reports whether the goroutine running fn can get from
// its entry to at waiting for no one: on some path, every receive (a
// receive statement, or the select case taken) is from a ticker's
// channel, and nothing sends, waits (a WaitGroup, a Cond, a Once), or
// calls a function that may (one of the package with channel
// operations or waits, or one not known). Nothing another goroutine
// does after starting fn then orders at after it: a spawner's write
// after its go statement races with at (a Start that starts the apply
// loop, then sets the position the loop bumps on its first tick).
func (m *Model) Unprompted(fn *ssa.Function, at ssa.Instruction) bool {
	return m.UnpromptedFed(fn, at, nil)
}

// UnpromptedFed is Unprompted, where a receive from a channel x with
// fed(x) waits for no one either: one the goroutine's starter has
// already sent on (workers ranging over the jobs queued for them).
func (m *Model) UnpromptedFed(fn *ssa.Function, at ssa.Instruction, fed func(x ssa.Value) bool) bool {
	if fn == nil || len(fn.Blocks) == 0 || at.Parent() != fn {
		return false
	}
	cutInstr := func(in ssa.Instruction) bool {
		switch in := in.(type) {
		case *ssa.UnOp:
			return in.Op == token.ARROW && !chanmodel.TickerChan(in.X) && (fed == nil || !fed(in.X))
		case *ssa.Send:
			return true
		case *ssa.Call, *ssa.Go:
			c := in.(ssa.CallInstruction).Common()
			if _, builtin := c.Value.(*ssa.Builtin); builtin {
				return false
			}
			if _, isGo := in.(*ssa.Go); isGo {
				return false
			}
			callee := flow.Callee(c)
			if callee == nil {
				return true
			}
			if CallKind(flow.CalleeFunc(c)).Blocks() {
				return true
			}
			body := flow.Body(callee)
			if f := m.byFn[body]; f != nil {
				for _, e := range f.Events {
					if e.Kind.Blocks() {
						return true
					}
				}
			}
			if cf := m.Chans.Func(body); cf != nil && (len(cf.Ops) > 0 || cf.Truncated) {
				return true
			}
		}
		return false
	}
	cutEdge := func(b *ssa.BasicBlock, succ int) bool {
		sel, i := caseOf(b, succ)
		return sel != nil && !chanmodel.TickerChan(sel.States[i].Chan)
	}
	return reaches(fn, cutInstr, cutEdge, func(in ssa.Instruction) bool { return in == at })
}
