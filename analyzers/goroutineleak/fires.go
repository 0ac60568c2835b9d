package goroutineleak

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// caseFires reports whether the body of case number i of sel, on
// every path from its edge back to sel, fires another case of sel
// that can end the goroutine: it cancels the context whose Done that
// case receives from, or closes the channel it receives from, itself
// or through a function of the package that does so on every path.
// The loop then leaves on a later turn, through that case: a
// ctx.Done() case that calls p.closeWithError, whose p.cancel() is the
// cancel of the context of the loop's returning case, ends the loop.
func (c *checker) caseFires(sel *ssa.Select, i int) bool {
	blk, succ, ok := chanmodel.SelectCaseEdge(sel, i)
	if !ok {
		return false
	}
	for j, st := range sel.States {
		if j == i || st.Dir != types.RecvOnly {
			continue
		}
		bj, sj, ok := chanmodel.SelectCaseEdge(sel, j)
		if !ok || !c.m.TerminatesVia(chanmodel.Edge{Block: bj, Succ: sj}, sel) {
			continue
		}
		if fires := c.firing(st.Chan); fires != nil && c.everyPathFires(blk.Succs[succ], sel, fires) {
			return true
		}
	}
	return false
}

// firing returns a test of whether an instruction fires the channel
// ch, a ctx.Done() or a channel of the package: a call of the
// context's cancel function (syncmodel's CancelCalls of every
// ContextMakers call), or a close of the channel, made there or by the
// function called there on every path. It is nil when nothing can be
// told.
func (c *checker) firing(ch ssa.Value) func(ssa.Instruction) bool {
	if analysisutil.ContextDone(ch) {
		makers, ok := c.sm.ContextMakers(ch.(*ssa.Call).Call.Value)
		if !ok {
			return nil
		}
		cancels := make(map[ssa.Instruction]bool)
		for _, mk := range makers {
			calls, ok := c.sm.CancelCalls(mk)
			if !ok {
				return nil
			}
			for _, in := range calls {
				if _, isCall := in.(*ssa.Call); isCall {
					cancels[in] = true
				}
			}
		}
		return func(in ssa.Instruction) bool { return cancels[in] }
	}
	id, ok := c.m.ChanOf(ch)
	if !ok {
		return nil
	}
	return func(in ssa.Instruction) bool {
		f := c.m.Func(in.Parent())
		if f == nil {
			return false
		}
		for k := range f.Ops {
			op := &f.Ops[k]
			if op.Instr == in && op.Kind == chanmodel.Close && op.Unit == 0 && op.Chan == id && !op.Deferred && (op.Direct() || op.CalleeMust) {
				return true
			}
		}
		return false
	}
}

// everyPathFires reports whether every path from the top of b that
// comes back to sel passes an instruction fires accepts, itself or
// in a static callee of the package that does so on every path.
func (c *checker) everyPathFires(b *ssa.BasicBlock, sel *ssa.Select, fires func(ssa.Instruction) bool) bool {
	memo := make(map[*ssa.Function]bool)
	var fnFires func(fn *ssa.Function, depth int) bool
	var pathsFire func(b *ssa.BasicBlock, i int, stop ssa.Instruction, depth int) bool
	instrFires := func(in ssa.Instruction, depth int) bool {
		if fires(in) {
			return true
		}
		call, ok := in.(*ssa.Call)
		if !ok || depth == 0 {
			return false
		}
		callee := call.Call.StaticCallee()
		if arg, ok := analysisutil.OnceDoArg(&call.Call); ok {
			callee, _ = analysisutil.FuncValue(arg)
		}
		return callee != nil && callee.Pkg != nil && callee.Pkg.Pkg == c.pass.Pkg && len(callee.Blocks) > 0 && fnFires(callee, depth-1)
	}
	fnFires = func(fn *ssa.Function, depth int) bool {
		if v, ok := memo[fn]; ok {
			return v
		}
		memo[fn] = false // a recursive call does not fire
		v := pathsFire(fn.Blocks[0], 0, nil, depth)
		memo[fn] = v
		return v
	}
	// flagFired: the bool field f is set only on paths that fire on to
	// their end, and never cleared: once a test finds it set, the firing
	// has happened or is on its way (an idempotent close behind a closed
	// flag: if s.closed { return }; s.closed = true; close(s.in)).
	flagBusy := make(map[*types.Var]bool)
	flagFired := func(f *types.Var, depth int) bool {
		if f == nil || f.Exported() || f.Pkg() != c.pass.Pkg || flagBusy[f] || c.sm.Cleared(f) {
			return false
		}
		flagBusy[f] = true
		defer delete(flagBusy, f)
		sets := c.sm.FlagSets(f)
		for _, st := range sets {
			if !pathsFire(st.Block(), flow.Index(st)+1, nil, depth) {
				return false
			}
		}
		return len(sets) > 0
	}
	// pathsFire: every path from instruction i of b on to a return (or
	// to stop) fires.
	pathsFire = func(b *ssa.BasicBlock, i int, stop ssa.Instruction, depth int) bool {
		search := flow.Search{Next: func(b *ssa.BasicBlock) []*ssa.BasicBlock {
			if load, set, ok := syncmodel.FlagTest(b); ok && flagFired(analysisutil.FieldOf(load.X), depth) {
				return b.Succs[1-set : 2-set] // the flag's side has fired already
			}
			return b.Succs
		}}
		fired := true
		visit := func(in ssa.Instruction) bool {
			switch {
			case !fired || instrFires(in, depth):
				return false
			case in == stop:
				fired = false
				return false
			}
			switch in.(type) {
			case *ssa.Return:
				fired = stop != nil // the goroutine ends: nothing to fire
				return false
			case *ssa.Panic:
				return false
			}
			return true
		}
		if i == 0 {
			search.WalkBlock(b, visit)
		} else {
			search.Walk(b.Instrs[i-1], visit)
		}
		return fired
	}
	return pathsFire(b, 0, sel, 3)
}
