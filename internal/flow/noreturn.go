package flow

import (
	"go/constant"
	"go/token"
	"go/types"
	"sync"

	"golang.org/x/tools/go/ssa"
)

// Ends is the one notion of "never returns": it says how calls end,
// knowing besides [FuncEnd]'s list every function whose body never
// returns normally: each path of it ends in a panic, a call that never
// returns, or a loop or block that never ends. A test helper that
// always calls t.Fatal (through a testing.TB or an interface of its
// own) is one, testify's FailNow another; a helper that calls Fatal
// only on error returns on the other path and is not.
//
// It learns a function of the package being analyzed from its body
// (once, remembered) and one of another package from imported (the
// fact analysisutil.EndsAnalyzer exports for it). A nil *Ends knows
// the list only. It is safe for concurrent use.
type Ends struct {
	imported func(*types.Func) FuncEnds

	mu sync.Mutex
	of map[*ssa.Function]FuncEnds
}

// FuncEnds says how the calls of one function end.
type FuncEnds struct {
	// End says how every call ends.
	End End
	// NonNil, when End is Returns, says for each parameter (receiver
	// first) how a call ends whose argument for it is not nil (nil:
	// Returns for all): mustNoErr(t, err) ends the test when err is
	// not nil, so on an if err != nil branch it never returns.
	NonNil []End
	// Fails, when End is Returns and it is not 0, is 1 + the index of
	// the parameter (receiver first) that holds a test on which every
	// call reports a failure before it returns (t.Helper(); t.Errorf,
	// testify's assert.Fail): see failed.go.
	Fails int
	// FalseFails, when not 0, is 1 + the index of the parameter on
	// which a call that returns false has reported a failure (testify's
	// assert.NoError, assert.Equal).
	FalseFails int
}

// NewEnds returns an Ends that asks imported how a function of another
// package ends (nil: it returns).
func NewEnds(imported func(*types.Func) FuncEnds) *Ends {
	return &Ends{imported: imported, of: make(map[*ssa.Function]FuncEnds)}
}

// CallEnd says how the call ends the flow of control it is on: as
// [CallEnd] does, and when that says it returns, as its static
// callee's body (or fact) does, given the arguments the call passes
// that are known not to be nil there.
func (e *Ends) CallEnd(call *ssa.Call) End {
	if e == nil {
		return CallEnd(call.Common())
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.callEnd(call)
}

// NeverReturns reports whether the call never returns to its caller.
func (e *Ends) NeverReturns(call *ssa.Call) bool { return e.CallEnd(call) != Returns }

// InstrEnd says how instr ends the flow of control, as [InstrEnd]
// does, knowing the calls CallEnd knows.
func (e *Ends) InstrEnd(instr ssa.Instruction) End {
	if c, ok := instr.(*ssa.Call); ok {
		return e.CallEnd(c)
	}
	return InstrEnd(instr)
}

// Of says how calls of fn end.
func (e *Ends) Of(fn *ssa.Function) FuncEnds {
	if e == nil {
		if obj, ok := fn.Object().(*types.Func); ok {
			return FuncEnds{End: FuncEnd(obj)}
		}
		return FuncEnds{}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.funcEnds(fn)
}

// funcEnds is Of with e.mu held.
func (e *Ends) funcEnds(fn *ssa.Function) FuncEnds {
	body := Body(fn)
	if fe, ok := e.of[body]; ok {
		return fe
	}
	obj, _ := fn.Object().(*types.Func)
	if obj != nil {
		obj = obj.Origin()
		if end := FuncEnd(obj); end != Returns {
			e.of[body] = FuncEnds{End: end}
			return e.of[body]
		}
	}
	if body.Blocks == nil {
		var fe FuncEnds
		if obj != nil && e.imported != nil {
			fe = e.imported(obj)
		}
		e.of[body] = fe
		return fe
	}
	// A call back into fn while its body is searched (recursion) is
	// taken to return: a cycle proves nothing.
	e.of[body] = FuncEnds{}
	fe := FuncEnds{End: e.search(body, nil)}
	if fe.End == Returns {
		for i, p := range body.Params {
			if !nilTested(p) {
				continue
			}
			if end := e.search(body, p); end != Returns {
				if fe.NonNil == nil {
					fe.NonNil = make([]End, len(body.Params))
				}
				fe.NonNil[i] = end
			}
		}
		fe.Fails, fe.FalseFails = e.failsOn(body)
	}
	e.of[body] = fe
	return fe
}

// nilTested reports whether an if of p's function compares p with nil.
func nilTested(p *ssa.Parameter) bool {
	for _, r := range *p.Referrers() {
		b, ok := r.(*ssa.BinOp)
		if !ok || b.Op != token.EQL && b.Op != token.NEQ {
			continue
		}
		other := b.X
		if other == p {
			other = b.Y
		}
		if c, ok := other.(*ssa.Const); ok && c.IsNil() {
			return true
		}
	}
	return false
}

// search says how fn ends, on the paths where nonNil (if not nil) is
// not nil: Returns as soon as a path reaches a return (or a panic a
// deferred call of fn may recover); else the mildest way its paths
// end, Panics before ExitsGoroutine before ExitsProcess; else (no path
// ends) Hangs.
func (e *Ends) search(fn *ssa.Function, nonNil ssa.Value) End {
	returns, end := false, Hangs
	recovers := -1 // DefersRecover(fn), once asked
	ending := func(k End) {
		if k == Panics {
			if recovers < 0 {
				recovers = 0
				if DefersRecover(fn) {
					recovers = 1
				}
			}
			if recovers == 1 {
				returns = true
				return
			}
		}
		end = min(end, k)
	}
	s := Forward
	if nonNil != nil {
		s.Next = func(b *ssa.BasicBlock) []*ssa.BasicBlock {
			var next []*ssa.BasicBlock
			for _, n := range b.Succs {
				if !NilEdge(b, n, nonNil) {
					next = append(next, n)
				}
			}
			return next
		}
	}
	s.WalkBlock(fn.Blocks[0], func(in ssa.Instruction) bool {
		if returns {
			return false
		}
		switch in := in.(type) {
		case *ssa.Return:
			returns = true
			return false
		case *ssa.Panic:
			if !blockedSelect(in) { // the select before it never goes on
				ending(Panics)
			}
			return false
		case *ssa.Call:
			if k := e.callEnd(in); k != Returns {
				if k != Hangs {
					ending(k)
				}
				return false
			}
		}
		return true
	})
	if returns {
		return Returns
	}
	return end
}

// callEnd is CallEnd with e.mu held.
func (e *Ends) callEnd(call *ssa.Call) End {
	c := call.Common()
	if end := CallEnd(c); end != Returns || c.IsInvoke() {
		return end
	}
	callee := c.StaticCallee()
	if callee == nil {
		return Returns
	}
	fe := e.funcEnds(callee)
	if fe.End != Returns {
		return fe.End
	}
	for i, end := range fe.NonNil {
		if end != Returns && i < len(c.Args) && NonNilAt(c.Args[i], call.Block()) {
			return end
		}
	}
	return Returns
}

// NonNilAt reports whether v is surely not nil in block at: a value
// that is never nil (an interface made from a concrete value, a
// new(T), a closure, an error from errors.New or fmt.Errorf), or one a
// nil test on the way lets through only when it is not.
func NonNilAt(v ssa.Value, at *ssa.BasicBlock) bool {
	switch v := v.(type) {
	case *ssa.MakeInterface, *ssa.Alloc, *ssa.MakeClosure, *ssa.Function, *ssa.MakeMap, *ssa.MakeChan:
		return true
	case *ssa.Call:
		if fn := CalleeFunc(v.Common()); fn != nil && fn.Pkg() != nil {
			switch fn.Pkg().Path() + "." + fn.Name() {
			case "errors.New", "fmt.Errorf":
				return true
			}
		}
	}
	return TestedNonNil(v, at)
}

// blockedSelect reports whether p is the panic go/ssa puts after a
// blocking select with no case that can fire (select {}): it is never
// reached, since the select blocks for ever.
func blockedSelect(p *ssa.Panic) bool {
	mi, ok := p.X.(*ssa.MakeInterface)
	if !ok {
		return false
	}
	c, ok := mi.X.(*ssa.Const)
	return ok && c.Value != nil && c.Value.Kind() == constant.String &&
		constant.StringVal(c.Value) == "blocking select matched no case"
}

// Reaches is [Reaches] along the paths control can take: none goes on
// past a call that never returns, from itself included.
func (e *Ends) Reaches(from, to ssa.Instruction, stop func(ssa.Instruction) bool) bool {
	if c, ok := from.(*ssa.Call); ok && e.CallEnd(c) != Returns {
		return false
	}
	return Reaches(from, to, func(in ssa.Instruction) bool {
		if stop != nil && stop(in) {
			return true
		}
		c, ok := in.(*ssa.Call)
		return ok && e.CallEnd(c) != Returns
	})
}
