package lockset

import (
	"go/ast"
	"go/token"
	"maps"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// A site is a place a function is entered from: a static call (with
// its caller, arguments and closure bindings) or a go statement.
type site struct {
	caller *ssa.Function
	instr  ssa.Instruction
	// args are the values bound to the callee's parameters, in order;
	// bindings to its free variables.
	args     []ssa.Value
	bindings []ssa.Value
	goStmt   bool
	// via is set for a callback: caller, a function of the package,
	// was handed the callback by the call via, and instr, its call of
	// the parameter, runs it. The keys caller holds there, rooted at
	// its parameters, name via's arguments in the maker's terms, which
	// is where the bindings (and a method value's receiver) live.
	via ssa.CallInstruction
}

type entryState struct {
	top    bool
	keys   map[Key]bool
	owned  map[int]bool
	locked bool // every caller holds some lock
	// init: every caller is an initialiser (NewX, Init) or only
	// called from initialisers: the value is not shared yet.
	init bool
	// covered: parameters every caller either owns or passes while
	// holding some lock.
	covered map[int]bool
}

// entries computes, for functions whose every use is a call we see,
// the mutexes every caller holds (RacerD's "requires" precondition,
// inferred bottom-up from the callers) and the parameters every
// caller allocated itself and so owns. A call its caller makes only
// on a branch that constant arguments of some of its own callers rule
// out holds what the other callers hold (heldByLiveCallers: a destroy
// told by inLock that its caller holds the lock).
func (b *builder) entries(all []*ssa.Function) {
	inPkg := map[*ssa.Function]bool{}
	for _, fn := range all {
		inPkg[fn] = true
	}
	sites := map[*ssa.Function][]site{}
	escapes := map[*ssa.Function]bool{}
	var rands []*ssa.Value
	// plumbed: methods that container/heap or sort calls for the
	// package, at the plumbing call's site (heap.Push(h, x) under h.mu
	// runs h.Push and h.Swap with h.mu held).
	plumbed := map[*ssa.Function]bool{}
	for _, caller := range all {
		for _, blk := range caller.Blocks {
			for _, instr := range blk.Instrs {
				if c, ok := instr.(ssa.CallInstruction); ok {
					if p, ok := analysisutil.PlumbingCall(c); ok {
						for _, m := range p.Methods {
							if inPkg[m] {
								sites[m] = append(sites[m], site{caller: caller, instr: instr, args: []ssa.Value{p.Recv}})
								plumbed[m] = true
							}
						}
					}
				}
				rands = instr.Operands(rands[:0])
				for i, r := range rands {
					fn, ok := (*r).(*ssa.Function)
					if !ok {
						continue
					}
					mc, isMC := instr.(*ssa.MakeClosure)
					if isMC && i == 0 {
						if m := analysisutil.BoundMethod(fn); m != nil && inPkg[m] {
							// A method value: the method runs where
							// the value is called, on the bound
							// receiver.
							b.valueUses(caller, mc, m, mc.Bindings, true, inPkg, sites, escapes)
							continue
						}
					}
					if !inPkg[fn] {
						continue
					}
					if isMC && i == 0 {
						b.valueUses(caller, mc, fn, mc.Bindings, false, inPkg, sites, escapes)
						continue
					}
					if i == 0 {
						switch flow.UseOf(fn, instr) {
						case flow.Called:
							sites[fn] = append(sites[fn], site{caller: caller, instr: instr, args: instr.(ssa.CallInstruction).Common().Args})
							continue
						case flow.Started:
							sites[fn] = append(sites[fn], site{goStmt: true})
							continue
						}
					}
					// An argument, not the callee: a callback.
					if c, ok := instr.(ssa.CallInstruction); !ok || !b.handedTo(c, fn, fn, nil, false, inPkg, sites) {
						escapes[fn] = true
					}
				}
			}
		}
	}

	b.res.plumbed = plumbed
	// An exported method of a type the package keeps to itself has
	// only the callers seen here.
	hidden := analysisutil.Hidden(b.pass.Pkg, all)
	st := map[*ssa.Function]*entryState{}
	var pending []*ssa.Function
	for _, fn := range all {
		f := b.res.Funcs[fn]
		if f == nil {
			continue
		}
		switch {
		case b.res.Plumbed(fn):
			// Exported for the interface, called by the plumbing:
			// entered where the package's heap and sort calls are.
			st[fn] = &entryState{top: true}
			pending = append(pending, fn)
		case isEntryPoint(fn) && !(analysisutil.HiddenMethod(fn, hidden) && b.calledOutsideTests(sites[fn])):
			f.EntryKnown = true
		case escapes[fn] || len(sites[fn]) == 0:
			// unknown
		default:
			st[fn] = &entryState{top: true}
			pending = append(pending, fn)
		}
	}
	b.sites = sites
	for round := 0; round < 8; round++ {
		changed := false
		for _, fn := range pending {
			ns := b.meet(fn, sites[fn], st, escapes)
			old := st[fn]
			if !sameState(old, ns) {
				st[fn] = ns
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for _, fn := range pending {
		s := st[fn]
		if s.top {
			continue
		}
		f := b.res.Funcs[fn]
		f.EntryKnown = true
		f.Entry = s.keys
		f.Owned = s.owned
		f.EntryLocked = s.locked
		f.InitOnly = s.init
		f.Covered = s.covered
	}
}

func sameState(a, b *entryState) bool {
	return a.top == b.top && a.locked == b.locked && a.init == b.init && maps.Equal(a.keys, b.keys) && maps.Equal(a.owned, b.owned) && maps.Equal(a.covered, b.covered)
}

// valueUses records where the function value v of caller runs: fn, a
// closure made there with bindings, or a method of the package bound
// to the receiver bindings[0] (bound). Called there, it runs with what
// caller holds at the call; started, with nothing held; handed to a
// function of the package, where that function calls its parameter
// (handedTo). Anywhere else (stored, returned, passed to code we do
// not see) it may run in any context: fn's entry is unknown.
func (b *builder) valueUses(caller *ssa.Function, v ssa.Value, fn *ssa.Function, bindings []ssa.Value, bound bool, inPkg map[*ssa.Function]bool, sites map[*ssa.Function][]site, escapes map[*ssa.Function]bool) {
	refs := v.Referrers()
	if refs == nil {
		escapes[fn] = true
		return
	}
	for _, r := range *refs {
		switch flow.UseOf(v, r) {
		case flow.Named:
			continue
		case flow.Called:
			sites[fn] = append(sites[fn], callSite(caller, r, bindings, bound, nil))
			continue
		case flow.Started:
			sites[fn] = append(sites[fn], site{goStmt: true})
			continue
		}
		if ct, ok := r.(*ssa.ChangeType); ok {
			// A literal converted to a named function type.
			b.valueUses(caller, ct, fn, bindings, bound, inPkg, sites, escapes)
			continue
		}
		if c, ok := r.(ssa.CallInstruction); ok && b.handedTo(c, v, fn, bindings, bound, inPkg, sites) {
			continue
		}
		escapes[fn] = true
	}
}

// callSite is the site of a function value called by the call r of
// caller: a closure's bindings go to its free variables, a method
// value's receiver (bound) to the method's first parameter.
func callSite(caller *ssa.Function, r ssa.Instruction, bindings []ssa.Value, bound bool, via ssa.CallInstruction) site {
	args := r.(ssa.CallInstruction).Common().Args
	if bound {
		return site{caller: caller, instr: r, args: append([]ssa.Value{bindings[0]}, args...), via: via}
	}
	return site{caller: caller, instr: r, args: args, bindings: bindings, via: via}
}

// handedTo records the sites of fn, the function value v passed as an
// argument of the call c, when c runs it in a goroutine of its own
// (time.AfterFunc, WaitGroup.Go: nothing is held there), or c calls a
// function of the package that only calls its parameter or starts it:
// fn then runs where that function calls it, and its entry follows
// from what is held there. It reports false, and records nothing, when
// the value may go elsewhere: its entry is then unknown.
func (b *builder) handedTo(hand ssa.CallInstruction, v ssa.Value, fn *ssa.Function, bindings []ssa.Value, bound bool, inPkg map[*ssa.Function]bool, sites map[*ssa.Function][]site) bool {
	c := hand.Common()
	if c.IsInvoke() {
		return false
	}
	if a := analysisutil.StartedArg(b.pass.Pkg, c); a != nil && flow.Unconverted(a) == v {
		sites[fn] = append(sites[fn], site{goStmt: true})
		return true
	}
	g := c.StaticCallee()
	if g == nil || !inPkg[g] {
		return false
	}
	var found []site
	for j, a := range c.Args {
		if a != v || j >= len(g.Params) {
			continue
		}
		if !b.paramRuns(g, g.Params[j], hand, fn, bindings, bound, &found) {
			return false
		}
	}
	if len(found) == 0 {
		return false
	}
	sites[fn] = append(sites[fn], found...)
	return true
}

// paramRuns collects the places the function value p of g (a
// parameter, or a conversion of it) runs: g's calls of it and go
// statements. Comparing it with nil does nothing with it; any other
// use may keep it or pass it on, and paramRuns reports false.
func (b *builder) paramRuns(g *ssa.Function, p ssa.Value, via ssa.CallInstruction, fn *ssa.Function, bindings []ssa.Value, bound bool, found *[]site) bool {
	refs := p.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch flow.UseOf(p, r) {
		case flow.Named:
			continue
		case flow.Called:
			*found = append(*found, callSite(g, r, bindings, bound, via))
			continue
		case flow.Started:
			*found = append(*found, site{goStmt: true})
			continue
		}
		switch r := r.(type) {
		case *ssa.ChangeType:
			if !b.paramRuns(g, r, via, fn, bindings, bound, found) {
				return false
			}
			continue
		case *ssa.BinOp:
			if r.Op == token.EQL || r.Op == token.NEQ {
				continue // fn != nil
			}
		case ssa.CallInstruction:
			if a := analysisutil.StartedArg(b.pass.Pkg, r.Common()); a != nil && flow.Unconverted(a) == flow.Unconverted(p) {
				*found = append(*found, site{goStmt: true})
				continue
			}
		}
		return false
	}
	return true
}

// lockedElsewhere reports whether the caller of s also calls fn, on a
// branch s's call is not on, holding a lock it took itself: neither
// call's block dominates the other's (if nested { cb() } else {
// m.Lock(); cb(); m.Unlock() }). own lists, per caller, its calls of fn
// made holding such a lock (ownLocked).
func lockedElsewhere(s site, own map[*ssa.Function][]ssa.Instruction) bool {
	a := s.instr.Block()
	for _, o := range own[s.caller] {
		if b := o.Block(); o != s.instr && !a.Dominates(b) && !b.Dominates(a) {
			return true
		}
	}
	return false
}

// ownLocked lists, per caller, the sites of fn made holding a lock the
// caller took itself.
func (b *builder) ownLocked(sites []site) map[*ssa.Function][]ssa.Instruction {
	own := map[*ssa.Function][]ssa.Instruction{}
	for _, s := range sites {
		if s.goStmt {
			continue
		}
		cf := b.res.Funcs[s.caller]
		if cf == nil {
			continue
		}
		for _, l := range cf.held[s.instr] {
			if !l.Entry && !l.Callee {
				own[s.caller] = append(own[s.caller], s.instr)
				break
			}
		}
	}
	return own
}

// A maker is what the function that handed a callback over (by the
// call via) holds at that call: its own locks and its entry's, in its
// own terms, which are the callback's bindings'. The helper runs the
// callback before it returns to the maker, which still holds them
// (processSettings' wmu, around ForeachSetting's callback).
type maker struct {
	held   map[Key]bool
	locked bool // it holds some lock there
	// skip: the site says nothing (yet), as a caller's would: the
	// maker's entry is not solved yet, or the maker is a test.
	skip bool
	// unknown: holding nothing of its own there, the maker may still
	// hold what its unknown callers do (a literal handed to code we
	// do not see), or it locks on another path to via.
	unknown bool
}

func (b *builder) makerAt(via ssa.CallInstruction, st map[*ssa.Function]*entryState, escapes map[*ssa.Function]bool) maker {
	fn := via.Parent()
	m := maker{held: map[Key]bool{}}
	ms := st[fn]
	if ms != nil && ms.top || b.inTest(fn) {
		m.skip = true
		return m
	}
	mf := b.res.Funcs[fn]
	if mf == nil {
		return m
	}
	m.locked = mf.EntryLocked || b.documentedLocked(fn)
	for k := range mf.held[via] {
		m.held[k] = true
		m.locked = true
	}
	if ms != nil {
		for k := range ms.keys {
			m.held[k] = true
		}
		m.locked = m.locked || ms.locked
	}
	if !m.locked {
		m.unknown = ms == nil && (escapes[fn] || fn.Parent() != nil) || len(mf.may[via]) > 0
	}
	return m
}

// lift names the keys that g, handed a callback by the call via,
// holds rooted at its parameters, in the terms of via's caller: the
// arguments it passed.
func lift(g *ssa.Function, via ssa.CallInstruction, held map[Key]bool) {
	args := via.Common().Args
	var add []Key
	for k := range held {
		if k.Global != "" {
			continue
		}
		for i, p := range g.Params {
			if k.Root == p && i < len(args) {
				ak := KeyOf(args[i])
				if ak.Root != nil || ak.Global != "" {
					add = append(add, Key{Root: ak.Root, Global: ak.Global, Path: ak.Path + k.Path})
				}
			}
		}
	}
	for _, k := range add {
		held[k] = true
	}
}

// DocumentedLocked reports functions named or documented as running
// with a lock held (fooLocked, "Lock should be held", "mu must be
// held", "Write lock needs to be held"), or nested in one.
func DocumentedLocked(fn *ssa.Function) bool {
	for f := fn; f != nil; f = f.Parent() {
		if strings.Contains(strings.ToLower(f.Name()), "locked") {
			return true
		}
		if d, ok := f.Syntax().(*ast.FuncDecl); ok && d.Doc != nil {
			t := strings.ToLower(d.Doc.Text())
			if strings.Contains(t, "held") || strings.Contains(t, "must hold") || strings.Contains(t, "locked") {
				return true
			}
		}
	}
	return false
}

func (b *builder) documentedLocked(fn *ssa.Function) bool {
	v, ok := b.docLocked[fn]
	if !ok {
		v = DocumentedLocked(fn)
		b.docLocked[fn] = v
	}
	return v
}

// Initialiser reports functions named as building a value before it
// is shared (NewServer, newBlock, Init, init, Construct), or nested in
// one. Not
// through a go statement: a goroutine the constructor starts runs
// beside the value's users once the constructor returns it.
func Initialiser(fn *ssa.Function) bool {
	for f := fn; f != nil; f = f.Parent() {
		if analysisutil.GoOf(f) != nil {
			return false
		}
		if f.Parent() == nil {
			// An anonymous function's name is its parent's and a
			// number: only the declared function's counts.
			n := strings.ToLower(f.Name())
			return strings.HasPrefix(n, "new") || strings.HasPrefix(n, "init") || strings.HasPrefix(n, "construct")
		}
	}
	return false
}

// inTest reports whether fn is declared in a _test.go file.
func (b *builder) inTest(fn *ssa.Function) bool {
	if !fn.Pos().IsValid() {
		return false
	}
	return strings.HasSuffix(b.pass.Fset.Position(fn.Pos()).Filename, "_test.go")
}

func isEntryPoint(fn *ssa.Function) bool {
	if fn.Parent() != nil {
		return false
	}
	if token.IsExported(fn.Name()) || fn.Name() == "main" || strings.HasPrefix(fn.Name(), "init") {
		return true
	}
	return false
}

// calledOutsideTests reports whether some of sites is in the
// package's own code, not its tests: a method only tests call is an
// entry of its own, as an exported one.
func (b *builder) calledOutsideTests(sites []site) bool {
	for _, s := range sites {
		if s.goStmt || s.caller != nil && !b.inTest(s.caller) {
			return true
		}
	}
	return false
}

// meet intersects what the sites of fn provide.
func (b *builder) meet(fn *ssa.Function, sites []site, st map[*ssa.Function]*entryState, escapes map[*ssa.Function]bool) *entryState {
	res := &entryState{top: true}
	var own map[*ssa.Function][]ssa.Instruction // made when first needed
	for _, s := range sites {
		var keys map[Key]bool
		owned := map[int]bool{}
		covered := map[int]bool{}
		locked := false
		init := false
		if !s.goStmt {
			cs := st[s.caller]
			if cs != nil && cs.top {
				continue // no information yet from this caller
			}
			if b.inTest(s.caller) {
				// Tests call internals directly, from one goroutine.
				continue
			}
			cf := b.res.Funcs[s.caller]
			if cf == nil {
				return &entryState{keys: map[Key]bool{}, owned: map[int]bool{}}
			}
			callerHeld := map[Key]bool{}
			for k := range cf.held[s.instr] {
				callerHeld[k] = true
			}
			locked = len(callerHeld) > 0 || cf.EntryLocked || b.documentedLocked(s.caller)
			var mk maker
			if s.via != nil {
				// A callback's site is the helper's call inside the
				// maker's hand-over call: what the maker holds there
				// counts before anything is decided from the helper
				// holding nothing.
				mk = b.makerAt(s.via, st, escapes)
				if mk.skip {
					continue
				}
				locked = locked || mk.locked
			}
			if !locked {
				if s.via != nil && mk.unknown {
					continue
				}
				if s.via == nil && cs == nil && (escapes[s.caller] || s.caller.Parent() != nil) {
					// The caller's own entry is unknown (a function
					// value handed to code we do not see, a method
					// registered as a handler): what it holds when it
					// makes this call is unknown too, never "nothing".
					// (A function nobody calls or uses is an entry of
					// its own, as an exported one.)
					continue
				}
				if own == nil {
					own = b.ownLocked(sites)
				}
				if len(cf.may[s.instr]) > 0 || lockedElsewhere(s, own) {
					// The caller locks on another path to this call,
					// or around another call of fn on a branch of its
					// own: it decides by a condition (nested, already
					// locked) whether the lock is held here.
					continue
				}
				if held := b.heldByLiveCallers(s); len(held) > 0 {
					// Only callers passing a constant that keeps this
					// call live reach it, and they all hold the lock
					// (doDestroy(ctx, p, true) under p.lock, whose
					// if inLock { p.invalidate() }).
					maps.Copy(callerHeld, held)
					locked = true
				}
			}
			var callerOwned, callerCovered map[int]bool
			if cs != nil {
				for k := range cs.keys {
					callerHeld[k] = true
				}
				callerOwned = cs.owned
				callerCovered = cs.covered
				locked = locked || cs.locked
				init = cs.init
			}
			init = init || Initialiser(s.caller)
			if s.via != nil {
				lift(s.caller, s.via, callerHeld)
				for k := range mk.held {
					callerHeld[k] = true
				}
			}
			keys = translate(fn, callerHeld, s.args, s.bindings)
			for i, a := range s.args {
				ak := KeyOf(a)
				switch r := ak.Root.(type) {
				case *ssa.Alloc:
					owned[i] = ak.Path != "" || b.privateAt(r, s.instr)
				case *ssa.Call:
					if ak.Path == "" && b.fresh(r.Call.StaticCallee(), 0, 0) && b.privateAt(r, s.instr) {
						owned[i] = true
					}
				case *ssa.Extract:
					if c, ok := r.Tuple.(*ssa.Call); ok && ak.Path == "" && b.fresh(c.Call.StaticCallee(), r.Index, 0) && b.privateAt(r, s.instr) {
						owned[i] = true
					}
				case *ssa.Parameter:
					for j, p := range s.caller.Params {
						if p == r && callerOwned[j] {
							owned[i] = true
						}
						if p == r && callerCovered[j] {
							covered[i] = true
						}
					}
				}
				if owned[i] || locked {
					covered[i] = true
				}
			}
		}
		if res.top {
			res = &entryState{keys: keys, owned: owned, locked: locked, covered: covered, init: init}
			if res.keys == nil {
				res.keys = map[Key]bool{}
			}
			continue
		}
		for k := range res.keys {
			if !keys[k] && !ownedRoot(fn, k, owned) {
				delete(res.keys, k)
			}
		}
		for k := range keys {
			if !res.keys[k] && ownedRoot(fn, k, res.owned) {
				res.keys[k] = true
			}
		}
		for i := range res.owned {
			if !owned[i] {
				delete(res.owned, i)
			}
		}
		for i := range res.covered {
			if !covered[i] {
				delete(res.covered, i)
			}
		}
		res.locked = res.locked && locked
		res.init = res.init && init
	}
	return res
}

// privateAt reports whether the object v, made by the caller, is still
// its own at the call at: nothing before the call stores it in a map,
// a field or a variable others read, sends it, starts a goroutine with
// it or hands it to code of another package (the session put in the
// shared map before it is filled is shared already). Calls of the
// package's own functions are taken as set-up.
func (b *builder) privateAt(v ssa.Value, at ssa.Instruction) bool {
	return Private(v, at, func(c ssa.CallInstruction) bool {
		if _, isGo := c.(*ssa.Go); isGo {
			return false
		}
		if MutexOpOf(flow.CalleeFunc(c.Common())) != NotMutexOp {
			return true
		}
		callee := c.Common().StaticCallee()
		return callee != nil && callee.Pkg != nil && callee.Pkg.Pkg == b.pass.Pkg
	})
}

// fresh reports whether result i of fn, a function of this package,
// is always a new object: a heap allocation of fn's own (a
// constructor, &T{...}), nil, or the fresh result of another such
// function. The caller owns it until it lets it escape.
func (b *builder) fresh(fn *ssa.Function, i, depth int) bool {
	if fn == nil || depth > 3 || fn.Blocks == nil || fn.Pkg == nil || fn.Pkg.Pkg != b.pass.Pkg {
		return false
	}
	n := 0
	var ok func(v ssa.Value, d int) bool
	ok = func(v ssa.Value, d int) bool {
		switch v := v.(type) {
		case *ssa.Alloc:
			return v.Heap
		case *ssa.Const:
			return v.IsNil()
		case *ssa.Call:
			return b.fresh(v.Call.StaticCallee(), 0, depth+1)
		case *ssa.Extract:
			c, isCall := v.Tuple.(*ssa.Call)
			return isCall && b.fresh(c.Call.StaticCallee(), v.Index, depth+1)
		case *ssa.Phi:
			if d > 3 {
				return false
			}
			for _, e := range v.Edges {
				if !ok(e, d+1) {
					return false
				}
			}
			return true
		}
		return false
	}
	for _, blk := range fn.Blocks {
		r, isRet := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return)
		if !isRet {
			continue
		}
		if i >= len(r.Results) || !ok(r.Results[i], 0) {
			return false
		}
		n++
	}
	return n > 0
}

func ownedRoot(fn *ssa.Function, k Key, owned map[int]bool) bool {
	for i, p := range fn.Params {
		if k.Root == p && owned[i] {
			return true
		}
	}
	return false
}

// translate maps caller keys to callee keys.
func translate(fn *ssa.Function, held map[Key]bool, args, bindings []ssa.Value) map[Key]bool {
	out := map[Key]bool{}
	for k := range held {
		if k.Global != "" {
			out[k] = true
			continue
		}
		for i, a := range args {
			if i >= len(fn.Params) {
				break
			}
			ak := KeyOf(a)
			if k.HasPrefix(ak) {
				out[Key{Root: fn.Params[i], Path: k.Path[len(ak.Path):]}] = true
			}
		}
		for i, a := range bindings {
			if i >= len(fn.FreeVars) {
				break
			}
			if alloc, ok := a.(*ssa.Alloc); ok {
				if p := spilledParam(alloc); p != nil && k.Root == p {
					// k was normalized from alloc.*...
					out[Key{Root: fn.FreeVars[i], Path: ".*" + k.Path}] = true
					continue
				}
			}
			ak := KeyOf(a)
			if k.HasPrefix(ak) {
				out[Key{Root: fn.FreeVars[i], Path: k.Path[len(ak.Path):]}] = true
			}
		}
	}
	return out
}

// heldByLiveCallers returns the locks, in the terms of s's caller,
// held at every call of that caller whose constant arguments leave the
// call s live (flow.DeadWith): a helper told by a flag that its caller
// holds the lock calls the unlocked variant only on that branch. Nil
// when a caller that may reach s holds nothing, or none passes a
// constant that rules s out (then the caller's entry already says
// everything).
func (b *builder) heldByLiveCallers(s site) map[Key]bool {
	g := s.caller
	var held map[Key]bool
	pruned := false
	for _, t := range b.sites[g] {
		if t.goStmt || t.via != nil {
			return nil
		}
		if b.inTest(t.caller) {
			continue
		}
		if flow.DeadWith(g, t.args)[s.instr.Block()] {
			pruned = true
			continue // this caller never reaches s
		}
		tf := b.res.Funcs[t.caller]
		if tf == nil {
			return nil
		}
		at := map[Key]bool{}
		for k := range tf.held[t.instr] {
			at[k] = true
		}
		keys := translate(g, at, t.args, t.bindings)
		if held == nil {
			held = keys
			continue
		}
		for k := range held {
			if !keys[k] {
				delete(held, k)
			}
		}
	}
	if !pruned {
		return nil
	}
	return held
}
