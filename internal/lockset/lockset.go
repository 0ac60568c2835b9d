// Package lockset is the lock-set model shared by the unlockedwrite,
// lockleak and doublelock analyzers: for every instruction of every
// function of a package, the mutexes (sync.Mutex, sync.RWMutex, and
// types embedding them) that are certainly held by the running
// goroutine, and per-function summaries of the locks a function
// acquires, releases, or must lock, exported as Facts so that helpers
// in other packages are seen through.
//
// Mutexes are named by access paths (see Key). The analysis is a
// forward must-analysis over the SSA control-flow graph: a mutex is
// held at a point only if it is held on every path reaching it, so
// whatever the analyzers report holds on a real path of the function.
// A channel used as a lock is not a key; syncmodel's ChanLocked, which
// stands on this model and chanmodel, answers for it. The turns of a
// known sequencer are (net/textproto.Pipeline's StartRequest and
// EndRequest, StartResponse and EndResponse: turn.go); a Start/End pair
// of any other type is not, since nothing shows it excludes.
// A call through a struct field (a function value, or an interface
// value's method) locks what every function the package stores there
// locks, named below the value the field belongs to (fieldfunc.go).
// A sync.RWMutex only its package can name and that the package only
// read-locks is never write-locked (readonly.go, with a fact for its
// field): nested read locks of it cannot meet a writer. A lock a
// callee takes through an element of a map field whose elements point
// back at the map's owner (r.store.mu for r in s.replicas) is that
// owner's (backptr.go). A call of a function read out of a map or
// slice field may lock what the functions the package stores there
// lock on the container's owner (elemfunc.go). Calling the function
// value a helper of the package returns unlocks what the helper's
// literal unlocks, its bindings mapped to the helper's arguments
// (unlock := unlockOnce(&s.mu)); one the model cannot resolve, made by
// a call handed a held mutex, may unlock it (funcval.go). A deferred
// Lock hands the mutex back held: a helper that unlocks its caller's
// mutex around a callback and defers mu.Lock() releases it and
// acquires it again (Summary.Releases and Acquires), so its caller
// still holds it after the call.
package lockset

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// Analyzer computes the lock sets of a package. It reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:       "lockset",
	Doc:        "compute the mutexes certainly held at each instruction (used by unlockedwrite, lockleak, doublelock)",
	Requires:   []*analysis.Analyzer{buildssa.Analyzer, analysisutil.ModeAnalyzer, analysisutil.ClosuresAnalyzer, analysisutil.EndsAnalyzer},
	Run:        run,
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{new(Summary), new(Writes), new(ReadLockedOnly)},
}

// Summary is the fact exported for a function or method with an
// exported name that locks or unlocks mutexes reachable from its
// parameters or package variables.
type Summary struct {
	// MustLock: locked on every path to a return, without having
	// been released before in the function. A caller holding one of
	// them deadlocks.
	MustLock []SKey
	// Acquires: held at every return, not held at entry.
	Acquires []SKey
	// Releases: unlocked on some path without being locked first.
	Releases []SKey
	// Calls: parameters of function type the function calls on
	// every path to a return (callbacks).
	Calls []int
	// CallsFree: free variables holding a function, or the variable
	// holding one, that the function (a function literal) calls on
	// every path to a return: a deferred literal calling the unlock
	// closure its parent keeps in a local variable.
	CallsFree []int
}

func (*Summary) AFact() {}

func (s *Summary) String() string {
	f := func(ks []SKey) string {
		var p []string
		for _, k := range ks {
			p = append(p, k.String())
		}
		return strings.Join(p, " ")
	}
	free := ""
	if len(s.CallsFree) > 0 {
		free = " callsfree=" + fmt.Sprint(s.CallsFree)
	}
	return "locks(must=[" + f(s.MustLock) + "] acquires=[" + f(s.Acquires) + "] releases=[" + f(s.Releases) + "] calls=" + fmt.Sprint(s.Calls) + free + ")"
}

// noEffect is the summary of the many functions of a dependency that
// touch no lock and call no callback: shared, as every summary, and
// never changed.
var noEffect = &Summary{}

func (s *Summary) empty() bool {
	return len(s.MustLock) == 0 && len(s.Acquires) == 0 && len(s.Releases) == 0 && len(s.Calls) == 0 && len(s.CallsFree) == 0
}

// Lock describes a held mutex: its mode and where it was acquired.
type Lock struct {
	Mode Mode
	Pos  token.Pos
	// Entry is set for a mutex the function's callers hold: one it
	// unlocks before ever locking it (see Func.Borrowed).
	Entry bool
	// Callee is set for a mutex a callee locked and returned holding
	// (a handle such as a read transaction that keeps it until its
	// End method).
	Callee bool
}

// Set is an immutable set of held mutexes.
type Set map[Key]Lock

// Result is the lock-set model of a package.
type Result struct {
	Funcs map[*ssa.Function]*Func
	order []*ssa.Function
	inv   *analysisutil.FieldInvariants

	// sites indexes the static calls of each function, built on the
	// first question that needs it (see ReleasedByCallers).
	sitesOnce sync.Once
	sites     map[*ssa.Function][]ssa.CallInstruction
	// imported lists the other packages' functions the package
	// calls, indexed with sites.
	imported []*ssa.Function
	pkg      *types.Package
	// all lists the package's own functions, literals included;
	// index is what one walk of them finds (see packageIndex).
	all       []*ssa.Function
	indexOnce sync.Once
	index     *pkgIndex
	// objects indexes Funcs by declared object, for the methods
	// HandedToHandle asks about.
	objectsOnce sync.Once
	objects     map[*types.Func]*Func

	// writes holds the Writes summaries of the other packages'
	// functions the package calls (see ImportedWrites), and of the
	// package's methods that container/heap or sort calls for it
	// (see PlumbingWrites); plumbed marks those methods.
	writes      map[*ssa.Function][]UnlockedWrite
	plumbWrites map[*ssa.Function][]UnlockedWrite
	plumbed     map[*ssa.Function]bool

	// readOnly holds the package's RWMutexes nothing write-locks, and
	// importField imports that fact for another package's field (see
	// NeverWriteLocked).
	readOnly    readOnly
	importField func(*types.Var, *ReadLockedOnly) bool
}

// Dead reports whether block b runs only when a field that is never
// nil after construction is nil (see analysisutil.FieldInvariants): the
// model follows no path through it, and nothing in it is held.
func (r *Result) Dead(b *ssa.BasicBlock) bool { return r.inv.Dead(b) }

// Functions returns the analyzed functions in a stable order.
func (r *Result) Functions() []*ssa.Function { return r.order }

// LeavesUnnamedLocked reports whether fn may return holding a mutex
// it locked that its summary does not name: one its callers cannot
// see held after the call (lockNodes(ns...), locking every element of
// a slice in a loop; lockPair(a, b) locking b only on some paths). A
// mutex held at every return is in the summary and not counted; so is
// one a deferred call releases.
func (r *Result) LeavesUnnamedLocked(fn *ssa.Function) bool {
	f := r.Funcs[fn]
	if f == nil {
		return false
	}
	for _, ret := range f.Returns {
		for k := range f.MayHeldBefore(ret.Instr) {
			if _, must := ret.Held[k]; !must && !f.Deferred[k] {
				return true
			}
		}
	}
	return false
}

// Func is the model of one function.
type Func struct {
	Fn *ssa.Function
	// Acquires lists every lock acquisition, direct or through a
	// callee's MustLock, with what was held just before.
	Acquires []Acquire
	// MayAcquires lists the locks a call through a field takes when
	// some, not all, of the functions stored there take it (see
	// fieldfunc.go), with what was held just before; they are not in
	// Acquires and change no lock set.
	MayAcquires []Acquire
	// Returns lists the reachable returns with the mutexes still
	// held once deferred calls have run.
	Returns []Return
	// Released holds the mutexes the function unlocks itself
	// (directly, deferred, or through a callee) on some path.
	Released map[Key]bool
	// Releases lists the unlocks (direct, through a callee, or
	// deferred) in instruction order.
	Releases []Release
	// Deferred holds the mutexes a deferred call releases.
	Deferred map[Key]bool
	// Opaque is set when the function may release mutexes in ways
	// the model does not follow (TryLock, a deferred or interface
	// call of unknown effect); lockleak stays silent on it.
	Opaque bool
	// Entry is the set of mutexes held by every caller, for
	// unexported functions and function literals whose every use is
	// a static call (nil when unknown); Owned lists parameters
	// always bound to values the caller allocated itself. EntryKnown
	// tells an empty known entry (goroutines, exported functions)
	// from an unknown one.
	Entry      map[Key]bool
	Owned      map[int]bool
	EntryKnown bool
	// EntryLocked is set when every caller holds some mutex, perhaps
	// one that cannot be named in the function's terms (a lock of the
	// caller's receiver).
	EntryLocked bool
	// InitOnly is set when every caller is an initialiser (NewX,
	// Init) or itself only called from initialisers.
	InitOnly bool
	// Covered lists the parameters every caller either owns or passes
	// while holding some mutex: unsynchronised accesses through them
	// are not seen.
	Covered map[int]bool
	// Borrowed holds the mutexes the function unlocks before it has
	// locked them on any path: its callers hold them (a helper that
	// releases the caller's lock around a slow call and takes it
	// again). The analysis assumes them held at entry.
	Borrowed map[Key]bool

	held map[ssa.Instruction]Set
	may  map[ssa.Instruction]Set
	// ending holds, by block index, the first call of the block that
	// never returns (nil: none, and for a function without one): the
	// dataflow goes no further than it.
	ending []ssa.Instruction
	// locks holds, per instruction that may lock a mutex (a Lock,
	// RLock or TryLock, a Locker's Lock, a callee returning it
	// held), the mutexes it locks: see ReleasedBefore.
	locks map[ssa.Instruction][]Key
	// lockOps orders the instructions of locks, for LockBefore.
	lockOpsOnce sync.Once
	lockOps     *flow.Precedence
	sum         *Summary
	// opaqueDefers holds the defer statements of unknown effect.
	opaqueDefers map[ssa.Instruction]bool
}

// Summary returns the summary of the function, as exported in its Fact.
func (f *Func) Summary() *Summary { return f.sum }

// HeldBefore returns the mutexes certainly held just before instr. In
// a package analyzed for facts only (analysisutil.FactsOnly) it is nil
// wherever nothing is held, reached or not.
func (f *Func) HeldBefore(instr ssa.Instruction) Set { return f.held[instr] }

// MayHeldBefore returns the mutexes held just before instr on some
// path reaching it (a superset of HeldBefore): those locked under a
// condition, such as a doLock parameter. Like HeldBefore, nil wherever
// nothing is held in a package analyzed for facts only.
func (f *Func) MayHeldBefore(instr ssa.Instruction) Set { return f.may[instr] }

// Acquire is one lock acquisition.
type Acquire struct {
	Instr ssa.Instruction // the call
	Key   Key
	Mode  Mode
	Via   *ssa.Function // the callee that locks, or nil for a direct call
	// Callback is set when Via locks in a function value passed to
	// it, which it calls.
	Callback bool
	// Indirect names the struct field a call reads the function it
	// calls from (le.cp, or s.h.fire for an interface method), when
	// the lock is taken by what the package stores there.
	Indirect string
	// Inside is, for an Indirect acquisition, where a function stored
	// in the field takes the lock.
	Inside token.Pos
	Prev   *Lock // what was held before, or nil
}

// Release is one unlock.
type Release struct {
	Instr ssa.Instruction
	Key   Key
	// Later is set for a release at the function's exit or after it:
	// a deferred unlock, or an unlock function handed over at Instr
	// (returned, stored, passed to a call that keeps it).
	Later bool
}

// Return is a return with the mutexes still held there.
type Return struct {
	Instr *ssa.Return
	Held  Set
}

func run(pass *analysis.Pass) (any, error) {
	ssainfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	b := &builder{pass: pass, res: &Result{Funcs: map[*ssa.Function]*Func{}, pkg: pass.Pkg}, busy: map[*ssa.Function]bool{}, docLocked: map[*ssa.Function]bool{}, closures: analysisutil.PassClosures(pass), ends: analysisutil.PassEnds(pass)}
	var all []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		all = append(all, fn)
		for _, a := range fn.AnonFuncs {
			add(a)
		}
	}
	for _, fn := range ssainfo.SrcFuncs {
		add(fn)
	}
	b.factsOnly = analysisutil.FactsOnly(pass)
	b.all = all
	b.res.all = all
	b.res.inv = analysisutil.NewFieldInvariants(pass.Pkg, all)
	scanned := all
	if init := ssainfo.Pkg.Func("init"); init != nil {
		// Package variables' initialisers may take a mutex's address.
		scanned = append(slices.Clip(all), init)
		for i := len(all); i < len(scanned); i++ {
			scanned = append(scanned, scanned[i].AnonFuncs...)
		}
	}
	b.res.readOnly = readOnlyMutexes(pass.Pkg, scanned)
	b.scanned = scanned
	b.res.importField = func(f *types.Var, fact *ReadLockedOnly) bool { return pass.ImportObjectFact(f, fact) }
	b.exportReadOnly()
	for _, fn := range all {
		b.analyze(fn)
	}
	for _, fn := range all {
		b.exportFact(b.res.Funcs[fn])
	}
	b.writeSummaries(all)
	if b.factsOnly {
		// What callers hold (entries) serves only the reports, which
		// a dependency's run discards; the facts are out already.
		return b.res, nil
	}
	b.entries(all)
	return b.res, nil
}

type builder struct {
	pass *analysis.Pass
	res  *Result
	busy map[*ssa.Function]bool
	// docLocked memoizes DocumentedLocked, asked once per call site
	// and round of the entry analysis.
	docLocked map[*ssa.Function]bool
	// closures resolves the free variables of function literals.
	closures *analysisutil.Closures
	// ends says which calls never return: the state after one flows
	// nowhere (a test helper that calls t.Fatal after an Unlock).
	ends *flow.Ends
	// factsOnly: the package is a dependency, analyzed for its
	// summaries only (see analysisutil.FactsOnly).
	factsOnly bool
	// all lists the package's functions, literals included; fieldIdx
	// resolves calls through fields, on first need.
	all      []*ssa.Function
	fieldIdx *fieldIndex
	// scanned is all with the package initialiser and its literals,
	// for the back pointers (see lazyIndexes).
	scanned []*ssa.Function
	lazy    lazyIndexes
	// imported memoizes importSummary.
	imported map[*types.Func]*Summary
	// elemLocks memoizes what the functions stored in a container
	// field lock (elemfunc.go).
	elemLocks map[*types.Var][]fieldLock
	// chanMutex memoizes chanMutexOp's classification of methods.
	chanMutex map[*ssa.Function]MutexOp
	// sites are the call sites of each function, for the entry
	// analysis (entry.go).
	sites map[*ssa.Function][]site
}

// touchesLocks reports whether a call in fn can change what it holds:
// a lock operation, a Locker method, or a callee whose summary locks,
// unlocks or calls back. Otherwise every dataflow state in fn is empty.
func (b *builder) touchesLocks(fn *ssa.Function) bool {
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			c := ci.Common()
			if op, _ := LockCallOf(c); op != NotMutexOp {
				return true
			}
			if _, _, ok := turnOf(c); ok {
				return true
			}
			if c.IsInvoke() {
				continue
			}
			if callee := c.StaticCallee(); callee != nil {
				if s := b.summaryOf(callee); s != nil && !s.empty() {
					return true
				}
			}
		}
	}
	return false
}

// state is the dataflow fact at a program point.
type state struct {
	held     Set          // must
	may      Set          // may: held on some path
	ever     map[Key]Mode // must: locked without a prior release
	released map[Key]bool // may: unlocked while not held on any path (the caller's lock)
	deferred map[Key]bool // may: released by a deferred call
	// relocked (must): locked again by a deferred call, defer mu.Lock()
	// after mu.Unlock(): a helper that lets go of its caller's lock
	// around a callback and hands it back held.
	relocked map[Key]Mode
}

// newState is the empty state. Maps stay nil until written: most
// functions never touch a mutex, and their states are all empty.
func newState() *state { return &state{} }

// clone copies s. Its maps are never changed in place (see with,
// without, setFlag and setEver): a state that changes one gets a new
// map, so the copy shares them. The dataflow clones the state at every
// block of every round, and changes one far less often.
func (s *state) clone() *state {
	c := *s
	return &c
}

// emptySet is the Set of a reached instruction where nothing is held:
// HeldBefore is nil only for unreachable ones.
var emptySet = Set{}

func orEmpty(s Set) Set {
	if s == nil {
		return emptySet
	}
	return s
}

// setFlag sets k in the flag map *m of a state: in a new map, since
// states share their maps (see clone).
func setFlag(m *map[Key]bool, k Key) {
	if (*m)[k] {
		return
	}
	c := make(map[Key]bool, len(*m)+1)
	for x := range *m {
		c[x] = true
	}
	c[k] = true
	*m = c
}

// union returns the flags set in a or b: a itself when b adds none
// (states share their maps, see clone).
func union(a, b map[Key]bool) map[Key]bool {
	for k := range b {
		if !a[k] {
			c := make(map[Key]bool, len(a)+len(b))
			for x := range a {
				c[x] = true
			}
			for x := range b {
				c[x] = true
			}
			return c
		}
	}
	return a
}

// setEver records in st that k was locked in mode m without a prior
// release, in a new map (states share their maps, see clone).
func (st *state) setEver(k Key, m Mode) {
	c := make(map[Key]Mode, len(st.ever)+1)
	for x, y := range st.ever {
		c[x] = y
	}
	c[k] = m
	st.ever = c
}

func join(a, b *state) *state {
	if a == nil {
		return b.clone()
	}
	c := a.clone()
	// held: the locks both hold in the same mode, at the earlier Lock.
	same := len(a.held) == len(b.held)
	for k, v := range a.held {
		if w, ok := b.held[k]; !ok || w != v {
			same = false
			break
		}
	}
	if !same {
		held := Set{}
		for k, v := range a.held {
			if w, ok := b.held[k]; ok && w.Mode == v.Mode {
				if w.Pos < v.Pos {
					v = w
				}
				held[k] = v
			}
		}
		c.held = held
	}
	// ever: the locks both took in the same mode.
	c.ever = sameModes(a.ever, b.ever)
	for k := range b.may {
		if _, ok := c.may[k]; !ok {
			may := Set{}
			for k, l := range c.may {
				may[k] = l
			}
			for k, l := range b.may {
				if _, ok := may[k]; !ok {
					may[k] = l
				}
			}
			c.may = may
			break
		}
	}
	c.released = union(c.released, b.released)
	c.deferred = union(c.deferred, b.deferred)
	c.relocked = sameModes(a.relocked, b.relocked)
	return c
}

// sameModes returns the keys a and b both hold in the same mode: a
// itself when b has all of them (the maps are never changed in place).
func sameModes(a, b map[Key]Mode) map[Key]Mode {
	for k, m := range a {
		if w, ok := b[k]; !ok || w != m {
			out := make(map[Key]Mode, len(a))
			for k, m := range a {
				if w, ok := b[k]; ok && w == m {
					out[k] = m
				}
			}
			return out
		}
	}
	return a
}

func equal(a, b *state) bool {
	if a == nil || b == nil {
		return a == b
	}
	if len(a.held) != len(b.held) || len(a.may) != len(b.may) || len(a.ever) != len(b.ever) || len(a.released) != len(b.released) || len(a.deferred) != len(b.deferred) || len(a.relocked) != len(b.relocked) {
		return false
	}
	for k, v := range a.relocked {
		if w, ok := b.relocked[k]; !ok || w != v {
			return false
		}
	}
	for k := range a.may {
		if _, ok := b.may[k]; !ok {
			return false
		}
	}
	for k, v := range a.held {
		if w, ok := b.held[k]; !ok || w != v {
			return false
		}
	}
	for k, v := range a.ever {
		if w, ok := b.ever[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func (b *builder) analyze(fn *ssa.Function) *Func {
	if f := b.res.Funcs[fn]; f != nil {
		return f
	}
	if fn.Blocks == nil || b.busy[fn] {
		return &Func{Fn: fn, sum: &Summary{}} // recursion: no summary yet
	}
	f := &Func{Fn: fn}
	b.busy[fn] = true
	defer delete(b.busy, fn)

	if b.factsOnly && !b.touchesLocks(fn) {
		// Only the summary is wanted, and without a lock operation
		// every state is empty: skip the dataflow.
		f.sum = noEffect
		if calls, free := calledParams(fn), b.calledFreeVars(fn); calls != nil || free != nil {
			f.sum = &Summary{Calls: calls, CallsFree: free}
		}
		b.res.Funcs[fn] = f
		b.res.order = append(b.res.order, fn)
		return f
	}

	// The dataflow records into these; a function it skips has none.
	f.held, f.may, f.Released, f.Deferred = map[ssa.Instruction]Set{}, map[ssa.Instruction]Set{}, map[Key]bool{}, map[Key]bool{}
	f.ending = b.endingCalls(fn)
	in := b.solve(f, nil)
	// A mutex unlocked before the function has locked it on any path
	// is its callers': analyze again with it held at entry, so that a
	// helper releasing the caller's lock around a slow call and taking
	// it back is seen to hand it back.
	borrowed := Set{}
	var scratch state // see solve
	for _, blk := range fn.Blocks {
		if in[blk.Index] == nil {
			continue
		}
		scratch = *in[blk.Index]
		out := b.transfer(f, blk, &scratch, false)
		for k := range out.released {
			if _, ok := summaryKey(fn, k, Write); ok && k.Stable() {
				borrowed[k] = Lock{Mode: Write, Entry: true}
			}
		}
	}
	if len(borrowed) > 0 {
		f.Borrowed = map[Key]bool{}
		for k := range borrowed {
			f.Borrowed[k] = true
		}
		in = b.solve(f, borrowed)
	}
	// Final pass: record per-instruction sets and events.
	var rets []*state
	for _, blk := range fn.Blocks {
		if in[blk.Index] == nil {
			continue
		}
		out := b.transfer(f, blk, in[blk.Index].clone(), true)
		if _, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok && f.endingCall(blk) == nil {
			rets = append(rets, out)
		}
	}
	f.sum = summarize(fn, rets, f.Borrowed)
	f.sum.Calls = calledParams(fn)
	f.sum.CallsFree = b.calledFreeVars(fn)
	b.res.Funcs[fn] = f
	b.res.order = append(b.res.order, fn)
	return f
}

// solve iterates the dataflow over fn's blocks to a fixpoint, from
// the given mutexes held at entry, and returns the block entry states
// (nil for unreachable blocks). The lattice is finite (keys are drawn
// from the function's values), joins only shrink must-sets and grow
// may-sets.
func (b *builder) solve(f *Func, entry Set) []*state {
	fn := f.Fn
	in := make([]*state, len(fn.Blocks))
	in[0] = newState()
	if len(entry) > 0 {
		in[0].held, in[0].may = Set{}, Set{}
		for k, l := range entry {
			in[0].held[k] = l
			in[0].may[k] = l
		}
	}
	// transfer changes the state it is given, never its maps (see
	// clone), and join keeps none of out: one state serves every block.
	var scratch state
	for iter := 0; iter < 50; iter++ {
		changed := false
		for _, blk := range fn.Blocks {
			if in[blk.Index] == nil || f.endingCall(blk) != nil {
				continue
			}
			scratch = *in[blk.Index]
			out := b.transfer(f, blk, &scratch, false)
			tk, taken, try := b.tryLocked(blk)
			for i, succ := range blk.Succs {
				if b.res.inv.DeadEdge(blk, i) {
					continue // taken only when a never-nil field is nil
				}
				o := out
				if try {
					// if m.TryLock() { ... }: held where it succeeded,
					// not where it failed.
					o = out.clone()
					if i == taken {
						o.held = with(o.held, tk, Lock{Mode: Write, Pos: blk.Instrs[len(blk.Instrs)-1].(*ssa.If).Cond.Pos()})
					} else {
						o.may = without(o.may, tk)
					}
				}
				j := join(in[succ.Index], o) // a copy of o for a block not reached yet
				if !equal(j, in[succ.Index]) {
					in[succ.Index] = j
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	return in
}

// endingCalls returns, by block index, the first call of each block
// of fn that never returns (nil if no block has one).
func (b *builder) endingCalls(fn *ssa.Function) []ssa.Instruction {
	var ends []ssa.Instruction
	for _, blk := range fn.Blocks {
		for _, in := range blk.Instrs {
			if c, ok := in.(*ssa.Call); ok && b.ends.NeverReturns(c) {
				if ends == nil {
					ends = make([]ssa.Instruction, len(fn.Blocks))
				}
				ends[blk.Index] = in
				break
			}
		}
	}
	return ends
}

// endingCall returns the call of blk that never returns, or nil.
func (f *Func) endingCall(blk *ssa.BasicBlock) ssa.Instruction {
	if f.ending == nil {
		return nil
	}
	return f.ending[blk.Index]
}

func summarize(fn *ssa.Function, rets []*state, borrowed map[Key]bool) *Summary {
	s := &Summary{}
	if len(rets) == 0 {
		return s
	}
	add := func(dst *[]SKey, k Key, m Mode) {
		if sk, ok := summaryKey(fn, k, m); ok {
			*dst = append(*dst, sk)
		}
	}
	first := rets[0]
	for k, m := range first.ever {
		all := true
		for _, r := range rets[1:] {
			if w, ok := r.ever[k]; !ok || w != m {
				all = false
			}
		}
		if all {
			add(&s.MustLock, k, m)
		}
	}
	for k, l := range first.held {
		all := !first.deferred[k] && !borrowed[k]
		for _, r := range rets[1:] {
			if w, ok := r.held[k]; !ok || w.Mode != l.Mode || r.deferred[k] {
				all = false
			}
		}
		if all {
			add(&s.Acquires, k, l.Mode)
		}
	}
	for k, m := range first.relocked {
		all := true
		for _, r := range rets[1:] {
			if w, ok := r.relocked[k]; !ok || w != m {
				all = false
			}
		}
		if _, held := first.held[k]; all && !held {
			add(&s.Acquires, k, m)
		}
	}
	rel := map[Key]bool{}
	for _, r := range rets {
		for k := range r.released {
			if _, ok := r.held[k]; !ok {
				rel[k] = true
			}
		}
		for k := range r.deferred {
			if borrowed[k] {
				rel[k] = true // the caller's lock, released on the way out
				continue
			}
			if _, ok := r.may[k]; !ok {
				if _, ok := r.ever[k]; !ok {
					rel[k] = true
				}
			}
		}
	}
	for k := range rel {
		add(&s.Releases, k, Write)
	}
	for _, l := range [][]SKey{s.MustLock, s.Acquires, s.Releases} {
		sort.Slice(l, func(i, j int) bool { return l[i].String() < l[j].String() })
	}
	return s
}

// calledParams lists the parameters fn calls in a block that
// dominates every return.
func calledParams(fn *ssa.Function) []int {
	var out []int
	for i, p := range fn.Params {
		refs := p.Referrers()
		if refs == nil {
			continue
		}
		for _, r := range *refs {
			c, ok := r.(*ssa.Call)
			if !ok || c.Call.Value != p || !flow.DominatesReturns(c.Block()) {
				continue
			}
			out = append(out, i)
			break
		}
	}
	return out
}

// summaryOf returns the summary of a callee, computing it for
// functions of this package and importing it for others.
func (b *builder) summaryOf(callee *ssa.Function) *Summary {
	callee = flow.Origin(callee)
	if callee.Pkg != nil && callee.Pkg.Pkg == b.pass.Pkg && callee.Blocks != nil {
		return b.analyze(callee).sum
	}
	if callee.Synthetic != "" && callee.Blocks != nil && callee.Pkg == nil {
		// Wrappers (bound methods, thunks) are tiny: analyze them.
		return b.analyze(callee).sum
	}
	if obj, ok := callee.Object().(*types.Func); ok {
		if s := b.importSummary(obj); s != nil {
			return s
		}
	}
	if callee.Blocks != nil && callee.Synthetic != "" {
		return b.analyze(callee).sum
	}
	return nil
}

// importSummary returns the Summary fact of obj, or nil, imported once
// per function: a dependency's summaries are asked at every call of
// every function (touchesLocks). Like the package's own, the summaries
// returned are shared and never changed.
func (b *builder) importSummary(obj *types.Func) *Summary {
	if s, ok := b.imported[obj]; ok {
		return s
	}
	var s *Summary
	if f := new(Summary); b.pass.ImportObjectFact(obj, f) {
		s = f
	}
	if b.imported == nil {
		b.imported = map[*types.Func]*Summary{}
	}
	b.imported[obj] = s
	return s
}

func (b *builder) exportFact(f *Func) {
	if f == nil || f.Fn.Parent() != nil || f.sum.empty() {
		return
	}
	obj, ok := f.Fn.Object().(*types.Func)
	// Only what has an exported name can be called from another
	// package (see chanmodel's facts).
	if !ok || obj.Pkg() != b.pass.Pkg || !obj.Exported() {
		return
	}
	b.pass.ExportObjectFact(obj, f.sum)
}

// transfer runs blk's instructions over st. When record is set it
// stores per-instruction sets and events in f.
func (b *builder) transfer(f *Func, blk *ssa.BasicBlock, st *state, record bool) *state {
	for _, instr := range blk.Instrs {
		if record {
			if b.factsOnly {
				// On a dependency the sets serve only its summaries
				// (writes.go), which ask what is held, never whether
				// an instruction is reached: keep the non-empty ones.
				if len(st.held) > 0 {
					f.held[instr] = st.held
				}
				if len(st.may) > 0 {
					f.may[instr] = st.may
				}
			} else {
				f.held[instr], f.may[instr] = orEmpty(st.held), orEmpty(st.may)
			}
		}
		// A value defined again (in a loop) names a new location:
		// forget locks rooted at its old incarnation.
		if v, ok := instr.(ssa.Value); ok && len(st.held) > 0 {
			for k := range st.held {
				if k.Root == v {
					st.held = without(st.held, k)
				}
			}
			for k := range st.may {
				if k.Root == v {
					st.may = without(st.may, k)
				}
			}
		}
		switch instr := instr.(type) {
		case *ssa.Store:
			if _, local := instr.Addr.(*ssa.Alloc); !local {
				b.handoff(f, instr, instr.Val, st, record) // into a field, a global, an element
			}
			// Storing a pointer moves the locks reached through it.
			if len(st.held) > 0 {
				a := KeyOf(instr.Addr)
				for k := range st.held {
					if k.Root == a.Root && k.Global == a.Global && strings.HasPrefix(k.Path, a.Path+".*") {
						st.held = without(st.held, k)
						st.may = without(st.may, k)
					}
				}
			}
		case *ssa.Call:
			b.call(f, instr, instr.Common(), st, record)
			if instr == f.endingCall(blk) {
				return st // nothing after it runs
			}
		case *ssa.Defer:
			b.deferCall(f, instr, instr.Common(), st, record)
		case *ssa.Go:
			b.goCall(f, instr, instr.Common(), st, record)
		case *ssa.Send:
			b.handoff(f, instr, instr.X, st, record)
		case *ssa.Return:
			for _, v := range instr.Results {
				b.handoff(f, instr, v, st, record)
			}
			if record {
				held := Set{}
				for k, l := range st.held {
					if !st.deferred[k] {
						held[k] = l
					}
				}
				f.Returns = append(f.Returns, Return{Instr: instr, Held: held})
				for k := range st.deferred {
					f.Released[k] = true
				}
			}
		}
	}
	return st
}

func without(s Set, k Key) Set {
	if _, ok := s[k]; !ok {
		return s
	}
	c := Set{}
	for k2, v := range s {
		if k2 != k {
			c[k2] = v
		}
	}
	return c
}

func with(s Set, k Key, l Lock) Set {
	c := Set{}
	for k2, v := range s {
		c[k2] = v
	}
	c[k] = l
	return c
}

func staticFunc(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return nil
	}
	if fn := c.StaticCallee(); fn != nil {
		if obj, ok := fn.Object().(*types.Func); ok {
			return obj
		}
	}
	return nil
}

func (b *builder) call(f *Func, instr ssa.CallInstruction, c *ssa.CallCommon, st *state, record bool) {
	if k, m, ok := b.condMutex(c.Value); ok && c.IsInvoke() {
		// The L of a Cond made from a sibling mutex: that mutex.
		switch c.Method.Name() {
		case "Lock":
			b.acquire(f, instr, k, m, nil, st, record)
			st.held = with(st.held, k, Lock{Mode: m, Pos: instr.Pos()})
			st.may = with(st.may, k, Lock{Mode: m, Pos: instr.Pos()})
			f.noteLock(instr, k, record)
		case "Unlock":
			b.release(f, instr, k, st, record)
		}
		return
	}
	if c.IsInvoke() {
		// A sync.Locker or similar interface: track the lock by the
		// interface value's path. Acquisitions are not recorded as
		// events: the dynamic locker may be reentrant or a no-op.
		for _, a := range c.Args {
			b.handoff(f, instr, a, st, record)
		}
		op, _ := LockCallOf(c)
		k := KeyOf(c.Value) // the lock LockCallOf returns, for a lock operation
		switch op {
		case MutexLock, MutexRLock:
			m := Write
			if op == MutexRLock {
				m = Read
			}
			st.held = with(st.held, k, Lock{Mode: m, Pos: instr.Pos()})
			st.may = with(st.may, k, Lock{Mode: m, Pos: instr.Pos()})
			f.noteLock(instr, k, record)
		case MutexUnlock, MutexRUnlock:
			b.release(f, instr, k, st, record)
		default:
			b.fieldCall(f, instr, c, st, record)
		}
		return
	}
	if op, k, ok := b.lockOp(c); ok {
		switch op {
		case MutexLock, MutexRLock:
			m := Write
			if op == MutexRLock {
				m = Read
			}
			b.acquire(f, instr, k, m, nil, st, record)
			st.held = with(st.held, k, Lock{Mode: m, Pos: instr.Pos()})
			st.may = with(st.may, k, Lock{Mode: m, Pos: instr.Pos()})
			f.noteLock(instr, k, record)
		case MutexUnlock, MutexRUnlock:
			b.release(f, instr, k, st, record)
		case MutexTryLock:
			st.held = without(st.held, k)
			st.may = with(st.may, k, Lock{Mode: Write, Pos: instr.Pos()})
			f.noteLock(instr, k, record)
			if record {
				f.Opaque = true
			}
		}
		return
	}
	callee, bindings := b.callee(f, c)
	if arg, ok := analysisutil.OnceDoArg(c); ok {
		// Once.Do(fn) runs fn now unless an earlier Do did: what fn
		// releases is no longer surely held after it (testify's
		// unlockOnce.Do(c.unlock) on one path, repeated by a deferred
		// Do that then does nothing).
		if lit, lb := b.funcValue(f.Fn, arg, 0); lit != nil {
			for _, k := range b.funcReleases(f.Fn, lit, lb, 0) {
				b.release(f, instr, k, st, record)
			}
			b.onceLocks(f, instr, callee, lit, lb, st, record)
			return
		}
	}
	if callee == nil {
		for _, k := range madeWith(c.Value, st.held) {
			b.release(f, instr, k, st, record)
		}
		for _, a := range c.Args {
			b.handoff(f, instr, a, st, record)
		}
		b.fieldCall(f, instr, c, st, record)
		b.elemCall(f, instr, c, st, record)
		return
	}
	s := b.summaryOf(callee)
	if s == nil {
		for _, a := range c.Args {
			b.handoff(f, instr, a, st, record)
		}
		return
	}
	for _, sk := range s.Releases {
		if k, ok := callerKey(sk, c.Args, bindings); ok {
			b.release(f, instr, k, st, record)
		}
	}
	for _, k := range b.freeCallReleases(f.Fn, s, bindings, 0) {
		b.release(f, instr, k, st, record)
	}
	// Function values passed to the callee: called there and then
	// (a callback it calls on every path) they release now, kept for
	// later they release after the function.
	for i, a := range c.Args {
		if !slices.Contains(s.Calls, i) {
			b.handoff(f, instr, a, st, record)
			continue
		}
		if lit, lb := b.funcValue(f.Fn, a, 0); lit != nil {
			for _, k := range b.funcReleases(f.Fn, lit, lb, 0) {
				b.release(f, instr, k, st, record)
			}
		}
	}
	for _, sk := range s.MustLock {
		if k, ok := callerKey(sk, c.Args, bindings); ok {
			b.acquire(f, instr, b.owner(k), sk.Mode, callee, st, record)
		}
	}
	// A lock the callee takes without having released it first is held
	// when its callbacks run; one it takes back after releasing it (a
	// deferred Lock after an Unlock) is not, and is held only after
	// them.
	acquired := func(must bool) {
		for _, sk := range s.Acquires {
			if slices.Contains(s.MustLock, sk) != must {
				continue
			}
			if k, ok := callerKey(sk, c.Args, bindings); ok {
				st.held = with(st.held, k, Lock{Mode: sk.Mode, Pos: instr.Pos(), Callee: true})
				st.may = with(st.may, k, Lock{Mode: sk.Mode, Pos: instr.Pos(), Callee: true})
				f.noteLock(instr, k, record)
			}
		}
	}
	acquired(true)
	defer acquired(false)
	// Callbacks the callee certainly calls: their locks are taken
	// while the caller's are held.
	for _, i := range s.Calls {
		if i >= len(c.Args) {
			continue
		}
		lit, lb := b.funcValue(f.Fn, c.Args[i], 0)
		if lit == nil {
			continue
		}
		ls := b.summaryOf(lit)
		if ls == nil {
			continue
		}
		for _, sk := range ls.MustLock {
			if sk.Param >= 0 {
				continue // the callee's arguments are unknown here
			}
			if k, ok := callerKey(sk, nil, lb); ok {
				b.acquire(f, instr, k, sk.Mode, callee, st, record)
				if record {
					f.Acquires[len(f.Acquires)-1].Callback = true
				}
			}
		}
	}
}

func (b *builder) acquire(f *Func, instr ssa.CallInstruction, k Key, m Mode, via *ssa.Function, st *state, record bool) {
	if !st.released[k] {
		if _, ok := st.ever[k]; !ok {
			st.setEver(k, m)
		}
	}
	if record {
		f.Acquires = append(f.Acquires, acquisition(instr, k, m, via, st))
	}
}

// acquisition is the record of locking k at instr in state st.
func acquisition(instr ssa.CallInstruction, k Key, m Mode, via *ssa.Function, st *state) Acquire {
	a := Acquire{Instr: instr, Key: k, Mode: m, Via: via}
	if l, ok := st.held[k]; ok {
		a.Prev = &l
	}
	return a
}

func (b *builder) release(f *Func, instr ssa.Instruction, k Key, st *state, record bool) {
	if record {
		f.Released[k] = true
		f.Releases = append(f.Releases, Release{Instr: instr, Key: k})
	}
	if l, ok := st.held[k]; ok {
		st.held = without(st.held, k)
		st.may = without(st.may, k)
		if l.Entry {
			setFlag(&st.released, k) // the caller's lock
		}
		return
	}
	if _, ok := st.may[k]; ok {
		// Locked on some path only (if doLock { mu.Lock() }): this
		// unlock pairs with that Lock, not with a caller's.
		st.may = without(st.may, k)
		return
	}
	setFlag(&st.released, k)
	// Unlocking something not known to be held: it may alias a held
	// mutex under another name. Forget those that could be it.
	if len(st.held) == 0 {
		return
	}
	c := Set{}
	for k2, l := range st.held {
		if !MayAlias(k, k2) {
			c[k2] = l
		}
	}
	st.held = c
}

func (b *builder) deferCall(f *Func, instr *ssa.Defer, c *ssa.CallCommon, st *state, record bool) {
	opaque := func() {
		f.Opaque = true
		if record {
			setInstr(&f.opaqueDefers, instr)
		}
	}
	deferred := func(k Key) {
		_, held := st.held[k]
		_, may := st.may[k]
		_, ever := st.ever[k]
		if !held && !may && !ever {
			// defer mu.Unlock() of a mutex the function never
			// locks: its starter or caller hands it over (a
			// goroutine that finishes the registration its starter
			// began under the lock), so it is borrowed like one
			// unlocked directly.
			setFlag(&st.released, k)
		}
		setFlag(&st.deferred, k)
		f.Deferred[k] = true
		if record {
			f.Releases = append(f.Releases, Release{Instr: instr, Key: k, Later: true})
		}
	}
	if c.IsInvoke() {
		// defer l.Unlock() of a sync.Locker (a Cond's L) releases it
		// by its interface value's path, as a direct call does; the
		// L of a Cond made from a sibling mutex releases that mutex.
		if k, _, ok := b.condMutex(c.Value); ok && c.Method.Name() == "Unlock" {
			deferred(k)
			return
		}
		switch c.Method.Name() {
		case "Unlock", "RUnlock":
			deferred(KeyOf(c.Value))
		default:
			opaque()
		}
		return
	}
	if op, k, ok := b.lockOp(c); ok {
		switch op {
		case MutexUnlock, MutexRUnlock:
			deferred(k)
		case MutexLock, MutexRLock:
			// Locked again at the exit: held at every return that
			// passes this defer (Summary.Acquires).
			m := Write
			if op == MutexRLock {
				m = Read
			}
			if _, set := st.relocked[k]; !set {
				relocked := make(map[Key]Mode, len(st.relocked)+1)
				for x, xm := range st.relocked {
					relocked[x] = xm
				}
				relocked[k] = m
				st.relocked = relocked
			}
		case MutexTryLock:
			opaque()
		}
		return
	}
	callee, bindings := b.callee(f, c)
	if arg, ok := analysisutil.OnceDoArg(c); ok {
		// defer once.Do(unlock): the Once runs it at the latest here.
		if lit, lb := b.funcValue(f.Fn, arg, 0); lit != nil {
			for _, k := range b.funcReleases(f.Fn, lit, lb, 0) {
				deferred(k)
			}
			return
		}
	}
	if callee == nil {
		opaque()
		return
	}
	s := b.summaryOf(callee)
	if s == nil {
		return
	}
	for _, sk := range s.Releases {
		if k, ok := callerKey(sk, c.Args, bindings); ok {
			deferred(k)
		} else {
			opaque()
		}
	}
	for _, k := range b.freeCallReleases(f.Fn, s, bindings, 0) {
		deferred(k)
	}
	if len(s.Acquires) > 0 || len(s.MustLock) > 0 {
		opaque()
	}
}

func setInstr(m *map[ssa.Instruction]bool, instr ssa.Instruction) {
	if *m == nil {
		*m = map[ssa.Instruction]bool{}
	}
	(*m)[instr] = true
}

// goCall handles a go statement: the new goroutine may unlock a mutex
// the spawner holds (a mutex used as a semaphore is not owned by a
// goroutine), so the spawner no longer certainly holds it.
func (b *builder) goCall(f *Func, instr *ssa.Go, c *ssa.CallCommon, st *state, record bool) {
	if c.IsInvoke() {
		return
	}
	if op, k, ok := b.lockOp(c); ok && (op == MutexUnlock || op == MutexRUnlock) {
		st.held = without(st.held, k)
		return
	}
	for _, a := range c.Args {
		b.handoff(f, instr, a, st, record)
	}
	callee, bindings := b.callee(f, c)
	if callee == nil {
		return
	}
	s := b.summaryOf(callee)
	if s == nil {
		return
	}
	// The goroutine releases the mutex: it is handed over, held by
	// the spawner on no path from here on.
	for _, sk := range s.Releases {
		if k, ok := callerKey(sk, c.Args, bindings); ok {
			st.held = without(st.held, k)
			st.may = without(st.may, k)
		}
	}
	for _, k := range b.freeCallReleases(f.Fn, s, bindings, 0) {
		st.held = without(st.held, k)
		st.may = without(st.may, k)
	}
}

// callee returns the function a call of f calls and the values a
// called closure captures, which its summary's free-variable keys
// refer to: a static callee, or a closure or method value that f keeps
// in a local variable (unlock := s.mu.Unlock; ...; unlock()).
func (b *builder) callee(f *Func, c *ssa.CallCommon) (*ssa.Function, []ssa.Value) {
	if c.IsInvoke() {
		return nil, nil
	}
	if callee, bindings := analysisutil.FuncValue(c.Value); callee != nil {
		return callee, bindings
	}
	return b.funcValue(f.Fn, c.Value, 0)
}

// lazyIndexes are the package-wide indexes the dataflow consults,
// each built on its first question: a dependency is analyzed for its
// facts, and the dataflow runs there only on functions that touch a
// lock (touchesLocks), in most packages none. Each is a function of
// the package's code alone, so when it is built does not change it.
type lazyIndexes struct {
	condDone, backDone bool
	// condLockers: the Cond fields whose L is a sibling mutex.
	condLockers map[*types.Var]condLocker
	// backPtrs: the map fields whose elements point back at their
	// owner (backptr.go).
	backPtrs map[*types.Var]backPtr
}

func (b *builder) condLockers() map[*types.Var]condLocker {
	if !b.lazy.condDone {
		b.lazy.condDone = true
		b.lazy.condLockers = condLockers(b.pass.Pkg, b.all)
	}
	return b.lazy.condLockers
}

func (b *builder) backPtrs() map[*types.Var]backPtr {
	if !b.lazy.backDone {
		b.lazy.backDone = true
		b.lazy.backPtrs = backPointers(b.pass.Pkg, b.scanned)
	}
	return b.lazy.backPtrs
}
