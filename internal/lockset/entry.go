package lockset

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A site is a place a function is entered from: a static call (with
// its caller, arguments and closure bindings) or a go statement.
type site struct {
	caller   *ssa.Function
	instr    ssa.Instruction
	args     []ssa.Value
	bindings []ssa.Value
	goStmt   bool
}

type entryState struct {
	top   bool
	keys  map[Key]bool
	owned map[int]bool
}

// entries computes, for functions whose every use is a call we see,
// the mutexes every caller holds (RacerD's "requires" precondition,
// inferred bottom-up from the callers) and the parameters every
// caller allocated itself and so owns.
func (b *builder) entries(all []*ssa.Function) {
	inPkg := map[*ssa.Function]bool{}
	for _, fn := range all {
		inPkg[fn] = true
	}
	sites := map[*ssa.Function][]site{}
	escapes := map[*ssa.Function]bool{}
	var rands []*ssa.Value
	for _, caller := range all {
		for _, blk := range caller.Blocks {
			for _, instr := range blk.Instrs {
				rands = instr.Operands(rands[:0])
				for i, r := range rands {
					fn, ok := (*r).(*ssa.Function)
					if !ok || !inPkg[fn] {
						continue
					}
					if mc, ok := instr.(*ssa.MakeClosure); ok && i == 0 {
						b.closureUses(caller, mc, sites, escapes)
						continue
					}
					if ci, ok := instr.(ssa.CallInstruction); ok && ci.Common().Value == fn && i == 0 && !ci.Common().IsInvoke() {
						switch ci.(type) {
						case *ssa.Call:
							sites[fn] = append(sites[fn], site{caller: caller, instr: instr, args: ci.Common().Args})
						case *ssa.Go:
							sites[fn] = append(sites[fn], site{goStmt: true})
						default:
							escapes[fn] = true
						}
						continue
					}
					escapes[fn] = true
				}
			}
		}
	}

	st := map[*ssa.Function]*entryState{}
	var pending []*ssa.Function
	for _, fn := range all {
		f := b.res.Funcs[fn]
		if f == nil {
			continue
		}
		switch {
		case isEntryPoint(fn):
			f.EntryKnown = true
		case escapes[fn] || len(sites[fn]) == 0:
			// unknown
		default:
			st[fn] = &entryState{top: true}
			pending = append(pending, fn)
		}
	}
	for round := 0; round < 8; round++ {
		changed := false
		for _, fn := range pending {
			ns := b.meet(fn, sites[fn], st)
			old := st[fn]
			if old.top != ns.top || len(old.keys) != len(ns.keys) || len(old.owned) != len(ns.owned) {
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
	}
}

func (b *builder) closureUses(caller *ssa.Function, mc *ssa.MakeClosure, sites map[*ssa.Function][]site, escapes map[*ssa.Function]bool) {
	fn := mc.Fn.(*ssa.Function)
	refs := mc.Referrers()
	if refs == nil {
		escapes[fn] = true
		return
	}
	for _, r := range *refs {
		ci, ok := r.(ssa.CallInstruction)
		if !ok || ci.Common().Value != mc || ci.Common().IsInvoke() {
			escapes[fn] = true
			continue
		}
		switch ci.(type) {
		case *ssa.Call:
			sites[fn] = append(sites[fn], site{caller: caller, instr: r, args: ci.Common().Args, bindings: mc.Bindings})
		case *ssa.Go:
			sites[fn] = append(sites[fn], site{goStmt: true})
		default:
			escapes[fn] = true
		}
	}
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

// meet intersects what the sites of fn provide.
func (b *builder) meet(fn *ssa.Function, sites []site, st map[*ssa.Function]*entryState) *entryState {
	res := &entryState{top: true}
	for _, s := range sites {
		var keys map[Key]bool
		owned := map[int]bool{}
		if !s.goStmt {
			cs := st[s.caller]
			if cs != nil && cs.top {
				continue // no information yet from this caller
			}
			cf := b.res.Funcs[s.caller]
			if cf == nil {
				return &entryState{keys: map[Key]bool{}, owned: map[int]bool{}}
			}
			callerHeld := map[Key]bool{}
			for k := range cf.held[s.instr] {
				callerHeld[k] = true
			}
			var callerOwned map[int]bool
			if cs != nil {
				for k := range cs.keys {
					callerHeld[k] = true
				}
				callerOwned = cs.owned
			}
			keys = translate(fn, callerHeld, s.args, s.bindings)
			for i, a := range s.args {
				ak := KeyOf(a)
				switch r := ak.Root.(type) {
				case *ssa.Alloc:
					owned[i] = true
				case *ssa.Parameter:
					for j, p := range s.caller.Params {
						if p == r && callerOwned[j] {
							owned[i] = true
						}
					}
				}
			}
		}
		if res.top {
			res = &entryState{keys: keys, owned: owned}
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
	}
	return res
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
			ak := KeyOf(a)
			if k.HasPrefix(ak) {
				out[Key{Root: fn.FreeVars[i], Path: k.Path[len(ak.Path):]}] = true
			}
		}
	}
	return out
}
