package doublelock

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

//go:embed doc.go
var doc string

// Analyzer reports locking a mutex already held by the same goroutine.
var Analyzer = &analysis.Analyzer{
	Name:     "doublelock",
	Doc:      analysisutil.MustExtractDoc(doc, "doublelock"),
	Requires: []*analysis.Analyzer{lockset.Analyzer, inspect.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[lockset.Analyzer].(*lockset.Result)
	// SSA positions calls at their '('; vet reports at the call.
	starts := analysisutil.IndexCallStarts(pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
	modes := newModeIndex(pass.Pkg, res.Functions())
	for _, fn := range res.Functions() {
		modeCalls(pass, res, fn, modes, starts)
		for _, a := range res.Funcs[fn].Acquires {
			if a.Prev == nil || a.Prev.Entry || !a.Instr.Pos().IsValid() || sharedLocal(a) || readersOnly(res, a) {
				continue
			}
			if a.Prev.Callee && a.Prev.Mode == lockset.Read && a.Mode == lockset.Read {
				// Read-locked by a callee that returned holding it: a
				// handle (a read transaction) holds it, and two open
				// at once is that API's business.
				continue
			}
			report(pass, res, a, false, starts)
		}
		for _, a := range inCallers(res, fn) {
			reportEntry(pass, res, fn, a, starts)
		}
		for _, a := range res.Funcs[fn].MayAcquires {
			if a.Prev == nil || a.Prev.Entry || !a.Instr.Pos().IsValid() || a.Prev.Callee && a.Prev.Mode == lockset.Read && a.Mode == lockset.Read || readersOnly(res, a) {
				continue
			}
			report(pass, res, a, true, starts)
		}
	}
	return nil, nil
}

// report reports a; may is set for a lock only some of the functions a
// call through a field can run take.
func report(pass *analysis.Pass, res *lockset.Result, a lockset.Acquire, may bool, starts analysisutil.CallStarts) {
	what := relock(lockset.Describe(a.Key), a.Prev.Mode, a.Mode)
	verb := "Lock"
	if a.Mode == lockset.Read {
		verb = "RLock"
	}
	msg := fmt.Sprintf("%s of %s", verb, what)
	if a.Via != nil {
		msg = fmt.Sprintf("%s locks %s", a.Via.Name(), what)
		if a.Callback {
			msg = fmt.Sprintf("%s calls back a function that locks %s", a.Via.Name(), what)
		}
	}
	if a.Indirect != "" {
		// A function value kept in a field (le.cp), or a method of an
		// interface value kept in one (s.h.fire): the call runs what
		// the package stored there.
		verb := "locks"
		if may {
			verb = "may lock"
		}
		msg = fmt.Sprintf("call of %s %s %s", a.Indirect, verb, what)
	}
	at := starts.Of
	d := analysis.Diagnostic{Pos: at(a.Instr.Pos()), Message: msg}
	var tr finding.Trace
	g := analysisutil.Goroutine(pass.Fset, a.Instr.Parent())
	if a.Prev.Pos.IsValid() {
		tr.Related(&d, finding.Place{Pos: at(a.Prev.Pos), Message: "locked here", Goroutine: g, Op: finding.OpLock})
	}
	tr.Step(finding.Place{Pos: d.Pos, Goroutine: g, Op: finding.OpLock, Blocks: true})
	if inner, ok := innerLock(res, a); ok && a.Via != nil {
		tr.Related(&d, finding.Place{Pos: at(inner.Instr.Pos()), Message: "locked again here, in " + inner.Instr.Parent().Name(), Goroutine: g, Op: finding.OpLock, Blocks: true})
	}
	relatedInside(&tr, &d, a)
	tr.Report(pass, d)
}

// relock describes locking name in mode while it is held in prev.
func relock(name string, prev, mode lockset.Mode) string {
	switch {
	case prev == lockset.Write && mode == lockset.Write:
		return name + ", which is already locked"
	case prev == lockset.Read && mode == lockset.Write:
		return name + ", which is read-locked: upgrading a read lock deadlocks"
	case prev == lockset.Write && mode == lockset.Read:
		return name + " for reading, which is already locked"
	}
	return name + ", which is already read-locked: recursive read locking deadlocks once a writer waits"
}

// sharedLocal reports acquisitions the model cannot judge: a local
// mutex captured by function literals is typically handed between
// goroutines as a semaphore (locked in one, unlocked in another), and
// recursive read locking of a mutex local to the goroutine cannot meet
// a writer.
func sharedLocal(a lockset.Acquire) bool {
	if strings.HasPrefix(a.Key.Path, ".*") {
		return false // the variable holds a pointer; the mutex is elsewhere
	}
	switch r := a.Key.Root.(type) {
	case *ssa.FreeVar:
		return true
	case *ssa.Alloc:
		if a.Prev.Mode == lockset.Read && a.Mode == lockset.Read {
			return true
		}
		if refs := r.Referrers(); refs != nil {
			for _, u := range *refs {
				if _, ok := u.(*ssa.MakeClosure); ok {
					return true
				}
			}
		}
	}
	return false
}

// readersOnly reports a read lock of a mutex nothing write-locks
// (lockset.Result.NeverWriteLocked): whatever was held before is a
// read lock too, and no writer can queue between the two.
func readersOnly(res *lockset.Result, a lockset.Acquire) bool {
	return a.Mode == lockset.Read && res.NeverWriteLocked(a.Key)
}

// innerLock follows an acquisition by a callee down its calls to the
// Lock itself: the callee's one acquisition of a mutex of the same
// field in the same mode, and so on while that is a callee's too.
func innerLock(res *lockset.Result, a lockset.Acquire) (lockset.Acquire, bool) {
	cls, _, ok := lockset.ClassOf(a.Key)
	for depth := 0; ok && a.Via != nil && depth < 8; depth++ {
		f := res.Funcs[a.Via]
		if f == nil {
			return lockset.Acquire{}, false
		}
		var next []lockset.Acquire
		for _, b := range f.Acquires {
			if c, _, known := lockset.ClassOf(b.Key); known && c == cls && b.Mode == a.Mode && b.Prev == nil && b.Instr.Pos().IsValid() {
				next = append(next, b)
			}
		}
		if len(next) != 1 {
			return lockset.Acquire{}, false
		}
		a = next[0]
	}
	return a, ok && a.Via == nil
}

// inCallers returns the locks fn takes through a call of a field's
// function (see lockset.Acquire.Indirect) on a mutex every caller of
// fn holds at the call, and fn itself never releases: the helper
// called under the lock (removeOldest) that calls the field's callback,
// which locks it again.
func inCallers(res *lockset.Result, fn *ssa.Function) []lockset.Acquire {
	lf := res.Funcs[fn]
	if lf.Entry == nil {
		return nil
	}
	var out []lockset.Acquire
	for i, list := range [][]lockset.Acquire{lf.Acquires, lf.MayAcquires} {
		for _, a := range list {
			if i == 0 && mustLock(lf, a.Key) {
				continue // a must-lock of fn: reported at the callers' calls
			}
			if a.Indirect != "" && a.Prev == nil && lf.Entry[a.Key] && !lf.Released[a.Key] && a.Instr.Pos().IsValid() && !readersOnly(res, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

// reportEntry reports a, an acquisition inCallers returned.
func reportEntry(pass *analysis.Pass, res *lockset.Result, fn *ssa.Function, a lockset.Acquire, starts analysisutil.CallStarts) {
	verb := "locks"
	for _, m := range res.Funcs[fn].MayAcquires {
		if m.Instr == a.Instr && m.Key == a.Key {
			verb = "may lock"
		}
	}
	name := lockset.Describe(a.Key)
	at := starts.Of
	d := analysis.Diagnostic{Pos: at(a.Instr.Pos()),
		Message: fmt.Sprintf("call of %s %s %s, which every caller of %s holds", a.Indirect, verb, name, fn.Name())}
	var tr finding.Trace
	g := analysisutil.Goroutine(pass.Fset, fn)
	for _, site := range res.CallSites(fn) {
		if site.Pos().IsValid() {
			tr.Related(&d, finding.Place{Pos: at(site.Pos()), Message: fn.Name() + " called here with " + name + " held",
				Goroutine: analysisutil.Goroutine(pass.Fset, site.Parent()), Op: finding.OpCall})
			break
		}
	}
	tr.Step(finding.Place{Pos: d.Pos, Goroutine: g, Op: finding.OpLock, Blocks: true})
	relatedInside(&tr, &d, a)
	tr.Report(pass, d)
}

// relatedInside adds, for an acquisition through a field's function,
// where the function stored there takes the lock.
func relatedInside(tr *finding.Trace, d *analysis.Diagnostic, a lockset.Acquire) {
	if a.Indirect != "" && a.Inside.IsValid() {
		tr.Related(d, finding.Place{Pos: a.Inside, Message: "what " + a.Indirect + " calls locks it here", Op: finding.OpLock})
	}
}

// mustLock reports whether fn's summary says it locks k on every path,
// so that its callers' calls are reported.
func mustLock(lf *lockset.Func, k lockset.Key) bool {
	r, ok := accesspath.Relative(lf.Fn, k)
	if !ok || lf.Summary() == nil {
		return false
	}
	for _, sk := range lf.Summary().MustLock {
		if sk.Rel == r {
			return true
		}
	}
	return false
}
