package selfdeadlock

import (
	"fmt"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// instance is one channel field of one object a function makes: the
// field, the allocation, and the path of embedded struct fields from
// the allocation to the struct that holds the channel.
type instance struct {
	id    chanmodel.ChanID
	alloc *ssa.Alloc
	path  string
}

// checkOverfilled reports a send on a buffered channel field of an
// object f makes when f, through the methods it calls and the
// goroutines it starts, sends more values on that object's channel
// than its buffer holds, while nothing ever receives from it: the
// object is contained in f (chanmodel.Contained: every operation on
// its channels is among f's), and none of them is a receive or a
// close. Sends are counted per channel instance, across calls: a call
// or go statement counts once (once per iteration in a counted loop,
// flow.ConstTrips), whatever its callee sends, and the counted sites
// must lie on one path (each reaches the next), so that they can all
// run. A send in a select, or in a function that checks len or cap of
// the channel, keeps the instance silent.
//
//	o := &outbox{}
//	o.init() // o.ch = make(chan row, 16)
//	for i := 0; i < 16; i++ {
//		o.push() // func (o *outbox) push() { o.ch <- row{} }
//	}
//	o.push() // the 17th value: the send in push blocks forever
func (c *checker) checkOverfilled(f *chanmodel.Func) {
	groups := make(map[instance][]*chanmodel.Op)
	var order []instance
	spoilt := make(map[chanmodel.ChanID]bool)
	for i := range f.Ops {
		op := &f.Ops[i]
		if op.Chan.Kind != chanmodel.KindField || op.Kind == chanmodel.Assign {
			continue
		}
		alloc, path := c.rootOf(f, op)
		if alloc == nil {
			// An operation on an object f cannot name may be on
			// f's own.
			spoilt[op.Chan] = true
			continue
		}
		if alloc.Parent() != f.Fn {
			continue
		}
		k := instance{op.Chan, alloc, fmt.Sprint(path)}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], op)
	}
	for _, k := range order {
		if spoilt[k.id] {
			continue
		}
		c.overfilled(f, k, groups[k])
	}
}

// rootOf returns the object whose channel field op uses and the path
// to the field's struct (chanmodel.RootOf). An operation of a closure
// f calls or starts has no Base in f when its Base is the closure's
// own value: it is found through the closure's operation, whose free
// variables lead back to f.
func (c *checker) rootOf(f *chanmodel.Func, op *chanmodel.Op) (*ssa.Alloc, []int) {
	if op.Base != nil || op.Direct() {
		return c.m.RootOf(op.Base)
	}
	var alloc *ssa.Alloc
	var path []int
	for _, in := range c.m.Inner(f, op) {
		a, p := c.rootOf(c.m.Func(in.Instr.Parent()), in)
		if a == nil || alloc != nil && (a != alloc || fmt.Sprint(p) != fmt.Sprint(path)) {
			return nil, nil
		}
		alloc, path = a, p
	}
	return alloc, path
}

func (c *checker) overfilled(f *chanmodel.Func, k instance, ops []*chanmodel.Op) {
	for _, op := range ops {
		if op.Kind != chanmodel.Send || op.Select || !op.Pos.IsValid() || c.checksLen(op) {
			return
		}
	}
	size, ok := c.fieldCap(k.id)
	if !ok || size == 0 || c.m.Escapes(k.id) || !c.m.Contained(k.alloc) {
		return
	}
	// One count per site (call, go statement or send) of f, whatever
	// the callee does there: its sends may exclude each other.
	type site struct {
		in    ssa.Instruction
		unit  int
		op    *chanmodel.Op
		times int64
	}
	var sites []site
	seen := make(map[[2]any]bool)
	for _, op := range ops {
		key := [2]any{op.Instr, op.Unit}
		if seen[key] {
			continue
		}
		seen[key] = true
		n := int64(1)
		if flow.InLoop(op.Instr.Block()) {
			if t, ok := flow.ConstTrips(op.Instr.Block()); ok {
				n = t
			}
		}
		sites = append(sites, site{op.Instr, op.Unit, op, n})
	}
	slices.SortStableFunc(sites, func(a, b site) int { return int(a.in.Pos() - b.in.Pos()) })
	for i := 1; i < len(sites); i++ {
		a, b := sites[i-1].in, sites[i].in
		if a != b && !flow.Reaches(a, b, nil) {
			return // the sites may exclude each other
		}
	}
	var total int64
	for i, s := range sites {
		total += s.times
		if total <= size {
			continue
		}
		name := s.op.Expr
		if name == "" {
			name = "the channel"
		}
		var tr finding.Trace
		var rel []analysis.RelatedInformation
		for _, p := range sites[:i+1] {
			msg := "sends one value on the same object's channel here"
			if p.times > 1 {
				msg = fmt.Sprintf("sends %d values on the same object's channel here", p.times)
			}
			at := c.m.Site(p.op)
			rel = append(rel, analysis.RelatedInformation{Pos: at, Message: msg})
			tr.Step(finding.Place{Pos: at, Message: msg, Goroutine: c.m.OpGoroutine(c.pass.Fset, p.op), Op: chanmodel.StepOp(p.op)})
		}
		tr.Step(finding.Place{Pos: s.op.Pos, Goroutine: c.m.OpGoroutine(c.pass.Fset, s.op), Op: chanmodel.StepOp(s.op), Blocks: true})
		c.report("overfilled", s.op.Pos, &tr, rel, fmt.Sprintf(
			"send on %s blocks forever: %d sends on the same object's channel overflow its buffer of %d, and nothing ever receives from it", name, total, size))
		return
	}
}

// checksLen reports whether the function of op's send (the direct
// send at op.Pos) takes len or cap of a channel: a send guarded by a
// check of the buffer's room. It also reports true when that function
// is not found.
func (c *checker) checksLen(op *chanmodel.Op) bool {
	var fn *ssa.Function
	for _, g := range c.m.Funcs {
		for i := range g.Ops {
			if o := &g.Ops[i]; o.Direct() && o.Kind == chanmodel.Send && o.Pos == op.Pos {
				fn = g.Fn
			}
		}
	}
	if fn == nil {
		return true
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok || len(call.Call.Args) != 1 {
				continue
			}
			if bi, ok := call.Call.Value.(*ssa.Builtin); ok && (bi.Name() == "len" || bi.Name() == "cap") {
				if _, ok := call.Call.Args[0].Type().Underlying().(*types.Chan); ok {
					return true
				}
			}
		}
	}
	return false
}
