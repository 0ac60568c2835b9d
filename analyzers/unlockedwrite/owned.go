package unlockedwrite

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// A field that only one goroutine ever touches needs no lock, whatever
// locks happen to be held around its accesses. A connection's run loop,
// started once per connection, owns its queues and counters; the
// connection's mutex guards the siblings that its exported methods
// share with the loop, and the loop takes it when it touches those,
// sometimes in the middle of work on its own fields:
//
//	func (c *Conn) loop() {
//		c.queue = append(c.queue, f) // c's loop only
//		c.mu.Lock()
//		c.queue = c.queue[1:]        // held for c.stats, not for c.queue
//		c.stats.sent++
//		c.mu.Unlock()
//	}
//
// Those locked accesses are no evidence that the mutex guards the
// field, and its unlocked writes race with nothing.

// objAccess is one access of a field, with the object it is made on.
type objAccess struct {
	instr ssa.Instruction
	obj   ssa.Value
}

// fieldAccesses returns the accesses of the field v in the package,
// each with the value that holds its object, leaving out those made on
// an object their function allocated and has not shared yet (a
// constructor filling it in). ok is false when the object of some
// access is not a value of its own function (a field reached through
// another field, a struct held by value).
func fieldAccesses(sm *syncmodel.Model, v *types.Var) ([]objAccess, bool) {
	var out []objAccess
	for _, in := range sm.FieldAccesses(v) {
		var obj ssa.Value
		switch x := in.(type) {
		case *ssa.FieldAddr:
			obj = x.X
		case *ssa.Field:
			load, ok := x.X.(*ssa.UnOp)
			if !ok || load.Op != token.MUL {
				return nil, false
			}
			obj = load.X
		}
		if obj == nil {
			return nil, false
		}
		if chanmodel.Unshared(obj, in) {
			continue
		}
		out = append(out, objAccess{in, obj})
	}
	return out, true
}

// ownedField returns the go statement whose goroutine, started once
// per object, makes every access of the unexported field v (the
// constructor's before it starts aside).
func ownedField(pass *analysis.Pass, v *types.Var) (syncmodel.Site, bool) {
	sm, ok := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
	if !ok || v.Exported() {
		return syncmodel.Site{}, false
	}
	accs, ok := fieldAccesses(sm, v)
	if !ok || len(accs) == 0 {
		return syncmodel.Site{}, false
	}
	var owner syncmodel.Site
	for _, a := range accs {
		rs, ok := sm.RunnersAt(a.instr, a.obj)
		if !ok {
			return syncmodel.Site{}, false
		}
		// No runner: nothing in the package calls the function, and
		// nothing else can.
		for _, r := range rs {
			if r.Entry != nil || !r.PerObject || owner.Instr != nil && r.Go.Instr != owner.Instr {
				return syncmodel.Site{}, false
			}
			owner = r.Go
		}
	}
	return owner, owner.Instr != nil
}

// A field that a goroutine started once per object owns except for
// one access elsewhere races exactly there. The model says which
// goroutines can run each access (syncmodel.Runners): the owner, the
// loop started by the constructor or Start, and an entry that any
// goroutine may run, an exported method or a callback handed away (a
// time.AfterFunc function). When the entry makes its access holding no
// lock and waiting for nothing before it, nothing orders it with the
// loop's: a Reset that clears the loop's queue, a timer that bumps the
// loop's counter, a Progress that reads what the worker writes.
//
//	func (s *Session) Reset() {
//		s.unacked = nil // reported: s's run loop appends to it
//	}
//
// The write is reported: the entry's own, or else the loop's unlocked
// write that the entry's unlocked read runs beside. An entry that
// receives, selects or waits before its access (a Status that reads
// once the worker has closed done) is left alone, and so are accesses
// made before the go statement that starts the loop, after a join of
// it, in tests, and objects with neither a mutex nor a channel (no sign
// that they are shared between goroutines at all).
func checkOwned(pass *analysis.Pass, res *lockset.Result, done map[token.Pos]bool) {
	sm, ok := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
	if !ok {
		return
	}
	var fields []*types.Var
	seen := map[*types.Var]bool{}
	for _, f := range sm.Funcs {
		for _, b := range f.Fn.Blocks {
			for _, in := range b.Instrs {
				fa, ok := in.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				if v := analysisutil.FieldOf(fa); v != nil && !seen[v] && v.Pkg() == pass.Pkg && !v.Exported() {
					seen[v] = true
					fields = append(fields, v)
				}
			}
		}
	}
	for _, v := range fields {
		checkOwnedField(pass, res, sm, v, done)
	}
}

// ownedAccess is an access of a field with the goroutines that run it.
type ownedAccess struct {
	objAccess
	write    bool
	unlocked bool
	entry    *ssa.Function // the access runs in its entry's callers' goroutines
}

func checkOwnedField(pass *analysis.Pass, res *lockset.Result, sm *syncmodel.Model, v *types.Var, done map[token.Pos]bool) {
	st := structOf(v)
	if st == nil || !sharedKind(st) {
		return
	}
	accs, ok := fieldAccesses(sm, v)
	if !ok {
		return
	}
	var owner syncmodel.Site
	var restarts []syncmodel.Site
	var own, outside []ownedAccess
	for _, a := range accs {
		fn := a.instr.Parent()
		if inTest(pass, fn) {
			continue
		}
		write, read := plainAccess(a.instr)
		rs, ok := sm.RunnersAt(a.instr, a.obj)
		if !ok {
			return
		}
		f := res.Funcs[fn]
		oa := ownedAccess{objAccess: a, write: write, unlocked: f != nil && !f.EntryLocked && len(f.HeldBefore(a.instr)) == 0 && len(f.MayHeldBefore(a.instr)) == 0 && !sm.ChanLockHeld(a.instr)}
		loop := len(rs) > 0
		for _, r := range rs {
			switch {
			case r.Entry != nil:
				loop = false
				if r.Entry != fn || oa.entry != nil || !exported(fn) && !timerCallback(sm, fn) {
					// Reached from an entry through helpers (its waits
					// are not seen here), or a function value that may
					// be called by the loop itself (sort.Slice's less).
					return
				}
				oa.entry = fn
			case !r.PerObject:
				if !restartsOnReceiver(r.Go) {
					return // more than one goroutine besides the entries
				}
				restarts = append(restarts, r.Go)
			case owner.Instr != nil && r.Go.Instr != owner.Instr:
				return // more than one goroutine besides the entries
			default:
				owner = r.Go
			}
		}
		switch {
		case !write && !read:
			// the field's address handed on (an atomic, a method of a
			// struct field): not a plain access
		case loop:
			own = append(own, oa)
		case oa.entry != nil && (!setUp(oa.entry) || startsBefore(oa.entry, a.instr)):
			// (A set-up method, EnablePaste "must be called before
			// Start" or a Construct the constructor calls, runs
			// before the loop: trusted up to its own go statement, as
			// in fields.go.)
			outside = append(outside, oa)
		}
	}
	if owner.Instr == nil && len(restarts) > 0 {
		owner = restarts[0] // a Start with settings, and the Restart that calls it
	}
	if owner.Instr == nil || len(own) == 0 || len(outside) == 0 {
		return
	}
	for _, r := range restarts {
		if goCallee(r) != goCallee(owner) {
			return
		}
	}
	// An entry's own unlocked write is the race to report; its reads
	// beside the loop's writes are then the same race seen twice.
	writers := map[*ssa.Function]bool{}
	racing := func(o ownedAccess) bool {
		return o.unlocked && !waitsBefore(o.instr) && !ordered(sm, o.instr, own)
	}
	for _, o := range outside {
		if o.write && racing(o) && !configuredBeforeStart(sm, o, own, owner) {
			writers[o.entry] = true
			reportOwned(pass, v, o, own[0], owner, done)
		}
	}
	// An entry's access under a lock is no safer than an unlocked one
	// beside a loop write that takes no lock: they share none (a
	// Restart that resets the evictor's counters under the mutex the
	// evictor never takes for them).
	lockedBeside := func(o ownedAccess) bool {
		return !o.unlocked && !waitsBefore(o.instr) && !ordered(sm, o.instr, own)
	}
	for _, o := range outside {
		if writers[o.entry] || o.write && !lockedBeside(o) || !o.write && !racing(o) && !lockedBeside(o) {
			continue
		}
		for _, w := range own {
			// A locked access beside it is weaker evidence: the loop's
			// write may still be ordered with every other access (a
			// request the loop answers, a join before the reset).
			// A write under a lock beside an entry's read that takes
			// none: the lock orders nothing for the reader.
			// An unlocked access of a client's after a write that
			// happens before the object is published races with
			// nothing (publishedAfter).
			if w.write && (w.unlocked && (o.unlocked && !publishedAfter(sm, w.instr, []ssa.Instruction{o.instr}) || !o.unlocked && !orderedWrite(pass, v, w.instr)) || !w.unlocked && o.unlocked && !o.write && !locksBefore(res, o.instr, w.instr)) {
				reportOwned(pass, v, w, o, owner, done)
			}
		}
	}
}

// setUp reports whether fn, an entry, is named or documented as a
// set-up step: a Start method (see startMethod) or an initialiser
// (Init, Construct: lockset.Initialiser).
func setUp(fn *ssa.Function) bool {
	return startMethod(fn) || lockset.Initialiser(fn)
}

// configuredBeforeStart reports whether the entry's write o is a
// setting the loop only reads (SetRefreshRate(d) { t.rate = d }, the
// loop reading t.rate each turn), and nothing in the package calls the
// setter where it may run once the loop has started: after a call
// that starts it, in a goroutine, or from an exported method other
// than an initialiser; and the loop is started apart from the object's
// making (a Start or Watch). A type configured, then started, is the
// setter's contract; its clients in other packages are not seen here,
// and a call the package makes too late is what proves the race.
func configuredBeforeStart(sm *syncmodel.Model, o ownedAccess, own []ownedAccess, owner syncmodel.Site) bool {
	for _, a := range own {
		if a.write {
			return false
		}
	}
	// A Start that sets its callback after its own go statement sets
	// it beside the loop.
	if !storesParam(o.instr) || startedByMaker(sm, owner.Caller, 0) || startsBeforeCall(sm, o.instr, owner) {
		return false
	}
	return !calledLate(sm, o.entry, owner, 0)
}

// startedByMaker reports whether fn, which starts the loop, is an
// initialiser or runs in one (up to a depth): the loop runs from the
// object's birth, and no setter call comes before it.
func startedByMaker(sm *syncmodel.Model, fn *ssa.Function, depth int) bool {
	if fn == nil || lockset.Initialiser(fn) {
		return true
	}
	if depth > 3 {
		return true
	}
	for _, s := range sm.Callers(fn) {
		if s.Caller != nil && !flow.InTestFile(s.Caller) && startedByMaker(sm, s.Caller, depth+1) {
			return true
		}
	}
	return false
}

// storesParam reports whether the field access in is a store of one of
// its function's parameters.
func storesParam(in ssa.Instruction) bool {
	fa, ok := in.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	for _, r := range *fa.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == fa {
			if _, ok := st.Val.(*ssa.Parameter); !ok {
				return false
			}
		}
	}
	return true
}

// calledLate reports whether a call of fn in the package may run once
// the goroutine owner starts has started: it follows a call that
// starts it in the same function, runs in a goroutine, or comes from
// an exported method (not an initialiser) or a caller that does, up
// to a depth (beyond it, no proof of a late call: not reported).
func calledLate(sm *syncmodel.Model, fn *ssa.Function, owner syncmodel.Site, depth int) bool {
	if depth > 3 {
		return false
	}
	for _, s := range sm.Callers(fn) {
		g := s.Caller
		if s.IsGo() || s.Goroutine || g == nil {
			return true
		}
		if startsBeforeCall(sm, s.Instr, owner) {
			return true
		}
		if roots, _ := sm.GoRoots(g); len(roots) > 0 {
			return true
		}
		if lockset.Initialiser(g) || startMethod(g) || flow.IsMain(g) || flow.IsTest(g) {
			continue
		}
		if sm.Open(g) || calledLate(sm, g, owner, depth+1) {
			return true
		}
	}
	return false
}

// startsBeforeCall reports whether, in call's function, a statement
// that starts the goroutine owner (its go statement, or a call that
// makes it) can run before the instruction call.
func startsBeforeCall(sm *syncmodel.Model, call ssa.Instruction, owner syncmodel.Site) bool {
	return flow.AnyBefore(call, func(in ssa.Instruction) bool {
		if in == owner.Instr {
			return true
		}
		c, ok := in.(*ssa.Call)
		if !ok || owner.Caller == nil {
			return false
		}
		callee := flow.Callee(c.Common())
		return callee != nil && sm.CalledFrom(owner.Caller, callee)
	})
}

// restartsOnReceiver reports whether the go statement s starts its
// goroutine again on an object that already has one: it is in an
// exported method, outside loops, with the method's receiver, as
// SetTTL { close(c.stop); c.ttl = ttl; go c.evictLoop(...) } restarts
// the loop the constructor started. The restarting method is an entry
// like any other: what it accesses before it has joined the running
// loop (a wait before the access, or syncmodel's join) races with that
// loop. Two loops of the object may overlap when it does not join, so
// the loop's own accesses are not proven safe by this; they are only
// not reported (a miss, never a false report).
func restartsOnReceiver(s syncmodel.Site) bool {
	fn := s.Caller
	if fn == nil || fn.Signature.Recv() == nil || len(fn.Params) == 0 || !exported(fn) || flow.InLoop(s.Instr.Block()) {
		return false
	}
	recv := fn.Params[0]
	isRecv := func(v ssa.Value) bool {
		a, ok := v.(*ssa.Alloc)
		return v == recv || ok && accesspath.SpilledParam(a) == recv
	}
	return slices.ContainsFunc(s.Args, isRecv) || slices.ContainsFunc(s.Bindings, isRecv)
}

// goCallee returns the function the go statement s starts.
func goCallee(s syncmodel.Site) *ssa.Function {
	if c, ok := s.Instr.(ssa.CallInstruction); ok {
		return flow.Callee(c.Common())
	}
	return nil
}

// plainAccess reports whether the access in stores into the field or
// loads it.
func plainAccess(in ssa.Instruction) (write, read bool) {
	fa, ok := in.(*ssa.FieldAddr)
	if !ok {
		return false, true // a Field: a read of a struct value
	}
	for _, r := range *fa.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr == fa {
				write = true
			}
		case *ssa.UnOp:
			if r.Op == token.MUL {
				read = true
			}
		}
	}
	return write, read
}

// waitsBefore reports whether something that may wait for another
// goroutine (a receive, a select, a Wait) can run before in, in its
// function.
func waitsBefore(in ssa.Instruction) bool {
	return flow.AnyBefore(in, func(x ssa.Instruction) bool { return waitsHere(x) || isSelect(x) })
}

// locksBefore reports whether a Lock, or a send (a token taken), can
// run before in, in its function, there or in a callee of the package
// (ls): a section of the writer's lock that the reader entered and left
// may order its read after the write (a future's GetResult that reads
// once it has seen, under the lock, the flag the writer set with the
// result; an RPC whose helper found, under the lock, the map the
// failing router cleared as it stored the error it then reads).
//
// A callee counts when it takes a mutex of a class the writer holds at
// w (any, when the writer's locks are its callers').
func locksBefore(ls *lockset.Result, in ssa.Instruction, w ssa.Instruction) bool {
	held := map[lockset.Class]bool{}
	if wf := ls.Funcs[w.Parent()]; wf != nil {
		for k := range wf.HeldBefore(w) {
			if c, _, ok := lockset.ClassOf(k); ok {
				held[c] = true
			}
		}
	}
	return flow.AnyBefore(in, func(x ssa.Instruction) bool {
		switch x := x.(type) {
		case *ssa.Send:
			return true
		case ssa.CallInstruction:
			switch op, _ := lockset.LockCallOf(x.Common()); op {
			case lockset.MutexLock, lockset.MutexRLock, lockset.MutexTryLock:
				return true
			}
			if callee := x.Common().StaticCallee(); callee != nil {
				if f := ls.Funcs[callee]; f != nil {
					for _, a := range f.Acquires {
						if c, _, ok := lockset.ClassOf(a.Key); len(held) == 0 || ok && held[c] {
							return true
						}
					}
				}
			}
		}
		return false
	})
}

func isSelect(in ssa.Instruction) bool {
	_, ok := in.(*ssa.Select)
	return ok
}

// ordered reports whether in runs before the goroutine that makes the
// accesses own starts, or once it has ended.
func ordered(sm *syncmodel.Model, in ssa.Instruction, own []ownedAccess) bool {
	for _, a := range own {
		if fn := a.instr.Parent(); !sm.Precedes(in, fn) && !sm.Joined(in, fn) {
			return false
		}
	}
	return true
}

// structOf returns the struct the field v belongs to, or nil.
func structOf(v *types.Var) *types.Struct {
	for _, n := range v.Pkg().Scope().Names() {
		tn, ok := v.Pkg().Scope().Lookup(n).(*types.TypeName)
		if !ok {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				if st.Field(i) == v {
					return st
				}
			}
		}
	}
	return nil
}

// sharedKind reports whether the struct st has a mutex or a channel: a
// sign that its objects are shared between goroutines.
func sharedKind(st *types.Struct) bool {
	for i := range st.NumFields() {
		t := st.Field(i).Type()
		if lockset.IsMutex(t) {
			return true
		}
		if _, ok := t.Underlying().(*types.Chan); ok {
			return true
		}
	}
	return false
}

// reportOwned reports the write w, racing with the access other, one
// of them made by the goroutine started at owner.
func reportOwned(pass *analysis.Pass, v *types.Var, w, other ownedAccess, owner syncmodel.Site, done map[token.Pos]bool) {
	pos := w.instr.Pos()
	if done[pos] || !pos.IsValid() {
		return
	}
	loopName := owner.Instr.Parent().Name()
	if c, ok := owner.Instr.(ssa.CallInstruction); ok {
		if callee := c.Common().StaticCallee(); callee != nil {
			loopName = callee.Name()
		}
	}
	obj := lockset.Describe(lockset.KeyOf(w.obj)) + "." + v.Name()
	var msg, otherMsg string
	if w.entry != nil {
		msg = fmt.Sprintf("write to %s in %s without a lock, while the goroutine running %s accesses it", obj, analysisutil.Caller(w.entry), loopName)
		otherMsg = "accessed by that goroutine here"
	} else if other.unlocked && !w.unlocked {
		msg = fmt.Sprintf("write to %s in the goroutine running %s, while %s, which any goroutine may run, reads it without the lock that goroutine holds", obj, loopName, analysisutil.Caller(other.entry))
		otherMsg = "read here, with no lock held and no wait"
	} else if other.unlocked {
		msg = fmt.Sprintf("write to %s in the goroutine running %s without a lock, while %s, which any goroutine may run, reads it without one", obj, loopName, analysisutil.Caller(other.entry))
		otherMsg = "read here, with no lock held and no wait"
	} else {
		verb, noun := "reads", "read"
		if other.write {
			verb, noun = "writes", "written"
		}
		msg = fmt.Sprintf("write to %s in the goroutine running %s without a lock, while %s, which any goroutine may run, %s it holding a lock that goroutine does not take", obj, loopName, analysisutil.Caller(other.entry), verb)
		otherMsg = noun + " here, with a lock the goroutine does not take for its write"
	}
	d := analysis.Diagnostic{Pos: pos, Category: "owned", Message: msg, Related: []analysis.RelatedInformation{
		{Pos: other.instr.Pos(), Message: otherMsg},
		{Pos: owner.Instr.Pos(), Message: "the goroutine started here"},
	}}
	var tr finding.Trace
	tr.Step(finding.Place{Pos: owner.Instr.Pos(), Message: "starts " + loopName, Goroutine: analysisutil.Goroutine(pass.Fset, owner.Caller), Op: finding.OpGo})
	tr.Step(finding.Place{Pos: pos, Goroutine: analysisutil.Goroutine(pass.Fset, w.instr.Parent()), Op: finding.OpWrite})
	op := finding.OpRead
	if other.write {
		op = finding.OpWrite
	}
	tr.Step(finding.Place{Pos: other.instr.Pos(), Goroutine: analysisutil.Goroutine(pass.Fset, other.instr.Parent()), Op: op})
	tr.Report(pass, d)
}

// timerCallback reports whether the function literal fn, or the
// method fn as a method value (time.AfterFunc(d, p.probe)), is made
// only to be handed to time.AfterFunc, whose timer goroutine calls it.
func timerCallback(sm *syncmodel.Model, fn *ssa.Function) bool {
	var made []*ssa.MakeClosure
	if parent := fn.Parent(); parent != nil {
		for _, b := range parent.Blocks {
			for _, in := range b.Instrs {
				if mc, ok := in.(*ssa.MakeClosure); ok && mc.Fn == fn {
					made = append(made, mc)
				}
			}
		}
	} else if fn.Signature.Recv() != nil {
		made = sm.MethodValues(fn)
	}
	for _, mc := range made {
		for _, r := range *mc.Referrers() {
			c, ok := r.(*ssa.Call)
			if !ok || !analysisutil.IsFunc(flow.CalleeFunc(c.Common()), "time", "AfterFunc") {
				return false
			}
		}
	}
	return len(made) > 0
}
