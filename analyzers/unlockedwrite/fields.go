package unlockedwrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// An access is a read or write of a struct field through a shared
// base (a parameter, a free variable, or a package variable).
type access struct {
	instr ssa.Instruction
	pos   token.Pos
	write bool
	base  lockset.Key
	// guards are the indexes, ascending, of the fields of base's struct
	// whose mutexes are held here; a function may hold several (its
	// own and the one of an object a field points to), and the access
	// is evidence for each.
	guards []int
	fn     *ssa.Function
	exempt bool // a helper named or documented as running under the lock
	// mayGuard: a mutex of the struct is held on some path to the
	// access (if doLock { mu.Lock() }): the unlocked path is the
	// caller's business.
	mayGuard bool
	// readRegion: every mutex of the struct held here is read-locked
	// (RLock) by this function itself, which lets other readers in;
	// readOnly: such an access is a write under the guard.
	readRegion bool
	readOnly   bool
	// via is the write of a helper of another package called at
	// instr, made there with no lock held (see facts.go).
	via *lockset.UnlockedWrite
	// call names the function called when it is not via's writer
	// (heap.Pop, whose plumbing q.Pop writes).
	call string
	// start: exempt only as set-up (a Start method, or an access on
	// an object owned at the call, made after the function started a
	// goroutine on it), which may still come after the function's own
	// go statement.
	start bool
	// element: an element of a shared container, reached in a walk of
	// it (see elementOfShared).
	element bool
}

// locked reports whether some mutex of base's struct is held.
func (a *access) locked() bool { return len(a.guards) > 0 }

// holds reports whether the mutex of field guard is held.
func (a *access) holds(guard int) bool { return slices.Contains(a.guards, guard) }

type fieldStats struct {
	st       *types.Struct
	index    int
	accesses []access
	// underOther are the writes made holding only mutexes of other
	// objects (a container's lock around a walk of its entries): no
	// evidence either way, judged once the field's guard is known
	// (see otherLocksIdle).
	underOther []access
}

// A field is guarded by a mutex when the majority of the functions
// that access it, and at least minLocked of them, hold it. On thin
// evidence (fewer than strongLocked functions, or fewer than three
// quarters) a field is as often confined to one goroutine in some
// methods, or reset once the others have stopped, as it is guarded:
// only the writes that lose updates whatever the schedule are then
// reported (read-modify-writes such as x++ or append, map stores and
// deletes), not plain stores of a new value.
const (
	minLocked    = 2
	strongLocked = 3
)

func checkFields(pass *analysis.Pass, res *lockset.Result) {
	explicit, layout := explicitGuards(pass)
	routes := newPaths(pass, res)
	sol := newSolitude(pass, res)
	born := startedAtBirth(res)
	stats := map[*types.Var]*fieldStats{}
	var order []*types.Var
	for _, fn := range res.Functions() {
		f := res.Funcs[fn]
		if !f.EntryKnown || fn.Synthetic != "" {
			continue // called in contexts we cannot see
		}
		if res.Plumbed(fn) {
			continue // judged at the heap and sort calls that run it
		}
		exempt := f.InitOnly || lockedHelper(fn) || mentionsLocking(pass, fn)
		// A Start method is trusted to run before the value is shared,
		// up to its own go statements (see beside).
		start := startMethod(fn) && !f.InitOnly && !namedLocked(fn) && !mentionsLocking(pass, fn)
		for _, b := range fn.Blocks {
			if res.Dead(b) {
				continue // runs only when a never-nil field is nil
			}
			for _, instr := range b.Instrs {
				for _, fw := range accessesAt(pass, res, instr) {
					st, write, pos, base := fw.st, fw.write, fw.pos, fw.base
					v := st.Field(fw.index).Origin()
					if lockset.IsMutex(v.Type()) || v.Pkg() != pass.Pkg {
						continue
					}
					// An object the caller owned at the call is shared
					// once the function starts a goroutine on it: the
					// access is judged only against that goroutine (see
					// beside), as a Start method's.
					statsOf := func() *fieldStats {
						fs := stats[v]
						if fs == nil {
							fs = &fieldStats{st: st, index: fw.index}
							stats[v] = fs
							order = append(order, v)
						}
						return fs
					}
					sh := shared(f, base)
					handed := !sh && startedBefore(instr, base)
					if !sh && !handed && write && !exempt && !start && fw.via == nil && elementOfShared(f, base, 0) && !sol.alone(fn, instr, base) {
						// An element of a shared container, written in a
						// walk of it: judged only as a write under
						// another object's lock (the container's).
						if _, other := guardsHeld(f, instr, base, st); other && !mayGuardHeld(f, instr, base) {
							fs := statsOf()
							fs.underOther = append(fs.underOther, access{instr: instr, pos: pos, write: true, base: base, fn: fn, element: true})
						}
						continue
					}
					if !sh && !handed || sol.alone(fn, instr, base) {
						continue
					}
					guards, other := guardsHeld(f, instr, base, st)
					if other || len(guards) == 0 && covered(f, base) && !handed {
						// Some other lock is held: no evidence, and the
						// write is judged only against a known guard.
						if write && !handed && !exempt && !start && fw.via == nil && !mayGuardHeld(f, instr, base) {
							fs := statsOf()
							fs.underOther = append(fs.underOther, access{instr: instr, pos: pos, write: true, base: base, fn: fn})
						}
						continue
					}
					mayGuard := false
					if len(guards) == 0 {
						mayGuard = mayGuardHeld(f, instr, base)
					}
					fs := statsOf()
					readRegion := len(guards) > 0 && onlyReadLocked(f, instr, base)
					fs.accesses = append(fs.accesses, access{instr: instr, pos: pos, write: write, base: base, guards: guards, fn: fn, exempt: exempt || handed, mayGuard: mayGuard,
						readRegion: readRegion, readOnly: readRegion && write, via: fw.via, call: fw.call, start: start || handed})
				}
			}
		}
	}
	for _, v := range order {
		g, ok := explicit[v]
		if !ok {
			g = -1
		}
		l, ok := layout[v]
		if !ok {
			l = -1
		}
		report(pass, v, stats[v], g, l, born, routes)
	}
}

func report(pass *analysis.Pass, v *types.Var, fs *fieldStats, explicit, layout int, born map[*ssa.Function]*ssa.Go, routes *paths) {
	if _, ok := ownedField(pass, v); ok {
		return // one goroutine makes every access: no lock is needed
	}
	// Each function votes once per guard: a method that touches the
	// field many times counts as much as one that touches it once.
	type vote struct {
		fn    *ssa.Function
		guard int
	}
	votes := map[vote]bool{}
	counts := map[int]int{}
	lockedWrite := map[int]token.Pos{}
	unlocked := 0
	for _, a := range fs.accesses {
		for _, g := range a.guards {
			if _, ok := lockedWrite[g]; !ok && a.write {
				lockedWrite[g] = a.pos
			}
			if !votes[vote{a.fn, g}] {
				votes[vote{a.fn, g}] = true
				counts[g]++
			}
		}
		if a.locked() || a.exempt || a.mayGuard || !ownBase(a.fn, a.base) {
			continue // locked, or not judged, so no evidence either way
		}
		if !votes[vote{a.fn, -1}] {
			votes[vote{a.fn, -1}] = true
			unlocked++
		}
	}
	guard, n := -1, 0
	for g, c := range counts {
		if c > n || c == n && g < guard {
			guard, n = g, c
		}
	}
	byLayout := false
	if explicit >= 0 {
		guard = explicit
	} else {
		total := n + unlocked
		switch {
		case guard >= 0 && n >= minLocked && 2*n > total:
		case reportBeside(pass, v, fs, born, routes):
			return
		case layout >= 0 && counts[layout] > 0:
			// Too little evidence for the majority rule, but the field
			// is declared in the section of the mutex, and some
			// function holds that mutex when it accesses it.
			guard, n, byLayout = layout, counts[layout], true
		default:
			return
		}
		if _, ok := lockedWrite[guard]; !ok && guard != layout {
			return // only read under the lock: maybe a snapshot, not a guard
		}
	}
	strong := explicit >= 0 || n >= strongLocked && 4*n >= 3*(n+unlocked)
	mu := fs.st.Field(guard).Name()
	if _, ok := lockedWrite[guard]; ok || explicit >= 0 {
		reportReadLocked(pass, v, fs, guard, strong)
	}
	// emit reports a; other marks a write made holding only mutexes
	// of other objects.
	emit := func(a access, loop *ssa.Go, r route, other bool) {
		name := lockset.Describe(a.base)
		if a.element {
			name = selectedAt(pass, a.pos, name)
		}
		why := fmt.Sprintf("which guards it in %d of %d functions that access it", n, n+unlocked)
		if other {
			why = fmt.Sprintf("which guards it in %d of %d functions that access it (the locks held here do not)", n, n+unlocked+1)
		}
		if explicit >= 0 {
			why = "which guards it"
		} else if byLayout {
			why = "declared after it in the struct and held elsewhere to access it"
		}
		d := analysis.Diagnostic{
			Pos:     a.pos,
			Message: fmt.Sprintf("write to %s.%s without holding %s.%s, %s", name, v.Name(), name, mu, why),
		}
		var tr finding.Trace
		if loop != nil {
			tr.Related(&d, finding.Place{Pos: loop.Pos(), Message: "goroutine started here, before the write", Goroutine: analysisutil.Goroutine(pass.Fset, a.fn), Op: finding.OpGo})
		}
		if p, ok := lockedWrite[guard]; ok {
			d.Related = []analysis.RelatedInformation{{Pos: p, Message: "written with the lock held here"}}
			tr.Steps(lockedSteps(pass, fs, p, mu, "written")...)
		} else if p := lockedAccess(fs, guard); p.IsValid() {
			d.Related = []analysis.RelatedInformation{{Pos: p, Message: "read with the lock held here"}}
			tr.Steps(lockedSteps(pass, fs, p, mu, "read")...)
		}
		d.Category = "field"
		r.relate(pass, &d, &tr)
		if a.via != nil {
			callee := a.via.Func
			if a.call != "" {
				callee = a.call
			}
			d.Message = fmt.Sprintf("call of %s writes %s.%s (%s) without holding %s.%s, %s", callee, name, v.Name(), a.via.Text, name, mu, why)
			relateHelper(pass, &d, &tr, a.via, analysisutil.Goroutine(pass.Fset, a.fn))
		}
		tr.Step(finding.Place{Pos: a.pos, Goroutine: analysisutil.Goroutine(pass.Fset, a.fn), Op: finding.OpWrite})
		tr.Report(pass, d)
	}
	for _, a := range fs.accesses {
		if !a.write || a.locked() || a.mayGuard || !a.pos.IsValid() || !ownBase(a.fn, a.base) || a.exempt && !a.start {
			continue
		}
		// A goroutine started before the write, on the same object,
		// that reaches its locked access without waiting for anyone:
		// the write surely runs beside the lock's users.
		loop := beside(pass, fs, a, guard)
		if a.exempt && loop == nil {
			continue
		}
		var r route
		if loop != nil {
			// Reported whatever the evidence.
		} else if byLayout {
			// The layout alone is weak evidence: only a write that
			// surely runs beside the lock's users, from a goroutine
			// or in a function that locks it elsewhere.
			var ok bool
			if r, ok = routes.find(a.fn); (!ok || !r.goroutine) && (!routes.locksElsewhere(guard, a) || routes.lockedOnlyBesideOthers(fs.st.Field(guard), fs)) {
				continue
			}
		} else if !strong && !losesUpdatesAt(a) && !bareExported(a.fn) {
			// A plain store on thin evidence: only where the write
			// surely runs beside the lock's users, in a function that
			// takes the lock itself elsewhere (and waits for nothing
			// first), or reached from a goroutine or a quiet exported
			// method through helpers that do not lock.
			var ok bool
			if r, ok = routes.find(a.fn); !ok && !routes.locksElsewhere(guard, a) {
				continue
			}
		}
		if orderedWrite(pass, v, a.instr) {
			continue // every other access is ordered with the write
		}
		if res, ok := pass.ResultOf[lockset.Analyzer].(*lockset.Result); ok && testHook(pass, res, a, fs, born) {
			continue // a test's hook on an object nobody shares yet
		}
		emit(a, loop, r, false)
	}
	if byLayout && unlocked > 0 {
		// The layout alone is too weak to judge what other locks do;
		// with every other access under the field's own mutex, it is
		// the guard.
		return
	}
	for _, a := range fs.underOther {
		// A plain function's parameter counts too (release(b), called
		// for each entry under the container's lock): the other lock
		// held around it says the object is shared, not being built.
		_, param := a.base.Root.(*ssa.Parameter)
		if !a.pos.IsValid() || !ownBase(a.fn, a.base) && !(param && a.base.Path == "") && !a.element || !otherLocksIdle(pass, fs, a, counts[guard]) || orderedWrite(pass, v, a.instr) {
			continue
		}
		r, _ := routes.find(a.fn)
		emit(a, nil, r, true)
	}
}

// otherLocksIdle reports whether the mutexes held at a, a write under
// locks of other objects only, leave the field unguarded: each is held
// at the field's other accesses (those under its own struct's mutexes
// or none) by fewer functions than its guard, held by n (a container's
// lock held around a walk of its entries, which the entries' users do
// not take): holding a lock is not holding the field's. False if a
// held mutex cannot be named.
func otherLocksIdle(pass *analysis.Pass, fs *fieldStats, a access, n int) bool {
	res, ok := pass.ResultOf[lockset.Analyzer].(*lockset.Result)
	if !ok || res.Funcs[a.fn] == nil {
		return false
	}
	const callers = 2
	held, ok := res.HeldClasses(res.Funcs[a.fn], a.instr, callers)
	if !ok || len(held) == 0 {
		return false
	}
	holders := make(map[lockset.Class]map[*ssa.Function]bool)
	for _, b := range fs.accesses {
		f := res.Funcs[b.fn]
		if f == nil {
			continue
		}
		cs, ok := res.HeldClasses(f, b.instr, callers)
		if !ok {
			return false
		}
		for _, c := range cs {
			if holders[c] == nil {
				holders[c] = make(map[*ssa.Function]bool)
			}
			holders[c][b.fn] = true
		}
	}
	for _, c := range held {
		if len(holders[c]) >= n {
			return false
		}
	}
	return true
}

// lockedSteps is the story of the write at p made with the guard mu
// held: the Lock before it, when its own function takes it, then the
// write, in the goroutine of that function.
func lockedSteps(pass *analysis.Pass, fs *fieldStats, p token.Pos, mu, what string) []finding.Place {
	for _, a := range fs.accesses {
		if a.pos != p {
			continue
		}
		g := analysisutil.Goroutine(pass.Fset, a.fn)
		var steps []finding.Place
		if res, ok := pass.ResultOf[lockset.Analyzer].(*lockset.Result); ok && res.Funcs[a.fn] != nil {
			guard := lockset.Describe(a.base) + "." + mu
			for k, l := range res.Funcs[a.fn].HeldBefore(a.instr) {
				if lockset.Describe(k) == guard && l.Pos.IsValid() && !l.Entry {
					steps = append(steps, finding.Place{Pos: l.Pos, Message: "locks " + guard, Goroutine: g, Op: finding.OpLock})
					break
				}
			}
		}
		op := finding.OpWrite
		if what == "read" {
			op = finding.OpRead
		}
		return append(steps, finding.Place{Pos: p, Message: what + " with the lock held here", Goroutine: g, Op: op})
	}
	return nil
}

// lockedAccess returns the first access to the field made with guard
// held, or NoPos.
func lockedAccess(fs *fieldStats, guard int) token.Pos {
	for _, a := range fs.accesses {
		if a.holds(guard) && a.pos.IsValid() {
			return a.pos
		}
	}
	return token.NoPos
}

// reportReadLocked reports writes to a field made while its guard is
// only read-locked: RLock admits other readers, who run the same code.
// Only when some reader can run beside the write: the writing function
// is exported (callers anywhere, in any goroutine), or another function
// accesses the field in a read-locked section of its own. A private
// method that read-locks only to keep out the writers (Close), run
// from one loop, has no other reader to race with. Only when the read
// lock is the struct's own (the guard field is the RWMutex, a pointer
// to it or a wrapper that has RLock): a lock of another object the
// field points to (an iterator read-locking its table) lets other
// readers into that object, which says nothing about who else holds
// this one.
func reportReadLocked(pass *analysis.Pass, v *types.Var, fs *fieldStats, guard int, strong bool) {
	if obj, _, _ := types.LookupFieldOrMethod(fs.st.Field(guard).Type(), true, nil, "RLock"); obj == nil {
		return
	}
	mu := fs.st.Field(guard).Name()
	for _, a := range fs.accesses {
		if !a.readOnly || !a.holds(guard) || a.exempt || !a.pos.IsValid() || !ownBase(a.fn, a.base) {
			continue
		}
		if !exported(a.fn) && !otherReader(fs, guard, a.fn) {
			continue
		}
		if !strong && !losesUpdatesAt(a) {
			continue
		}
		name := lockset.Describe(a.base)
		var tr finding.Trace
		tr.Step(finding.Place{Pos: a.pos, Goroutine: analysisutil.Goroutine(pass.Fset, a.fn), Op: finding.OpWrite})
		tr.Step(finding.Place{Pos: a.pos, Message: "the same write, by another reader holding the read lock", Goroutine: "another caller of " + a.fn.Name(), Op: finding.OpWrite})
		tr.Report(pass, analysis.Diagnostic{
			Category: "rlock",
			Pos:      a.pos,
			Message: fmt.Sprintf("write to %s.%s while holding only the read lock of %s.%s: other readers run concurrently; take the write lock",
				name, v.Name(), name, mu),
		})
	}
}

// exported reports whether fn is an exported function or method.
func exported(fn *ssa.Function) bool {
	obj := fn.Object()
	return fn.Parent() == nil && obj != nil && obj.Exported()
}

// otherReader reports whether a function other than fn accesses the
// field in a read-locked section of guard that it takes itself.
func otherReader(fs *fieldStats, guard int, fn *ssa.Function) bool {
	for _, b := range fs.accesses {
		if b.readRegion && b.holds(guard) && b.fn != fn {
			return true
		}
	}
	return false
}

// onlyReadLocked reports whether every mutex of base's struct held at
// instr is held for reading.
func onlyReadLocked(f *lockset.Func, instr ssa.Instruction, base lockset.Key) bool {
	n := 0
	for k, l := range f.HeldBefore(instr) {
		if k.Root != base.Root || k.Global != base.Global || !strings.HasPrefix(k.Path, base.Path+".") {
			continue
		}
		if l.Mode != lockset.Read || l.Entry {
			return false
		}
		n++
	}
	return n > 0
}

// losesUpdates reports whether the write instr, racing with another
// write, loses one of them whatever the schedule: a map store or
// delete, or a store of a value computed from the field's old value
// (x++, x -= n, x = append(x, v)).
func losesUpdates(instr ssa.Instruction) bool {
	st, ok := instr.(*ssa.Store)
	if !ok {
		return true // map update or delete
	}
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	want := lockset.KeyOf(fa)
	seen := map[ssa.Value]bool{}
	var dep func(v ssa.Value, depth int) bool
	dep = func(v ssa.Value, depth int) bool {
		if v == nil || depth > 8 || seen[v] {
			return false
		}
		seen[v] = true
		if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
			if a, ok := u.X.(*ssa.FieldAddr); ok && lockset.KeyOf(a) == want {
				return true
			}
		}
		instr, ok := v.(ssa.Instruction)
		if !ok {
			return false
		}
		var rands []*ssa.Value
		for _, r := range instr.Operands(rands) {
			if r != nil && dep(*r, depth+1) {
				return true
			}
		}
		return false
	}
	return dep(st.Val, 0)
}

// fieldAccess classifies instr as a read or write of a field.
func fieldAccess(instr ssa.Instruction) (*ssa.FieldAddr, bool, token.Pos) {
	switch x := instr.(type) {
	case *ssa.Store:
		if fa, ok := x.Addr.(*ssa.FieldAddr); ok {
			return fa, true, x.Pos()
		}
	case *ssa.UnOp:
		if x.Op == token.MUL && !feedsMapWrite(x) {
			if fa, ok := x.X.(*ssa.FieldAddr); ok {
				return fa, false, x.Pos()
			}
		}
	case *ssa.MapUpdate:
		// A map taken out of the field and replaced there
		// (pending := s.pending; s.pending = nil) is no longer the
		// field's: every later access through the field meets the new
		// value, and one before the store, under the field's lock,
		// ended before the store's section began.
		if l, ok := x.Map.(*ssa.UnOp); ok && l.Op == token.MUL {
			if fa, ok := l.X.(*ssa.FieldAddr); ok && !flow.Replaced(l, x) {
				return fa, true, x.Pos()
			}
		}
	case *ssa.Call:
		if b, ok := x.Call.Value.(*ssa.Builtin); ok && (b.Name() == "delete" || b.Name() == "clear") && len(x.Call.Args) > 0 {
			if l, ok := x.Call.Args[0].(*ssa.UnOp); ok && l.Op == token.MUL {
				if fa, ok := l.X.(*ssa.FieldAddr); ok && !flow.Replaced(l, x) {
					return fa, true, x.Pos()
				}
			}
		}
	}
	return nil, false, token.NoPos
}

// feedsMapWrite reports a load of a map field whose uses include a
// store or delete: the write stands for the whole statement.
func feedsMapWrite(l *ssa.UnOp) bool {
	refs := l.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.MapUpdate:
			if r.Map == l {
				return true
			}
		case *ssa.Call:
			if b, ok := r.Call.Value.(*ssa.Builtin); ok && (b.Name() == "delete" || b.Name() == "clear") {
				return true
			}
		}
	}
	return false
}

// shared reports whether base may be visible to other goroutines: it
// is reached from a parameter, free variable or package variable the
// function does not own. Values the function allocated or obtained
// from a call are treated as not yet shared (constructors).
func shared(f *lockset.Func, base lockset.Key) bool {
	if base.Global != "" {
		return true
	}
	switch r := base.Root.(type) {
	case *ssa.Parameter:
		for i, p := range f.Fn.Params {
			if p == r && f.Owned[i] {
				return false
			}
		}
		return true
	case *ssa.FreeVar:
		return true
	case *ssa.Alloc:
		// A captured variable holding a pointer (path ".*..."): shared
		// only if it holds a parameter of the enclosing function.
		if !strings.HasPrefix(base.Path, ".*") {
			return false
		}
		if refs := r.Referrers(); refs != nil {
			for _, u := range *refs {
				if s, ok := u.(*ssa.Store); ok && s.Addr == r {
					if _, ok := s.Val.(*ssa.Parameter); !ok {
						return false
					}
				}
			}
		}
		return r.Heap
	}
	return false
}

// elementOfShared reports whether base is an element of a container
// that is itself shared (see shared): a slice or array element, a map
// value, or the value of a range over a map, the container reached
// from a parameter, free variable or package variable the function
// does not own (for _, s := range r.sessions).
func elementOfShared(f *lockset.Func, base lockset.Key, depth int) bool {
	if depth > 3 || base.Global != "" {
		return false
	}
	container, ok := analysisutil.ContainerOf(base.Root)
	if !ok {
		return false
	}
	k := lockset.KeyOf(container)
	return shared(f, k) || elementOfShared(f, k, depth+1)
}

// selectedAt returns, as written, the operand of the selector whose
// field name is at pos (s in s.pending = nil): an element reached in a
// walk has no name in SSA form. dflt if there is none.
func selectedAt(pass *analysis.Pass, pos token.Pos, dflt string) string {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			path, _ := astutil.PathEnclosingInterval(f, pos, pos)
			if len(path) > 1 {
				if sel, ok := path[1].(*ast.SelectorExpr); ok && sel.Sel.Pos() == pos {
					return types.ExprString(sel.X)
				}
			}
		}
	}
	return dflt
}

// guardsHeld returns the indexes, ascending and without repeats, of
// the fields of base's struct holding a mutex held at instr; other is
// set when only unrelated locks are held.
func guardsHeld(f *lockset.Func, instr ssa.Instruction, base lockset.Key, st *types.Struct) (guards []int, other bool) {
	locked := f.EntryLocked
	check := func(k lockset.Key) {
		locked = true
		if k.Root != base.Root || k.Global != base.Global || !strings.HasPrefix(k.Path, base.Path+".") {
			return
		}
		// The held lock lives in field i of base's struct: the mutex
		// itself, a pointer to it, or a wrapper holding it.
		rest, _, _ := strings.Cut(strings.TrimPrefix(k.Path, base.Path+"."), ".")
		i, err := strconv.Atoi(rest)
		if err != nil || i >= st.NumFields() {
			return
		}
		guards = append(guards, i)
	}
	// Both are maps: collect every match, then order them, so that the
	// result does not depend on iteration order.
	for k := range f.HeldBefore(instr) {
		check(k)
	}
	for k := range f.Entry {
		check(k)
	}
	slices.Sort(guards)
	return slices.Compact(guards), locked && len(guards) == 0
}

// covered reports whether base is a parameter that every caller owns
// or passes while holding some lock.
func covered(f *lockset.Func, base lockset.Key) bool {
	for i, p := range f.Fn.Params {
		if base.Root == p && f.Covered[i] {
			return true
		}
	}
	return false
}

// mayGuardHeld reports whether a mutex inside base's struct is held
// on some path to instr, though not on all.
func mayGuardHeld(f *lockset.Func, instr ssa.Instruction, base lockset.Key) bool {
	for k := range f.MayHeldBefore(instr) {
		if k.Root == base.Root && k.Global == base.Global && strings.HasPrefix(k.Path, base.Path+".") {
			return true
		}
	}
	return false
}

// ownBase reports whether base is the object whose methods keep its
// locking discipline: the receiver itself of the method (or of the
// method a function literal belongs to), or a package variable. A
// plain function, or a method writing into some other object (a
// parameter, or a struct reached from the receiver), is usually
// filling in a value it is building (a parser, a validator), running
// under a lock its caller took, or ordered by the object's owner in
// ways not seen here; as RacerD does, only the class's own methods
// are judged.
func ownBase(fn *ssa.Function, base lockset.Key) bool {
	if base.Global != "" {
		return true
	}
	switch r := base.Root.(type) {
	case *ssa.Parameter:
		return base.Path == "" && fn.Signature.Recv() != nil && len(fn.Params) > 0 && fn.Params[0] == r
	case *ssa.FreeVar:
		top := fn
		for top.Parent() != nil {
			top = top.Parent()
		}
		return base.Path == ".*" && top.Signature.Recv() != nil
	case *ssa.Alloc:
		return true // a captured variable: shared() decided
	}
	return false
}

// lockedHelper reports functions named or documented as running with
// the lock held (fooLocked, "mu must be held"), named as unsynchronised
// on purpose (UnsafeLoad), initialisers and Start methods.
func lockedHelper(fn *ssa.Function) bool {
	return namedLocked(fn) || startMethod(fn)
}

// startMethod reports a Start method, a Config, Configure or Setup
// one, or one documented as called before Start (or Run, Serve,
// Listen, Open, Init): it runs before the value is shared (etcd's
// Transporter: "Start MUST be called before calling other functions";
// a limiter's constructor calling its counter's Config); the
// goroutines it starts do not. A setter (SetWindow) is not one:
// clients call it any time.
func startMethod(fn *ssa.Function) bool {
	if fn.Parent() != nil {
		return false
	}
	n := strings.ToLower(fn.Name())
	if strings.HasPrefix(n, "start") || strings.HasPrefix(n, "setup") || n == "config" || n == "configure" {
		return true
	}
	d, ok := fn.Syntax().(*ast.FuncDecl)
	return ok && d.Doc != nil && beforeStartRE.MatchString(d.Doc.Text())
}

// beforeStartRE matches a doc comment that restricts the method to the
// set-up phase: "It must be called before Start or Run", "should only
// be called before Serve".
var beforeStartRE = regexp.MustCompile(`(?i)\b(must|should|may only|can only)\b[^.]*\bcalled\b[^.]*\bbefore\b[^.]*\b(start|run|serve|listen|open|init)`)

// namedLocked is lockedHelper but for Start methods.
func namedLocked(fn *ssa.Function) bool {
	if lockset.DocumentedLocked(fn) || lockset.Initialiser(fn) {
		return true
	}
	for f := fn; f != nil; f = f.Parent() {
		if strings.Contains(strings.ToLower(f.Name()), "unsafe") {
			return true
		}
		if d, ok := f.Syntax().(*ast.FuncDecl); ok && d.Doc != nil {
			if strings.Contains(strings.ToLower(d.Doc.Text()), "before") {
				return true
			}
		}
	}
	return false
}

var excuseRE = regexp.MustCompile(`\b(no need|not need|needn't|don't need|no lock|not lock|without lock|safe|already|racy|benign)`)

var guardedRE = regexp.MustCompile(`(?i)\b(?:guarded|protected) by (\w+)`)

// explicitGuards reads "guarded by mu" comments on struct fields, and
// "mu guards/protects the following" layouts are left to inference.
func explicitGuards(pass *analysis.Pass) (map[*types.Var]int, map[*types.Var]int) {
	out := map[*types.Var]int{}
	layout := map[*types.Var]int{}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	ins.Preorder([]ast.Node{(*ast.StructType)(nil)}, func(n ast.Node) {
		stt := n.(*ast.StructType)
		tv, ok := pass.TypesInfo.Types[stt]
		if !ok {
			return
		}
		st, ok := tv.Type.(*types.Struct)
		if !ok {
			return
		}
		index := map[string]int{}
		for i := 0; i < st.NumFields(); i++ {
			index[st.Field(i).Name()] = i
		}
		// The standard library's layout: a mutex guards the fields
		// declared after it, up to a blank line or a comment.
		section := -1
		prevEnd := token.NoPos
		for _, fld := range stt.Fields.List {
			if fld.Doc != nil || prevEnd.IsValid() && pass.Fset.Position(fld.Pos()).Line > pass.Fset.Position(prevEnd).Line+1 {
				section = -1
			}
			prevEnd = fld.End()
			if fld.Comment != nil {
				prevEnd = fld.Comment.End()
			}
			isMu := false
			if tv, ok := pass.TypesInfo.Types[fld.Type]; ok && lockset.IsMutex(tv.Type) {
				isMu = true
				if len(fld.Names) == 1 {
					section = index[fld.Names[0].Name]
				} else if len(fld.Names) == 0 {
					if f := embeddedIndex(st, tv.Type); f >= 0 {
						section = f
					}
				}
			}
			if section >= 0 && !isMu {
				for _, name := range fld.Names {
					if v, ok := pass.TypesInfo.Defs[name].(*types.Var); ok {
						layout[v] = section
					}
				}
			}
		}
		for _, fld := range stt.Fields.List {
			var text string
			if fld.Doc != nil {
				text += fld.Doc.Text()
			}
			if fld.Comment != nil {
				text += fld.Comment.Text()
			}
			m := guardedRE.FindStringSubmatch(text)
			if m == nil {
				continue
			}
			g, ok := index[m[1]]
			if !ok || !lockset.IsMutex(st.Field(g).Type()) {
				continue
			}
			for _, name := range fld.Names {
				if v, ok := pass.TypesInfo.Defs[name].(*types.Var); ok {
					out[v] = g
				}
			}
		}
	})
	return out, layout
}

// embeddedIndex returns the index of the embedded field of st of type t.
func embeddedIndex(st *types.Struct, t types.Type) int {
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Embedded() && types.Identical(st.Field(i).Type(), t) {
			return i
		}
	}
	return -1
}

// mentionsLocking reports whether a comment inside fn's body talks
// about locking ("no need to lock because the reader has exited"):
// the author considered the unlocked access.
func mentionsLocking(pass *analysis.Pass, fn *ssa.Function) bool {
	for f := fn; f != nil; f = f.Parent() {
		syn := f.Syntax()
		if syn == nil {
			continue
		}
		for _, file := range pass.Files {
			if file.FileStart > syn.Pos() || syn.End() > file.FileEnd {
				continue
			}
			for _, cg := range file.Comments {
				if cg.Pos() < syn.Pos() || cg.End() > syn.End() {
					continue
				}
				t := strings.ToLower(cg.Text())
				if strings.Contains(t, "lock") && excuseRE.MatchString(t) {
					return true
				}
			}
		}
	}
	return false
}

// bareExported reports whether fn is an exported method that calls
// nothing and touches no channel: a setter or a reset that clients may
// call at any time, beside the methods that lock, with nothing in it
// that could order it after them (a Wait, a receive, a stop).
func bareExported(fn *ssa.Function) bool {
	if fn.Signature.Recv() == nil || !exported(fn) || len(fn.AnonFuncs) > 0 {
		return false
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case ssa.CallInstruction, *ssa.Send, *ssa.Select:
				return false
			case *ssa.UnOp:
				if in.Op == token.ARROW {
					return false
				}
			}
		}
	}
	return true
}
