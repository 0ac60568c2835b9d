package doublelock

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// A mode guard is a branch of a callee on a field of the value it
// works on that holds a constant (switch c.selectionMode { case
// prioritizeLeader: c.getLeaderEndpoint() }): the callee locks the
// caller's mutex again only on that branch, so its summary does not
// say it locks it. The branch runs for every value whose field holds
// the constant; when the package stores that constant into the field
// somewhere and reads the field nowhere but in the callee's guards, no
// caller can know it holds another constant, and the call deadlocks
// for those values.
type modeGuard struct {
	field *types.Var
	value constant.Value
	typ   types.Type
	set   token.Pos // a store of the constant into the field
}

// modeCalls reports, in fn, the static calls made while holding a
// mutex that the callee locks again on a branch guarded by a mode
// field of the same value.
func modeCalls(pass *analysis.Pass, res *lockset.Result, fn *ssa.Function, modes *modeIndex, starts analysisutil.CallStarts) {
	lf := res.Funcs[fn]
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			g := call.Call.StaticCallee()
			if g == nil || g == fn || g.Pkg == nil || g.Pkg.Pkg != pass.Pkg || res.Funcs[g] == nil {
				continue
			}
			held := lf.HeldBefore(call)
			if len(held) == 0 {
				continue
			}
			gf := res.Funcs[g]
			// What g takes through a field under a lock every caller
			// holds is reported in g already (reportEntry).
			entry := map[ssa.Instruction]bool{}
			for _, a := range inCallers(res, g) {
				entry[a.Instr] = true
			}
			for _, a := range gf.Acquires {
				if entry[a.Instr] {
					continue
				}
				// Held before only as what every caller holds (an
				// unexported helper's entry), not by g itself.
				if a.Prev != nil && !gf.Entry[a.Key] || unlockedBefore(gf, a) || !a.Instr.Pos().IsValid() || mustLock(gf, a.Key) {
					continue
				}
				rel, ok := accesspath.Relative(g, a.Key)
				if !ok || rel.Param < 0 {
					continue
				}
				k, ok := rel.Bind(call.Call.Args, nil)
				if !ok {
					continue
				}
				prev, ok := held[k]
				if !ok || prev.Entry || prev.Callee || prev.Mode == lockset.Read && a.Mode == lockset.Read && readersOnly(res, a) {
					continue
				}
				guard, ok := modes.guarding(g, g.Params[rel.Param], a.Instr)
				if !ok {
					continue
				}
				reportMode(pass, res, fn, call, g, a, k, prev, guard, starts)
				break
			}
		}
	}
}

// unlockedBefore reports whether g may unlock a's mutex on a path to
// a: the caller's lock released, a is a Lock of a free mutex.
func unlockedBefore(gf *lockset.Func, a lockset.Acquire) bool {
	for _, r := range gf.Releases {
		if r.Key == a.Key && !r.Later && flow.Reaches(r.Instr, a.Instr, nil) {
			return true
		}
	}
	return false
}

// reportMode reports the call of g in fn, made holding k (locked at
// prev), which g locks again at a when its guard holds.
func reportMode(pass *analysis.Pass, res *lockset.Result, fn *ssa.Function, call *ssa.Call, g *ssa.Function, a lockset.Acquire, k lockset.Key, prev lockset.Lock, guard modeGuard, starts analysisutil.CallStarts) {
	name := lockset.Describe(k)
	what := relock(name, prev.Mode, a.Mode)
	recv := "its receiver"
	if len(call.Call.Args) > 0 {
		if d := lockset.Describe(lockset.KeyOf(call.Call.Args[0])); d != "" {
			recv = d
		}
	}
	value := constName(pass.Pkg, guard.typ, guard.value)
	at := starts.Of
	d := analysis.Diagnostic{Pos: at(call.Pos()),
		Message: fmt.Sprintf("%s locks %s, when %s.%s is %s", g.Name(), what, recv, guard.field.Name(), value)}
	var tr finding.Trace
	gor := analysisutil.Goroutine(pass.Fset, fn)
	if prev.Pos.IsValid() {
		tr.Related(&d, finding.Place{Pos: at(prev.Pos), Message: "locked here", Goroutine: gor, Op: finding.OpLock})
	}
	tr.Step(finding.Place{Pos: d.Pos, Goroutine: gor, Op: finding.OpLock, Blocks: true})
	inner := a
	if a.Via != nil {
		if in, ok := innerLock(res, a); ok {
			inner = in
		}
	}
	tr.Related(&d, finding.Place{Pos: at(inner.Instr.Pos()), Message: "locked again here, in " + inner.Instr.Parent().Name(), Goroutine: gor, Op: finding.OpLock, Blocks: true})
	tr.Related(&d, finding.Place{Pos: guard.set, Message: guard.field.Name() + " set to " + value + " here"})
	tr.Report(pass, d)
}

// constName names a constant value of type t: a constant of the
// package declared with that type (or untyped) and value, else the
// value itself.
func constName(pkg *types.Package, t types.Type, v constant.Value) string {
	scope := pkg.Scope()
	names := scope.Names()
	sort.Strings(names)
	// A constant of the very type first: an untyped one of the same
	// value may be about something else.
	for _, typed := range []bool{true, false} {
		for _, n := range names {
			c, ok := scope.Lookup(n).(*types.Const)
			if !ok || !constant.Compare(c.Val(), token.EQL, v) {
				continue
			}
			b, basic := c.Type().(*types.Basic)
			untyped := basic && b.Info()&types.IsUntyped != 0
			if typed && types.Identical(c.Type(), t) || !typed && untyped {
				return n
			}
		}
	}
	return v.ExactString()
}

// modeIndex holds, per field of the package, where its value is read
// and the constants stored into it.
type modeIndex struct {
	pkg    *types.Package
	reads  map[*types.Var][]*ssa.Function
	stores map[*types.Var][]*ssa.Store
	// other marks fields given a value that is not a constant, or
	// whose address escapes a plain load or store.
	other map[*types.Var]bool
}

func newModeIndex(pkg *types.Package, fns []*ssa.Function) *modeIndex {
	x := &modeIndex{pkg: pkg, reads: map[*types.Var][]*ssa.Function{}, stores: map[*types.Var][]*ssa.Store{}, other: map[*types.Var]bool{}}
	for _, fn := range fns {
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				if fv, ok := instr.(*ssa.Field); ok {
					if v := analysisutil.FieldValueOf(fv); v != nil {
						x.reads[v] = append(x.reads[v], fn) // a read out of a struct value
					}
					continue
				}
				fa, ok := instr.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				v := analysisutil.FieldOf(fa)
				if v == nil {
					continue
				}
				for _, r := range *fa.Referrers() {
					switch r := r.(type) {
					case *ssa.UnOp:
						if r.Op == token.MUL {
							x.reads[v] = append(x.reads[v], fn)
							continue
						}
						x.other[v] = true
					case *ssa.Store:
						if _, ok := r.Val.(*ssa.Const); ok && r.Addr == fa {
							x.stores[v] = append(x.stores[v], r)
							continue
						}
						x.other[v] = true
					case *ssa.DebugRef:
					default:
						x.other[v] = true
					}
				}
			}
		}
	}
	return x
}

// guarding returns the mode guard on which g, with p the value whose
// field it tests, reaches instr: a guard of instr (flow.Guards: an if
// on p.F == K, or p.F != K on its else branch, whose branch is entered
// only from that if) whose branch leads to instr on every path to a
// return. F must be the package's own field, read only in g and only
// ever given constants, K among them.
func (x *modeIndex) guarding(g *ssa.Function, p *ssa.Parameter, instr ssa.Instruction) (modeGuard, bool) {
	for _, gd := range flow.Guards(instr.Block()) {
		v, ok := x.modeField(g, gd.X, p)
		if !ok {
			continue
		}
		if instr.Block() != gd.Equal && !flow.OnEveryPath(gd.Equal.Instrs[0], instr) {
			continue
		}
		for _, st := range x.stores[v] {
			if c := st.Val.(*ssa.Const); c.Value != nil && constant.Compare(c.Value, token.EQL, gd.K.Value) {
				return modeGuard{field: v, value: gd.K.Value, typ: gd.K.Type(), set: st.Pos()}, true
			}
		}
	}
	return modeGuard{}, false
}

// modeField returns the field load reads, when it is *p.F for a field
// F of the package's own that qualifies as a mode (see guarding).
func (x *modeIndex) modeField(g *ssa.Function, load ssa.Value, p *ssa.Parameter) (*types.Var, bool) {
	u, ok := load.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return nil, false
	}
	fa, ok := u.X.(*ssa.FieldAddr)
	if !ok || fa.X != p {
		return nil, false
	}
	v := analysisutil.FieldOf(fa)
	if v == nil || v.Pkg() != x.pkg || (v.Exported() && x.pkg.Name() != "main") || x.other[v] || len(x.stores[v]) == 0 {
		return nil, false
	}
	for _, r := range x.reads[v] {
		if r != g {
			return nil, false
		}
	}
	return v, true
}
