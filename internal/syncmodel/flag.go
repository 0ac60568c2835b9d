package syncmodel

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// Flags a goroutine finds clear: an assertion at the start of a
// goroutine (if s.closing { panic(...) }) over a bool field of the
// object it is started on states an invariant of its go statements.
// FlagClearAt decides whether the invariant holds, from where the
// package writes the flag and how each go statement starts the
// goroutine. Two ways make it hold:
//
//   - Cleared at the start: every go statement starts the goroutine on
//     an object whose flag is known false (a fresh allocation, or a test
//     of the flag that skips the go statement when it is set), nothing
//     between that point and the go statement writes the flag or
//     synchronises with another goroutine, and the goroutine reads the
//     flag before it synchronises with anyone. In a program without a
//     data race on the flag, every write the read can see happens
//     before the go statement, so before the test or after it in the
//     starter's own steps: the read finds the flag clear. (A race on
//     the flag is another defect, and synchronisation through another
//     package's internal locks, or a function value's, is not counted.)
//   - Written only by the goroutine itself: every write of true is in
//     the goroutine's function after the read, and each go statement
//     claims the object first, testing and setting a claim flag under
//     a mutex, a flag nothing clears: at most one such goroutine ever
//     runs per object, and only it sets the flag, after its read.

// FlagClearAt reports whether the load read, of a bool field of a
// parameter of its function g, always finds the flag false: g runs
// only as goroutines its package starts, and each start keeps the flag
// clear until the read (see above).
func (m *Model) FlagClearAt(read *ssa.UnOp) bool {
	fa, ok := read.X.(*ssa.FieldAddr)
	if !ok || read.Op != token.MUL {
		return false
	}
	p, ok := paramOf(fa.X)
	f := analysisutil.FieldOf(fa)
	if !ok || f == nil || f.Exported() || f.Pkg() != m.pkg || !analysisutil.IsBool(f.Type()) {
		return false
	}
	g := read.Parent()
	i := slices.Index(g.Params, p)
	sites := m.callers[g]
	if i < 0 || len(sites) == 0 || !m.EnteredOnlyByCalls(g) {
		return false
	}
	for _, s := range sites {
		if !s.IsGo() || i >= len(s.Args) {
			return false
		}
	}
	return m.ownFlag(read, f, sites, i) || m.clearAtStart(read, f, sites, i)
}

// paramOf returns the parameter whose value v is: the parameter
// itself, or a load of the variable go/ssa spills it to when a closure
// captures it, which nothing but the spill stores to.
func paramOf(v ssa.Value) (*ssa.Parameter, bool) {
	if p, ok := v.(*ssa.Parameter); ok {
		return p, true
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil, false
	}
	a, ok := load.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	var p *ssa.Parameter
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			q, ok := r.Val.(*ssa.Parameter)
			if !ok || p != nil {
				return nil, false
			}
			p = q
		case *ssa.UnOp, *ssa.DebugRef:
		case *ssa.MakeClosure:
			if !readOnlyBindings(r, a) {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	return p, p != nil
}

// readOnlyBindings reports whether the closure mc only reads the free
// variables it binds to v.
func readOnlyBindings(mc *ssa.MakeClosure, v ssa.Value) bool {
	for fv := range flow.Captures(mc, v) {
		for _, r := range *fv.Referrers() {
			if load, ok := r.(*ssa.UnOp); !ok || load.Op != token.MUL {
				return false
			}
		}
	}
	return true
}

// isFalse reports whether v is a constant false (or nil).
func isFalse(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && (k.Value == nil || k.Value.Kind() == constant.Bool && !constant.BoolVal(k.Value))
}

// FlagSets returns the stores of the package that may set the flag f
// (store anything but false into it).
func (m *Model) FlagSets(f *types.Var) []*ssa.Store {
	var out []*ssa.Store
	for _, in := range m.FieldAccesses(f) {
		for _, r := range *in.(ssa.Value).Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == in.(ssa.Value) && !isFalse(st.Val) {
				out = append(out, st)
			}
		}
	}
	return out
}

// ownFlag: every set of f is in read's function, on its own object,
// after the read, and each start claims its object (see FlagClearAt).
func (m *Model) ownFlag(read *ssa.UnOp, f *types.Var, sites []Site, i int) bool {
	g := read.Parent()
	for _, st := range m.FlagSets(f) {
		// Only on the goroutine's own object: a set on another would
		// come from the goroutine serving that one.
		if p, ok := paramOf(st.Addr.(*ssa.FieldAddr).X); !ok || p != g.Params[i] || flow.Reaches(st, read, nil) {
			return false
		}
	}
	var claim *types.Var
	for _, s := range sites {
		c := m.claimField(s, s.Args[i])
		if c == nil || claim != nil && c != claim {
			return false
		}
		claim = c
	}
	return claim != nil
}

// claimField returns the claim flag that the start s sets on x: on
// every path to the go statement, the starter stores true into x.c
// after a test that skips it when x.c is set, both in one critical
// section of a mutex; the package never clears c.
func (m *Model) claimField(s Site, x ssa.Value) *types.Var {
	lf := m.Locks.Funcs[s.Caller]
	if lf == nil {
		return nil
	}
	for _, r := range *x.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		c := analysisutil.FieldOf(fa)
		if c == nil || c.Exported() || c.Pkg() != m.pkg || !analysisutil.IsBool(c.Type()) || m.Cleared(c) {
			continue
		}
		for _, u := range *fa.Referrers() {
			st, ok := u.(*ssa.Store)
			if !ok || st.Addr != ssa.Value(fa) || isFalse(st.Val) || !flow.Dominates(st, s.Instr) {
				continue
			}
			test := skippingTest(x, c, st)
			if test == nil {
				continue
			}
			if sameSection(lf.HeldBefore(test), lf.HeldBefore(st)) && sameSection(lf.HeldBefore(st), lf.HeldBefore(s.Instr)) {
				return c
			}
		}
	}
	return nil
}

// sameSection reports whether a and b share a mutex held in write mode
// by one acquisition.
func sameSection(a, b lockset.Set) bool {
	for k, l := range a {
		if l2, ok := b[k]; ok && l.Mode == lockset.Write && l2.Mode == lockset.Write && l.Pos == l2.Pos {
			return true
		}
	}
	return false
}

// Cleared reports whether the package stores false into the field c.
func (m *Model) Cleared(c *types.Var) bool {
	for _, in := range m.FieldAccesses(c) {
		for _, r := range *in.(ssa.Value).Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == in.(ssa.Value) && isFalse(st.Val) {
				return true
			}
		}
	}
	return false
}

// FlagTest returns the field load that the if ending b tests, as
// if x.f or if !x.f, and the index of the successor taken when the
// flag is set.
func FlagTest(b *ssa.BasicBlock) (*ssa.UnOp, int, bool) {
	cond, set, ok := testedValue(b)
	if !ok {
		return nil, 0, false
	}
	load, ok := cond.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil, 0, false
	}
	if _, ok := load.X.(*ssa.FieldAddr); !ok {
		return nil, 0, false
	}
	return load, set, true
}

// testedValue returns the value the if ending b tests, seen through a
// negation, and the index of the successor taken when it is true.
func testedValue(b *ssa.BasicBlock) (ssa.Value, int, bool) {
	if len(b.Instrs) == 0 || len(b.Succs) != 2 {
		return nil, 0, false
	}
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return nil, 0, false
	}
	if not, ok := iff.Cond.(*ssa.UnOp); ok && not.Op == token.NOT {
		return not.X, 1, true
	}
	return iff.Cond, 0, true
}

// skippingTest returns the if that tests x.f and dominates at, whose
// edge taken when the flag is set cannot reach at without testing the
// flag again; nil if there is none.
func skippingTest(x ssa.Value, f *types.Var, at ssa.Instruction) ssa.Instruction {
	for _, b := range at.Parent().Blocks {
		load, set, ok := FlagTest(b)
		if !ok || !b.Dominates(at.Block()) {
			continue
		}
		fa := load.X.(*ssa.FieldAddr)
		if fa.X != x || analysisutil.FieldOf(fa) != f {
			continue
		}
		iff := b.Instrs[len(b.Instrs)-1]
		next := b.Succs[set]
		stop := func(in ssa.Instruction) bool { return in == iff }
		if next != at.Block() && !flow.Reaches(next.Instrs[0], at, stop) {
			return iff
		}
	}
	return nil
}

// clearAtStart: each start finds the flag clear and nothing sets it or
// synchronises up to the go statement, and the goroutine reads it
// before it synchronises (see FlagClearAt).
func (m *Model) clearAtStart(read *ssa.UnOp, f *types.Var, sites []Site, i int) bool {
	sets := m.FlagSets(f)
	writers := map[*ssa.Function]bool{}
	for _, st := range sets {
		writers[st.Parent()] = true
	}
	mayWrite := m.reachingCalls(writers)
	acquirers := map[*ssa.Function]bool{}
	for _, fn := range m.Funcs {
		for _, b := range fn.Fn.Blocks {
			for _, in := range b.Instrs {
				if acquires(in) {
					acquirers[fn.Fn] = true
				}
			}
		}
	}
	mayAcquire := m.reachingCalls(acquirers)
	call := func(in ssa.Instruction, reach map[*ssa.Function]bool) bool {
		c, ok := in.(*ssa.Call)
		if !ok {
			return false
		}
		callee, _, _ := funcOf(c.Call.Value)
		return callee != nil && reach[callee]
	}
	writes := func(in ssa.Instruction) bool {
		st, ok := in.(*ssa.Store)
		return ok && slices.Contains(sets, st) || call(in, mayWrite)
	}
	bad := func(in ssa.Instruction) bool {
		return writes(in) || acquires(in) || call(in, mayAcquire)
	}
	// The goroutine's own steps before the read.
	g := read.Parent()
	for _, b := range g.Blocks {
		for _, in := range b.Instrs {
			if in != ssa.Instruction(read) && flow.Reaches(in, read, nil) && bad(in) {
				return false
			}
		}
	}
	for _, s := range sites {
		x := s.Args[i]
		var from ssa.Instruction
		if a, ok := x.(*ssa.Alloc); ok && a.Parent() == s.Caller {
			from = a
		} else if t := skippingTest(x, f, s.Instr); t != nil {
			from = t
		} else {
			return false
		}
		stop := func(in ssa.Instruction) bool { return in == from }
		between := func(in ssa.Instruction) bool {
			return flow.Reaches(from, in, stop) && flow.Reaches(in, s.Instr, stop)
		}
		// A fresh object no other goroutine can reach yet: only the
		// starter's own writes can set its flag before the go
		// statement, whatever it synchronises with.
		private := false
		if a, ok := from.(*ssa.Alloc); ok {
			private = !publishedBefore(a, f, between)
		}
		for _, b := range s.Caller.Blocks {
			for _, in := range b.Instrs {
				if (private && writes(in) || !private && bad(in)) && between(in) {
					return false
				}
			}
		}
	}
	return true
}

// publishedBefore reports whether the fresh object a may reach another
// goroutine at an instruction for which between holds: it is used
// there other than to address its own fields (but for the flag's
// address handed on).
func publishedBefore(a *ssa.Alloc, f *types.Var, between func(ssa.Instruction) bool) bool {
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
			continue
		case *ssa.FieldAddr:
			if analysisutil.FieldOf(r) != f || !addressHandedOn(r, between) {
				continue
			}
		}
		if between(r) {
			return true
		}
	}
	return false
}

// addressHandedOn reports whether the field address fa is used, where
// between holds, other than to load or store the field.
func addressHandedOn(fa *ssa.FieldAddr, between func(ssa.Instruction) bool) bool {
	for _, r := range *fa.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op == token.MUL {
				continue
			}
		case *ssa.Store:
			if r.Addr == ssa.Value(fa) {
				continue
			}
		case *ssa.DebugRef:
			continue
		}
		if between(r) {
			return true
		}
	}
	return false
}

// reachingCalls returns the functions of the package that are in fns
// or call, through direct calls and defers of the package, a function
// that is (not a go statement: a goroutine it starts runs beside it).
func (m *Model) reachingCalls(fns map[*ssa.Function]bool) map[*ssa.Function]bool {
	out := map[*ssa.Function]bool{}
	work := make([]*ssa.Function, 0, len(fns))
	for fn := range fns {
		out[fn] = true
		work = append(work, fn)
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		for _, s := range m.callers[fn] {
			if s.Goroutine || out[s.Caller] {
				continue
			}
			out[s.Caller] = true
			work = append(work, s.Caller)
		}
	}
	return out
}

// acquires reports whether in is an operation that can make another
// goroutine's earlier writes visible: a receive, a select, a lock, a
// wait, Once.Do, an atomic read.
func acquires(in ssa.Instruction) bool {
	switch in := in.(type) {
	case *ssa.UnOp:
		return in.Op == token.ARROW
	case *ssa.Select:
		return true
	case ssa.CallInstruction:
		if _, isGo := in.(*ssa.Go); isGo {
			return false
		}
		fn := flow.CalleeFunc(in.Common())
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		switch fn.Pkg().Path() {
		case "sync":
			switch fn.Name() {
			case "Lock", "RLock", "TryLock", "TryRLock", "Wait", "Do", "Load", "LoadOrStore", "LoadAndDelete", "Range", "Get":
				return true
			}
		case "sync/atomic":
			return !strings.HasPrefix(fn.Name(), "Store")
		}
	}
	return false
}
