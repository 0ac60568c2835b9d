package analysisutil

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// StateWords indexes the values a package stores into its struct
// fields and package-level variables (plain stores, and sync/atomic's
// Store, Swap and CompareAndSwap), to tell a guard that lets code
// through once: a flag or state word tested for its unset value, given
// another value by the code it guards, and never given the unset value
// back anywhere (if !started { started = true; go tick() }; an Open
// whose CompareAndSwap(idle, open) nothing undoes). Stores into an
// object its function has just allocated (a constructor setting the
// initial value) are not counted.
type StateWords struct {
	stored map[*types.Var][]constant.Value
}

// NewStateWords indexes the stores of funcs; Index adds one more
// instruction (for callers that walk the package anyway).
func NewStateWords(funcs []*ssa.Function) *StateWords {
	s := &StateWords{stored: make(map[*types.Var][]constant.Value)}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				s.Index(in)
			}
		}
	}
	return s
}

// Index records what in stores into a state word, if anything.
func (s *StateWords) Index(in ssa.Instruction) {
	var v *types.Var
	var val ssa.Value
	switch in := in.(type) {
	case *ssa.Store:
		v, val = StateVar(in.Addr), in.Val
		if v == nil || freshField(in.Addr) {
			return
		}
	case *ssa.Call:
		var args []ssa.Value
		if v, args = AtomicWord(in.Common()); v == nil || freshField(in.Call.Args[0]) {
			return
		}
		m := flow.CalleeFunc(in.Common())
		switch {
		case strings.HasPrefix(m.Name(), "Store"), strings.HasPrefix(m.Name(), "Swap"):
			val = args[0]
		case len(args) == 2 && strings.HasPrefix(m.Name(), "CompareAndSwap"):
			val = args[1]
		default:
			return
		}
	default:
		return
	}
	if c, ok := val.(*ssa.Const); ok && c.Value != nil {
		s.stored[v] = append(s.stored[v], c.Value)
	} else {
		s.stored[v] = append(s.stored[v], constant.MakeUnknown())
	}
}

// StateVar returns the variable a state word's address names: the
// field of &x.f, or the package-level variable of &v; nil otherwise.
func StateVar(addr ssa.Value) *types.Var {
	if g, ok := addr.(*ssa.Global); ok {
		v, _ := g.Object().(*types.Var)
		return v
	}
	return FieldOf(addr)
}

// AtomicWord returns the field a sync/atomic call acts on (&x.f passed
// to a function, or the receiver x.f of a method of an atomic type)
// and the remaining arguments.
func AtomicWord(c *ssa.CallCommon) (*types.Var, []ssa.Value) {
	m := flow.CalleeFunc(c)
	if m == nil || m.Pkg() == nil || m.Pkg().Path() != "sync/atomic" || len(c.Args) == 0 {
		return nil, nil
	}
	return FieldOf(c.Args[0]), c.Args[1:]
}

// freshField reports whether the field address v is of an object its
// function allocated itself.
func freshField(v ssa.Value) bool {
	fa, ok := v.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	_, ok = fa.X.(*ssa.Alloc)
	return ok
}

// SetBack reports whether the state word v is somewhere given the
// value unset (or a value not known), so a guard testing for it can
// pass again.
func (s *StateWords) SetBack(v *types.Var, unset constant.Value) bool {
	for _, c := range s.stored[v] {
		if c.Kind() == constant.Unknown || c.Kind() == unset.Kind() && constant.Compare(c, token.EQL, unset) {
			return true
		}
	}
	return false
}

// SetsState reports whether the region entered at entry (the blocks it
// dominates) stores into the state word v a constant other than unset.
func SetsState(entry *ssa.BasicBlock, v *types.Var, unset constant.Value) bool {
	for _, b := range entry.Parent().Blocks {
		if !entry.Dominates(b) {
			continue
		}
		for _, in := range b.Instrs {
			if st, ok := in.(*ssa.Store); ok && StateVar(st.Addr) == v {
				if c, ok := st.Val.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == unset.Kind() && !constant.Compare(c.Value, token.EQL, unset) {
					return true
				}
			}
		}
	}
	return false
}

// FlagTest returns what the branch ending b tests, when it tests a
// state word for a constant: the load of the word, the constant, and
// the successor taken when the word holds it (if x.state != idle {
// return } takes Succs[1] for idle; if !x.started takes Succs[1] for
// false).
func FlagTest(b *ssa.BasicBlock) (load *ssa.UnOp, unset constant.Value, succ int, ok bool) {
	if len(b.Instrs) == 0 {
		return nil, nil, 0, false
	}
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return nil, nil, 0, false
	}
	switch cond := ifi.Cond.(type) {
	case *ssa.BinOp:
		l, ok := cond.X.(*ssa.UnOp)
		k, ok2 := cond.Y.(*ssa.Const)
		if !ok || !ok2 || l.Op != token.MUL || k.Value == nil || cond.Op != token.EQL && cond.Op != token.NEQ {
			return nil, nil, 0, false
		}
		if cond.Op == token.NEQ {
			succ = 1
		}
		return l, k.Value, succ, true
	case *ssa.UnOp:
		if cond.Op != token.MUL {
			return nil, nil, 0, false
		}
		return cond, constant.MakeBool(false), 1, true
	}
	return nil, nil, 0, false
}

// OnceEntry reports whether the successor succ of b, entered when the
// state word loaded by l holds unset, opens a region the program runs
// once per word: b is its only way in, the region sets the word to
// another value, and nothing sets it back.
func (s *StateWords) OnceEntry(b *ssa.BasicBlock, l *ssa.UnOp, unset constant.Value, succ int) bool {
	v := StateVar(l.X)
	if v == nil || s.SetBack(v, unset) {
		return false
	}
	entry := b.Succs[succ]
	return len(entry.Preds) == 1 && SetsState(entry, v, unset)
}
