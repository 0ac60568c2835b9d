package syncmodel

import (
	"go/constant"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// A tally is a number of operations: k plus, for each loop count v,
// per[v] times v. Counts are not negative, so a tally with at least as
// much of every term is at least as large.
type tally struct {
	k   int64
	per map[ssa.Value]int64
}

func (t *tally) add(n ssa.Value) {
	if k, ok := n.(*ssa.Const); ok {
		// Constants are distinct values: they add to k.
		if k.Value == nil || k.Value.Kind() != constant.Int {
			t.k = -1 << 40 // not a count: never covers anything
			return
		}
		v, _ := constant.Int64Val(k.Value)
		t.k += v
		return
	}
	if t.per == nil {
		t.per = make(map[ssa.Value]int64)
	}
	t.per[n]++
}

// covers reports whether t is at least u whatever the loop counts.
func (t tally) covers(u tally) bool {
	if t.k < u.k {
		return false
	}
	for v, n := range u.per {
		if t.per[v] < n {
			return false
		}
	}
	return true
}

// one counts an instruction that runs at most once: outside loops, or
// on every iteration of a loop whose count is its only way out.
var one = ssa.Value(nil)

// countedTimes returns how many times the instruction in of its
// function runs at most: once outside loops, n times on every
// iteration of a loop counted by n (flow.CountedLoop).
func countedTimes(in ssa.Instruction) (ssa.Value, bool) {
	if !flow.InLoop(in.Block()) {
		return one, true
	}
	// The loop is a strongly connected component (flow.LoopOf): one
	// nested in another shares the outer one's exits and is counted by
	// nothing.
	_, n, ok := flow.CountedLoop(in.Block())
	if !ok {
		return nil, false
	}
	return n, true
}

// receivedAll reports whether the close c, a direct operation of f's
// own goroutine, runs only after every send on its channel completed,
// by counting a one-shot protocol: the channel is made by f (outside
// loops) and nobody else can send on it; every send is made by a
// goroutine that f starts before c, each run sending at most once,
// at most k+n·v of them (one go statement per iteration of a loop
// counted by v: flow.CountedLoop), or one run sending once per
// iteration of its loop over the slice (or up to the integer) that
// the go statement hands it, v times (sendsPerRun); and f completes
// at least as many
// plain receives before c (straight-line receives, or one per
// iteration of a loop of the same count that c follows). A receive
// completes only with a sent value (c is the channel's only close), so
// after them no send is left:
//
//	for range 2 {
//		go func() { ...; done <- struct{}{} }()
//	}
//	<-done
//	<-done
//	close(done)
//
// A goroutine that leaves without sending leaves the receiver waiting
// (partnerexit's concern), not a send after the close.
//
// The answer depends on the close alone, and OrderedAfter is asked it
// for each send on the channel: it is computed once per close
// (countsReceived) and kept on the model.
func (m *Model) receivedAll(f *chanmodel.Func, c *chanmodel.Op) bool {
	m.receivedMu.Lock()
	defer m.receivedMu.Unlock()
	if v, ok := m.received[c]; ok {
		return v
	}
	v := m.countsReceived(f, c)
	m.received[c] = v
	return v
}

// countsReceived computes receivedAll.
func (m *Model) countsReceived(f *chanmodel.Func, c *chanmodel.Op) bool {
	ch := c.Chan
	if !c.Direct() || c.Unit != 0 || c.Deferred || ch.Kind != chanmodel.KindMake ||
		ch.Make.Parent() != f.Fn || flow.InLoop(ch.Make.Block()) || m.Chans.SendEscapes(ch) {
		return false
	}
	var sent, received tally
	starts := map[ssa.Instruction]bool{}
	bodies := map[*ssa.Function]bool{f.Fn: true}
	for i := range f.Ops {
		op := &f.Ops[i]
		switch {
		case op.Chan != ch:
		case op.Kind == chanmodel.Close:
			if op != c {
				return false
			}
		case op.Kind == chanmodel.Send:
			g, ok := op.Instr.(*ssa.Go)
			if !ok || op.Via == nil || starts[g] {
				if ok && starts[g] {
					continue // counted with the go statement
				}
				return false
			}
			if flow.Reaches(c.Instr, g, nil) {
				return false // a goroutine started after the close
			}
			inner := m.Chans.Inner(f, op)
			var ins []ssa.Instruction
			for _, in := range inner {
				if !in.Direct() || in.Unit != 0 {
					return false
				}
				ins = append(ins, in.Instr)
			}
			// Every send of the goroutine, on any path, counted once.
			for j := range f.Ops {
				if o := &f.Ops[j]; o.Instr == g && o.Kind == chanmodel.Send && o.Chan == ch && o != op {
					for _, in := range m.Chans.Inner(f, o) {
						if !in.Direct() || in.Unit != 0 {
							return false
						}
						ins = append(ins, in.Instr)
					}
				}
			}
			n, ok := countedTimes(g)
			if !ok || len(ins) == 0 {
				return false
			}
			if per, ok := sendsPerRun(g, ins); !ok {
				return false
			} else if per != one {
				// n runs of per sends each: counted only for one run.
				if n != one {
					return false
				}
				n = per
			}
			addCount(&sent, n)
			starts[g] = true
			bodies[flow.Body(op.Via)] = true
		case op.Kind == chanmodel.Recv:
			if !op.Direct() || op.Unit != 0 || op.Select || op.Deferred {
				continue
			}
			n, ok := countedTimes(op.Instr)
			if !ok || !completedBefore(op.Instr, c.Instr, n != one) {
				continue
			}
			addCount(&received, n)
		}
	}
	if len(starts) == 0 {
		return false
	}
	// No send or close anywhere else: f's goroutines are the only
	// senders (a function they share with other callers shows a view
	// in those callers too).
	for _, r := range m.Chans.OpsOn(ch) {
		if (r.Op.Kind == chanmodel.Send || r.Op.Kind == chanmodel.Close) && !bodies[r.F.Fn] {
			return false
		}
	}
	return received.covers(sent)
}

// sendsPerRun returns how many times a run of the goroutine that g
// starts sends, its sends being ins: at most once (one), when no send
// lies in a loop and one of them at most runs; or, for its one send
// in a loop counted by a parameter (a slice ranged over, an integer),
// the value g passes for it (a worker that sends one result per job
// of the slice its starter hands it, which the starter's own loop
// over that slice receives).
func sendsPerRun(g *ssa.Go, ins []ssa.Instruction) (ssa.Value, bool) {
	if !slices.ContainsFunc(ins, func(in ssa.Instruction) bool { return flow.InLoop(in.Block()) }) {
		return one, flow.OneOf(ins)
	}
	if len(ins) != 1 {
		return nil, false
	}
	n, ok := countedTimes(ins[0])
	if !ok || n == one {
		return nil, false
	}
	i := flow.ParamIndex(ins[0].Parent(), n)
	if i < 0 || i >= len(g.Call.Args) || g.Call.StaticCallee() == nil || flow.Body(g.Call.StaticCallee()) != ins[0].Parent() {
		return nil, false
	}
	return g.Call.Args[i], true
}

// addCount adds n, a count from countedTimes, to t.
func addCount(t *tally, n ssa.Value) {
	if n == one {
		t.k++
		return
	}
	t.add(n)
}

// completedBefore reports whether r has completed before c on every
// path: r dominates c, or, for r in a counted loop (looped), the
// loop's entry dominates c and c lies outside the loop, which it
// leaves only once its count is done (flow.CountedLoop).
func completedBefore(r, c ssa.Instruction, looped bool) bool {
	if !looped {
		return flow.Dominates(r, c)
	}
	entry, _, ok := flow.CountedLoop(r.Block())
	return ok && entry.Dominates(c.Block()) && !flow.LoopOf(r.Block())[c.Block()]
}
