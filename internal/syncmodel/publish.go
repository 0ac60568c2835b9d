package syncmodel

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// A Publication is the hand-over of a new object by the function that
// made it: the constructor starts a goroutine on the object, waits for
// it to signal that it is ready, and only then returns the object.
type Publication struct {
	// Maker made the object and starts the goroutine.
	Maker *ssa.Function
	// Ready is the receive (a plain one, or a select) by which Maker
	// waits for the signal; Body is where control goes once it has
	// received (nil for a plain receive: right after it).
	Ready ssa.Instruction
	Body  *ssa.BasicBlock
}

// PublishedAfter reports whether w happens before the maker of its
// object lets the object out. w's function runs in the goroutine of
// one go statement of the maker's (that goroutine's function itself,
// or one it calls, base being bound at each call to the object the go
// statement was given: an allocation of the maker's); after w, on
// every path, w's function closes or sends on a ready channel (a
// channel parameter the maker made for the go statement, or a field of
// the object that only the maker stores); and the maker returns the
// object only after it received from that channel, having handed it to
// nothing before but the go statement and calls of the package (a
// constructor's options). Whoever gets the object from the maker's
// result accesses it after w. (A close can happen once: a w after it
// would be followed by a second close, which panics.)
func (m *Model) PublishedAfter(w ssa.Instruction, base *ssa.Parameter) (Publication, bool) {
	h := w.Parent()
	roots, ok := m.GoRoots(h)
	if !ok || len(roots) != 1 || roots[0].Caller == nil {
		return Publication{}, false
	}
	g, ok := roots[0].Instr.(*ssa.Go)
	if !ok || flow.InLoop(g.Block()) {
		return Publication{}, false
	}
	fn := g.Call.StaticCallee()
	maker := roots[0].Caller
	if fn == nil || len(g.Call.Args) != len(fn.Params) {
		return Publication{}, false
	}
	xv, ok := m.boundAt(h, paramIndex(h, base), fn, g, 0)
	if !ok {
		return Publication{}, false
	}
	x, ok := xv.(*ssa.Alloc)
	if !ok || x.Parent() != maker {
		return Publication{}, false
	}
	for _, sig := range signalsAfter(w) {
		var isReady func(ch ssa.Value) bool
		if p, ok := sig.(*ssa.Parameter); ok {
			// A channel the go statement hands over.
			i := paramIndex(h, p)
			if h != fn || i < 0 {
				continue
			}
			mc, ok := g.Call.Args[i].(*ssa.MakeChan)
			if !ok || mc.Parent() != maker {
				continue
			}
			isReady = func(ch ssa.Value) bool { return ch == mc }
		} else {
			// A field of the object, stored by the maker alone.
			fa, ok := loadedField(sig)
			if !ok || lockset.KeyOf(fa.X).Extend("") != (lockset.Key{Root: base}) || !m.storedOnlyBy(fa, maker) {
				continue
			}
			isReady = func(ch ssa.Value) bool {
				f, ok := loadedField(ch)
				return ok && f.Field == fa.Field && f.X == x
			}
		}
		ready, body, ok := receiveOf(maker, isReady)
		if !ok || !flow.Reaches(g, ready, nil) {
			continue
		}
		letOut := func(c ssa.CallInstruction) bool {
			if c == g {
				return true
			}
			if _, isGo := c.(*ssa.Go); isGo {
				return false
			}
			// A static call of the package's own code, or an option
			// function the caller passed (opt(s)): set-up.
			callee := c.Common().StaticCallee()
			return callee == nil && !c.Common().IsInvoke() || callee != nil && callee.Pkg == fn.Pkg
		}
		if !lockset.Private(x, ready, letOut) || !returnedAfter(maker, x, ready, body) {
			continue
		}
		return Publication{Maker: maker, Ready: ready, Body: body}, true
	}
	return Publication{}, false
}

// boundAt returns the value that the go statement g hands over as the
// parameter i of h, where h is g's function fn or a function fn calls
// (through the package's static calls, every call passing on a
// parameter of its own caller at that place).
func (m *Model) boundAt(h *ssa.Function, i int, fn *ssa.Function, g *ssa.Go, depth int) (ssa.Value, bool) {
	if i < 0 || depth > 4 {
		return nil, false
	}
	if h == fn {
		return g.Call.Args[i], true
	}
	sites := m.callers[h]
	if len(sites) == 0 {
		return nil, false
	}
	var out ssa.Value
	for _, s := range sites {
		if s.Goroutine || i >= len(s.Args) {
			return nil, false
		}
		k := lockset.KeyOf(s.Args[i]).Extend("")
		p, ok := k.Root.(*ssa.Parameter)
		if !ok || k.Path != "" {
			return nil, false
		}
		v, ok := m.boundAt(s.Caller, paramIndex(s.Caller, p), fn, g, depth+1)
		if !ok || out != nil && v != out {
			return nil, false
		}
		out = v
	}
	return out, true
}

// paramIndex returns the index of p among fn's parameters, -1 if it is
// not one.
func paramIndex(fn *ssa.Function, p *ssa.Parameter) int {
	for i, q := range fn.Params {
		if q == p {
			return i
		}
	}
	return -1
}

// loadedField returns the field address v is loaded from.
func loadedField(v ssa.Value) (*ssa.FieldAddr, bool) {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return nil, false
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	return fa, ok
}

// storedOnlyBy reports whether the field fa addresses is written only
// by maker: the channel a constructor makes for its object is the one
// its goroutine signals on.
func (m *Model) storedOnlyBy(fa *ssa.FieldAddr, maker *ssa.Function) bool {
	st := analysisutil.PointedStruct(fa.X.Type())
	if st == nil || fa.Field >= st.NumFields() {
		return false
	}
	for _, in := range m.FieldAccesses(st.Field(fa.Field)) {
		a, ok := in.(*ssa.FieldAddr)
		if !ok || a.Parent() == maker {
			continue
		}
		for _, ref := range *a.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == a {
				return false
			}
		}
	}
	return true
}

// After reports whether in, an instruction of the maker, runs only
// once it has received the ready signal.
func (p Publication) After(in ssa.Instruction) bool {
	if p.Body != nil {
		return p.Body.Dominates(in.Block())
	}
	return in != p.Ready && flow.Dominates(p.Ready, in)
}

// signalsAfter returns the channels that w's function closes, or
// sends on, after w: every path to the signal passes w first, and
// every path from w passes the signal before it returns or runs w
// again.
func signalsAfter(w ssa.Instruction) []ssa.Value {
	fn := w.Parent()
	var out []ssa.Value
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			var ch ssa.Value
			switch in := in.(type) {
			case *ssa.Send:
				// A send may come again: no w may follow it.
				if flow.Reaches(in, w, nil) {
					continue
				}
				ch = in.Chan
			case *ssa.Call:
				if bi, ok := in.Call.Value.(*ssa.Builtin); ok && bi.Name() == "close" && len(in.Call.Args) == 1 {
					ch = in.Call.Args[0]
				}
			}
			if ch == nil || !flow.Dominates(w, in) || !flow.OnEveryPath(w, in) || flow.Reaches(w, w, func(x ssa.Instruction) bool { return x == in }) {
				continue
			}
			out = append(out, ch)
		}
	}
	return out
}

// receiveOf returns maker's one receive from a channel isReady
// accepts: a plain receive, or a select case (with the block its body
// starts at).
func receiveOf(maker *ssa.Function, isReady func(ssa.Value) bool) (ssa.Instruction, *ssa.BasicBlock, bool) {
	var at ssa.Instruction
	var body *ssa.BasicBlock
	n := 0
	for _, b := range maker.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.UnOp:
				if in.Op == token.ARROW && isReady(in.X) {
					at, body = in, nil
					n++
				}
			case *ssa.Select:
				for i, st := range in.States {
					if st.Dir != types.RecvOnly || !isReady(st.Chan) {
						continue
					}
					from, succ, ok := chanmodel.SelectCaseEdge(in, i)
					if !ok || len(from.Succs[succ].Preds) != 1 {
						return nil, nil, false // a body that is also a join says nothing
					}
					at, body = in, from.Succs[succ]
					n++
				}
			}
		}
	}
	return at, body, n == 1
}

// returnedAfter reports whether every return of maker that can yield x
// (itself, or made into an interface) runs only once ready has
// received.
func returnedAfter(maker *ssa.Function, x *ssa.Alloc, ready ssa.Instruction, body *ssa.BasicBlock) bool {
	p := Publication{Ready: ready, Body: body}
	for _, b := range maker.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for _, r := range ret.Results {
			if r == x || yieldsAlloc(r, x) {
				if !p.After(ret) {
					return false
				}
			}
		}
	}
	return true
}

// yieldsAlloc reports whether v is x, made into an interface or
// converted (flow.Unconverted).
func yieldsAlloc(v ssa.Value, x *ssa.Alloc) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	return flow.Unconverted(v) == x
}

// CalledFrom reports whether f is one of from, or runs in a call, or a
// goroutine, that one of from makes, directly or through the package's
// static calls (up to a depth).
func (m *Model) CalledFrom(f *ssa.Function, from ...*ssa.Function) bool {
	seen := make(map[*ssa.Function]bool)
	var up func(g *ssa.Function, depth int) bool
	up = func(g *ssa.Function, depth int) bool {
		for _, x := range from {
			if g == x {
				return true
			}
		}
		if seen[g] || depth > 8 {
			return depth > 8
		}
		seen[g] = true
		for _, s := range m.callers[g] {
			if s.Caller != nil && up(s.Caller, depth+1) {
				return true
			}
		}
		if p := g.Parent(); p != nil && up(p, depth+1) {
			return true
		}
		return false
	}
	return up(f, 0)
}
