package lockedblock

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// This file is the protocol rule: a blocking operation (a WaitGroup or
// errgroup Wait, a Cond.Wait, a channel send or receive) performed
// while holding a mutex that every partner able to unblock it (the
// goroutine that calls Done, Signals, receives, sends or closes) must
// lock before it gets there. The waiter holds the lock while it waits;
// a partner that has not yet passed its Lock blocks on it and never
// unblocks the waiter.

// A held mutex at a blocking operation, in the waiter's terms.
type held struct {
	key   lockset.Key // canonical (syncmodel.Model.Canon)
	class lockset.Class
	named bool
	name  string
	mode  lockset.Mode
	pos   token.Pos // where the waiter locked it
	// names are the key's names in the callers and starters of the
	// waiter's function (the mutex of the value go pl.pop() runs on).
	names []lockset.Key
	// writer is, for a read-locked RWMutex, where another function of
	// the package write-locks it: once that Lock waits for the waiter's
	// read lock, a partner's RLock queues behind it (sync.RWMutex
	// prefers a waiting writer), so the partner's read lock is needed
	// as surely as a write lock.
	writer token.Pos
}

// heldAt returns the mutexes certainly held before instr in fn, not
// assumed from callers, keyed canonically; skip leaves one class out
// (a Cond's own L, which Wait releases).
func heldAt(sm *syncmodel.Model, fn *ssa.Function, instr ssa.Instruction, skip *lockset.Class) []held {
	lf := sm.Locks.Funcs[fn]
	if lf == nil {
		return nil
	}
	var out []held
	for k, l := range lf.HeldBefore(instr) {
		if l.Entry {
			continue
		}
		cls, _, ok := lockset.ClassOf(k)
		if skip != nil && (!ok || cls == *skip) {
			continue
		}
		ck := sm.Canon(fn, k)
		h := held{key: ck, class: cls, named: ok, name: lockset.Describe(k), mode: l.Mode, pos: l.Pos, names: sm.KeyNames(fn, ck, 2)[1:]}
		if l.Mode == lockset.Read && ok && !sm.Locks.NeverWriteLocked(k) {
			if a, found := sm.Locks.WriteLocker(cls, fn); found {
				h.writer = a.Instr.Pos()
			}
		}
		out = append(out, h)
	}
	return out
}

// tied reports whether a mutex, canonical key k, belongs to the object
// whose canonical key is base: a package variable, or the same root
// (the mutex and the WaitGroup of one struct value).
func tied(k, base lockset.Key) bool {
	return k.Global != "" || (k.Root != nil && k.Root == base.Root)
}

// sameLock reports whether p, a partner's mutex (canonical, with the
// partner's object base pb), is h, held by the waiter with object
// base wb: the very same access path from one stable root, or the same
// field or package variable of the objects' own values. Two read locks
// exclude each other only through a writer that may queue between them.
func sameLock(h held, wb lockset.Key, p lockset.Key, names []lockset.Key, pmode lockset.Mode, pb lockset.Key) bool {
	if h.mode == lockset.Read && pmode == lockset.Read && !h.writer.IsValid() {
		return false
	}
	if p == h.key && p.Stable() {
		return true
	}
	for _, n := range names {
		if n == h.key && n.Stable() {
			return true
		}
	}
	// The mutex of the one value a function makes and hands to both
	// goroutines (pl := newListener(); go pl.pop(stopCh); go func()
	// { pl.lock.Lock() ... }()): the same key in the starter's frame.
	for _, hn := range h.names {
		if !madeValue(hn) {
			continue
		}
		if hn == p {
			return true
		}
		for _, n := range names {
			if n == hn {
				return true
			}
		}
	}
	cls, _, ok := lockset.ClassOf(p)
	return ok && h.named && cls == h.class && tied(h.key, wb) && tied(p, pb)
}

// madeValue reports whether k is rooted at a value one run of its
// function makes once (a local, a parameter, a call's result): the
// goroutines that function starts and hands it to share it.
func madeValue(k lockset.Key) bool {
	if k.Stable() {
		return true
	}
	_, ok := k.Root.(*ssa.Call)
	return ok
}

// A gate is where a partner locks the waiter's mutex before it can
// unblock the waiter.
type gate struct {
	pos  token.Pos
	name string
	// wait is, for a partner that does not lock the mutex itself, its
	// wait for a goroutine that does (see waitsGated).
	wait token.Pos
	// read is set when the partner only read-locks the mutex the
	// waiter read-locks: it blocks only behind a waiting writer.
	read bool
	// sets are the fields the partner sets in the section it locks
	// the mutex for at the gate (see stateOrdered).
	sets []*types.Var
}

// gated returns where the partner, at one of points in fn (the
// operation, or for a deferred one the returns it runs at), locks
// h first: a Lock of it that reaches one of the points, or h held
// there. When fn itself does not, and every use of fn is a static
// call, every call site must be gated in its caller. A path from the
// Lock that makes the mutex, the object or the channel (made, if not
// nil) anew on its way does not count: it reaches another value's
// operation (a loop whose body declares them).
//
// For a partner that calls a WaitGroup's Done (cnt not nil), a Lock
// that the partner passes only before its own Add of the WaitGroup
// does not count: blocked there, it is not counted yet, and Wait does
// not wait for it (the Add made under the mutex that the waiter holds
// across Wait, to order every Add before it).
func gated(sm *syncmodel.Model, w, fn *ssa.Function, points []ssa.Instruction, h held, wb, pb lockset.Key, depth int, made ssa.Value, cnt *counting, signals []ssa.Instruction) (gate, bool) {
	lf := sm.Locks.Funcs[fn]
	if lf == nil || len(points) == 0 {
		return gate{}, false
	}
	// If fn starts the waiter's goroutine, a Lock before the start
	// happens before the waiter exists: only one after it can find
	// the waiter holding the mutex.
	var starts []ssa.Instruction
	for _, s := range sm.Callers(w) {
		if s.Caller == fn && s.Goroutine {
			starts = append(starts, s.Instr)
		}
	}
	// So does a Lock before fn hands the waiter, a function literal
	// it makes, to anyone who may call it (a callback passed to a
	// client's PublishAsync under the lock the callback takes).
	starts = append(starts, analysisutil.HandOffs(w, fn)...)
	afterStart := func(a ssa.Instruction) bool {
		if len(signals) > 0 {
			// Before its signal, fn has not yet let the waiter get to
			// its operation: a Lock then happens before the waiter's.
			return slices.ContainsFunc(signals, func(s ssa.Instruction) bool { return flow.Reaches(s, a, nil) })
		}
		if len(starts) == 0 {
			return true
		}
		for _, s := range starts {
			if flow.Reaches(s, a, nil) {
				return true
			}
		}
		return false
	}
	for _, p := range points {
		if len(starts) > 0 {
			break
		}
		for k, l := range lf.HeldBefore(p) {
			if ck := sm.Canon(fn, k); !l.Entry && sameLock(h, wb, ck, sm.KeyNames(fn, ck, 2), l.Mode, pb) {
				return gate{pos: l.Pos, name: lockset.Describe(k), read: h.mode == lockset.Read && l.Mode == lockset.Read}, true
			}
		}
	}
	for _, a := range lf.Acquires {
		if ck := sm.Canon(fn, a.Key); !sameLock(h, wb, ck, sm.KeyNames(fn, ck, 2), a.Mode, pb) || !afterStart(a.Instr) {
			continue
		}
		stop := renews(a.Key.Root, pb.Root, wb.Root, made)
		if adds := cnt.addsIn(fn); len(adds) > 0 && !reachedFrom(adds, a.Instr) {
			renewed := stop
			stop = func(in ssa.Instruction) bool { return renewed(in) || adds[in] }
		}
		for _, p := range points {
			if flow.Reaches(a.Instr, p, stop) {
				g := gate{pos: a.Instr.Pos(), name: lockset.Describe(a.Key), read: h.mode == lockset.Read && a.Mode == lockset.Read}
				if h.named {
					g.sets = sm.Locks.SetsUnder(lf, a, h.class, points)
				}
				return g, true
			}
		}
	}
	if depth < 2 {
		if g, ok := waitsGated(sm, w, fn, points, h, wb, afterStart, depth); ok {
			return g, true
		}
	}
	if depth >= 3 || lf.Entry == nil {
		return gate{}, false
	}
	sites := sm.Callers(fn)
	var first gate
	n := 0
	for _, s := range sites {
		if s.Goroutine {
			return gate{}, false // started, not called: a goroutine of its own
		}
		cb := pb
		if pb.Root != nil {
			k, ok := lockset.Rebind(fn, pb, s.Args, s.Bindings)
			if !ok {
				return gate{}, false
			}
			cb = sm.Canon(s.Caller, k)
		}
		g, ok := gated(sm, w, s.Caller, []ssa.Instruction{s.Instr}, h, wb, cb, depth+1, nil, cnt, nil)
		if !ok {
			return gate{}, false
		}
		if n == 0 {
			first = g
		} else {
			first.sets = common(first.sets, g.sets)
		}
		n++
	}
	return first, n > 0
}

// common returns the fields both a and b hold.
func common(a, b []*types.Var) []*types.Var {
	var out []*types.Var
	for _, f := range a {
		if slices.Contains(b, f) {
			out = append(out, f)
		}
	}
	return out
}

// stateOrdered reports whether the waiter reaches its operation only
// when a field is set, read while it holds the mutex, that every
// partner sets in the very section it locks the mutex for before it
// unblocks the waiter (a reply writer, a pending request, a waiter
// count): while the field is unset the waiter does not wait, and once
// it is set the partner has passed its Lock. required lists those
// fields on the waiter's side (see required).
func stateOrdered(required []*types.Var, ps []partner) bool {
	if len(required) == 0 {
		return false
	}
	for _, p := range ps {
		if len(common(required, p.gate.sets)) == 0 {
			return false
		}
	}
	return true
}

// required returns the fields the waiter's operation instr, in fn,
// requires set (lockset's StateGuarded), tested while h is held: in
// fn itself, and at each call of the chain (innermost first) by which
// the waiter's function w, which locks h, reaches fn; below w every
// test runs under the lock its caller holds.
func required(sm *syncmodel.Model, fn *ssa.Function, instr ssa.Instruction, h held, chain []syncmodel.Site) []*types.Var {
	if !h.named {
		return nil
	}
	var out []*types.Var
	for i := -1; i < len(chain); i++ {
		if i >= 0 {
			fn, instr = chain[i].Caller, chain[i].Instr
		}
		if lf := sm.Locks.Funcs[fn]; lf != nil {
			out = append(out, lf.StateGuarded(instr, h.class, i < len(chain)-1)...)
		}
	}
	return out
}

// waitsGated returns the gate of a partner, fn, that before every one
// of points (and after it starts the waiter, if it does) waits on a
// plain send or receive on an unbuffered channel of the package whose
// every completer must first lock h: the partner cannot get past its
// own wait while the waiter holds h (a test that waits on resultCh,
// which the goroutine taking the waiter's mutex closes, before its
// deferred close(stopCh) that the waiter receives).
func waitsGated(sm *syncmodel.Model, w, fn *ssa.Function, points []ssa.Instruction, h held, wb lockset.Key, afterStart func(ssa.Instruction) bool, depth int) (gate, bool) {
	f := sm.Func(fn)
	if f == nil {
		return gate{}, false
	}
	for i := range f.Events {
		e := &f.Events[i]
		x := e.Op
		if e.Kind != syncmodel.Chan || x.Via != nil || x.Unit != 0 || x.Select || x.NonBlocking || x.Deferred ||
			(x.Kind != chanmodel.Send && x.Kind != chanmodel.Recv) || !afterStart(x.Instr) {
			continue
		}
		before := true
		for _, p := range points {
			before = before && p != x.Instr && flow.Dominates(x.Instr, p)
		}
		if !before || sm.Chans.Escapes(x.Chan) || !unbuffered(sm.Chans, x.Chan) {
			continue
		}
		rs, ok := completers(sm.Chans, x, false)
		if !ok || len(rs) == 0 {
			continue
		}
		var first gate
		all := true
		for j, r := range rs {
			if r.F.Fn == w || r.F.Fn == fn {
				all = false // the waiter's or the partner's own goroutine
				break
			}
			var pb lockset.Key
			if r.Op.Base != nil {
				pb = sm.Canon(r.F.Fn, lockset.KeyOf(r.Op.Base))
			}
			pts := []ssa.Instruction{r.Op.Instr}
			if r.Op.Deferred {
				pts = exitsAfter(r.F.Fn, r.Op.Instr)
			}
			g, ok := gated(sm, w, r.F.Fn, pts, h, wb, pb, depth+1, nil, nil, nil)
			if !ok {
				all = false
				break
			}
			if j == 0 {
				first = g
			}
		}
		if all {
			first.wait = x.Pos
			return first, true
		}
	}
	return gate{}, false
}

// renews returns a stop for flow.Reaches: the instructions that
// make the mutex, channel or object anew (a variable declared in a
// loop body), after which a Lock taken before is on another value.
func renews(roots ...ssa.Value) func(ssa.Instruction) bool {
	return func(in ssa.Instruction) bool {
		v, ok := in.(ssa.Value)
		if !ok {
			return false
		}
		for _, r := range roots {
			if r != nil && r == v {
				return true
			}
		}
		return false
	}
}

// exitsAfter returns the returns of fn that a deferred call registered
// at instr runs at.
func exitsAfter(fn *ssa.Function, instr ssa.Instruction) []ssa.Instruction {
	var out []ssa.Instruction
	for _, b := range fn.Blocks {
		if n := len(b.Instrs); n > 0 {
			if r, ok := b.Instrs[n-1].(*ssa.Return); ok && flow.Reaches(instr, r, nil) {
				out = append(out, r)
			}
		}
	}
	return out
}

// returnsOf returns every return of fn: where a goroutine started by
// WaitGroup.Go or Group.Go signals its end.
func returnsOf(fn *ssa.Function) []ssa.Instruction {
	var out []ssa.Instruction
	for _, b := range fn.Blocks {
		if n := len(b.Instrs); n > 0 {
			if r, ok := b.Instrs[n-1].(*ssa.Return); ok {
				out = append(out, r)
			}
		}
	}
	return out
}

// A partner is an operation that can unblock the waiter, and where it
// locks the waiter's mutex first.
type partner struct {
	gate gate
	fn   *ssa.Function
}

// eventPartners returns, for a waiter event e of function w (holding
// h), the gate of every partner event on e's object, or false if one
// of them does not need h, none exists, or some may be unseen.
//
// w is the function whose goroutine waits (e's own, or a caller of it
// that holds h at the call, e being on wb there); a partner in w or in
// e's function is the waiter's own goroutine.
func eventPartners(sm *syncmodel.Model, w *ssa.Function, e *syncmodel.Event, ef *ssa.Function, h held, wb lockset.Key) ([]partner, bool) {
	var kinds []syncmodel.Kind
	switch e.Kind {
	case syncmodel.Wait:
		kinds = []syncmodel.Kind{syncmodel.Done, syncmodel.WGGo}
	case syncmodel.CondWait:
		kinds = []syncmodel.Kind{syncmodel.Signal, syncmodel.Broadcast}
	case syncmodel.GroupWait:
		kinds = []syncmodel.Kind{syncmodel.GroupGo}
	default:
		return nil, false
	}
	if !sm.Contained(e.Obj) {
		return nil, false
	}
	var cnt *counting
	if e.Kind == syncmodel.Wait {
		cnt = &counting{adds: sm.EventsOn(ef, e.Obj, syncmodel.Add)}
	}
	var out []partner
	for _, r := range sm.EventsOn(ef, e.Obj, kinds...) {
		if (r.F.Fn == w || r.F.Fn == ef) && r.E.Start == nil {
			return nil, false // the waiter's own goroutine: not a partner that waits for the lock
		}
		var g gate
		var ok bool
		switch r.E.Kind {
		case syncmodel.WGGo, syncmodel.GroupGo:
			g, ok = startGated(sm, r.F.Fn, r.E, h, wb)
		default:
			points := []ssa.Instruction{r.E.Instr}
			if r.E.Deferred {
				points = exitsAfter(r.F.Fn, r.E.Instr)
			}
			g, ok = gated(sm, w, r.F.Fn, points, h, wb, r.E.Obj.Key, 0, nil, cnt, nil)
		}
		if !ok {
			return nil, false
		}
		out = append(out, partner{g, r.F.Fn})
	}
	return out, len(out) > 0
}

// counting knows the Adds of the WaitGroup a Wait waits on.
type counting struct {
	adds []syncmodel.Ref
}

// addsIn returns the Adds of the WaitGroup that fn makes itself.
func (c *counting) addsIn(fn *ssa.Function) map[ssa.Instruction]bool {
	if c == nil {
		return nil
	}
	var in map[ssa.Instruction]bool
	for _, r := range c.adds {
		if r.F.Fn == fn && r.E.Instr != nil {
			if in == nil {
				in = map[ssa.Instruction]bool{}
			}
			in[r.E.Instr] = true
		}
	}
	return in
}

// reachedFrom reports whether one of from reaches at: an Add before
// the Lock has counted the partner already.
func reachedFrom(from map[ssa.Instruction]bool, at ssa.Instruction) bool {
	for in := range from {
		if flow.Reaches(in, at, nil) {
			return true
		}
	}
	return false
}

// startGated returns where the goroutine a WaitGroup.Go or Group.Go
// event of starter runs locks h before it returns (and so before the
// Done the start implies), its mutexes named in the starter's terms.
func startGated(sm *syncmodel.Model, starter *ssa.Function, e *syncmodel.Event, h held, wb lockset.Key) (gate, bool) {
	st := e.Start
	if st == nil || st.Fn == nil {
		return gate{}, false
	}
	lf := sm.Locks.Funcs[st.Fn]
	if lf == nil {
		return gate{}, false
	}
	rets := returnsOf(st.Fn)
	for _, a := range lf.Acquires {
		k := sm.Canon(st.Fn, a.Key)
		switch k.Root.(type) {
		case *ssa.Parameter, *ssa.FreeVar:
			rk, ok := lockset.Rebind(st.Fn, a.Key, st.Args, st.Bindings)
			if !ok {
				continue
			}
			k = sm.Canon(starter, rk)
		}
		if !sameLock(h, wb, k, nil, a.Mode, e.Obj.Key) {
			continue
		}
		for _, r := range rets {
			if flow.Reaches(a.Instr, r, renews(a.Key.Root)) {
				return gate{pos: a.Instr.Pos(), name: lockset.Describe(a.Key), read: h.mode == lockset.Read && a.Mode == lockset.Read}, true
			}
		}
	}
	return gate{}, false
}

// chanPartners returns the gate of every operation that can complete
// x (of function w, holding h): a receive or close for a send, a send
// or close for a receive.
func chanPartners(sm *syncmodel.Model, fr frame, x *chanmodel.Op, h held, wb lockset.Key) ([]partner, bool) {
	w := fr.w
	rs, ok := completers(sm.Chans, x, true)
	if !ok {
		return nil, false
	}
	// A form through a chain of calls (a go statement of a closure
	// that starts the receiver) is listed at each link; the innermost
	// link, whose callee performs the operation, speaks for it.
	forms := make(map[*ssa.Function]bool)
	for _, r := range rs {
		if r.Op.Via != nil {
			forms[r.F.Fn] = true
		}
	}
	var out []partner
	for _, r := range rs {
		op, fn := r.Op, r.F.Fn
		if op.Via != nil && forms[flow.Origin(op.Via)] {
			continue
		}
		var pb lockset.Key
		if op.Base != nil {
			pb = sm.Canon(fn, lockset.KeyOf(op.Base))
		}
		if op.Via != nil {
			if op, fn, pb, ok = paramPartner(sm, r, pb); !ok {
				return nil, false
			}
		}
		if fr.own(fn) {
			return nil, false
		}
		points := []ssa.Instruction{op.Instr}
		if op.Deferred {
			points = exitsAfter(fn, op.Instr)
		}
		var made ssa.Value
		if x.Chan.Kind == chanmodel.KindMake {
			made = x.Chan.Make
		}
		g, ok := gated(sm, w, fn, points, h, wb, pb, 0, made, nil, signals(sm, x.Instr, fn))
		if !ok {
			return nil, false
		}
		out = append(out, partner{g, fn})
	}
	return out, len(out) > 0
}

// signals returns the sends and closes by which the partner fn hands
// the waiter, whose blocking operation is at, its turn: operations on
// a channel the package keeps to itself, that fn alone sends on or
// closes, whose receive completes on every path to at (in at's
// function, or before the one call of it: a func literal called in
// place). A spinner's loop takes its mutex to report that it stopped
// only once Stop, which locked the mutex to send the stop request,
// has done so: Stop's Lock comes first, and Stop waits without it.
func signals(sm *syncmodel.Model, at ssa.Instruction, fn *ssa.Function) []ssa.Instruction {
	var out []ssa.Instruction
	for depth := 0; depth < 3; depth++ {
		if cf := sm.Chans.Func(at.Parent()); cf != nil {
			for i := range cf.Ops {
				r := &cf.Ops[i]
				if r.Kind == chanmodel.Recv && r.Unit == 0 && chanmodel.Precedes(r, at) && !sm.Chans.Escapes(r.Chan) {
					if sig, ok := sm.SoleSignals(r.Chan, fn); ok {
						out = append(out, sig...)
					}
				}
			}
		}
		cs := sm.Callers(at.Parent())
		if len(cs) != 1 || cs[0].Goroutine {
			break
		}
		at = cs[0].Instr
	}
	return out
}

// paramPartner returns, for r, the form at a call or go statement of
// a callee's operation on its channel parameter (go monitor(c,
// c.health.stop)), the callee's own operation, the callee, and the
// partner's object base pb (the channel's base in r's function) named
// in the callee: the parameter bound to pb's root, so that the
// callee's c.Mutex and the channel of c are tied as the caller's are.
// False if the callee is not called directly with pb's root.
func paramPartner(sm *syncmodel.Model, r chanmodel.OpRef, pb lockset.Key) (*chanmodel.Op, *ssa.Function, lockset.Key, bool) {
	call, ok := r.Op.Instr.(ssa.CallInstruction)
	if !ok {
		return nil, nil, lockset.Key{}, false
	}
	callee := call.Common().StaticCallee()
	if callee == nil || flow.Origin(callee) != flow.Origin(r.Op.Via) || callee.Signature.Recv() != nil || len(callee.Params) != len(call.Common().Args) {
		return nil, nil, lockset.Key{}, false
	}
	cf := sm.Chans.Func(callee)
	if cf == nil {
		return nil, nil, lockset.Key{}, false
	}
	var direct *chanmodel.Op
	for i := range cf.Ops {
		d := &cf.Ops[i]
		if d.Via == nil && d.Pos == r.Op.Pos && d.Kind == r.Op.Kind && d.Chan.Kind == chanmodel.KindParam {
			direct = d
		}
	}
	if direct == nil {
		return nil, nil, lockset.Key{}, false
	}
	args := call.Common().Args
	if pb.Root == nil && direct.Chan.Index < len(args) {
		// The channel argument's own value: c.health in c.health.stop,
		// or the receiver of an accessor that returns the field
		// (c.health.monitorChannel()), as chanmodel resolved it.
		var b ssa.Value
		switch a := args[direct.Chan.Index].(type) {
		case *ssa.UnOp:
			if fa, ok := a.X.(*ssa.FieldAddr); ok && a.Op == token.MUL {
				b = fa.X
			}
		case *ssa.Call:
			if a.Call.StaticCallee() != nil && a.Call.Signature().Recv() != nil && len(a.Call.Args) > 0 {
				b = a.Call.Args[0]
			}
		}
		if b != nil {
			pb = lockset.KeyOf(b)
		}
	}
	var base lockset.Key
	if pb.Root != nil {
		for i, a := range args {
			if a == pb.Root {
				base = lockset.Key{Root: callee.Params[i], Path: pb.Path}
			}
		}
	}
	return direct, callee, base, true
}

// protocol reports the blocking operations of the package whose
// partners must all take a mutex the waiter holds; done lists the
// channel operations the held-at-the-operation rule reported already.
func protocol(pass *analysis.Pass, sm *syncmodel.Model, done map[*chanmodel.Op]bool) {
	for _, f := range sm.Funcs {
		for i := range f.Events {
			e := &f.Events[i]
			if e.Deferred || !e.Pos.IsValid() {
				continue
			}
			var skip *lockset.Class
			switch e.Kind {
			case syncmodel.Wait, syncmodel.GroupWait:
			case syncmodel.CondWait:
				cls, _, ok := sm.CondLock(e.Obj)
				if !ok {
					continue // which mutex Wait releases is unknown
				}
				skip = &cls
			case syncmodel.Chan:
				x := e.Op
				if done[x] || x.NonBlocking || (x.Kind != chanmodel.Send && x.Kind != chanmodel.Recv) {
					continue
				}
			default:
				continue
			}
			reported := false
			for _, h := range heldAt(sm, f.Fn, e.Instr, skip) {
				var ps []partner
				var ok bool
				if e.Kind == syncmodel.Chan {
					ps, ok = selectPartners(sm, f, e.Op, h, done, frame{w: f.Fn})
				} else {
					ps, ok = eventPartners(sm, f.Fn, e, f.Fn, h, e.Obj.Key)
				}
				if !ok || stateOrdered(required(sm, f.Fn, e.Instr, h, nil), ps) {
					continue
				}
				reportProtocol(pass, f, e, h, ps, nil)
				reported = true
				break
			}
			switch {
			case reported:
			case e.Kind == syncmodel.Chan:
				chanInCallers(pass, sm, f, e, done, frame{w: f.Fn}, 0)
			default:
				inCallers(pass, sm, f, e, skip)
			}
		}
	}
}

// inCallers reports a Wait of f that a caller of f makes while holding
// a mutex every partner needs: the lock is the caller's, the wait f's
// (a helper such as stopLocked called with the mutex held).
func inCallers(pass *analysis.Pass, sm *syncmodel.Model, f *syncmodel.Func, e *syncmodel.Event, skip *lockset.Class) {
	for _, s := range sm.Callers(f.Fn) {
		if s.Goroutine {
			continue
		}
		wb := e.Obj.Key
		if o, ok := sm.InCaller(s, f.Fn, e.Obj); ok {
			wb = o.Key
		}
		for _, h := range heldAt(sm, s.Caller, s.Instr, skip) {
			ps, ok := eventPartners(sm, s.Caller, e, f.Fn, h, wb)
			if !ok || stateOrdered(required(sm, f.Fn, e.Instr, h, []syncmodel.Site{s}), ps) {
				continue
			}
			site := sm.Chans.Start(s.Instr.Pos())
			reportProtocol(pass, f, e, h, ps, &site)
			return
		}
	}
}

// A frame is where the waiter holds the mutex: the function w, the
// operation's own or, up a chain of static calls (innermost first),
// a caller that holds the mutex at its call (s.mu.Lock();
// s.notifyLocked(), which sends).
type frame struct {
	w     *ssa.Function
	chain []syncmodel.Site
}

// own reports whether fn is the waiter's goroutine's: the operation's
// function or one on the chain of calls to it.
func (fr frame) own(fn *ssa.Function) bool {
	if fn == fr.w {
		return true
	}
	for _, s := range fr.chain {
		if s.Caller == fn {
			return true
		}
	}
	return false
}

// lift names k, a canonical key of the operation's function fn, in
// the waiter's frame: through the arguments of each call of the chain.
// A key rooted in a callee's own value has no name there.
func (fr frame) lift(sm *syncmodel.Model, fn *ssa.Function, k lockset.Key) (lockset.Key, bool) {
	callee := fn
	for _, s := range fr.chain {
		if k.Global != "" {
			return k, true
		}
		switch k.Root.(type) {
		case *ssa.Parameter, *ssa.FreeVar:
		default:
			return lockset.Key{}, false
		}
		rk, ok := lockset.Rebind(callee, k, s.Args, s.Bindings)
		if !ok {
			return lockset.Key{}, false
		}
		k, callee = sm.Canon(s.Caller, rk), s.Caller
	}
	return k, true
}

// chanInCallers reports a plain send or receive of f (or a select
// without default) that a caller, up to two static calls up, makes
// while holding a mutex every partner needs: the lock is the
// caller's, the operation f's.
func chanInCallers(pass *analysis.Pass, sm *syncmodel.Model, f *syncmodel.Func, e *syncmodel.Event, done map[*chanmodel.Op]bool, fr frame, depth int) bool {
	if depth == 2 {
		return false
	}
	for _, s := range sm.Callers(fr.w) {
		if s.Goroutine || fr.own(s.Caller) {
			continue
		}
		up := frame{w: s.Caller, chain: append(fr.chain[:len(fr.chain):len(fr.chain)], s)}
		for _, h := range heldAt(sm, s.Caller, s.Instr, nil) {
			ps, ok := selectPartners(sm, f, e.Op, h, done, up)
			if !ok || stateOrdered(required(sm, f.Fn, e.Instr, h, up.chain), ps) {
				continue
			}
			site := sm.Chans.Start(s.Instr.Pos())
			reportProtocol(pass, f, e, h, ps, &site)
			return true
		}
		if chanInCallers(pass, sm, f, e, done, up, depth+1) {
			return true
		}
	}
	return false
}

// selectPartners returns the partners of a channel operation x of f
// held under h, for a select without default those of every case:
// each must need h. It marks the operations seen in done.
func selectPartners(sm *syncmodel.Model, f *syncmodel.Func, x *chanmodel.Op, h held, done map[*chanmodel.Op]bool, fr frame) ([]partner, bool) {
	cases := []*chanmodel.Op{x}
	if x.Select {
		cases = nil
		for _, e := range f.Events {
			if e.Kind == syncmodel.Chan && e.Op.Select && e.Op.Instr == x.Instr {
				cases = append(cases, e.Op)
			}
		}
		if sel, ok := x.Instr.(*ssa.Select); !ok || len(sel.States) != len(cases) {
			return nil, false // a case on a channel the model does not know
		}
	}
	var out []partner
	var resolved []*chanmodel.Op
	for _, c := range cases {
		if c.Chan.Kind != chanmodel.KindParam {
			resolved = append(resolved, c)
			continue
		}
		done[c] = true
		if len(fr.chain) > 0 {
			return nil, false // each caller's channel, under each caller's lock: not weighed
		}
		forms, ok := paramForms(sm, f.Fn, c)
		if !ok {
			return nil, false
		}
		resolved = append(resolved, forms...)
	}
	for _, c := range resolved {
		done[c] = true
		if c.Kind != chanmodel.Send && c.Kind != chanmodel.Recv || sm.Chans.Escapes(c.Chan) || !unbuffered(sm.Chans, c.Chan) {
			return nil, false
		}
		var wb lockset.Key
		if c.Base != nil {
			k, ok := fr.lift(sm, f.Fn, sm.Canon(f.Fn, lockset.KeyOf(c.Base)))
			if !ok {
				return nil, false
			}
			wb = k
		}
		if c.Chan.Kind == chanmodel.KindField && !tied(h.key, wb) {
			return nil, false // another value's lock than the channel's
		}
		ps, ok := chanPartners(sm, fr, c, h, wb)
		if !ok {
			return nil, false
		}
		out = append(out, ps...)
	}
	return out, len(out) > 0
}

// paramForms returns, for an operation c of fn on a channel parameter,
// the operation as each call or go statement that binds the parameter
// sees it, on the channel the caller passes: false if one caller's
// channel is unknown, or if fn may be called from code not seen.
func paramForms(sm *syncmodel.Model, fn *ssa.Function, c *chanmodel.Op) ([]*chanmodel.Op, bool) {
	if sm.Open(fn) || !c.Pos.IsValid() {
		return nil, false
	}
	var out []*chanmodel.Op
	for _, g := range sm.Chans.Funcs {
		for i := range g.Ops {
			op := &g.Ops[i]
			if op.Via == nil || op.Pos != c.Pos || op.Kind != c.Kind {
				continue
			}
			switch op.Chan.Kind {
			case chanmodel.KindParam:
				// An intermediate function's: its callers' forms are
				// listed too.
				if sm.Open(op.Chan.Func) {
					return nil, false
				}
			case 0:
				return nil, false
			default:
				out = append(out, op)
			}
		}
	}
	return out, len(out) > 0
}

// reportProtocol reports e of f, waiting while h is held (by the
// caller that calls f at site, if site is not nil), which every partner
// of ps must lock first.
func reportProtocol(pass *analysis.Pass, f *syncmodel.Func, e *syncmodel.Event, h held, ps []partner, site *token.Pos) {
	var what, who string
	op, pos := finding.OpWait, e.Pos
	switch e.Kind {
	case syncmodel.Wait:
		what, who = e.Expr+".Wait", "the goroutine that calls Done"
	case syncmodel.GroupWait:
		what, who = e.Expr+".Wait", "the goroutine that "+e.Expr+".Go starts"
	case syncmodel.CondWait:
		what, who = e.Expr+".Wait", "the goroutine that calls Signal or Broadcast"
	case syncmodel.Chan:
		if e.Op.Select {
			what, who = "select", "every goroutine that can complete one of its cases"
			op = finding.OpSelect
			d := e.Op.Instr.Pos()
			if d.IsValid() {
				pos = d
			}
			break
		}
		name := e.Op.Expr
		if name == "" {
			name = "the channel"
		}
		op = chanmodel.StepOp(e.Op)
		if e.Op.Kind == chanmodel.Send {
			what, who = "send on "+name, "the goroutine that receives from it"
		} else {
			what, who = "receive from "+name, "the goroutine that sends on or closes it"
		}
	}
	msg := what + " while holding " + h.name + ", which " + who + " must lock first (deadlock)"
	read := false // every partner only read-locks: it blocks behind the writer
	for _, p := range ps {
		read = p.gate.read
		if !read {
			break
		}
	}
	for _, p := range ps {
		if p.gate.wait.IsValid() {
			msg = what + " while holding " + h.name + ": " + who + " first waits for a goroutine that must lock it (deadlock)"
			read = false
			break
		}
	}
	if read {
		msg = what + " while read-locking " + h.name + ", which " + who + " must read-lock first: a writer waiting in between blocks it (deadlock)"
	}
	d := analysis.Diagnostic{Pos: pos, Message: msg}
	var tr finding.Trace
	g := func(fn *ssa.Function) string { return analysisutil.Goroutine(pass.Fset, fn) }
	tr.Step(finding.Place{Pos: pos, Goroutine: g(f.Fn), Op: op, Blocks: true})
	if site != nil {
		tr.Related(&d, finding.Place{Pos: h.pos, Message: h.name + " locked here", Op: finding.OpLock})
		tr.Related(&d, finding.Place{Pos: *site, Message: "called here with " + h.name + " held", Op: finding.OpCall})
	} else {
		lockedHere := h.name + " locked here"
		if read {
			lockedHere = h.name + " read-locked here"
		}
		tr.Related(&d, finding.Place{Pos: h.pos, Message: lockedHere, Goroutine: g(f.Fn), Op: finding.OpLock})
	}
	if read {
		tr.Related(&d, finding.Place{Pos: h.writer, Message: "a writer locks " + h.name + " here: it waits for the read lock, and new readers wait for it", Op: finding.OpLock, Blocks: true})
	}
	seen := make(map[token.Pos]bool)
	for _, p := range ps {
		if seen[p.gate.pos] || len(seen) == 3 {
			continue
		}
		seen[p.gate.pos] = true
		if p.gate.wait.IsValid() {
			tr.Related(&d, finding.Place{Pos: p.gate.wait, Message: "the partner waits here first", Goroutine: g(p.fn), Op: finding.OpWait, Blocks: true})
			tr.Related(&d, finding.Place{Pos: p.gate.pos, Message: "for a goroutine that locks " + p.gate.name + " here first, and blocks", Op: finding.OpLock, Blocks: true})
			continue
		}
		lockMsg := "the partner locks " + p.gate.name + " here first, and blocks"
		if p.gate.read {
			lockMsg = "the partner read-locks " + p.gate.name + " here first, and blocks behind the writer"
		}
		tr.Related(&d, finding.Place{Pos: p.gate.pos, Message: lockMsg,
			Goroutine: g(p.fn), Op: finding.OpLock, Blocks: true})
	}
	tr.Report(pass, d)
}
