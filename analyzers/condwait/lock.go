package condwait

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
)

// A lockKey names a memory location as an access path from a root
// value: the path is a sequence of ".field" and "*" (load) steps.
// Free variables and the parameters of go-only function literals are
// replaced by the values they are bound to, so that a key means the
// same location in a function literal and in its parent.
type lockKey struct {
	root ssa.Value
	path string
}

// A step of an access path, with the type of the value it applies to.
type step struct {
	base types.Type
	s    string
}

type lockState uint8

const (
	bottom  lockState = iota // not reached yet
	unknown                  // no information, e.g. a caller may hold it
	held
	notHeld
	mixed // differs between paths
)

// A fact of the dataflow: the lock state and, for notHeld, where the
// lock was released (or the goroutine started).
type flowFact struct {
	state     lockState
	pos       token.Pos
	fromEntry bool // some path is unlocked since a goroutine's entry
}

func join(a, b flowFact) flowFact {
	switch {
	case a.state == bottom:
		return b
	case b.state == bottom:
		return a
	case a.state == b.state:
		a.fromEntry = a.fromEntry || b.fromEntry
		return a
	}
	return flowFact{state: mixed}
}

type lockChecker struct {
	pass     *analysis.Pass
	bindings map[*ssa.FreeVar]ssa.Value
	goSites  map[*ssa.Function]*ssa.Go // function literals only ever started by go
	// Stores of a lock (the argument of sync.NewCond, or a Locker stored
	// in a Cond's L field), by the key of the address they are stored to,
	// exactly and relative to the type of a prefix of the path.
	exact    map[lockKey][]lockKey
	relative map[[2]string][]string
}

// checkLocks reports Wait calls where the Cond's lock is released on
// every path that reaches them.
func checkLocks(pass *analysis.Pass, res *buildssa.SSA, calls map[token.Pos]*ast.CallExpr) {
	c := &lockChecker{
		pass:     pass,
		bindings: make(map[*ssa.FreeVar]ssa.Value),
		goSites:  make(map[*ssa.Function]*ssa.Go),
		exact:    make(map[lockKey][]lockKey),
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
				if !ok || !isCondWait(analysisutil.StaticMethod(call.Common())) || len(call.Common().Args) != 1 {
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
					v := instr.Call.Value
					if mc, ok := v.(*ssa.MakeClosure); ok {
						if rs := mc.Referrers(); rs == nil || len(*rs) != 1 {
							continue
						}
						v = mc.Fn
					}
					if f, ok := v.(*ssa.Function); ok && f.Parent() != nil {
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
	} else if fa, ok := st.Addr.(*ssa.FieldAddr); ok && isCondL(fa) {
		lock = st.Val
	} else {
		return
	}
	aroot, asteps := c.path(st.Addr)
	lroot, lsteps := c.path(lock)
	if aroot == nil || lroot == nil {
		return
	}
	ak, lk := lockKey{aroot, join_(asteps)}, lockKey{lroot, join_(lsteps)}
	c.exact[ak] = append(c.exact[ak], lk)
	if aroot != lroot {
		return
	}
	j := 0
	for j < len(asteps) && j < len(lsteps) && asteps[j].s == lsteps[j].s {
		j++
	}
	if j < len(asteps) {
		rk := [2]string{types.TypeString(asteps[j].base, nil), join_(asteps[j:])}
		c.relative[rk] = append(c.relative[rk], join_(lsteps[j:]))
	}
}

func isNewCond(call *ssa.Call) bool {
	return analysisutil.IsFunc(analysisutil.StaticMethod(call.Common()), "sync", "NewCond") && len(call.Common().Args) == 1
}

// isCondL reports whether fa is the address of the L field of a sync.Cond.
func isCondL(fa *ssa.FieldAddr) bool {
	return analysisutil.IsNamed(fa.X.Type(), "sync", "Cond") && fieldName(fa.X.Type(), fa.Field) == "L"
}

func fieldName(ptrOrStruct types.Type, i int) string {
	t := ptrOrStruct.Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	if s, ok := t.(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return "?"
}

func join_(steps []step) string {
	var sb strings.Builder
	for _, s := range steps {
		sb.WriteString(s.s)
	}
	return sb.String()
}

// path returns the access path of v: its root and steps.
func (c *lockChecker) path(v ssa.Value) (ssa.Value, []step) {
	for range 64 {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			r, s := c.path(x.X)
			return r, append(s, step{x.X.Type(), "." + fieldName(x.X.Type(), x.Field)})
		case *ssa.Field:
			r, s := c.path(x.X)
			return r, append(s, step{x.X.Type(), "." + fieldName(x.X.Type(), x.Field)})
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return v, nil
			}
			r, s := c.path(x.X)
			return r, append(s, step{x.X.Type(), "*"})
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
			i := paramIndex(x)
			if i < 0 || i >= len(g.Call.Args) {
				return v, nil
			}
			v = g.Call.Args[i]
		case *ssa.Call:
			// The RLocker of an RWMutex stands for the RWMutex itself.
			fn := analysisutil.StaticMethod(x.Common())
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

func paramIndex(p *ssa.Parameter) int {
	for i, q := range p.Parent().Params {
		if q == p {
			return i
		}
	}
	return -1
}

func (c *lockChecker) key(v ssa.Value) (lockKey, bool) {
	r, s := c.path(v)
	return lockKey{r, join_(s)}, r != nil
}

// lockOf returns the keys by which the lock of the Cond cond is
// reached: cond.L itself, and the lock it was made with when that is
// known without doubt.
func (c *lockChecker) lockOf(cond ssa.Value) map[lockKey]bool {
	root, steps := c.path(cond)
	if root == nil {
		return nil
	}
	keys := map[lockKey]bool{{root, join_(steps) + ".L*"}: true}
	var found []lockKey
	if call, ok := cond.(*ssa.Call); ok && isNewCond(call) {
		if k, ok := c.key(call.Common().Args[0]); ok {
			found = append(found, k)
		}
	}
	// The slot the Cond pointer was loaded from, and the Cond's L field.
	lookup := func(root ssa.Value, steps []step) {
		found = append(found, c.exact[lockKey{root, join_(steps)}]...)
		for i := range steps {
			rk := [2]string{types.TypeString(steps[i].base, nil), join_(steps[i:])}
			for _, suffix := range c.relative[rk] {
				found = append(found, lockKey{root, join_(steps[:i]) + suffix})
			}
		}
	}
	if n := len(steps); n > 0 && steps[n-1].s == "*" {
		lookup(root, steps[:n-1])
	}
	lookup(root, append(steps[:len(steps):len(steps)], step{cond.Type(), ".L"}))
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

func (c *lockChecker) checkWait(fn *ssa.Function, wait *ssa.Call, call *ast.CallExpr, calls map[token.Pos]*ast.CallExpr) {
	keys := c.lockOf(wait.Common().Args[0])
	if keys == nil {
		return
	}
	f := c.before(fn, keys, wait)
	if f.state != notHeld {
		return
	}
	related := "lock released here"
	if g := c.goSites[fn]; g != nil && f.fromEntry {
		// Mutexes may be handed over: trust the goroutine to start
		// unlocked only if its starter does not hold the lock.
		if p := c.before(g.Parent(), keys, g); p.state == held || p.state == mixed {
			return
		}
		if f.pos == g.Pos() {
			related = "goroutine started here without the lock"
		}
	}
	d := analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: "sync.Cond.Wait called without holding the Cond's lock",
	}
	var tr finding.Trace
	g := analysisutil.Goroutine(c.pass.Fset, fn)
	if f.pos.IsValid() {
		r := analysis.RelatedInformation{Pos: f.pos, Message: related}
		if unlock := calls[f.pos]; unlock != nil {
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

// before runs a forward dataflow over fn for the lock named by keys
// and returns the state just before the instruction at.
func (c *lockChecker) before(fn *ssa.Function, keys map[lockKey]bool, at ssa.Instruction) flowFact {
	if len(fn.Blocks) == 0 {
		return flowFact{state: unknown}
	}
	entry := flowFact{state: unknown}
	if g := c.goSites[fn]; g != nil {
		entry = flowFact{state: notHeld, pos: g.Pos(), fromEntry: true}
	}
	roots := make(map[ssa.Value]bool)
	for k := range keys {
		roots[k.root] = true
	}
	in := make([]flowFact, len(fn.Blocks))
	in[0] = entry
	if fn.Recover != nil {
		in[fn.Recover.Index] = flowFact{state: unknown}
	}
	result := flowFact{state: unknown}
	work := []*ssa.BasicBlock{fn.Blocks[0]}
	if fn.Recover != nil {
		work = append(work, fn.Recover)
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		f := in[b.Index]
		for _, instr := range b.Instrs {
			if instr == at {
				result = f
			}
			f = c.transfer(instr, f, keys, roots)
		}
		for _, s := range b.Succs {
			if nf := join(in[s.Index], f); nf != in[s.Index] {
				in[s.Index] = nf
				work = append(work, s)
			}
		}
	}
	// The instruction's block may have been visited before its final
	// input was known; recompute from the fixed point.
	if b := at.Block(); b != nil && b.Parent() == fn {
		f := in[b.Index]
		for _, instr := range b.Instrs {
			if instr == at {
				return f
			}
			f = c.transfer(instr, f, keys, roots)
		}
	}
	return result
}

func (c *lockChecker) transfer(instr ssa.Instruction, f flowFact, keys map[lockKey]bool, roots map[ssa.Value]bool) flowFact {
	call, ok := instr.(*ssa.Call)
	if !ok || f.state == bottom {
		return f
	}
	common := call.Common()
	var recv ssa.Value
	var name string
	if common.IsInvoke() {
		recv, name = common.Value, common.Method.Name()
	} else if fn := analysisutil.StaticMethod(common); fn != nil && len(common.Args) > 0 &&
		(analysisutil.IsNamed(common.Args[0].Type(), "sync", "Mutex") || analysisutil.IsNamed(common.Args[0].Type(), "sync", "RWMutex")) {
		recv, name = common.Args[0], fn.Name()
	}
	if recv != nil {
		if k, ok := c.key(recv); ok && keys[k] {
			switch name {
			case "Lock", "RLock":
				return flowFact{state: held}
			case "Unlock", "RUnlock":
				return flowFact{state: notHeld, pos: call.Pos()}
			}
			return flowFact{state: mixed}
		}
	}
	if fn := analysisutil.StaticMethod(common); isCondWait(fn) && len(common.Args) == 1 {
		if k, ok := c.key(common.Args[0]); ok && keys[lockKey{k.root, k.path + ".L*"}] {
			if f.state == notHeld {
				return flowFact{state: bottom} // Wait panics
			}
			return flowFact{state: held} // Wait returns with the lock held
		}
	}
	if c.mayTouch(common, roots) {
		return flowFact{state: unknown}
	}
	return f
}

// mayTouch reports whether a call might lock or unlock a lock reached
// from roots, seen from its arguments and callee.
func (c *lockChecker) mayTouch(common *ssa.CallCommon, roots map[ssa.Value]bool) bool {
	if _, ok := common.Value.(*ssa.Builtin); ok {
		return false
	}
	callee := common.StaticCallee()
	if callee == nil && !common.IsInvoke() {
		return true // a function value may do anything
	}
	local := true
	for r := range roots {
		switch r.(type) {
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
			if g, ok := r.(*ssa.Global); !ok || g.Object() == nil || g.Object().Exported() {
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
func (c *lockChecker) reaches(v ssa.Value, roots map[ssa.Value]bool, local bool, depth int) bool {
	if depth > 8 {
		return true
	}
	switch x := v.(type) {
	case *ssa.Function:
		return !local
	case *ssa.MakeClosure:
		for _, b := range x.Bindings {
			if c.reaches(b, roots, local, depth+1) {
				return true
			}
		}
		return !local
	}
	if _, ok := v.Type().Underlying().(*types.Signature); ok {
		return true
	}
	r, _ := c.path(v)
	return r == nil || roots[r]
}
