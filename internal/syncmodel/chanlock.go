package syncmodel

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// ChanLocked reports whether fn, itself or in the functions it calls,
// both sends on and receives from one channel: a channel used as a
// lock (a chan struct{} with room for one, whose acquire sends and
// whose release receives). lockset's lock sets follow mutexes only: a
// lock made of a channel stands on both models, so it is asked here.
// An analyzer that asks whether a goroutine runs without any lock
// asks this too. The channel's capacity is not checked: a
// goroutine that both sends on and receives from one channel orders
// itself with its partners either way, except on a known semaphore
// (lockSem): one with room for one is a mutex that ChanLockHeld sees
// held or not, access by access; a larger one lets several goroutines
// in at once and orders nothing among them.
func (m *Model) ChanLocked(fn *ssa.Function) bool {
	f := m.Chans.Func(fn)
	if f == nil {
		return false
	}
	kinds := make(map[chanmodel.ChanID]int)
	for i := range f.Ops {
		op := &f.Ops[i]
		if op.Unit != 0 || op.Chan.Kind == 0 || m.lockChans[op.Chan]&lockSem != 0 {
			continue
		}
		switch op.Kind {
		case chanmodel.Send:
			kinds[op.Chan] |= 1
		case chanmodel.Recv:
			kinds[op.Chan] |= 2
		}
		if kinds[op.Chan] == 3 {
			return true
		}
	}
	return false
}

// A lock channel is a channel used as a lock, whose sends hand
// nothing over. Two shapes:
//
//   - a token gate: the channels hold one token between them; a
//     goroutine acquires the lock by receiving the token and releases
//     it by sending it back (x/net/quic's gate, whose token sits in
//     set or unset and whose lock receives from either; a chan
//     struct{} of capacity one filled at birth). A send is a release
//     when the goroutine holds the token: its function, or every
//     caller up the calls, received from the gate's channels first
//     (the receive, or the call that leads to it, dominates the send,
//     the call or the defer statement that leads to it), or the
//     channel belongs to an object the function has just made and
//     handed to nobody (the constructor's first fill);
//   - a semaphore: a goroutine takes a slot by sending and gives it
//     back by receiving (sem <- struct{}{}; defer func() { <-sem }()):
//     every send is followed, on every path of its goroutine, by a
//     receive, in its function or in every caller.
//
// A release wakes only a goroutine waiting to take the lock, which
// releases it in turn: it is no way for a goroutine to tell a waiter of
// another channel something (Func.Signals, QuietExit). The channels a
// select receives from together form one lock (set or unset). A lock
// channel is known only if every send on its channels is of one shape,
// the channels are the package's own (chanmodel's Escapes), all made
// buffered, and never closed: a channel one send fills without holding
// its token hands something over (a result, a wake-up, a turnstile
// made locked whose worker's release is what its waiter waits for).
//
// maxLockChanDepth bounds the climb from a send to the function that
// holds the lock (x/net: gate.unlock, deferred by inUnlockNoQueue,
// called by inUnlock, called from a closure that Read defers after
// its waitAndLock).
const maxLockChanDepth = 5

// findLockChans returns the package's lock channels (see above).
func (m *Model) findLockChans() map[chanmodel.ChanID]lockShape {
	// Union the channels received from by one select.
	parent := make(map[chanmodel.ChanID]chanmodel.ChanID)
	var find func(id chanmodel.ChanID) chanmodel.ChanID
	find = func(id chanmodel.ChanID) chanmodel.ChanID {
		p, ok := parent[id]
		if !ok || p == id {
			return id
		}
		r := find(p)
		parent[id] = r
		return r
	}
	sels := make(map[ssa.Instruction]chanmodel.ChanID)
	var sent []chanmodel.ChanID
	isSent := make(map[chanmodel.ChanID]bool)
	for _, f := range m.Funcs {
		cf := m.Chans.Func(f.Fn)
		if cf == nil {
			continue
		}
		for i := range cf.Ops {
			op := &cf.Ops[i]
			if !op.Direct() || op.Chan.Kind == 0 {
				continue
			}
			switch op.Kind {
			case chanmodel.Send:
				if _, ok := parent[op.Chan]; !ok {
					parent[op.Chan] = op.Chan
				}
				if !isSent[op.Chan] {
					isSent[op.Chan] = true
					sent = append(sent, op.Chan)
				}
			case chanmodel.Recv:
				if _, ok := parent[op.Chan]; !ok {
					parent[op.Chan] = op.Chan
				}
				if !op.Select {
					continue
				}
				if other, ok := sels[op.Instr]; ok {
					if a, b := find(other), find(op.Chan); a != b {
						parent[a] = b
					}
				} else {
					sels[op.Instr] = op.Chan
				}
			}
		}
	}
	if len(sent) == 0 {
		return nil
	}
	members := make(map[chanmodel.ChanID][]chanmodel.ChanID)
	for id := range parent {
		r := find(id)
		members[r] = append(members[r], id)
	}
	out := make(map[chanmodel.ChanID]lockShape)
	done := make(map[chanmodel.ChanID]bool)
	for _, id := range sent {
		r := find(id)
		if done[r] {
			continue
		}
		done[r] = true
		g := make(map[chanmodel.ChanID]bool)
		for _, c := range members[r] {
			g[c] = true
		}
		if shape := m.isLockChan(g); shape != 0 {
			for c := range g {
				out[c] = shape
			}
		}
	}
	return out
}

// A lockShape says how a lock channel is taken and given back, and
// how many may hold it.
type lockShape uint8

const (
	// lockAny: a lock channel, taken in no one way.
	lockAny lockShape = 1 << iota
	// lockGate: taken by receiving the token, given back by sending it.
	lockGate
	// lockSem: taken by sending, given back by receiving.
	lockSem
	// lockOne: every channel of the lock is made with room for one: one
	// holder at a time, a mutex (a larger semaphore is a limiter).
	lockOne
)

// isLockChan reports whether the channels of g make one lock, and how
// it is taken (0 if they do not).
func (m *Model) isLockChan(g map[chanmodel.ChanID]bool) lockShape {
	recvs, one := false, true
	for id := range g {
		switch id.Kind {
		case chanmodel.KindMake, chanmodel.KindField, chanmodel.KindGlobal:
		default:
			return 0
		}
		makes := m.Chans.Makes(id)
		if len(makes) == 0 {
			return 0
		}
		for _, mc := range makes {
			n, ok := chanmodel.Cap(chanmodel.ChanID{Kind: chanmodel.KindMake, Make: mc})
			if !ok || n < 1 {
				return 0
			}
			one = one && n == 1
		}
	}
	// The sends are all releases of a token (a gate), or all acquires
	// of a slot that the goroutine gives back (a semaphore).
	held := make(map[*ssa.Function]int8) // 1: held on entry, -1: not, -2: being asked
	given := make(map[*ssa.Function]int8)
	gate, sem := true, true
	for id := range g {
		for _, r := range m.Chans.OpsOn(id) {
			switch r.Op.Kind {
			case chanmodel.Close:
				return 0
			case chanmodel.Recv:
				recvs = true
			case chanmodel.Send:
				if r.Op.Unit != 0 || !r.Op.Direct() && !m.viaParam(r) {
					continue // the goroutine's, or the callee's, own record is checked
				}
				if r.Op.Select {
					return 0
				}
				gate = gate && m.heldAt(r.F.Fn, r.Op.Instr, g, held, maxLockChanDepth)
				sem = sem && m.givenBack(r.F.Fn, r.Op.Instr, g, given, maxLockChanDepth)
				if !gate && !sem {
					return 0
				}
			}
		}
	}
	if !recvs {
		return 0
	}
	for id := range g {
		if m.Chans.Escapes(id) {
			return 0
		}
	}
	shape := lockAny
	switch {
	case gate && !sem:
		shape |= lockGate
	case sem && !gate:
		shape |= lockSem
	}
	if one {
		shape |= lockOne
	}
	return shape
}

// heldAt reports whether the goroutine running fn holds the token of
// the lock g at the instruction at (a token gate).
func (m *Model) heldAt(fn *ssa.Function, at ssa.Instruction, g map[chanmodel.ChanID]bool, held map[*ssa.Function]int8, depth int) bool {
	if cf := m.Chans.Func(fn); cf != nil {
		for i := range cf.Ops {
			op := &cf.Ops[i]
			if op.Unit != 0 || !g[op.Chan] {
				continue
			}
			if op.Kind == chanmodel.Recv && !op.Deferred && op.Instr != at && !balanced(cf, op, g) && flow.Dominates(op.Instr, at) {
				return true // acquired first
			}
			if op.Instr == at && op.Kind == chanmodel.Send && madeHere(fn, op) {
				return true // the first fill of a gate nobody else has yet
			}
		}
	}
	return depth > 0 && m.everyCaller(fn, func(s Site) bool { return m.heldAt(s.Caller, s.Instr, g, held, depth-1) }, held)
}

// givenBack reports whether the goroutine running fn, having sent on
// a channel of the semaphore g at the instruction at, receives from
// one of them on every path after it, itself or in its callers: the
// slot it took is given back.
func (m *Model) givenBack(fn *ssa.Function, at ssa.Instruction, g map[chanmodel.ChanID]bool, given map[*ssa.Function]int8, depth int) bool {
	if cf := m.Chans.Func(fn); cf != nil {
		for i := range cf.Ops {
			op := &cf.Ops[i]
			if op.Unit == 0 && g[op.Chan] && op.Kind == chanmodel.Recv && !op.Select && op.Instr != at && !balanced(cf, op, g) && flow.OnEveryPath(at, op.Instr) {
				return true
			}
			// Handed to a goroutine that gives it back as it returns
			// (busy <- token; go func() { defer func() { <-busy }() }()).
			if gs, ok := op.Instr.(*ssa.Go); ok && op.Unit != 0 && g[op.Chan] && flow.OnEveryPath(at, gs) && m.releasesOnReturn(flow.Callee(gs.Common()), g) {
				return true
			}
		}
	}
	return depth > 0 && m.everyCaller(fn, func(s Site) bool { return m.givenBack(s.Caller, s.Instr, g, given, depth-1) }, given)
}

// releasesOnReturn reports whether fn, run as a goroutine, receives
// from a channel of the semaphore g in a deferred call: it gives back
// the slot its starter took for it, however it returns.
func (m *Model) releasesOnReturn(fn *ssa.Function, g map[chanmodel.ChanID]bool) bool {
	cf := m.Chans.Func(fn)
	if cf == nil {
		return false
	}
	for i := range cf.Ops {
		if op := &cf.Ops[i]; op.Unit == 0 && g[op.Chan] && op.Kind == chanmodel.Recv && op.Deferred && !op.Select {
			return true
		}
	}
	return false
}

// balanced reports whether op, a receive of cf on the lock g, comes
// from a call that also sends on g: the callee takes and releases
// the lock itself (or releases and takes a semaphore's slot), so the
// call leaves it as it was.
func balanced(cf *chanmodel.Func, op *chanmodel.Op, g map[chanmodel.ChanID]bool) bool {
	if op.Direct() {
		return false
	}
	for i := range cf.Ops {
		o := &cf.Ops[i]
		if o.Instr == op.Instr && o.Unit == 0 && o.Kind == chanmodel.Send && g[o.Chan] {
			return true
		}
	}
	return false
}

// viaParam reports whether r, a send that comes from a call, is the
// callee's send on a channel it was handed (a parameter): no direct
// send on the channel's own identity stands for it, so it is checked
// at the call.
func (m *Model) viaParam(r chanmodel.OpRef) bool {
	inner := m.Chans.Inner(r.F, r.Op)
	if len(inner) == 0 {
		return true
	}
	for _, in := range inner {
		if in.Chan.Kind == chanmodel.KindParam {
			return true
		}
	}
	return false
}

// everyCaller reports whether fn has callers in the package, is
// entered no other way (Open), is not run as a goroutine of its own,
// and ok holds at every call; memo keeps the answers per function
// (1 yes, -1 no, -2 being asked: a cycle adds no caller).
func (m *Model) everyCaller(fn *ssa.Function, ok func(Site) bool, memo map[*ssa.Function]int8) bool {
	switch memo[fn] {
	case 1:
		return true
	case -1, -2:
		return false
	}
	memo[fn] = -2
	sites := m.sitesOf(fn)
	yes := len(sites) > 0 && !m.Open(fn)
	for _, s := range sites {
		if !yes {
			break
		}
		yes = !s.Goroutine && ok(s)
	}
	memo[fn] = -1
	if yes {
		memo[fn] = 1
	}
	return yes
}

// madeHere reports whether op, an operation of fn on a lock, acts on
// a channel fn made itself, or on a lock of an object each run of fn
// makes anew, and fn has handed neither to anyone before: nobody else
// can be waiting on it yet. When the calls on the way lose the object
// (x/net/quic: s := newStream(...); s.inUnlock(), three calls down to
// the send on s.ingate.set), the call's argument stands for it: a
// fresh object of fn whose struct holds the channel's field.
func madeHere(fn *ssa.Function, op *chanmodel.Op) bool {
	var roots []ssa.Value
	switch op.Chan.Kind {
	case chanmodel.KindMake:
		roots = append(roots, op.Chan.Make)
	case chanmodel.KindField:
		if op.Base != nil {
			if in := chanmodel.InstanceOf(op.Base); in != chanmodel.InstanceHanded && in != chanmodel.InstanceLocal {
				return false
			}
			roots = append(roots, accesspath.Object(op.Base))
		} else if c, ok := op.Instr.(ssa.CallInstruction); ok && !op.Direct() {
			for _, a := range c.Common().Args {
				var cell *ssa.Alloc
				if ld, ok := a.(*ssa.UnOp); ok && ld.Op == token.MUL {
					// A variable a closure captures lives in a cell:
					// the object is the one value stored there.
					if cell, _ = ld.X.(*ssa.Alloc); cell == nil || handedBefore(cell, op.Instr, nil) {
						continue
					}
					if a = accesspath.StoredOnce(cell); a == nil {
						continue
					}
				}
				if analysisutil.Fresh(a) && holdsField(a.Type(), op.Chan.Field, 2) && !handedBefore(a, op.Instr, cell) {
					roots = append(roots, a)
				}
			}
		}
	}
	for _, root := range roots {
		in, ok := root.(ssa.Instruction)
		if ok && in.Parent() == fn && flow.Dominates(in, op.Instr) && (op.Base == nil || !handedBefore(root, op.Instr, nil)) {
			return true
		}
	}
	return false
}

// holdsField reports whether a value of type t (or what it points to)
// holds the field f in its struct, or in a struct-valued field of it,
// depth levels down.
func holdsField(t types.Type, f *types.Var, depth int) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		fi := st.Field(i)
		if fi == f || fi.Origin() == f.Origin() {
			return true
		}
		if _, ok := fi.Type().Underlying().(*types.Struct); ok && depth > 0 && holdsField(fi.Type(), f, depth-1) {
			return true
		}
	}
	return false
}

// handedBefore reports whether v, a value of at's function, may reach
// another goroutine on a way to at: bound into a closure, started
// with, stored or sent somewhere, or converted into another value the
// walk does not follow. A call that is passed v runs in the same
// goroutine: the lock the maker holds is still its own to release (a
// constructor that releases the in and out gates of the stream it has
// just made, one call after the other). A store into own, the cell
// of v's own variable, hands nothing.
func handedBefore(v ssa.Value, at ssa.Instruction, own *ssa.Alloc) bool {
	refs := v.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		if r == at {
			continue
		}
		handed := false
		switch r := r.(type) {
		case *ssa.Go, *ssa.MakeClosure:
			handed = true
		case *ssa.Store:
			handed = r.Val == v && (own == nil || r.Addr != own)
		case *ssa.Send:
			handed = r.X == v
		case *ssa.MakeInterface, *ssa.Phi, *ssa.ChangeType, *ssa.Convert:
			handed = true
		}
		if handed && flow.Reaches(r, at, nil) {
			return true
		}
	}
	return false
}

// LockChan reports whether the channel id is used as a lock (see
// above): its receives and sends take and release the lock, they hand
// nothing over.
func (m *Model) LockChan(id chanmodel.ChanID) bool { return m.lockChans[id] != 0 }

// lockSend reports whether in, a send of a function of the package,
// is on a lock channel.
func (m *Model) lockSend(in *ssa.Send) bool {
	if len(m.lockChans) == 0 {
		return false
	}
	id, ok := m.Chans.ChanOf(in.Chan)
	return ok && m.lockChans[id] != 0
}

// ChanLockHeld reports whether the goroutine running in holds, there,
// a lock channel that admits one holder at a time (lockOne, taken in
// one known way): in's function, or every caller of it on the way up
// (as heldAt climbs), took the lock before in on every path and gave
// it back on no path between. lockset's keys are mutexes only; an
// analyzer that asks whether an access runs under some lock asks this
// too (a stats struct whose sem channel is its mutex).
func (m *Model) ChanLockHeld(in ssa.Instruction) bool {
	if len(m.lockChans) == 0 || in.Parent() == nil {
		return false
	}
	return m.chanLockHeldAt(in.Parent(), in, make(map[*ssa.Function]int8), maxLockChanDepth)
}

func (m *Model) chanLockHeldAt(fn *ssa.Function, at ssa.Instruction, memo map[*ssa.Function]int8, depth int) bool {
	if cf := m.Chans.Func(fn); cf != nil {
		for i := range cf.Ops {
			if acq := &cf.Ops[i]; m.lockOp(cf, acq, true) && acq.Instr != at && flow.Dominates(acq.Instr, at) && !m.givenBackBetween(cf, acq, at) {
				return true
			}
		}
	}
	return depth > 0 && (m.everyCaller(fn, func(s Site) bool { return m.chanLockHeldAt(s.Caller, s.Instr, memo, depth-1) }, memo) ||
		m.handedLock(fn, at))
}

// handedLock reports whether the goroutine running fn holds, at at, a
// one-holder lock channel its starter took for it: every way into fn is
// a go statement whose function holds the lock there and never gives
// it back itself, while fn gives it back when it returns (a deferred
// release) and not before at. Submit { busy <- token; go func() {
// defer func() { <-busy }(); ... }() } runs its goroutines one at a
// time, each holding the token its Submit took.
func (m *Model) handedLock(fn *ssa.Function, at ssa.Instruction) bool {
	cf := m.Chans.Func(fn)
	sites := m.sitesOf(fn)
	if cf == nil || len(sites) == 0 || m.Open(fn) {
		return false
	}
	// released returns the operations of f (in place or deferred) that
	// give ch back; deferredOnly leaves out those in place.
	released := func(f *chanmodel.Func, ch chanmodel.ChanID, deferredOnly bool) (in []*chanmodel.Op) {
		for i := range f.Ops {
			op := &f.Ops[i]
			if op.Chan != ch || op.Unit != 0 || deferredOnly && !op.Deferred {
				continue
			}
			o := *op
			o.Deferred = false
			if m.lockOp(f, &o, false) {
				in = append(in, op)
			}
		}
		return in
	}
	for _, s := range sites {
		sf := m.Chans.Func(s.Caller)
		if !s.Goroutine || sf == nil {
			return false
		}
		handed := false
		for i := range sf.Ops {
			acq := &sf.Ops[i]
			if !m.lockOp(sf, acq, true) || !flow.Dominates(acq.Instr, s.Instr) || m.givenBackBetween(sf, acq, s.Instr) ||
				len(released(sf, acq.Chan, false)) > 0 || len(released(cf, acq.Chan, true)) == 0 {
				continue
			}
			early := false
			for _, rel := range released(cf, acq.Chan, false) {
				if !rel.Deferred && (rel.Instr == at || flow.Reaches(rel.Instr, at, nil)) {
					early = true
				}
			}
			if !early {
				handed = true
				break
			}
		}
		if !handed {
			return false
		}
	}
	return true
}

// lockOp reports whether op, an operation of cf's own goroutine run in
// its place (not deferred, not a select case), takes (take set) or
// gives back a one-holder lock channel; a call that does both leaves
// the lock as it was and is neither.
func (m *Model) lockOp(cf *chanmodel.Func, op *chanmodel.Op, take bool) bool {
	shape := m.lockChans[op.Chan]
	if op.Unit != 0 || op.Deferred || op.Select || shape&lockOne == 0 {
		return false
	}
	var kind chanmodel.OpKind
	switch {
	case shape&lockSem != 0 && take, shape&lockGate != 0 && !take:
		kind = chanmodel.Send
	case shape&lockGate != 0 && take, shape&lockSem != 0 && !take:
		kind = chanmodel.Recv
	default:
		return false
	}
	if op.Kind != kind {
		return false
	}
	if !op.Direct() {
		for j := range cf.Ops {
			if o := &cf.Ops[j]; o.Instr == op.Instr && o.Unit == 0 && o.Chan == op.Chan && o.Kind != op.Kind {
				return false
			}
		}
	}
	return true
}

// givenBackBetween reports whether, after acq took its lock, some path
// of its function gives a one-holder lock back and reaches at without
// taking one again.
func (m *Model) givenBackBetween(cf *chanmodel.Func, acq *chanmodel.Op, at ssa.Instruction) bool {
	takes := func(in ssa.Instruction) bool {
		for j := range cf.Ops {
			if o := &cf.Ops[j]; o.Instr == in && m.lockOp(cf, o, true) {
				return true
			}
		}
		return false
	}
	for j := range cf.Ops {
		rel := &cf.Ops[j]
		if m.lockOp(cf, rel, false) && flow.Reaches(acq.Instr, rel.Instr, nil) && (rel.Instr == at || flow.Reaches(rel.Instr, at, takes)) {
			return true
		}
	}
	return false
}
