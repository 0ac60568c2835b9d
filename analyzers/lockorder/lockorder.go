package lockorder

import (
	_ "embed"
	"fmt"
	"go/constant"
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

//go:embed doc.go
var doc string

// Analyzer reports mutexes acquired in opposite orders. It is
// experimental and not in the suite (see the package documentation).
var Analyzer = &analysis.Analyzer{
	Name:     "lockorder",
	Doc:      analysisutil.MustExtractDoc(doc, "lockorder"),
	URL:      "https://github.com/goconcheck/goconcheck/tree/main/analyzers/lockorder",
	Requires: []*analysis.Analyzer{lockset.Analyzer, syncmodel.Analyzer, inspect.Analyzer, analysisutil.ModeAnalyzer},
	Run:      run,
}

type class = lockset.Class

// An acquire is a lock a function may take, itself or in a callee.
type acquire struct {
	cls  class
	mode lockset.Mode
	name string
	// dropped lists the classes of the caller's locks that the
	// function releases before it takes this one (a helper that
	// unlocks its caller's mutex around a wait and locks it again):
	// the caller no longer holds them then.
	dropped []class
	lock    token.Pos       // the Lock call
	via     []*ssa.Function // the calls down to the function that locks
	// sites are the Locks of the class this stands for, each with the
	// mutex's path in its function, to ask the role of its object;
	// nil when there are too many to follow.
	sites []lockSite
}

// A lockSite is a Lock (or a call that locks) and the mutex it takes,
// in the terms of its function.
type lockSite struct {
	key lockset.Key
	at  ssa.Instruction
}

// maxSites bounds the Lock sites an acquire follows for their roles.
const maxSites = 8

// An edge is an acquisition of a lock of class to while one of class
// from is held.
type edge struct {
	from, to         class
	fromMode, toMode lockset.Mode
	fromName, toName string
	fn               *ssa.Function
	instr            ssa.Instruction // the Lock, or the call that locks
	// held holds the classes of every mutex held at instr: a third
	// one held on both sides of an inversion (a gate lock) keeps the
	// two from running at once.
	held  map[class]lockset.Mode
	lock  token.Pos
	via   []*ssa.Function
	outer token.Pos // where the held mutex was locked
	// fromKey is the held mutex, at instr; toSites lists the sites of the
	// acquired one (see acquire.sites).
	fromKey lockset.Key
	toSites []lockSite
}

func run(pass *analysis.Pass) (any, error) {
	if analysisutil.FactsOnly(pass) {
		return nil, nil // no facts of its own: lockset's are exported anyway
	}
	res := pass.ResultOf[lockset.Analyzer].(*lockset.Result)
	sm := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
	// Not in the suite, so analyzers.All does not drop its findings in
	// generated files: drop them here.
	pass.Report = analysisutil.DropGenerated(pass)

	c := &checker{res: res, sm: sm, memo: make(map[*ssa.Function][]acquire), memoAt: make(map[memoKey][]acquire), edges: make(map[[2]class][]edge)}
	for _, fn := range res.Functions() {
		f := res.Funcs[fn]
		for _, a := range f.Acquires {
			if a.Prev != nil || !a.Instr.Pos().IsValid() {
				continue // locking a held mutex again is doublelock's
			}
			if a.Via != nil && c.callee(fn, a.Instr.(ssa.CallInstruction).Common()) != nil {
				continue // followed below, with its call chain
			}
			if c.sm.UnsharedAt(a.Key, a.Instr) {
				continue // no other goroutine can hold it yet
			}
			if cls, name, ok := lockset.ElemClassOf(a.Key); ok {
				var via []*ssa.Function
				if a.Via != nil {
					via = []*ssa.Function{a.Via}
				}
				c.addEdges(f, a.Instr, f.HeldBefore(a.Instr), acquire{cls: cls, mode: a.Mode, name: name, lock: a.Instr.Pos(), via: via, sites: []lockSite{{a.Key, a.Instr}}})
			}
		}
		// What a callee of the package may lock (on some path, not
		// only on every one as the model's Acquires has it), with a
		// lock held here.
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				switch in := in.(type) {
				case *ssa.Call:
					if callee := c.callee(fn, in.Common()); callee != nil && in.Pos().IsValid() && len(f.HeldBefore(in)) > 0 {
						for _, a := range c.mayAcquireAt(callee, in.Common()) {
							c.addEdges(f, in, f.HeldBefore(in), a)
						}
					}
				case *ssa.RunDefers:
					c.deferredEdges(f, in)
				}
			}
		}
	}

	// SSA positions calls at their '('; vet reports at the call.
	at := analysisutil.IndexCallStarts(pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)).Of
	reported := make(map[[2]class]bool)
	for _, pair := range c.order {
		back := [2]class{pair[1], pair[0]}
		if reported[pair] || reported[back] {
			continue
		}
		e1, e2, ok := c.inversion(c.edges[pair], c.edges[back])
		if !ok {
			continue
		}
		reported[pair] = true
		if finding.PosBefore(pass.Fset, e2.instr.Pos(), e1.instr.Pos()) {
			e1, e2 = e2, e1
		}
		d := analysis.Diagnostic{
			Pos: at(e1.instr.Pos()),
			Message: fmt.Sprintf("lock order inversion: %s is locked while %s is held, and elsewhere %s while %s is held; two goroutines can deadlock",
				e1.toName, e1.fromName, e2.toName, e2.fromName),
		}
		related := func(p token.Pos, msg string) {
			if p.IsValid() {
				d.Related = append(d.Related, analysis.RelatedInformation{Pos: at(p), Message: msg})
			}
		}
		related(e1.outer, e1.fromName+" locked here")
		if len(e1.via) > 0 {
			related(e1.lock, e1.toName+" locked here, in "+chain(e1.via))
		}
		related(e2.instr.Pos(), e2.toName+" locked while "+e2.fromName+" is held")
		if len(e2.via) > 0 {
			related(e2.lock, e2.toName+" locked here, in "+chain(e2.via))
		}
		pass.Report(d)
	}
	return nil, nil
}

// chain names a call chain: a → b → c.
func chain(via []*ssa.Function) string {
	names := make([]string, len(via))
	for i, fn := range via {
		names[i] = fn.Name()
	}
	return strings.Join(names, " → ")
}

type checker struct {
	res  *lockset.Result
	sm   *syncmodel.Model
	memo map[*ssa.Function][]acquire
	// memoAt holds mayAcquireAt's answers for calls that fix some
	// boolean parameters, by callee and the values fixed.
	memoAt map[memoKey][]acquire
	edges  map[[2]class][]edge
	order  [][2]class
}

// deferredEdges records the edges of the calls f defers, run at rd:
// each runs with what is held there but for the mutexes that calls
// deferred after it, which run before it, have released (a lock
// handed back by a callee, say, released by a deferred helper that
// locks another mutex first).
func (c *checker) deferredEdges(f *lockset.Func, rd *ssa.RunDefers) {
	atExit := f.HeldBefore(rd)
	if len(atExit) == 0 {
		return
	}
	for _, b := range f.Fn.Blocks {
		for _, in := range b.Instrs {
			d, ok := in.(*ssa.Defer)
			if !ok || !d.Pos().IsValid() || !flow.Reaches(d, rd, nil) {
				continue
			}
			callee := c.callee(f.Fn, d.Common())
			if callee == nil {
				continue
			}
			held := lockset.Set{}
			for k, l := range atExit {
				held[k] = l
			}
			for _, r := range f.Releases {
				if later, ok := r.Instr.(*ssa.Defer); ok && r.Later && later != d && flow.Reaches(d, later, nil) {
					delete(held, r.Key)
				}
			}
			for _, a := range c.mayAcquireAt(callee, d.Common()) {
				c.addEdges(f, d, held, a)
			}
		}
	}
}

// addEdges records, for each mutex in held, certainly held at instr in f,
// an edge to the lock a that instr acquires.
func (c *checker) addEdges(f *lockset.Func, instr ssa.Instruction, held lockset.Set, a acquire) {
	keys := make([]lockset.Key, 0, len(held))
	classes := make(map[class]lockset.Mode, len(held))
	for k, l := range held {
		cls, _, ok := lockset.ElemClassOf(k)
		if !ok || l.Entry || dropped(a, cls) || c.sm.UnsharedAt(k, instr) {
			// An Entry lock is assumed held because the function
			// unlocks it first: an inference, not an order seen.
			continue
		}
		keys = append(keys, k)
		if m, seen := classes[cls]; !seen || m == lockset.Read {
			classes[cls] = l.Mode
		}
	}
	// A sync.Mutex every caller of f holds gates f's orders too.
	for k := range f.Entry {
		if cls, _, ok := lockset.ElemClassOf(k); ok && cls.Exclusive() && !dropped(a, cls) {
			if _, seen := classes[cls]; !seen {
				classes[cls] = lockset.Write
			}
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	for _, k := range keys {
		from, fromName, _ := lockset.ElemClassOf(k)
		if from == a.cls {
			continue // two mutexes of one field: see the package doc
		}
		pair := [2]class{from, a.cls}
		if len(c.edges[pair]) == 0 {
			c.order = append(c.order, pair)
		}
		c.edges[pair] = append(c.edges[pair], edge{
			from: from, to: a.cls, fromMode: held[k].Mode, toMode: a.mode, fromName: fromName, toName: a.name,
			fn: f.Fn, instr: instr, held: classes, lock: a.lock, via: a.via, outer: held[k].Pos,
			fromKey: k, toSites: a.sites,
		})
	}
}

func dropped(a acquire, cls class) bool {
	for _, d := range a.dropped {
		if d == cls {
			return true
		}
	}
	return false
}

// callee returns the function of this package that call calls: its
// static callee (generic functions by their origin), or the one method
// of the package that implements the interface it calls, if the model
// has it.
func (c *checker) callee(caller *ssa.Function, call *ssa.CallCommon) *ssa.Function {
	callee := flow.Callee(call)
	if callee == nil {
		callee = c.sm.Implementer(caller, call)
	}
	if callee == nil || c.res.Funcs[callee] == nil {
		return nil
	}
	return callee
}

// mayAcquire returns the locks fn takes on some path, itself or in the
// functions of this package it calls (and defers) in its own goroutine,
// each with the caller's locks it has released by then.
func (c *checker) mayAcquire(fn *ssa.Function) []acquire {
	if as, ok := c.memo[fn]; ok {
		return as
	}
	c.memo[fn] = nil // recursion: what is found so far
	as := c.acquires(fn, nil)
	c.memo[fn] = as
	return as
}

type memoKey struct {
	fn    *ssa.Function
	fixed string
}

// mayAcquireAt is mayAcquire for the call com of fn: a boolean
// parameter the call passes a constant for (a hasLock or fullCheck
// flag) takes only its branch, so a lock taken only on the other one
// is not taken by this call.
func (c *checker) mayAcquireAt(fn *ssa.Function, com *ssa.CallCommon) []acquire {
	fixed := fixedParams(fn, com)
	if len(fixed) == 0 {
		return c.mayAcquire(fn)
	}
	key := memoKey{fn, fmt.Sprint(fixed)}
	if as, ok := c.memoAt[key]; ok {
		return as
	}
	c.memoAt[key] = nil
	as := c.acquires(fn, flow.LiveBlocks(fn, fixed))
	c.memoAt[key] = as
	return as
}

// fixedParams returns the boolean parameters of fn that the call com
// binds to constants, with their values.
func fixedParams(fn *ssa.Function, com *ssa.CallCommon) map[*ssa.Parameter]bool {
	args := com.Args
	if com.IsInvoke() {
		args = append([]ssa.Value{com.Value}, args...) // the receiver
	}
	if len(args) != len(fn.Params) {
		return nil
	}
	var fixed map[*ssa.Parameter]bool
	for i, a := range args {
		k, ok := a.(*ssa.Const)
		if !ok || k.Value == nil || k.Value.Kind() != constant.Bool {
			continue
		}
		if fixed == nil {
			fixed = make(map[*ssa.Parameter]bool)
		}
		fixed[fn.Params[i]] = constant.BoolVal(k.Value)
	}
	return fixed
}

// acquires computes mayAcquire(fn), in the blocks live says run (all
// of them when live is nil).
func (c *checker) acquires(fn *ssa.Function, live map[*ssa.BasicBlock]bool) []acquire {
	runs := func(in ssa.Instruction) bool { return live == nil || live[in.Block()] }
	f := c.res.Funcs[fn]
	if f.Opaque {
		// It releases locks in ways the model does not follow: what
		// it takes next may not be taken under the caller's.
		return nil
	}
	// released returns the classes of the caller's mutexes (Borrowed)
	// that fn has let go of before in.
	released := func(in ssa.Instruction) []class {
		var out []class
		held := f.HeldBefore(in)
		for k := range f.Borrowed {
			if _, ok := held[k]; ok {
				continue
			}
			if cls, _, ok := lockset.ElemClassOf(k); ok {
				out = append(out, cls)
			}
		}
		return out
	}
	var as []acquire
	seen := make(map[string]int)
	add := func(a acquire) {
		key := fmt.Sprint(a.cls, a.mode, a.dropped)
		i, ok := seen[key]
		if !ok {
			seen[key] = len(as)
			a.sites = append([]lockSite(nil), a.sites...)
			as = append(as, a)
			return
		}
		// One entry per class, but every Lock site it stands for
		// counts for the role of the object locked.
		if as[i].sites == nil || a.sites == nil || len(as[i].sites)+len(a.sites) > maxSites {
			as[i].sites = nil
			return
		}
		as[i].sites = append(as[i].sites, a.sites...)
	}
	for _, a := range f.Acquires {
		if a.Via == nil && a.Prev == nil && runs(a.Instr) {
			if cls, name, ok := lockset.ElemClassOf(a.Key); ok {
				add(acquire{cls: cls, mode: a.Mode, name: name, dropped: released(a.Instr), lock: a.Instr.Pos(), via: []*ssa.Function{fn}, sites: []lockSite{{a.Key, a.Instr}}})
			}
		}
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			var com *ssa.CallCommon
			switch in := in.(type) {
			case *ssa.Call:
				com = in.Common()
			case *ssa.Defer:
				com = in.Common()
			default:
				continue
			}
			callee := c.callee(fn, com)
			if callee == nil || !runs(in) {
				continue
			}
			gone := released(in)
			for _, a := range c.mayAcquireAt(callee, com) {
				a.dropped = append(append([]class(nil), a.dropped...), gone...)
				a.via = append([]*ssa.Function{fn}, a.via...)
				add(a)
			}
		}
	}
	return as
}

// inversion finds an acquisition in each direction that exclude each
// other (each side waits for a lock the other holds in a mode that
// blocks it: not both read locks), are not both under a third lock,
// and may run at once.
func (c *checker) inversion(forward, backward []edge) (edge, edge, bool) {
	for _, e1 := range forward {
		for _, e2 := range backward {
			if excludes(e1.toMode, e2.fromMode) && excludes(e2.toMode, e1.fromMode) && !gated(e1, e2) && !c.ordered(e1, e2) {
				return e1, e2, true
			}
		}
	}
	return edge{}, edge{}, false
}

func excludes(want, held lockset.Mode) bool {
	return want == lockset.Write || held == lockset.Write
}

// gated reports whether both sides hold a third lock that excludes the
// other's: only one of them can be between its two acquisitions.
func gated(e1, e2 edge) bool {
	for cls, m1 := range e1.held {
		if cls == e1.from || cls == e1.to || cls == e2.from || cls == e2.to {
			continue
		}
		if m2, ok := e2.held[cls]; ok && excludes(m1, m2) {
			return true
		}
	}
	return false
}

// ordered reports whether the goroutine model orders the two sides:
// one runs only while the object is being built (an initialiser's
// callee), both run only in one goroutine, or one runs before the go
// statements that start every goroutine running the other, in their
// starter or in a helper it calls first.
func (c *checker) ordered(e1, e2 edge) bool {
	if c.res.Funcs[e1.fn].InitOnly || c.res.Funcs[e2.fn].InitOnly {
		return true
	}
	if _, ok := c.sm.OwnGoroutine(e1.fn, e2.fn); ok {
		return true
	}
	if c.sm.Precedes(e1.instr, e2.fn) || c.sm.Precedes(e2.instr, e1.fn) {
		return true
	}
	// One side runs only after the goroutines that take the other
	// are joined.
	if c.sm.Joined(e1.instr, e2.fn) || c.sm.Joined(e2.instr, e1.fn) {
		return true
	}
	// One side is test code that runs while no goroutine that can take
	// the other order runs (an inspection before Start or after a
	// Shutdown that joins the workers): one goroutine takes both.
	if c.sm.QuietInTest(e1.instr, []*ssa.Function{e2.fn}) || c.sm.QuietInTest(e2.instr, []*ssa.Function{e1.fn}) {
		return true
	}
	// The two sides lock one class's mutexes in objects of roles the
	// program keeps apart: never the same mutex.
	if c.apart(e1.fromKey, e1.instr, e2.toSites) || c.apart(e2.fromKey, e2.instr, e1.toSites) {
		return true
	}
	// A side that can only panic is a misuse check: the program
	// asserts its state never occurs.
	if flow.Doomed(e1.instr) || flow.Doomed(e2.instr) {
		return true
	}
	return c.afterHandshake(e1, e2) || c.afterHandshake(e2, e1)
}

// afterHandshake reports whether e1 is the order of a handshake (a
// lazy initialisation) that e2's goroutine completes before it takes
// e2: e1 is skipped once a flag checked under its outer lock says the
// handshake is done, and e2's function calls, on every path to e2, the
// function that runs e1. Another goroutine then finds the flag set and
// does not take e1's order while e2's is held.
func (c *checker) afterHandshake(e1, e2 edge) bool {
	if _, ok := c.res.Funcs[e1.fn].FlagGuarded(e1.instr, e1.from); !ok {
		return false
	}
	for _, b := range e2.fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok || !flow.Dominates(call, e2.instr) {
				continue
			}
			if callee := c.callee(e2.fn, call.Common()); callee != nil && c.calls(callee, e1.fn, 4) {
				return true
			}
		}
	}
	return false
}

// calls reports whether fn is target or calls it, through the static
// and single-implementer calls of the package, at most depth deep.
func (c *checker) calls(fn, target *ssa.Function, depth int) bool {
	if fn == target {
		return true
	}
	if depth == 0 {
		return false
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if call, ok := in.(*ssa.Call); ok {
				if callee := c.callee(fn, call.Common()); callee != nil && c.calls(callee, target, depth-1) {
					return true
				}
			}
		}
	}
	return false
}

// apart reports whether the mutex held, k at instr, and the one the
// other side acquires at sites (of the same class) are in objects whose
// roles differ (see syncmodel.RoleOf): a connection of one kind held,
// one of another kind locked.
func (c *checker) apart(k lockset.Key, instr ssa.Instruction, sites []lockSite) bool {
	held := c.role(k, instr)
	if len(held) == 0 || len(sites) == 0 {
		return false
	}
	for _, s := range sites {
		if !syncmodel.Apart(held, c.role(s.key, s.at)) {
			return false
		}
	}
	return true
}

// role returns the role of the object whose field the mutex k is, at
// at: nil unless the mutex is a field of the value its path starts at.
func (c *checker) role(k lockset.Key, at ssa.Instruction) syncmodel.Role {
	if k.Root == nil || strings.Count(k.Path, ".") != 1 || strings.Contains(k.Path, accesspath.Load) {
		return nil
	}
	return c.sm.RoleOf(k.Root, at)
}
