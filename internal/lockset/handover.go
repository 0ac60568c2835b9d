package lockset

import (
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// A function may return with a mutex held on purpose, handing it to
// its caller: a lookup that returns the entry with the map's lock held
// on success (having unlocked it on the error path), or the object
// whose mutex it locked. Whether that is a leak is the callers'
// business: each must release the mutex after a return of that kind.

// ReleasedByCallers reports whether every call of f's function in the
// package releases k (a mutex held at ret) after the call returns
// through ret, on every path of the caller that can follow such a
// return: branches on a result compared with nil are followed only the
// way ret's results go. The release may name the mutex through the
// arguments (s.mu for get(s)) or through the results (sh.mu for the
// shard sh returned, tx.s.mu for a handle tx holding s). A path that
// ends in a panic or an exit call needs no release. False when the
// function has no call in the package, or is started with go or
// deferred. Otherwise it also returns a call that does not release k,
// if there is one.
func (r *Result) ReleasedByCallers(f *Func, ret *ssa.Return, k Key) (bool, ssa.CallInstruction) {
	r.sitesOnce.Do(r.indexSites)
	sites := r.sites[f.Fn]
	if len(sites) == 0 {
		return false, nil
	}
	sk, summarized := summaryKey(f.Fn, k, Write)
	for _, site := range sites {
		call, ok := site.(*ssa.Call)
		if !ok {
			return false, site
		}
		cf := r.Funcs[call.Parent()]
		if cf == nil || cf == f {
			return false, nil
		}
		want := resultAliases(call, ret, k)
		if summarized {
			_, bindings := analysisutil.FuncValue(call.Call.Value)
			if ck, ok := callerKey(sk, call.Call.Args, bindings); ok {
				want[ck] = true
			}
		}
		if len(want) == 0 || !releasedAfter(cf, call, ret, want) {
			return false, call
		}
	}
	return true, nil
}

// CallSites returns the instructions of the package that call fn
// statically (calls, defers and go statements).
func (r *Result) CallSites(fn *ssa.Function) []ssa.CallInstruction {
	r.sitesOnce.Do(r.indexSites)
	if o := fn.Origin(); o != nil {
		fn = o
	}
	return r.sites[fn]
}

// indexSites lists, per function of the package, the instructions that
// call it statically; and, in the order first called, the functions of
// other packages that the package's own functions call (plain calls,
// not go or defer: see ImportedWrites).
//
// The calls of the package's own functions come from the package
// index, walked once; only the functions the model analyzed besides
// them (wrappers, instances) are walked here.
func (r *Result) indexSites() {
	r.sites = map[*ssa.Function][]ssa.CallInstruction{}
	imported := map[*ssa.Function]bool{}
	idx := r.packageIndex()
	for _, fn := range r.order {
		// Wrappers the model analyzed (bound methods, thunks) belong
		// to no package: their calls are not the package's own.
		own := fn.Pkg != nil && fn.Pkg.Pkg == r.pkg
		calls, ok := idx.calls[fn]
		if !ok {
			calls = callsOf(fn)
		}
		for _, ci := range calls {
			callee := flow.Callee(ci.Common())
			switch {
			case callee == nil:
			case r.Funcs[callee] != nil:
				r.sites[callee] = append(r.sites[callee], ci)
			case own && (callee.Pkg == nil || callee.Pkg.Pkg != r.pkg) && !imported[callee]:
				if _, call := ci.(*ssa.Call); call {
					imported[callee] = true
					r.imported = append(r.imported, callee)
				}
			}
		}
	}
}

// callsOf returns the call instructions of fn, in order.
func callsOf(fn *ssa.Function) []ssa.CallInstruction {
	var out []ssa.CallInstruction
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			if ci, ok := instr.(ssa.CallInstruction); ok {
				out = append(out, ci)
			}
		}
	}
	return out
}

// A pkgIndex is what one walk of the package's own functions (literals
// included) finds: the calls of each function, for the call-site index
// (indexSites), and for calls through fields (fieldfunc.go) the
// addresses taken of each field, the static call sites of each
// function, the functions used as values and the method names called
// through interfaces.
type pkgIndex struct {
	calls    map[*ssa.Function][]ssa.CallInstruction
	addrs    map[*types.Var][]*ssa.FieldAddr
	sites    map[*ssa.Function][]ssa.CallInstruction
	valueUse map[*ssa.Function]bool
	invoked  map[string]bool
}

// packageIndex walks the package's functions once, on first need.
func (r *Result) packageIndex() *pkgIndex {
	r.indexOnce.Do(func() {
		x := &pkgIndex{calls: map[*ssa.Function][]ssa.CallInstruction{}, addrs: map[*types.Var][]*ssa.FieldAddr{},
			sites: map[*ssa.Function][]ssa.CallInstruction{}, valueUse: map[*ssa.Function]bool{}, invoked: map[string]bool{}}
		for _, fn := range r.all {
			calls := []ssa.CallInstruction{}
			for _, blk := range fn.Blocks {
				for _, instr := range blk.Instrs {
					x.add(instr, &calls)
				}
			}
			x.calls[fn] = calls
		}
		r.index = x
	})
	return r.index
}

// add indexes instr, appending it to calls if it is a call.
func (x *pkgIndex) add(instr ssa.Instruction, calls *[]ssa.CallInstruction) {
	if fa, ok := instr.(*ssa.FieldAddr); ok {
		if v := analysisutil.FieldOf(fa); v != nil {
			x.addrs[v] = append(x.addrs[v], fa)
		}
	}
	var callee ssa.Value
	if ci, ok := instr.(ssa.CallInstruction); ok {
		*calls = append(*calls, ci)
		c := ci.Common()
		callee = c.Value
		if c.IsInvoke() {
			x.invoked[c.Method.Name()] = true
		} else if sc := flow.Callee(c); sc != nil {
			x.sites[sc] = append(x.sites[sc], ci)
		}
	}
	if _, ok := instr.(*ssa.MakeClosure); ok {
		return // the literal's body, not a use of it as a value
	}
	for _, op := range instr.Operands(nil) {
		if g, ok := (*op).(*ssa.Function); ok && *op != callee {
			x.valueUse[g] = true
		}
	}
}

// resultAliases names k in the caller through the results of call
// that ret returns: a result that is the mutex's owner (or a pointer
// on the way to it), or a new object with a field holding the owner.
func resultAliases(call *ssa.Call, ret *ssa.Return, k Key) map[Key]bool {
	out := map[Key]bool{}
	for i, v := range ret.Results {
		rv := analysisutil.ResultValue(call, i)
		if rv == nil {
			continue
		}
		if base := KeyOf(v); k.HasPrefix(base) {
			out[Key{Root: rv, Path: k.Path[len(base.Path):]}] = true
			continue
		}
		a, ok := v.(*ssa.Alloc)
		if !ok || a.Referrers() == nil {
			continue
		}
		for _, ref := range *a.Referrers() {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.Referrers() == nil {
				continue
			}
			for _, st := range *fa.Referrers() {
				if st, ok := st.(*ssa.Store); ok && st.Addr == fa {
					if base := KeyOf(st.Val); k.HasPrefix(base) {
						out[Key{Root: rv, Path: "." + strconv.Itoa(fa.Field) + ".*" + k.Path[len(base.Path):]}] = true
					}
				}
			}
		}
	}
	return out
}

// releasedAfter reports whether every path of cf from call to a return
// passes a release of one of want (an unlock, a callee that unlocks, a
// deferred unlock, an unlock function handed on) or a defer of unknown
// effect, or ends in a panic or an exit call.
func releasedAfter(cf *Func, call *ssa.Call, ret *ssa.Return, want map[Key]bool) bool {
	rel := map[ssa.Instruction]bool{}
	for _, x := range cf.Releases {
		if want[x.Key] {
			rel[x.Instr] = true
		}
	}
	// A call of a function the callee returned (release, err :=
	// s.reserve(); ...; release()) is the unlock it handed over.
	for i, v := range ret.Results {
		rv := analysisutil.ResultValue(call, i)
		if _, isFunc := v.Type().Underlying().(*types.Signature); !isFunc || rv == nil || rv.Referrers() == nil {
			continue
		}
		for _, ref := range *rv.Referrers() {
			if ci, ok := ref.(ssa.CallInstruction); ok && ci.Common().Value == rv {
				rel[ref] = true
			}
		}
	}
	// A branch on whether call's result is nil takes only the side
	// ret's result allows.
	search := flow.Search{Next: func(b *ssa.BasicBlock) []*ssa.BasicBlock {
		if x, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
			return ifSuccs(x, call, ret)
		}
		return b.Succs
	}}
	released := true
	search.Walk(call, func(in ssa.Instruction) bool {
		switch x := in.(type) {
		case *ssa.Return:
			released = released && rel[x]
			return false
		case *ssa.Panic:
			return false
		case *ssa.Call:
			return released && !rel[x] && !flow.NeverReturns(x.Common())
		}
		return released && !rel[in] && !cf.opaqueDefers[in]
	})
	return released
}

// ifSuccs returns the successors of x that a return through ret can
// take: one of them when x compares a result of call with nil and
// ret's result is known to be nil or not.
func ifSuccs(x *ssa.If, call *ssa.Call, ret *ssa.Return) []*ssa.BasicBlock {
	all := x.Block().Succs
	cmp, ok := x.Cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
		return all
	}
	v := cmp.X
	if c, ok := v.(*ssa.Const); ok && c.IsNil() {
		v = cmp.Y
	} else if c, ok := cmp.Y.(*ssa.Const); !ok || !c.IsNil() {
		return all
	}
	for i, res := range ret.Results {
		if analysisutil.ResultValue(call, i) != v {
			continue
		}
		isNil, known := nilness(res)
		if !known {
			return all
		}
		if isNil == (cmp.Op == token.EQL) {
			return all[:1]
		}
		return all[1:]
	}
	return all
}

// nilness tells whether v is nil (a nil constant) or surely not (an
// allocation, a closure, a non-nil interface, a package variable
// such as an error sentinel).
func nilness(v ssa.Value) (isNil, known bool) {
	switch v := v.(type) {
	case *ssa.Const:
		return v.IsNil(), true
	case *ssa.Alloc, *ssa.MakeClosure, *ssa.MakeInterface, *ssa.MakeMap, *ssa.MakeChan, *ssa.Function:
		return false, true
	case *ssa.UnOp:
		if _, ok := v.X.(*ssa.Global); ok && v.Op == token.MUL {
			return false, true
		}
	}
	return false, false
}

// HandsOver reports whether ret returns the mutex k itself, a result
// that is the lock (a *sync.Mutex, or the Locker it makes) on some path
// into ret: the function yields the held lock to its caller, who from
// then on holds the one value that can release it ("don't unlock, the
// caller owns the read mutex now").
func HandsOver(ret *ssa.Return, k Key) bool {
	seen := map[ssa.Value]bool{}
	var isLock func(v ssa.Value) bool
	isLock = func(v ssa.Value) bool {
		if seen[v] {
			return false
		}
		seen[v] = true
		switch x := v.(type) {
		case *ssa.Phi:
			for _, e := range x.Edges {
				if isLock(e) {
					return true
				}
			}
			return false
		case *ssa.MakeInterface:
			return isLock(x.X)
		case *ssa.ChangeInterface:
			return isLock(x.X)
		}
		return KeyOf(v) == k
	}
	for _, v := range ret.Results {
		if isLock(v) {
			return true
		}
	}
	return false
}

// HandedToHandle reports whether ret returns, on some path, a handle
// that takes the held mutex k over: a pointer to a named struct type T
// of the package (perhaps as an interface) with a field of k's root
// type, or one the function filled with k's own address, through which
// one of T's methods releases the same mutex. A transaction that begin
// returns with the store's writer lock held, and whose Commit and
// Rollback unlock tx.db.rwlock, is the common case: the lock lives as
// long as the handle, on purpose.
func (r *Result) HandedToHandle(ret *ssa.Return, k Key) bool {
	if k.Root == nil || k.Global != "" {
		return false
	}
	rootType := k.Root.Type()
	for _, v := range handles(ret.Results) {
		ptr, ok := v.Type().(*types.Pointer)
		if !ok {
			continue
		}
		named, ok := types.Unalias(ptr.Elem()).(*types.Named)
		if !ok || named.Obj().Pkg() != ret.Parent().Pkg.Pkg {
			continue
		}
		st, ok := named.Underlying().(*types.Struct)
		if !ok {
			continue
		}
		var paths []string
		for i := range st.NumFields() {
			if fld := st.Field(i); types.Identical(fld.Type(), rootType) {
				// Key paths step through field indices, * a load.
				paths = append(paths, "."+strconv.Itoa(i)+".*"+k.Path)
			} else if storesMutex(v, i, k) {
				paths = append(paths, "."+strconv.Itoa(i)+".*")
			}
		}
		if len(paths) > 0 && r.methodReleases(named, paths) {
			return true
		}
	}
	return false
}

// storesMutex reports whether the handle h, allocated in the
// returning function, has the address of the held mutex k itself
// stored in its field i (&batch{mu: &t.mu}): then a method unlocking
// b.mu releases k.
func storesMutex(h ssa.Value, i int, k Key) bool {
	a, ok := h.(*ssa.Alloc)
	if !ok || a.Referrers() == nil {
		return false
	}
	for _, ref := range *a.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != a || fa.Field != i || fa.Referrers() == nil {
			continue
		}
		for _, use := range *fa.Referrers() {
			if st, ok := use.(*ssa.Store); ok && st.Addr == fa && KeyOf(st.Val) == k {
				return true
			}
		}
	}
	return false
}

// handles returns the values results may return as a handle: each
// result, and what an interface result or a phi of results is made
// from (a Reader interface returned as &reader{s: s} on success), but
// for nil.
func handles(results []ssa.Value) []ssa.Value {
	var out []ssa.Value
	seen := make(map[ssa.Value]bool)
	var visit func(v ssa.Value)
	visit = func(v ssa.Value) {
		if seen[v] {
			return
		}
		seen[v] = true
		switch x := v.(type) {
		case *ssa.MakeInterface:
			visit(x.X)
		case *ssa.ChangeType:
			visit(x.X)
		case *ssa.Phi:
			for _, e := range x.Edges {
				visit(e)
			}
		case *ssa.Const:
			// A nil handle releases nothing: return nil, err with the
			// lock held leaks it.
		default:
			out = append(out, v)
		}
	}
	for _, v := range results {
		visit(v)
	}
	return out
}

// methodReleases reports whether a method of named releases a mutex at
// one of paths from its receiver.
func (r *Result) methodReleases(named *types.Named, paths []string) bool {
	for i := range named.NumMethods() {
		fn := r.byObject(named.Method(i))
		if fn == nil || fn.sum == nil {
			continue
		}
		for _, s := range fn.sum.Releases {
			if s.Param == 0 && s.FreeVar < 0 && s.Global == "" && slices.Contains(paths, s.Path) {
				return true
			}
		}
	}
	return false
}

// byObject returns the model of the function declared as obj.
func (r *Result) byObject(obj *types.Func) *Func {
	r.objectsOnce.Do(func() {
		r.objects = make(map[*types.Func]*Func)
		for fn, f := range r.Funcs {
			// A method's wrappers (a bound method value) share its
			// object; the declared method is the one meant.
			if obj, ok := fn.Object().(*types.Func); ok && fn.Synthetic == "" {
				r.objects[obj] = f
			}
		}
	})
	return r.objects[obj]
}
