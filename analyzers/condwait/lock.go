package condwait

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// A step of an access path (".N" for field N, ".*" for a load, as in
// lockset.Key), with the type of the value it applies to.
type step struct {
	base types.Type
	s    string
}

// A lockChecker names the lock of each Cond, in the terms of the
// function literals and goroutines that use it, and asks lockset
// whether it is held where the Cond is waited on.
type lockChecker struct {
	pass     *analysis.Pass
	locks    *lockset.Result
	bindings map[*ssa.FreeVar]ssa.Value
	goSites  map[*ssa.Function]*ssa.Go // function literals only ever started by go
	// Stores of a lock (the argument of sync.NewCond, or a Locker stored
	// in a Cond's L field), by the key of the address they are stored to,
	// exactly and relative to the type of a prefix of the path.
	exact    map[lockset.Key][]lockset.Key
	relative map[[2]string][]string
}

// checkLocks reports Wait calls where the Cond's lock is released on
// every path that reaches them.
func checkLocks(pass *analysis.Pass, res *buildssa.SSA, locks *lockset.Result, calls map[token.Pos]*ast.CallExpr) {
	c := &lockChecker{
		pass:     pass,
		locks:    locks,
		bindings: make(map[*ssa.FreeVar]ssa.Value),
		goSites:  make(map[*ssa.Function]*ssa.Go),
		exact:    make(map[lockset.Key][]lockset.Key),
		relative: make(map[[2]string][]string),
	}
	fns := res.SrcFuncs
	if init := res.Pkg.Func("init"); init != nil {
		// Package-level initializers such as var c = sync.NewCond(&mu).
		fns = append(fns[:len(fns):len(fns)], init)
	}
	c.index(fns)
	for _, fn := range res.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok || !isCondWait(flow.CalleeFunc(call.Common())) || len(call.Common().Args) != 1 {
					continue
				}
				if expr := calls[call.Pos()]; expr != nil {
					c.checkWait(fn, call, expr, calls)
				}
			}
		}
	}
}

// index records closure bindings, go-only function literals and the
// stores that tie a Cond to its lock.
func (c *lockChecker) index(fns []*ssa.Function) {
	refs := make(map[*ssa.Function]int)
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var buf [8]*ssa.Value
				for _, op := range instr.Operands(buf[:0]) {
					if f, ok := (*op).(*ssa.Function); ok && f.Parent() != nil {
						refs[f]++
					}
				}
				switch instr := instr.(type) {
				case *ssa.MakeClosure:
					f := instr.Fn.(*ssa.Function)
					for i, fv := range f.FreeVars {
						if i < len(instr.Bindings) {
							c.bindings[fv] = instr.Bindings[i]
						}
					}
				case *ssa.Go:
					if mc, ok := instr.Call.Value.(*ssa.MakeClosure); ok {
						// A closure used elsewhere too may run elsewhere too.
						if rs := mc.Referrers(); rs == nil || len(*rs) != 1 {
							continue
						}
					}
					if f, _ := analysisutil.FuncValue(instr.Call.Value); f != nil && f.Parent() != nil {
						c.goSites[f] = instr
					}
				}
			}
		}
	}
	for f := range c.goSites {
		if refs[f] != 1 {
			delete(c.goSites, f)
		}
	}
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					c.indexStore(st)
				}
			}
		}
	}
}

func (c *lockChecker) indexStore(st *ssa.Store) {
	var lock ssa.Value
	if call, ok := st.Val.(*ssa.Call); ok && isNewCond(call) {
		lock = call.Common().Args[0]
	} else if fa, ok := st.Addr.(*ssa.FieldAddr); ok && analysisutil.IsCondL(fa) {
		lock = st.Val
	} else {
		return
	}
	aroot, asteps := c.path(st.Addr)
	lroot, lsteps := c.path(lock)
	if aroot == nil || lroot == nil {
		return
	}
	ak, lk := keyOf(aroot, asteps), keyOf(lroot, lsteps)
	c.exact[ak] = append(c.exact[ak], lk)
	if aroot != lroot {
		return
	}
	j := 0
	for j < len(asteps) && j < len(lsteps) && asteps[j].s == lsteps[j].s {
		j++
	}
	if j < len(asteps) {
		rk := [2]string{types.TypeString(asteps[j].base, nil), joinSteps(asteps[j:])}
		c.relative[rk] = append(c.relative[rk], joinSteps(lsteps[j:]))
	}
}

func isNewCond(call *ssa.Call) bool {
	return analysisutil.IsFunc(flow.CalleeFunc(call.Common()), "sync", "NewCond") && len(call.Common().Args) == 1
}

// condL returns the index of the L field of the sync.Cond that
// ptrOrStruct is or points to, or -1.
func condL(ptrOrStruct types.Type) int {
	t := ptrOrStruct.Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	if s, ok := t.(*types.Struct); ok {
		for i := range s.NumFields() {
			if s.Field(i).Name() == "L" {
				return i
			}
		}
	}
	return -1
}

func joinSteps(steps []step) string {
	var sb strings.Builder
	for _, s := range steps {
		sb.WriteString(s.s)
	}
	return sb.String()
}

// keyOf returns the lockset key of the access path root.steps.
func keyOf(root ssa.Value, steps []step) lockset.Key {
	return lockset.Rebase(lockset.KeyOf(root), joinSteps(steps))
}

// resolve names k, a key of a function literal or goroutine, by the
// values its free variables and parameters are bound to.
func (c *lockChecker) resolve(k lockset.Key) lockset.Key {
	if k.Root == nil {
		return k
	}
	root, steps := c.path(k.Root)
	if root == nil {
		return k
	}
	return lockset.Rebase(keyOf(root, steps), k.Path)
}

// path returns the access path of v: its root and steps.
func (c *lockChecker) path(v ssa.Value) (ssa.Value, []step) {
	for range 64 {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			r, s := c.path(x.X)
			return r, append(s, step{x.X.Type(), "." + strconv.Itoa(x.Field)})
		case *ssa.Field:
			r, s := c.path(x.X)
			return r, append(s, step{x.X.Type(), "." + strconv.Itoa(x.Field)})
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return v, nil
			}
			r, s := c.path(x.X)
			return r, append(s, step{x.X.Type(), ".*"})
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.FreeVar:
			b, ok := c.bindings[x]
			if !ok {
				return v, nil
			}
			v = b
		case *ssa.Parameter:
			g := c.goSites[x.Parent()]
			if g == nil {
				return v, nil
			}
			i := flow.ParamIndex(x.Parent(), x)
			if i < 0 || i >= len(g.Call.Args) {
				return v, nil
			}
			v = g.Call.Args[i]
		case *ssa.Call:
			// The RLocker of an RWMutex stands for the RWMutex itself.
			fn := flow.CalleeFunc(x.Common())
			if !analysisutil.IsMethod(fn, "sync", "RWMutex", "RLocker") || len(x.Common().Args) != 1 {
				return v, nil
			}
			v = x.Common().Args[0]
		default:
			return v, nil
		}
	}
	return nil, nil
}

func (c *lockChecker) key(v ssa.Value) (lockset.Key, bool) {
	r, s := c.path(v)
	if r == nil {
		return lockset.Key{}, false
	}
	return keyOf(r, s), true
}

// lKey returns the key of the L field of the Cond cond points to.
func (c *lockChecker) lKey(cond ssa.Value) (lockset.Key, bool) {
	k, ok := c.key(cond)
	l := condL(cond.Type())
	if !ok || l < 0 {
		return lockset.Key{}, false
	}
	return lockset.Rebase(k, "."+strconv.Itoa(l)+".*"), true
}

// lockOf returns the keys by which the lock of the Cond cond is
// reached: cond.L itself, and the lock it was made with when that is
// known without doubt.
func (c *lockChecker) lockOf(cond ssa.Value) map[lockset.Key]bool {
	root, steps := c.path(cond)
	lk, ok := c.lKey(cond)
	if root == nil || !ok {
		return nil
	}
	keys := map[lockset.Key]bool{lk: true}
	var found []lockset.Key
	if call, ok := cond.(*ssa.Call); ok && isNewCond(call) {
		if k, ok := c.key(call.Common().Args[0]); ok {
			found = append(found, k)
		}
	}
	// The slot the Cond pointer was loaded from, and the Cond's L field.
	lookup := func(root ssa.Value, steps []step) {
		found = append(found, c.exact[keyOf(root, steps)]...)
		for i := range steps {
			rk := [2]string{types.TypeString(steps[i].base, nil), joinSteps(steps[i:])}
			for _, suffix := range c.relative[rk] {
				found = append(found, lockset.Rebase(keyOf(root, steps[:i]), suffix))
			}
		}
	}
	if n := len(steps); n > 0 && steps[n-1].s == ".*" {
		lookup(root, steps[:n-1])
	}
	lookup(root, append(steps[:len(steps):len(steps)], step{cond.Type(), "." + strconv.Itoa(condL(cond.Type()))}))
	for _, k := range found {
		if k != found[0] {
			return keys // two different locks: trust only cond.L
		}
	}
	if len(found) > 0 {
		keys[found[0]] = true
	}
	return keys
}

// query asks lockset about the lock named by keys in fn: a goroutine
// started from a function literal starts without it.
func (c *lockChecker) query(fn *ssa.Function, keys map[lockset.Key]bool) lockset.ReleaseQuery {
	roots := make(map[lockset.Key]bool)
	for k := range keys {
		roots[lockset.Key{Root: k.Root, Global: k.Global}] = true
	}
	return lockset.ReleaseQuery{
		Match:     func(k lockset.Key) bool { return keys[c.resolve(k)] },
		FromEntry: c.goSites[fn] != nil,
		Touches:   func(call *ssa.Call) bool { return c.mayTouch(call.Common(), roots) },
		Ends: func(instr ssa.Instruction) bool {
			// Wait returns with the lock held; called without it, it
			// panics.
			call, ok := instr.(*ssa.Call)
			if !ok || !isCondWait(flow.CalleeFunc(call.Common())) || len(call.Common().Args) != 1 {
				return false
			}
			k, ok := c.lKey(call.Common().Args[0])
			return ok && keys[k]
		},
	}
}

func (c *lockChecker) checkWait(fn *ssa.Function, wait *ssa.Call, call *ast.CallExpr, calls map[token.Pos]*ast.CallExpr) {
	keys := c.lockOf(wait.Common().Args[0])
	f := c.locks.Funcs[fn]
	if keys == nil || f == nil {
		return
	}
	rel, ok := f.ReleasedBefore(wait, c.query(fn, keys))
	if !ok {
		return
	}
	pos, related := rel.Pos, "lock released here"
	if g := c.goSites[fn]; g != nil && rel.Entry {
		// Mutexes may be handed over: trust the goroutine to start
		// unlocked only if its starter does not hold the lock.
		if pf := c.locks.Funcs[g.Parent()]; pf != nil {
			for k := range pf.MayHeldBefore(g) {
				if keys[c.resolve(k)] {
					return
				}
			}
		}
		if !pos.IsValid() {
			pos, related = g.Pos(), "goroutine started here without the lock"
		}
	}
	d := analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: "sync.Cond.Wait called without holding the Cond's lock",
	}
	var tr finding.Trace
	g := analysisutil.Goroutine(c.pass.Fset, fn)
	if pos.IsValid() {
		r := analysis.RelatedInformation{Pos: pos, Message: related}
		if unlock := calls[pos]; unlock != nil {
			r.Pos, r.End = unlock.Pos(), unlock.End()
		}
		d.Related = []analysis.RelatedInformation{r}
		if related == "lock released here" {
			tr.Step(finding.Place{Pos: r.Pos, End: r.End, Message: related, Goroutine: g, Op: finding.OpUnlock})
		} else {
			tr.Steps(analysisutil.Starts(c.pass.Fset, fn)...)
		}
	}
	d.Category = "unlocked"
	tr.Step(finding.Place{Pos: d.Pos, End: d.End, Goroutine: g, Op: finding.OpWait})
	tr.Step(finding.Place{Pos: d.Pos, End: d.End, Message: "Wait unlocks a mutex that is not locked: a fatal error", Goroutine: g, Op: finding.OpPanic, Blocks: true})
	tr.Report(c.pass, d)
}

// mayTouch reports whether a call might lock or unlock a lock reached
// from roots in ways lockset does not follow, seen from its arguments
// and callee.
func (c *lockChecker) mayTouch(common *ssa.CallCommon, roots map[lockset.Key]bool) bool {
	if _, ok := common.Value.(*ssa.Builtin); ok {
		return false
	}
	callee := common.StaticCallee()
	if callee == nil && !common.IsInvoke() {
		return true // a function value may do anything
	}
	local := true
	for r := range roots {
		switch r.Root.(type) {
		case *ssa.Alloc, *ssa.Parameter:
		default:
			local = false // reachable from elsewhere
		}
	}
	if !local {
		// A callee in another package reaches the lock only through its
		// arguments (or an exported variable).
		if common.IsInvoke() || callee.Package() == nil || callee.Package().Pkg == c.pass.Pkg {
			return true
		}
		for r := range roots {
			if r.Global == "" || token.IsExported(r.Global[strings.LastIndex(r.Global, ".")+1:]) {
				return true
			}
		}
	}
	args := common.Args
	if common.IsInvoke() {
		args = append([]ssa.Value{common.Value}, args...)
	}
	for _, a := range args {
		if c.reaches(a, roots, local, 0) {
			return true
		}
	}
	return false
}

// reaches reports whether v is rooted at one of roots, or is a
// function value that may refer to them. Function literals reach
// local roots only through what they capture.
func (c *lockChecker) reaches(v ssa.Value, roots map[lockset.Key]bool, local bool, depth int) bool {
	if depth > 8 {
		return true
	}
	if fn, bindings := analysisutil.FuncValue(v); fn != nil {
		for _, b := range bindings {
			if c.reaches(b, roots, local, depth+1) {
				return true
			}
		}
		return !local
	}
	if _, ok := v.Type().Underlying().(*types.Signature); ok {
		return true
	}
	k, ok := c.key(v)
	return !ok || roots[lockset.Key{Root: k.Root, Global: k.Global}]
}
