package chanmodel

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

type idStatus uint8

const (
	unknown idStatus = iota
	known
	cyclic // depends on a Phi being resolved
)

type idResult struct {
	id     ChanID
	status idStatus
	busy   bool
}

// ChanOf returns the identity of the channel value v, if it has one.
func (b *builder) chanOf(v ssa.Value) (ChanID, bool) {
	id, st := b.resolve(v)
	return id, st == known
}

func (b *builder) resolve(v ssa.Value) (ChanID, idStatus) {
	if r, ok := b.memo[v]; ok {
		if r.busy {
			return ChanID{}, cyclic
		}
		return r.id, r.status
	}
	b.memo[v] = idResult{busy: true}
	id, st := b.resolve1(v)
	if st == cyclic {
		delete(b.memo, v) // depends on a value still in progress: recompute later
	} else {
		b.memo[v] = idResult{id: id, status: st}
	}
	return id, st
}

func (b *builder) resolve1(v ssa.Value) (ChanID, idStatus) {
	switch v := v.(type) {
	case *ssa.MakeChan:
		return ChanID{Kind: KindMake, Make: v}, known
	case *ssa.ChangeType:
		return b.resolve(v.X)
	case *ssa.Convert:
		return b.resolve(v.X)
	case *ssa.Phi:
		// Resolve the whole web of Phis at once: loops make Phis refer
		// to each other, and only the values entering the web count. A
		// nil that enters it is no other channel (a loop that sets its
		// copy of a closed channel to nil to stop selecting on it).
		var id ChanID
		for _, leaf := range phiLeaves(v) {
			if k, ok := leaf.(*ssa.Const); ok && k.IsNil() {
				continue
			}
			lid, st := b.resolve(leaf)
			if st != known {
				return ChanID{}, st
			}
			if id.Kind != 0 && lid != id {
				return ChanID{}, unknown
			}
			id = lid
		}
		if id.Kind == 0 {
			return ChanID{}, unknown
		}
		return id, known
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return b.resolveAddr(v.X)
		}
	case *ssa.Field:
		if f := b.fieldVar(v.X.Type(), v.Field); f != nil {
			return ChanID{Kind: KindField, Field: f}, known
		}
	case *ssa.Parameter:
		fn := v.Parent()
		if i := flow.ParamIndex(fn, v); i >= 0 {
			// A function literal that a helper calls with the maker's
			// channel (waitFor(func(done <-chan T) {...}, stop)) names
			// the maker's channel.
			if a := analysisutil.HelperArg(b.closures, fn, i); a != nil {
				return b.resolve(a)
			}
			return ChanID{Kind: KindParam, Func: fn, Index: i}, known
		}
	case *ssa.FreeVar:
		if bind := b.closures.Bound(v); bind != nil {
			return b.resolve(bind)
		}
	case *ssa.Call:
		return b.resolveCall(v)
	}
	return ChanID{}, unknown
}

func (b *builder) resolveAddr(a ssa.Value) (ChanID, idStatus) {
	switch a := a.(type) {
	case *ssa.FieldAddr:
		if f := b.fieldVar(a.X.Type(), a.Field); f != nil {
			return ChanID{Kind: KindField, Field: f}, known
		}
	case *ssa.Global:
		return ChanID{Kind: KindGlobal, Global: a}, known
	case *ssa.IndexAddr:
		if f := b.elemField(a); f != nil {
			return ChanID{Kind: KindElem, Field: f}, known
		}
	case *ssa.Alloc, *ssa.FreeVar:
		vals, ok := b.cellStores(a, nil, 0)
		if !ok || len(vals) == 0 {
			return ChanID{}, unknown
		}
		var id ChanID
		for _, val := range vals {
			vid, vst := b.resolve(val)
			if vst != known {
				return ChanID{}, vst
			}
			if id.Kind != 0 && vid != id {
				return ChanID{}, unknown
			}
			id = vid
		}
		return id, known
	}
	return ChanID{}, unknown
}

// phiLeaves returns the values that flow into the Phi web of p, seen
// through ChangeType and Convert.
func phiLeaves(p *ssa.Phi) []ssa.Value {
	var leaves []ssa.Value
	seen := make(map[ssa.Value]bool)
	var walk func(v ssa.Value)
	walk = func(v ssa.Value) {
		if seen[v] {
			return
		}
		seen[v] = true
		switch x := v.(type) {
		case *ssa.Phi:
			for _, e := range x.Edges {
				walk(e)
			}
		case *ssa.ChangeType:
			walk(x.X)
		case *ssa.Convert:
			walk(x.X)
		default:
			leaves = append(leaves, v)
		}
	}
	walk(p)
	return leaves
}

// cellStores returns the non-nil values stored into the memory cell
// addr (a local variable kept in memory because closures capture it),
// following the closures that capture it. ok is false when the cell's
// address escapes otherwise, so stores may be hidden.
func (b *builder) cellStores(addr ssa.Value, out []ssa.Value, depth int) ([]ssa.Value, bool) {
	if fv, ok := addr.(*ssa.FreeVar); ok && depth == 0 {
		// Find the cell in the enclosing function and start there.
		bind := b.closures.Bound(fv)
		if bind == nil {
			return nil, false
		}
		if _, isAlloc := bind.(*ssa.Alloc); !isAlloc {
			if _, isFV := bind.(*ssa.FreeVar); !isFV {
				return nil, false
			}
		}
		return b.cellStores(bind, out, 0)
	}
	if a, ok := addr.(*ssa.Alloc); ok && depth == 0 && !isCell(a) {
		return nil, false
	}
	if depth > 8 {
		return nil, false
	}
	refs := addr.Referrers()
	if refs == nil {
		return out, true
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != addr {
				return nil, false
			}
			if c, ok := r.Val.(*ssa.Const); ok && c.IsNil() {
				continue
			}
			out = append(out, r.Val)
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil, false
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			if _, ok := r.Fn.(*ssa.Function); !ok {
				return nil, false
			}
			for fv := range flow.Captures(r, addr) {
				var ok bool
				if out, ok = b.cellStores(fv, out, depth+1); !ok {
					return nil, false
				}
			}
		default:
			return nil, false
		}
	}
	return out, true
}

// isCell reports whether a is a variable cell (pointer to a channel or
// struct pointer) rather than a composite allocation.
func isCell(a *ssa.Alloc) bool {
	p, ok := a.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	switch p.Elem().Underlying().(type) {
	case *types.Chan, *types.Pointer:
		return true
	}
	return false
}

// canon returns the canonical value of a struct pointer (or struct)
// v: free variables are replaced by their bindings and loads of
// captured variables by the single value stored.
func (b *builder) canon(v ssa.Value) ssa.Value {
	for range 16 {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.FreeVar:
			bind := b.closures.Bound(x)
			if bind == nil {
				return v
			}
			v = bind
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return v
			}
			switch x.X.(type) {
			case *ssa.Alloc, *ssa.FreeVar:
			default:
				return v
			}
			vals, ok := b.cellStores(x.X, nil, 0)
			if !ok || len(vals) != 1 {
				return v
			}
			v = vals[0]
		default:
			return v
		}
	}
	return v
}

// fieldVar returns the (origin) field number i of the struct type t
// or of the struct t points to.
func (b *builder) fieldVar(t types.Type, i int) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || i < 0 || i >= st.NumFields() {
		return nil
	}
	f := st.Field(i).Origin()
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if _, seen := b.fieldType[f]; !seen {
			b.fieldType[f] = n.Origin().Obj()
		}
	}
	return f
}
