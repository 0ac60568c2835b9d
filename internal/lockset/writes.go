package lockset

import (
	"github.com/goconcheck/goconcheck/internal/accesspath"

	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// Writes is the fact exported for an exported function that writes,
// with no lock held at the write (none taken by the function itself
// or by the helpers on the way), to memory reached from its parameters
// or to a variable of its own package, itself or through the helpers
// it calls with no lock held. An importing package rebinds the keys at
// its calls to see the writes as made there (see unlockedwrite): the
// helper cannot know whether its callers hold the lock, they can.
type Writes struct {
	W []UnlockedWrite
}

// An UnlockedWrite is one unlocked write of a summary.
type UnlockedWrite struct {
	// Key is the written location: rooted at a parameter, or a
	// package variable of the writer's package.
	Key SKey
	// Func names the function that writes ("meter.Miss"), Pos is where
	// ("file.go:12:3"): an importing package has no syntax of it.
	// Func, Pos, Text, LosesUpdates and Always are left empty when no
	// importer can use the write (see usable): the entry only holds
	// the location's place in the summary.
	Func string
	Pos  string
	// Text is the written location as in the writer's source ("u.Misses").
	Text string
	// LosesUpdates: a read-modify-write (x++, x += n, append) or a map
	// store or delete, which loses an update whatever the schedule.
	LosesUpdates bool
	// Always: every call that returns makes the write (its block, and
	// the calls on the way, dominate every return), not only some (a
	// Read that writes its offset only when there is something left).
	Always bool
	// Guard names the package mutex (a package variable) held by the
	// writer's package at most of its other accesses to the written
	// package variable, when there are at least two of them; empty
	// for parameter keys.
	Guard string
}

func (*Writes) AFact() {}

func (w *Writes) String() string {
	var b strings.Builder
	b.WriteString("writes(")
	for i, x := range w.W {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(x.Key.String())
		if x.Guard != "" {
			b.WriteString(" guarded by " + x.Guard)
		}
	}
	b.WriteString(")")
	return b.String()
}

// maxWrites bounds a summary: a function writing more unrelated
// locations than this is a filler of values, not a helper of a
// locking discipline, and the facts stay small.
const maxWrites = 16

// writeSummaries computes the unlocked-write summaries of the
// package's functions and exports those of exported functions.
func (b *builder) writeSummaries(all []*ssa.Function) {
	guards := globalGuards(b.pass, b.res)
	ws := &writeState{b: b, guards: guards, memo: map[*ssa.Function][]UnlockedWrite{}, busy: map[*ssa.Function]bool{}}
	if !b.factsOnly {
		// The analyzers that use the summaries of other packages'
		// helpers cannot import lockset's facts themselves (facts
		// belong to the analyzer that declares them): import them
		// here, for every callee the call-site index lists.
		b.res.sitesOnce.Do(b.res.indexSites)
		b.res.writes = map[*ssa.Function][]UnlockedWrite{}
		for _, callee := range b.res.imported {
			b.res.writes[callee] = ws.of(callee)
		}
	}
	for _, fn := range all {
		if fn.Parent() != nil {
			continue
		}
		w := ws.of(fn)
		if !b.factsOnly && len(w) > 0 && analysisutil.PlumbingMethod(fn) {
			if b.res.plumbWrites == nil {
				b.res.plumbWrites = map[*ssa.Function][]UnlockedWrite{}
			}
			b.res.plumbWrites[fn] = w
		}
		obj, ok := fn.Object().(*types.Func)
		if len(w) == 0 || !ok || obj.Pkg() != b.pass.Pkg || !obj.Exported() {
			continue
		}
		b.pass.ExportObjectFact(obj, &Writes{W: w})
	}
}

type writeState struct {
	b      *builder
	guards map[string]string
	memo   map[*ssa.Function][]UnlockedWrite
	busy   map[*ssa.Function]bool
	// bufs lends the buffers a summary is collected in.
	bufs analysisutil.Buffers[UnlockedWrite]
}

// of returns fn's unlocked writes, computing them for functions of the
// package and importing them for others.
func (ws *writeState) of(fn *ssa.Function) []UnlockedWrite {
	fn = flow.Origin(fn)
	if w, ok := ws.memo[fn]; ok || ws.busy[fn] {
		return w
	}
	if fn.Pkg == nil || fn.Pkg.Pkg != ws.b.pass.Pkg {
		// Imported once per callee, not at every call.
		var w Writes
		if obj, ok := fn.Object().(*types.Func); ok && ws.b.pass.ImportObjectFact(obj, &w) {
			ws.memo[fn] = w.W
			return w.W
		}
		ws.memo[fn] = nil
		return nil
	}
	f := ws.b.res.Funcs[fn]
	if f == nil || fn.Blocks == nil {
		return nil
	}
	ws.busy[fn] = true
	defer delete(ws.busy, fn)
	// The guards are looked for at the first write that could need
	// them: most functions make none unlocked.
	var guards []selfGuard
	guardsDone := false
	isGuarded := func(k Key, in ssa.Instruction) bool {
		if !guardsDone {
			guards, guardsDone = selfGuards(fn), true
		}
		return guarded(guards, k, in)
	}
	out := ws.bufs.Take()
	// One write per location: the first tells the story, and the
	// facts stay small.
	add := func(w UnlockedWrite) {
		if !usable(w.Key, w.Guard) {
			// Only its place: the location, which still takes its
			// slot (one per location, maxWrites in all) here and in
			// every caller, where it stays unusable.
			w = UnlockedWrite{Key: w.Key, Guard: w.Guard}
		}
		for _, x := range out {
			if x.Key == w.Key {
				return
			}
		}
		if len(out) < maxWrites {
			out = append(out, w)
		}
	}
	fset := ws.b.pass.Fset
	for _, blk := range fn.Blocks {
		if ws.b.res.Dead(blk) {
			continue
		}
		for _, in := range blk.Instrs {
			if len(f.HeldBefore(in)) > 0 || len(f.MayHeldBefore(in)) > 0 {
				continue
			}
			if c, ok := in.(*ssa.Call); ok {
				callee := c.Call.StaticCallee()
				if callee == nil {
					continue
				}
				var cws []UnlockedWrite
				args := c.Call.Args
				if p, ok := analysisutil.PlumbingCall(c); ok {
					// heap.Push(h, x) writes what h.Push and h.Swap write.
					args = []ssa.Value{p.Recv}
					for _, m := range p.Methods {
						if analysisutil.PlumbingMethod(m) {
							cws = append(cws, ws.of(m)...)
						}
					}
				} else {
					cws = ws.of(callee)
				}
				if len(cws) == 0 {
					continue // most callees write nothing unlocked: skip the dominance walk
				}
				always := dominatesReturns(blk)
				for _, w := range cws {
					if k, ok := callerKey(w.Key, args, nil); ok && isGuarded(k, in) {
						continue
					}
					if k, ok := ws.rebind(fn, w.Key, args); ok {
						w.Key = k
						w.Always = w.Always && always
						add(w)
					}
				}
				continue
			}
			addr, loses := writeAddr(in)
			if addr == nil || !in.Pos().IsValid() {
				continue
			}
			k := KeyOf(addr)
			if k.Global != "" && !strings.HasPrefix(k.Global, ws.b.pass.Pkg.Path()+".") {
				continue // another package's variable: its own summaries say
			}
			if isGuarded(k, in) {
				continue
			}
			s, ok := summaryKey(fn, k, 0)
			if !ok || s.FreeVar >= 0 || s.Param >= 0 && s.Path == "" {
				continue
			}
			w := UnlockedWrite{Key: s, LosesUpdates: loses, Always: dominatesReturns(blk)}
			if s.Global != "" {
				w.Guard = ws.guards[s.Global]
				if w.Guard == "" {
					continue // nothing says the variable is shared under a lock
				}
			}
			if usable(w.Key, w.Guard) {
				w.Func, w.Pos, w.Text = funcName(fn), shortPos(fset.Position(in.Pos())), Describe(k)
			}
			add(w)
		}
	}
	w := ws.bufs.Keep(out)
	ws.memo[fn] = w
	return w
}

// rebind expresses a callee's summary key in fn's parameters at a call
// with args.
func (ws *writeState) rebind(fn *ssa.Function, s SKey, args []ssa.Value) (SKey, bool) {
	k, ok := callerKey(s, args, nil)
	if !ok {
		return SKey{}, false
	}
	t, ok := summaryKey(fn, k, 0)
	if !ok || t.FreeVar >= 0 || t.Param >= 0 && t.Path == "" {
		return SKey{}, false
	}
	return t, true
}

// RebindWrite expresses a Write's key in the terms of a caller that
// calls the writer with args: the written location as the caller
// names it. It fails when the location is rooted at something the
// caller does not name stably, and when it is reached through a
// pointer loaded from a field or element of what the caller names:
// then the writer writes another object (j.w.Write writes the
// bufio.Writer j.w points to, not j), which the key would misname as
// part of the caller's.
func RebindWrite(w UnlockedWrite, args []ssa.Value) (Key, bool) {
	k, ok := callerKey(w.Key, args, nil)
	if !ok {
		return Key{}, false
	}
	if loadsPastRoot(k.Path) {
		return Key{}, false
	}
	return k, true
}

// loadsPastRoot reports whether path goes through a pointer loaded
// from a field or element: loads before the first field or element
// step only reach the root's own object (a captured variable's cell,
// a pointer the caller holds).
func loadsPastRoot(path string) bool {
	for strings.HasPrefix(path, accesspath.Load) {
		path = path[len(accesspath.Load):]
	}
	return strings.Contains(path, accesspath.Load)
}

// usable reports whether an importer can use a write to k, with
// guard, as one of its own (RebindWrite, then unlockedwrite): a
// package variable only with the mutex its package guards it with,
// and no location reached through a pointer loaded past its root.
// Rebinding at a call keeps a package variable and its guard, and
// prefixes a parameter's path, so a write unusable in a function is
// unusable in all its callers too: its summary entry keeps only the
// location, not the text an importer would show.
func usable(k SKey, guard string) bool {
	if k.Global != "" && guard == "" {
		return false
	}
	return !loadsPastRoot(k.Path)
}

// ImportedWrites returns the unlocked-write summary of fn, a function
// of another package that the package calls, if it has one.
func (r *Result) ImportedWrites(fn *ssa.Function) []UnlockedWrite {
	return r.writes[flow.Origin(fn)]
}

// PlumbingWrites returns, for a call of container/heap or sort on a
// value of the package (heap.Pop(q)), the unlocked writes of the
// methods it runs (q.Pop's q.items = q.items[:n-1]), to be rebound to
// the value at the call as a helper's writes are (RebindWrite with
// args [p.Recv]); and the value.
func (r *Result) PlumbingWrites(c ssa.CallInstruction) ([]UnlockedWrite, ssa.Value) {
	p, ok := analysisutil.PlumbingCall(c)
	if !ok {
		return nil, nil
	}
	var out []UnlockedWrite
	for _, m := range p.Methods {
		out = append(out, r.plumbWrites[m]...)
	}
	return out, p.Recv
}

// Plumbed reports whether fn is a Push, Pop or Swap method that only
// container/heap and sort call, from the package's calls of them: it is
// entered where those calls are, and its writes are made there
// (PlumbingWrites).
func (r *Result) Plumbed(fn *ssa.Function) bool {
	return r.plumbed[fn] && analysisutil.PlumbingMethod(fn)
}

// writeAddr returns the address instr writes (a store, or a map store,
// delete or clear through a map loaded from it), and whether the write
// loses updates whatever the schedule.
func writeAddr(in ssa.Instruction) (ssa.Value, bool) {
	mapAt := func(m ssa.Value) ssa.Value {
		if l, ok := m.(*ssa.UnOp); ok && l.Op == token.MUL {
			return l.X
		}
		return nil
	}
	switch x := in.(type) {
	case *ssa.Store:
		switch x.Addr.(type) {
		case *ssa.FieldAddr, *ssa.Global:
		default:
			return nil, false
		}
		return x.Addr, readsOld(x.Val, x.Addr)
	case *ssa.MapUpdate:
		return mapAt(x.Map), true
	case *ssa.Call:
		if bi, ok := x.Call.Value.(*ssa.Builtin); ok && (bi.Name() == "delete" || bi.Name() == "clear") && len(x.Call.Args) > 0 {
			return mapAt(x.Call.Args[0]), true
		}
	}
	return nil, false
}

// readsOld reports whether v is computed, within a few steps, from a
// load of addr: x++, x += n, x = append(x, v).
func readsOld(v, addr ssa.Value) bool {
	want := KeyOf(addr)
	var dep func(v ssa.Value, depth int) bool
	dep = func(v ssa.Value, depth int) bool {
		if v == nil || depth > 4 {
			return false
		}
		if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL && KeyOf(u.X) == want {
			return true
		}
		instr, ok := v.(ssa.Instruction)
		if !ok {
			return false
		}
		for _, r := range instr.Operands(nil) {
			if r != nil && dep(*r, depth+1) {
				return true
			}
		}
		return false
	}
	return dep(v, 0)
}

// globalGuards finds, for each package variable of the package, the
// package mutex held at most of the functions that access it, at
// least two: "pkg.loaded" -> "pkg.mu".
func globalGuards(pass *analysis.Pass, res *Result) map[string]string {
	type vote struct {
		fn *ssa.Function
		g  string
	}
	votes := map[vote]bool{}
	locked := map[string]map[string]int{}
	funcs := map[string]int{}
	for fn, f := range res.Funcs {
		for _, blk := range fn.Blocks {
			for _, in := range blk.Instrs {
				var addr ssa.Value
				switch x := in.(type) {
				case *ssa.Store:
					addr = x.Addr
				case *ssa.UnOp:
					if x.Op == token.MUL {
						addr = x.X
					}
				}
				g, ok := addr.(*ssa.Global)
				if !ok || IsMutex(g.Type()) {
					continue
				}
				name := accesspath.GlobalName(g)
				if !votes[vote{fn, name}] {
					votes[vote{fn, name}] = true
					funcs[name]++
				}
				for k := range f.HeldBefore(in) {
					if k.Global == "" || k.Path != "" {
						continue
					}
					if !votes[vote{fn, name + " " + k.Global}] {
						votes[vote{fn, name + " " + k.Global}] = true
						if locked[name] == nil {
							locked[name] = map[string]int{}
						}
						locked[name][k.Global]++
					}
				}
			}
		}
	}
	out := map[string]string{}
	for name, by := range locked {
		best, n := "", 0
		for g, c := range by {
			if c > n || c == n && g < best {
				best, n = g, c
			}
		}
		if n >= 2 && 2*n > funcs[name] {
			out[name] = best
		}
	}
	return out
}

func funcName(fn *ssa.Function) string {
	name := fn.Name()
	if recv := fn.Signature.Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := t.(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg != nil {
		name = fn.Pkg.Pkg.Name() + "." + name
	}
	return name
}

// shortPos renders p as "file.go:line:col", the file's base name
// kept with its directory so that an importer can find it in its file
// set when it has the syntax.
func shortPos(p token.Position) string {
	return p.Filename + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}

// WritePos returns the position of w in fset, when fset holds the
// writer's file (the standalone checker loads every package's syntax;
// go vet's export data has lines only), or NoPos.
func WritePos(fset *token.FileSet, files map[string]*token.File, w UnlockedWrite) token.Pos {
	i := strings.LastIndex(w.Pos, ":")
	if i < 0 {
		return token.NoPos
	}
	j := strings.LastIndex(w.Pos[:i], ":")
	if j < 0 {
		return token.NoPos
	}
	line, err1 := strconv.Atoi(w.Pos[j+1 : i])
	col, err2 := strconv.Atoi(w.Pos[i+1:])
	f := files[w.Pos[:j]]
	if err1 != nil || err2 != nil || f == nil || line < 1 || line > f.LineCount() {
		return token.NoPos
	}
	p := f.LineStart(line)
	if off := f.Offset(p) + col - 1; col > 1 && off < f.Size() {
		p = f.Pos(off)
	}
	// The files go vet builds from export data have invented line
	// tables: a position that does not map back is no position.
	if q := f.Position(p); q.Line != line || q.Column != col {
		return token.NoPos
	}
	return p
}

// FilesByName indexes fset's files by name, for WritePos.
func FilesByName(fset *token.FileSet) map[string]*token.File {
	out := map[string]*token.File{}
	fset.Iterate(func(f *token.File) bool {
		out[f.Name()] = f
		return true
	})
	return out
}

// dominatesReturns reports whether b dominates every block of its
// function that returns: no call returns without passing through it.
func dominatesReturns(b *ssa.BasicBlock) bool {
	for _, r := range b.Parent().Blocks {
		if len(r.Instrs) == 0 {
			continue
		}
		if _, ok := r.Instrs[len(r.Instrs)-1].(*ssa.Return); ok && !b.Dominates(r) {
			return false
		}
	}
	return true
}

// A selfGuard is where a function takes a lock that is part of an
// object (t.initMu.Lock()), or wins a compare-and-swap of one of its
// words (if t.state.CompareAndSwap(0, 1) { ... }): the writes to the
// same object that it dominates are ordered by the object itself, not
// a race its callers must prevent. internal/sync's HashTrieMap (behind
// sync.Map) initialises itself so, under a lock of its own type, which
// the lock sets, following sync.Mutex and sync.RWMutex, do not see.
type selfGuard struct {
	at   ssa.Instruction // the Lock call, or the first instruction the CAS's success leads to
	obj  Key             // the object the lock or word is a field of
	lock Key             // the lock, for a Lock call; the zero Key for a CAS
}

// selfGuards lists fn's self guards.
func selfGuards(fn *ssa.Function) []selfGuard {
	var out []selfGuard
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok || call.Call.IsInvoke() || len(call.Call.Args) == 0 {
				continue
			}
			m := flow.CalleeFunc(call.Common())
			if m == nil {
				continue
			}
			k := KeyOf(call.Call.Args[0])
			obj, ok := fieldOwner(k)
			if !ok {
				continue
			}
			switch {
			case isLockerMethod(m, "Lock"):
				out = append(out, selfGuard{at: call, obj: obj, lock: k})
			case m.Pkg() != nil && m.Pkg().Path() == "sync/atomic" && strings.HasPrefix(m.Name(), "CompareAndSwap"):
				if s := casSuccess(call); s != nil {
					out = append(out, selfGuard{at: s.Instrs[0], obj: obj})
				}
			}
		}
	}
	return out
}

// fieldOwner returns the object k is a field of: k without its last
// step, which must be a field.
func fieldOwner(k Key) (Key, bool) {
	i := strings.LastIndex(k.Path, ".")
	if i < 0 || k.Path[i:] == accesspath.Load || strings.Contains(k.Path[i:], "[") {
		return Key{}, false
	}
	k.Path = k.Path[:i]
	return k, k.Valid()
}

// isLockerMethod reports whether fn is the method name (Lock or
// Unlock) of a type that has both, as a sync.Locker.
func isLockerMethod(fn *types.Func, name string) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || fn.Name() != name || sig.Recv() == nil || sig.Params().Len() != 0 || sig.Results().Len() != 0 {
		return false
	}
	ms := types.NewMethodSet(sig.Recv().Type())
	return ms.Lookup(fn.Pkg(), "Lock") != nil && ms.Lookup(fn.Pkg(), "Unlock") != nil
}

// casSuccess returns the block a branch on the compare-and-swap call
// enters only when the swap succeeded, if it is entered only so.
func casSuccess(call *ssa.Call) *ssa.BasicBlock {
	for _, r := range *call.Referrers() {
		i := 0
		if u, ok := r.(*ssa.UnOp); ok && u.Op == token.NOT && u.Referrers() != nil && len(*u.Referrers()) == 1 {
			r, i = (*u.Referrers())[0], 1 // if !x.CompareAndSwap(...) { return }
		}
		if ifi, ok := r.(*ssa.If); ok {
			if s := ifi.Block().Succs[i]; len(s.Preds) == 1 && len(s.Instrs) > 0 {
				return s
			}
		}
	}
	return nil
}

// guarded reports whether the write of k at in is ordered by one of
// the function's self guards: k is in the guard's object, the guard
// dominates in, and a lock is not released on the way.
func guarded(guards []selfGuard, k Key, in ssa.Instruction) bool {
	for _, g := range guards {
		if k.Root != g.obj.Root || k.Global != g.obj.Global || !accesspath.Within(k.Path, g.obj.Path) || !flow.Dominates(g.at, in) {
			continue
		}
		if g.lock.Valid() && unlockedBefore(g, in) {
			continue
		}
		return true
	}
	return false
}

// unlockedBefore reports whether an Unlock of g's lock (not deferred)
// can run between g's Lock and in.
func unlockedBefore(g selfGuard, in ssa.Instruction) bool {
	for _, b := range in.Parent().Blocks {
		for _, x := range b.Instrs {
			call, ok := x.(*ssa.Call)
			if !ok || call.Call.IsInvoke() || len(call.Call.Args) == 0 {
				continue
			}
			m := flow.CalleeFunc(call.Common())
			if m == nil || !isLockerMethod(m, "Unlock") || KeyOf(call.Call.Args[0]) != g.lock {
				continue
			}
			if flow.Reaches(g.at, call, nil) && flow.Reaches(call, in, func(y ssa.Instruction) bool { return y == g.at }) {
				return true
			}
		}
	}
	return false
}
