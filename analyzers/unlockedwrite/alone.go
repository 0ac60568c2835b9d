package unlockedwrite

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// A write needs its lock only if another goroutine may access the
// object at the same time. solitude finds the places where no other
// goroutine can, for two reasons the code proves:
//
//   - the last reference: the place runs only when an atomic reference
//     count of the object, decremented there, reached zero (if
//     refs.Add(-1) == 0 { ... }), in the function or in a helper every
//     call of which is in such a place;
//   - set-up before the readers exist: the place is in a method that
//     can get past its guard once only (a CompareAndSwap of a state
//     word, or a started flag tested and set, never reset), before the go statements by which that method
//     starts the goroutines, and after none.
type solitude struct {
	pass *analysis.Pass
	res  *lockset.Result
	// regions lists, per function, the blocks where the running
	// goroutine is alone with the object base.
	regions map[*ssa.Function][]region
	// calls lists the static call sites of each function of the
	// package; valueUse marks the functions also used as values.
	calls    map[*ssa.Function][]*ssa.Call
	valueUse map[*ssa.Function]bool
	// words says which state words are written back to their unset
	// value somewhere: a guard on them can pass again.
	words *analysisutil.StateWords
}

type region struct {
	entry *ssa.BasicBlock // the blocks it dominates
	base  lockset.Key
	setup bool // before the go statements of the function, not after
}

func newSolitude(pass *analysis.Pass, res *lockset.Result) *solitude {
	s := &solitude{pass: pass, res: res, regions: map[*ssa.Function][]region{}, calls: map[*ssa.Function][]*ssa.Call{}, valueUse: map[*ssa.Function]bool{}, words: analysisutil.NewStateWords(nil)}
	for _, fn := range res.Functions() {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				s.index(in)
			}
		}
	}
	for _, fn := range res.Functions() {
		for _, b := range fn.Blocks {
			s.findRegions(fn, b)
		}
	}
	return s
}

// index records call sites, functions used as values, and the values
// stored into state words and flags.
func (s *solitude) index(in ssa.Instruction) {
	var rands []*ssa.Value
	for i, r := range in.Operands(rands) {
		f, ok := (*r).(*ssa.Function)
		if !ok {
			continue
		}
		if c, ok := in.(*ssa.Call); ok && i == 0 && c.Call.Value == f {
			s.calls[f] = append(s.calls[f], c)
			continue
		}
		s.valueUse[f] = true
	}
	s.words.Index(in)
}

// findRegions records the region opened by the branch ending b, if any.
func (s *solitude) findRegions(fn *ssa.Function, b *ssa.BasicBlock) {
	if len(b.Instrs) == 0 {
		return
	}
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return
	}
	// open records the region entered through b.Succs[i]: the blocks
	// that successor dominates, when b is its only way in.
	open := func(i int, base lockset.Key, setup bool) {
		if succ := b.Succs[i]; len(succ.Preds) == 1 {
			s.regions[fn] = append(s.regions[fn], region{entry: succ, base: base, setup: setup})
		}
	}
	// if x.state != idle { return }; x.state = running (or a started
	// flag tested and set): past it once, unless something sets the
	// word back. The test need not hold the lock: a set-up method is
	// not made to be called twice at once (an Open returning
	// ErrAlreadyOpen), and the region still has to come before every
	// goroutine of the object (beforeGo, noGoroutineYet).
	if l, unset, succ, ok := analysisutil.FlagTest(b); ok {
		if receiverBase(fn, l.X) && s.words.OnceEntry(b, l, unset, succ) {
			open(succ, lockset.KeyOf(l.X.(*ssa.FieldAddr).X), true)
		}
		return
	}
	switch cond := ifi.Cond.(type) {
	case *ssa.BinOp:
		// An atomic decrement's result compared with zero.
		call, ok := cond.X.(*ssa.Call)
		k, ok2 := cond.Y.(*ssa.Const)
		if !ok || !ok2 || k.Value == nil || k.Value.Kind() != constant.Int || constant.Sign(k.Value) != 0 {
			return
		}
		obj, ok := decrements(call.Common())
		if !ok {
			return
		}
		base := lockset.KeyOf(obj)
		switch cond.Op {
		case token.EQL, token.LEQ:
			open(0, base, false)
		case token.NEQ, token.GTR:
			open(1, base, false)
		}
	case *ssa.Call:
		// if !x.state.CompareAndSwap(unset, set) { return }: past
		// it once, unless something sets the word back.
		m := flow.CalleeFunc(cond.Common())
		v, args := analysisutil.AtomicWord(cond.Common())
		if v == nil || len(args) != 2 || !strings.HasPrefix(m.Name(), "CompareAndSwap") {
			return
		}
		old, ok := args[0].(*ssa.Const)
		if !ok || old.Value == nil || s.words.SetBack(v, old.Value) || !receiverBase(fn, cond.Call.Args[0]) {
			return
		}
		open(0, lockset.KeyOf(cond.Call.Args[0].(*ssa.FieldAddr).X), true)
	}
}

// decrements returns the object whose atomic counter the call adds to
// and returns: a sync/atomic Add on a field of it, or a helper of the
// package that returns such an Add on a field of one of its
// parameters (func (b *buf) unref() int32 { return b.refs.Add(-1) }).
func decrements(c *ssa.CallCommon) (ssa.Value, bool) {
	if m := flow.CalleeFunc(c); m != nil && strings.HasPrefix(m.Name(), "Add") {
		if v, _ := analysisutil.AtomicWord(c); v != nil {
			return c.Args[0].(*ssa.FieldAddr).X, true
		}
	}
	callee := c.StaticCallee()
	if callee == nil || callee.Blocks == nil {
		return nil, false
	}
	var obj ssa.Value
	for _, b := range callee.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		if len(r.Results) != 1 {
			return nil, false
		}
		inner, ok := r.Results[0].(*ssa.Call)
		if !ok {
			return nil, false
		}
		m := flow.CalleeFunc(inner.Common())
		v, _ := analysisutil.AtomicWord(inner.Common())
		if v == nil || m == nil || !strings.HasPrefix(m.Name(), "Add") {
			return nil, false
		}
		p, ok := inner.Call.Args[0].(*ssa.FieldAddr).X.(*ssa.Parameter)
		if !ok {
			return nil, false
		}
		i := slices.Index(callee.Params, p)
		if i < 0 || i >= len(c.Args) || obj != nil && obj != c.Args[i] {
			return nil, false
		}
		obj = c.Args[i]
	}
	return obj, obj != nil
}

// receiverBase reports whether addr is a field of fn's receiver.
func receiverBase(fn *ssa.Function, addr ssa.Value) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	return ok && fn.Signature.Recv() != nil && len(fn.Params) > 0 && fa.X == fn.Params[0]
}

// alone reports whether instr, accessing base in fn, runs where no
// other goroutine can access base.
func (s *solitude) alone(fn *ssa.Function, instr ssa.Instruction, base lockset.Key) bool {
	return s.aloneDepth(fn, instr, base, 0)
}

func (s *solitude) aloneDepth(fn *ssa.Function, instr ssa.Instruction, base lockset.Key, depth int) bool {
	for _, r := range s.regions[fn] {
		if r.base != base || !r.entry.Dominates(instr.Block()) {
			continue
		}
		if !r.setup || s.beforeGo(fn, r, instr) || s.noGoroutineYet(fn, instr, base) {
			return true
		}
	}
	// A helper every call of which is the last holder's, on the same
	// object, or made in set-up before the go statements that start
	// the object's goroutines (openDatabase called by a once-only Open
	// before its go s.flushLoop()): the call returns before them, so
	// its writes come first, unless the helper starts a goroutine of
	// its own before the write.
	if depth > 3 || base.Path != "" || s.valueUse[fn] || fn.Object() != nil && fn.Object().Exported() {
		return false
	}
	setupOK := !startsBefore(fn, instr)
	param := flow.ParamIndex(fn, base.Root)
	if param < 0 {
		return false
	}
	// A test that calls the helper on an object of its own (to check
	// what a reset leaves) says nothing about the package's callers.
	n := 0
	for _, c := range s.calls[fn] {
		if inTest(s.pass, c.Parent()) {
			continue
		}
		if param >= len(c.Call.Args) || !s.lastHolderAt(c.Parent(), c, lockset.KeyOf(c.Call.Args[param]), setupOK, depth+1) {
			return false
		}
		n++
	}
	return n > 0
}

// lastHolderAt reports whether the call instr runs in a last-reference
// region of base, or (setupOK) in set-up before the goroutines.
func (s *solitude) lastHolderAt(fn *ssa.Function, instr ssa.Instruction, base lockset.Key, setupOK bool, depth int) bool {
	for _, r := range s.regions[fn] {
		if r.base != base || !r.entry.Dominates(instr.Block()) {
			continue
		}
		if !r.setup || setupOK && (s.beforeGo(fn, r, instr) || s.noGoroutineYet(fn, instr, base)) {
			return true
		}
	}
	return s.aloneDepth(fn, instr, base, depth) && !s.anySetup(fn)
}

// startsBefore reports whether a go statement of fn may run before
// instr.
func startsBefore(fn *ssa.Function, instr ssa.Instruction) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if g, ok := in.(*ssa.Go); ok && (g == instr || flow.Reaches(g, instr, nil)) {
				return true
			}
		}
	}
	return false
}

func (s *solitude) anySetup(fn *ssa.Function) bool {
	for _, r := range s.regions[fn] {
		if r.setup {
			return true
		}
	}
	return false
}

// beforeGo reports whether instr comes before a go statement of the
// guarded region and after none of the function's.
func (s *solitude) beforeGo(fn *ssa.Function, r region, instr ssa.Instruction) bool {
	starts := false
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			g, ok := in.(*ssa.Go)
			if !ok {
				continue
			}
			if g == instr || flow.Reaches(g, instr, nil) {
				return false
			}
			if r.entry.Dominates(b) && flow.Reaches(instr, g, nil) {
				starts = true
			}
		}
	}
	return starts
}

// startedAtBirth maps each method that a go statement runs on a value
// its spawner allocated itself (go l.refill() in NewLimiter) to that
// go statement: the goroutine exists before any other code holds the
// value, so it runs beside every later method call.
func startedAtBirth(res *lockset.Result) map[*ssa.Function]*ssa.Go {
	out := map[*ssa.Function]*ssa.Go{}
	for _, fn := range res.Functions() {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				g, ok := in.(*ssa.Go)
				if !ok || g.Call.IsInvoke() || len(g.Call.Args) == 0 {
					continue
				}
				callee := g.Call.StaticCallee()
				if callee == nil || callee.Signature.Recv() == nil {
					continue
				}
				if _, ok := g.Call.Args[0].(*ssa.Alloc); ok {
					out[callee] = g
				}
			}
		}
	}
	return out
}

// reportBeside reports, for a field too rarely locked to infer its
// guard, the writes of a bare exported method (a setter) without the
// lock that a goroutine started at the value's birth holds when it
// accesses the field: that goroutine runs beside every call of the
// setter, and the lock shows the field is meant to be shared.
func reportBeside(pass *analysis.Pass, v *types.Var, fs *fieldStats, born map[*ssa.Function]*ssa.Go, routes *paths) bool {
	var locked *access
	for i, a := range fs.accesses {
		if a.locked() && born[a.fn] != nil && ownBase(a.fn, a.base) {
			locked = &fs.accesses[i]
			break
		}
	}
	if locked == nil {
		return false
	}
	reported := false
	mu := fs.st.Field(locked.guards[0]).Name()
	for _, a := range fs.accesses {
		if !a.write || a.locked() || a.exempt || a.mayGuard || !a.pos.IsValid() || !ownBase(a.fn, a.base) {
			continue
		}
		// The setter itself, or a helper a quiet exported method
		// calls without the lock.
		var r route
		if !bareExported(a.fn) {
			var ok bool
			if r, ok = routes.find(a.fn); !ok || r.goroutine {
				continue
			}
		}
		name := lockset.Describe(a.base)
		d := analysis.Diagnostic{
			Category: "field",
			Pos:      a.pos,
			Message: fmt.Sprintf("write to %s.%s without holding %s.%s, which the goroutine running %s holds when it accesses the field",
				name, v.Name(), name, mu, locked.fn.Name()),
		}
		var tr finding.Trace
		r.relate(pass, &d, &tr)
		start := born[locked.fn]
		tr.Related(&d, finding.Place{Pos: start.Pos(), Message: "goroutine started here", Goroutine: analysisutil.Goroutine(pass.Fset, start.Parent()), Op: finding.OpGo})
		tr.Related(&d, finding.Place{Pos: locked.pos, Message: "accessed with the lock held here", Goroutine: analysisutil.Goroutine(pass.Fset, locked.fn), Op: finding.OpRead})
		tr.Step(finding.Place{Pos: a.pos, Goroutine: analysisutil.Goroutine(pass.Fset, a.fn), Op: finding.OpWrite})
		tr.Report(pass, d)
		reported = true
	}
	return reported
}
