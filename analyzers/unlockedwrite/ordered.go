package unlockedwrite

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// A write without the lock races only with an access of another
// goroutine that nothing orders it with. orderedWrite proves, with the
// happens-before edges of the sync model, that every other access to
// the field v is ordered with the write w, in one of seven ways:
//
//   - set-up before the goroutines start: every other function that
//     accesses the field runs only in goroutines that go statements of
//     w's function start after w (Run fills in the fields, then starts
//     the loops that use them), or in w's goroutine, called from w's
//     function (a download done on the caller's goroutine when it
//     starts no workers, with the getters its workers use);
//
//   - a request answered by a run loop: w's function runs only in one
//     goroutine (a run loop or its handler), answers the request it is
//     handling (close(req.done), e.reply <- err) on every path after w,
//     and every access of another goroutine is followed, in its
//     function, by such a request and a wait for the answer, or holds
//     a mutex every requester holds from its request until the answer;
//     the accesses of the run loop's own goroutine are in program
//     order.
//
//   - a worker's turn: w runs between the worker's receive of a request
//     and its reply, and every other access comes in a requester after
//     its reply, or under a mutex every requester holds over the turn
//     (inTurn, syncmodel.Turn);
//
//   - ownership handed over by a closed state: w runs in the call that
//     set a flag of the object, tested and set under its mutex and
//     never cleared (a Close that returns early when already closed),
//     after that section, and every other access holds the mutex and
//     tests the flag first in the same section, returning when set
//     (syncmodel.HandedOver);
//
//   - after the writer's runs: w's function runs only in goroutines,
//     and every other access comes after a join of all of them
//     (outsideRuns);
//
//   - before the object is published: w's goroutine signals its maker
//     after w, and the maker returns the object only once it has the
//     signal; every other access comes through that result
//     (publishedAfter).
//
//   - after the teardown: w comes once every goroutine of the package
//     that accesses the field has been joined, and the other accesses
//     run only in client calls (a MustClose that stops the loops and
//     waits for them, then drops their state: a client that calls
//     the object during or after Close breaks its contract)
//     (afterTeardown).
//
// The field must be unexported: other packages could access it.
func orderedWrite(pass *analysis.Pass, v *types.Var, w ssa.Instruction) bool {
	sm, ok := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
	if !ok || v.Exported() {
		return false
	}
	fn := w.Parent()
	var others []ssa.Instruction
	for _, in := range sm.FieldAccesses(v) {
		if fa, ok := in.(*ssa.FieldAddr); ok && chanmodel.Unshared(fa.X, in) {
			continue // an object not yet handed to anyone: a constructor's
		}
		if in.Parent() != fn {
			others = append(others, in)
		}
	}
	if len(others) == 0 {
		return false
	}
	if fa, _, _ := fieldAccess(w); fa != nil && sm.HandedOver(fa, w, others) {
		return true // the closer owns the field once it set the flag
	}
	return setUpBefore(pass, sm, w, others) || answeredRequests(sm, w, others) || inTurn(sm, w, others) || outsideRuns(sm, w, others) || publishedAfter(sm, w, others) || afterTeardown(pass, sm, w, others)
}

// inTurn reports whether w runs in a worker's turn (syncmodel.Turn:
// between taking a request and replying to it) and every access of
// others runs in the worker's goroutine, or in a requester of that
// turn once it has the reply, still holding the mutex it took before
// the request, or holds a mutex every requester holds over the whole
// turn.
func inTurn(sm *syncmodel.Model, w ssa.Instruction, others []ssa.Instruction) bool {
	for _, t := range sm.TurnOf(w) {
		ok := true
		var locks []*types.Var
		locked := false
		for _, in := range others {
			if _, own := sm.OwnGoroutine(t.Worker, in.Parent()); own || sm.AfterAnswer(t, in) {
				continue
			}
			if !locked {
				locks, locked = sm.HeldOverTurn(t), true
			}
			if !holdsAny(sm, in, locks) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// madeHere reports whether the field access in is made on an object
// its own function allocated.
func madeHere(in ssa.Instruction) bool {
	fa, ok := in.(*ssa.FieldAddr)
	if !ok {
		fa, _, _ = fieldAccess(in)
	}
	if fa == nil {
		return false
	}
	a, ok := fa.X.(*ssa.Alloc)
	return ok && a.Parent() == in.Parent()
}

// afterTeardown reports whether w runs once all the goroutines the
// package starts that access the field have ended, the other ways to
// the accesses being calls the package's clients make
// (syncmodel.TornDown), or the maker of the object: at least one
// goroutine, and nothing the package itself runs beside the teardown.
// Tests' accesses, on objects of their own, are left out.
func afterTeardown(pass *analysis.Pass, sm *syncmodel.Model, w ssa.Instruction, others []ssa.Instruction) bool {
	closures := analysisutil.PassClosures(pass)
	n := 0
	for _, in := range others {
		f := in.Parent()
		for f.Parent() != nil && closures.PlumbingLiteral(f) {
			f = f.Parent() // sort.Search's less runs in its caller
		}
		if flow.InTestFile(f) && !flow.InTestFile(w.Parent()) || madeHere(in) {
			continue
		}
		joined, ok := sm.TornDown(w, f)
		if !ok {
			return false
		}
		if joined {
			n++
		}
	}
	return n > 0
}

// publishedAfter reports whether w happens before the maker of its
// object returns it (syncmodel.PublishedAfter: a session's loop sets
// its ID, then closes the ready channel its constructor waits on), and
// every other access runs in w's own goroutine, or in the maker once
// it has the signal, or in a function that neither reaches within the
// package: a method a client calls on the object the maker returned.
// Tests' accesses, on objects of their own, are left out.
func publishedAfter(sm *syncmodel.Model, w ssa.Instruction, others []ssa.Instruction) bool {
	fa, ok := w.(*ssa.FieldAddr)
	if !ok {
		fa, _, _ = fieldAccess(w)
	}
	if fa == nil {
		return false
	}
	// The object, named by the parameter it came in by (a receiver
	// the function's literals capture is loaded from its cell).
	k := lockset.KeyOf(fa.X).Extend("")
	base, ok := k.Root.(*ssa.Parameter)
	if !ok || k.Path != "" {
		return false
	}
	pub, ok := sm.PublishedAfter(w, base)
	if !ok {
		return false
	}
	fn := w.Parent()
	for _, in := range others {
		f := in.Parent()
		switch {
		case flow.InTestFile(f) && !flow.InTestFile(fn):
		case f == pub.Maker:
			if !pub.After(in) {
				return false
			}
		default:
			if _, ok := sm.OwnGoroutine(fn, f); ok {
				continue
			}
			if sm.CalledFrom(f, pub.Maker, fn) {
				return false
			}
		}
	}
	return true
}

// outsideRuns reports whether every access of others runs once all
// the goroutines running w's function have ended (a restart that stops
// the evictor and waits for it before it resets the evictor's fields
// under the lock). An access before the go statement is not enough: a
// second call of the starter runs it beside the first call's goroutine
// (setUpBefore asks for a starter that runs once). Tests that call
// w's function by hand or access the field, on objects of their own,
// are left out.
func outsideRuns(sm *syncmodel.Model, w ssa.Instruction, others []ssa.Instruction) bool {
	fn := w.Parent()
	n := 0
	for _, in := range others {
		if flow.InTestFile(in.Parent()) && !flow.InTestFile(fn) {
			continue
		}
		if !sm.JoinedInPackage(in, fn) {
			return false
		}
		n++
	}
	return n > 0
}

// setUpBefore reports whether every access of others runs only in
// goroutines started after w by w's function, or in w's own goroutine,
// called from w's function.
func setUpBefore(pass *analysis.Pass, sm *syncmodel.Model, w ssa.Instruction, others []ssa.Instruction) bool {
	// Set-up runs once per object: a second run would write while the
	// first one's goroutines read. The package may call the method at
	// one place, not in a loop (tests, on objects of their own, aside).
	n := 0
	for _, s := range sm.Callers(w.Parent()) {
		if inTest(pass, s.Caller) {
			continue
		}
		if n++; n > 1 || flow.InLoop(s.Instr.Block()) {
			return false
		}
	}
	done := map[*ssa.Function]bool{}
	inline := false
	for _, in := range others {
		f := in.Parent()
		if done[f] {
			continue
		}
		called, ok := sm.OrderedByStarter(f, w)
		if !ok {
			return false
		}
		inline = inline || called
		done[f] = true
	}
	// An access in w's own goroutine is ordered with w only in the
	// same run of w's function: a second run on the same object, in
	// another goroutine, would race with it. An object made for the
	// call rules that out.
	return !inline || madeByCaller(pass, sm, w)
}

// madeByCaller reports whether every call of w's function, outside
// tests, is on an object (the receiver or parameter whose field w
// writes) that the calling function allocated: each call of the
// caller makes its own, and w's function, called at that one place,
// runs once per object. Where else the object goes does not matter:
// no one else runs w's function on it.
func madeByCaller(pass *analysis.Pass, sm *syncmodel.Model, w ssa.Instruction) bool {
	fa, _, _ := fieldAccess(w)
	if fa == nil {
		return false
	}
	p, ok := fa.X.(*ssa.Parameter)
	if !ok {
		return false
	}
	fn := w.Parent()
	i := slices.Index(fn.Params, p)
	n := 0
	for _, s := range sm.Callers(fn) {
		if inTest(pass, s.Caller) {
			continue
		}
		if s.Goroutine || i < 0 || i >= len(s.Args) {
			return false
		}
		if a, ok := s.Args[i].(*ssa.Alloc); !ok || a.Parent() != s.Caller {
			return false
		}
		n++
	}
	return n > 0
}

// answeredRequests reports whether w's function, run in one goroutine
// only, answers after w the request it is handling, and every access
// of others runs in that goroutine, or waits after it for the answer
// to such a request, or holds a mutex that every requester holds from
// its request until the answer (w then happens inside the requester's
// critical section).
func answeredRequests(sm *syncmodel.Model, w ssa.Instruction, others []ssa.Instruction) bool {
	fn := w.Parent()
	if _, ok := sm.OwnGoroutine(fn, fn); !ok {
		return false
	}
	replies := syncmodel.RepliesAfter(w)
	if len(replies) == 0 {
		return false
	}
	var locks []*types.Var
	for _, r := range replies {
		if r.Recv != nil {
			locks = append(locks, sm.RequestLocks(r.Recv, r.Field)...)
		}
	}
	for _, in := range others {
		if _, ok := sm.OwnGoroutine(fn, in.Parent()); ok {
			continue
		}
		if field, _, ok := syncmodel.AwaitsReply(in); ok && slices.ContainsFunc(replies, func(r syncmodel.Reply) bool { return r.Field == field }) {
			continue
		}
		if !holdsAny(sm, in, locks) {
			return false
		}
	}
	return true
}

// holdsAny reports whether one of the mutex fields locks is held at in.
func holdsAny(sm *syncmodel.Model, in ssa.Instruction, locks []*types.Var) bool {
	f := sm.Locks.Funcs[in.Parent()]
	if f == nil {
		return false
	}
	for k := range f.HeldBefore(in) {
		if v := k.Field(); v != nil && slices.Contains(locks, v) {
			return true
		}
	}
	return false
}
