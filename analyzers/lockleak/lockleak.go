package lockleak

import (
	_ "embed"
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

//go:embed doc.go
var doc string

// Analyzer reports returns that leave a mutex locked.
var Analyzer = &analysis.Analyzer{
	Name:     "lockleak",
	Doc:      analysisutil.MustExtractDoc(doc, "lockleak"),
	Requires: []*analysis.Analyzer{lockset.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[lockset.Analyzer].(*lockset.Result)
	// SSA positions calls at their '('; a report names the call at its
	// start. Indexed when the first report needs it: most packages
	// have none.
	var starts analysisutil.CallStarts
	at := func(p token.Pos) token.Pos {
		if starts == nil {
			starts = analysisutil.IndexCallStarts(analysisutil.Inspector(pass))
		}
		return starts.Of(p)
	}
	for _, fn := range res.Functions() {
		f := res.Funcs[fn]
		if f.Opaque || lockish(fn) || returnsBool(fn) {
			continue
		}
		done := map[*ssa.Return]map[lockset.Key]bool{}
		for _, r := range f.Returns {
			for k, l := range r.Held {
				if !f.Released[k] || f.Borrowed[k] || !releasedElsewhere(f, k) || !outlives(k) {
					continue
				}
				if lockset.HandsOver(r.Instr, k) || res.HandedToHandle(r.Instr, k) {
					continue // the lock, or a handle that releases it, is returned to the caller
				}
				released, caller := res.ReleasedByCallers(f, r.Instr, k)
				if released {
					continue // handed to the callers, who release it
				}
				report(pass, fn, r, k, l, false, token.NoPos, caller, at)
				mark(done, r.Instr, k)
			}
		}
		checkJoins(pass, res, f, done, at)
		checkBackEdges(pass, f)
	}
	return nil, nil
}

// releasedElsewhere reports whether some return of f does not hold k:
// the function does unlock k on another path.
func releasedElsewhere(f *lockset.Func, k lockset.Key) bool {
	for _, r := range f.Returns {
		if _, ok := r.Held[k]; !ok {
			return true
		}
	}
	return false
}

// lockish reports functions whose name says they manage the lock
// themselves (lockAndCheck, tryLock, acquire): returning with it held
// may be their contract.
func lockish(fn *ssa.Function) bool {
	for f := fn; f != nil; f = f.Parent() {
		n := strings.ToLower(f.Name())
		if strings.Contains(n, "lock") || strings.Contains(n, "acquire") {
			return true
		}
	}
	return false
}

// returnsBool reports functions that may hand the lock over to their
// caller with a boolean result saying whether it is held. (An unlock
// function handed over in a result is a release the model sees.)
func returnsBool(fn *ssa.Function) bool {
	res := fn.Signature.Results()
	for i := 0; i < res.Len(); i++ {
		if t, ok := res.At(i).Type().Underlying().(*types.Basic); ok && t.Kind() == types.Bool {
			return true
		}
	}
	return false
}

// outlives reports whether the mutex k belongs to something that
// outlives the call (a parameter, a captured variable, a package
// variable). A mutex of a local object left locked on an error path
// dies with it.
func outlives(k lockset.Key) bool {
	if k.Global != "" {
		return true
	}
	switch k.Root.(type) {
	case *ssa.Parameter, *ssa.FreeVar:
		return true
	case *ssa.Alloc:
		return strings.HasPrefix(k.Path, ".*")
	}
	return false
}

// flagged reports whether the path into the join through b records
// something in a boolean (rs.holding = true): the lock is kept on
// purpose and the flag tells later code to release it.
func flagged(b *ssa.BasicBlock) bool {
	for i := 0; i < 4 && b != nil; i++ {
		for _, instr := range b.Instrs {
			if s, ok := instr.(*ssa.Store); ok {
				if t, ok := s.Val.Type().Underlying().(*types.Basic); ok && t.Kind() == types.Bool {
					return true
				}
			}
		}
		if len(b.Preds) != 1 || len(b.Preds[0].Succs) != 1 {
			break
		}
		b = b.Preds[0]
	}
	return false
}

func mark(done map[*ssa.Return]map[lockset.Key]bool, r *ssa.Return, k lockset.Key) {
	if done[r] == nil {
		done[r] = map[lockset.Key]bool{}
	}
	done[r][k] = true
}

// checkJoins finds paths that leave a mutex held into a join point
// where another path has released it (a break out of a loop, a branch
// that skips the Unlock), from which no Unlock of it is reachable: the
// returns reached from there leave it locked on that path.
func checkJoins(pass *analysis.Pass, res *lockset.Result, f *lockset.Func, done map[*ssa.Return]map[lockset.Key]bool, at func(token.Pos) token.Pos) {
	for _, b := range f.Fn.Blocks {
		if len(b.Instrs) == 0 || f.HeldBefore(b.Instrs[0]) == nil && b.Index != 0 {
			continue // unreachable
		}
		out := f.HeldBefore(b.Instrs[len(b.Instrs)-1])
		for _, s := range b.Succs {
			in := f.HeldBefore(s.Instrs[0])
			for k, l := range out {
				if _, ok := in[k]; ok || !f.Released[k] || f.Borrowed[k] || f.Deferred[k] || !outlives(k) || flagged(b) {
					continue
				}
				rets, ok := leakingReturns(f, s, k)
				if !ok {
					continue
				}
				for _, r := range rets {
					if done[r][k] {
						continue
					}
					if lockset.HandsOver(r, k) || res.HandedToHandle(r, k) {
						continue
					}
					released, caller := res.ReleasedByCallers(f, r, k)
					if released {
						continue
					}
					mark(done, r, k)
					report(pass, f.Fn, lockset.Return{Instr: r}, k, l, true, edgePos(b), caller, at)
				}
			}
		}
	}
}

// checkBackEdges finds a loop that locks a mutex in its body and goes
// round again (continue) with it still held, while the other paths
// round the loop release it: the next iteration's Lock deadlocks.
func checkBackEdges(pass *analysis.Pass, f *lockset.Func) {
	for _, b := range f.Fn.Blocks {
		if len(b.Instrs) == 0 || f.HeldBefore(b.Instrs[0]) == nil && b.Index != 0 {
			continue
		}
		out := f.HeldBefore(b.Instrs[len(b.Instrs)-1])
		for _, h := range b.Succs {
			if !h.Dominates(b) {
				continue // not a back edge
			}
			in := f.HeldBefore(h.Instrs[0])
			for k, l := range out {
				if _, ok := in[k]; ok || !k.Stable() || !outlives(k) || !f.Released[k] || f.Borrowed[k] || f.Deferred[k] || flagged(b) {
					continue
				}
				if !lockedInLoop(f, h, k) {
					continue
				}
				pos := edgePos(b)
				if !pos.IsValid() {
					continue
				}
				d := analysis.Diagnostic{
					Pos:     pos,
					Message: fmt.Sprintf("loop goes round again with %s still locked: the next iteration locks it again", lockset.Describe(k)),
				}
				var tr finding.Trace
				g := analysisutil.Goroutine(pass.Fset, f.Fn)
				if l.Pos.IsValid() {
					tr.Related(&d, finding.Place{Pos: l.Pos, Message: "locked here", Goroutine: g, Op: finding.OpLock})
				}
				d.Category = "loop"
				tr.Step(finding.Place{Pos: pos, Goroutine: g, Op: finding.OpOther})
				if l.Pos.IsValid() {
					tr.Step(finding.Place{Pos: l.Pos, Message: "the next iteration locks it again", Goroutine: g, Op: finding.OpLock, Blocks: true})
				}
				tr.Report(pass, d)
			}
		}
	}
}

// lockedInLoop reports whether k is locked in a block of the loop
// headed by h.
func lockedInLoop(f *lockset.Func, h *ssa.BasicBlock, k lockset.Key) bool {
	for _, a := range f.Acquires {
		if a.Key == k && h.Dominates(a.Instr.Block()) {
			return true
		}
	}
	return false
}

// leakingReturns returns the returns reachable from s, provided no
// unlock that may release k is.
func leakingReturns(f *lockset.Func, s *ssa.BasicBlock, k lockset.Key) ([]*ssa.Return, bool) {
	rel := map[*ssa.BasicBlock]bool{}
	for _, r := range f.Releases {
		if lockset.MayAlias(r.Key, k) && !r.Later {
			rel[r.Instr.Block()] = true
		}
	}
	reach := flow.Forward.Reach(s)
	reach[s] = true
	var rets []*ssa.Return
	for _, b := range f.Fn.Blocks {
		if !reach[b] {
			continue
		}
		if rel[b] {
			return nil, false
		}
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			rets = append(rets, r)
		}
	}
	return rets, len(rets) > 0
}

// edgePos finds a position for the branch leaving b: its last
// positioned instruction, or its single predecessor's.
func edgePos(b *ssa.BasicBlock) token.Pos {
	for i := 0; i < 3 && b != nil; i++ {
		for j := len(b.Instrs) - 1; j >= 0; j-- {
			if p := b.Instrs[j].Pos(); p.IsValid() {
				return p
			}
		}
		if len(b.Preds) != 1 {
			break
		}
		b = b.Preds[0]
	}
	return token.NoPos
}

func report(pass *analysis.Pass, fn *ssa.Function, r lockset.Return, k lockset.Key, l lockset.Lock, partial bool, via token.Pos, caller ssa.CallInstruction, at func(token.Pos) token.Pos) {
	pos := r.Instr.Pos()
	what := "return"
	if !pos.IsValid() {
		pos = analysisutil.EndBrace(fn)
		what = "end of function"
	}
	if !pos.IsValid() {
		return
	}
	d := analysis.Diagnostic{
		Pos:     pos,
		Message: fmt.Sprintf("%s with %s still locked: other paths unlock it", what, lockset.Describe(k)),
	}
	if l.Mode == lockset.Read {
		d.Message = fmt.Sprintf("%s with %s still read-locked: other paths unlock it", what, lockset.Describe(k))
	}
	var tr finding.Trace
	g := analysisutil.Goroutine(pass.Fset, fn)
	if l.Pos.IsValid() {
		tr.Related(&d, finding.Place{Pos: l.Pos, Message: "locked here", Goroutine: g, Op: finding.OpLock})
	}
	if !partial {
		d.SuggestedFixes = unlockFix(pass, fn, r.Instr, k, l.Mode)
	}
	if partial {
		d.Message = strings.Replace(d.Message, ": other paths", " on some path: other paths", 1)
		if via.IsValid() {
			tr.Related(&d, finding.Place{Pos: via, Message: "this path does not unlock", Goroutine: g, Op: finding.OpOther})
		}
	}
	d.Category = "return"
	if caller != nil && caller.Pos().IsValid() {
		tr.Related(&d, finding.Place{Pos: at(caller.Pos()), Message: "this call does not unlock it after such a return", Goroutine: g, Op: finding.OpCall})
	}
	tr.Step(finding.Place{Pos: pos, Goroutine: g, Op: finding.OpReturn})
	tr.Step(finding.Place{Message: "the next Lock of " + lockset.Describe(k) + ", in any goroutine, waits forever", Goroutine: "next locker", Op: finding.OpLock, Blocks: true})
	tr.Report(pass, d)
}
