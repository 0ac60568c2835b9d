package condwait

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
)

// judgeUnconditional reports a Wait that checks no condition at all
// while the state it waits for is published once, by a goroutine
// started on its own: if that goroutine's Broadcast (or Signal) runs
// before the Wait, no later one comes, and the Wait blocks for ever
// (a one-shot "wait until loaded").
//
// The model, on the syntax: the Wait statement is in the body of its
// function itself, after the lock is taken and after no if, for,
// switch, select or go statement (nothing was checked, and no
// signaller was started while the lock was held); the code after it
// reads a variable or field that a signalling function assigns before
// its signal; every signal on the Cond is outside loops (a signal
// that repeats, a tick, wakes a later waiter too); and that function
// is started by a go statement outside loops, in another function.
//
// It reports whether it reported the Wait.
func judgeUnconditional(pass *analysis.Pass, ins *inspector.Inspector, s waitSite, fnIdx int) bool {
	info := pass.TypesInfo
	cond, body, k := uncheckedWait(info, s, fnIdx)
	if body == nil {
		return false
	}
	read := make(map[*types.Var]bool)
	for _, st := range body.List[k+1:] {
		for v := range readVars(info, st) {
			read[v] = true
		}
	}

	// The signals on the Cond, and the functions that send them.
	type signal struct {
		call *ast.CallExpr
		fn   *types.Func
	}
	var signals []signal
	oneShot := signalsOnce(info, ins, cond, func(call *ast.CallExpr, decl *ast.FuncDecl) bool {
		// Only what the signaller assigned before the signal is
		// published by it.
		if publishes(info, decl.Body, call, read) {
			f, _ := info.Defs[decl.Name].(*types.Func)
			signals = append(signals, signal{call, f})
		}
		return true
	})
	if !oneShot {
		return false
	}
	waiter := s.stack[fnIdx]
	for _, sg := range signals {
		if sg.fn == nil {
			continue
		}
		start := startedOnce(pass, ins, sg.fn, waiter)
		if start == nil {
			continue
		}
		reportLostSignal(pass, s, "it blocks for ever if the signal came before it",
			finding.Place{Pos: start.Pos(), Message: "the signaller is started here, on its own", Op: finding.OpGo},
			storyStep{Place: nodePlace(sg.call, "it may signal before anyone waits", finding.OpOther)},
			storyStep{Place: nodePlace(sg.call, "signalled once here, by a goroutine started on its own", finding.OpOther), related: true})
		return true
	}
	return false
}

// A storyStep is a place in the story of a finding; related ones are
// also named in the diagnostic's related information.
type storyStep struct {
	finding.Place
	related bool
}

// nodePlace is the place of the node n in a story.
func nodePlace(n ast.Node, msg string, op finding.Op) finding.Place {
	return finding.Place{Pos: n.Pos(), End: n.End(), Message: msg, Op: op}
}

// reportLostSignal reports the Wait of s, which checks no condition,
// as one that blocks for ever when the one signal that would wake it
// comes first: a one-shot publication (judgeUnconditional) or a lost
// wake-up (judgeStartedWaiter). why ends the message. The story starts
// at start, the go statement that lets the signal race the Wait, goes
// through steps, and ends at the Wait, blocked.
func reportLostSignal(pass *analysis.Pass, s waitSite, why string, start finding.Place, steps ...storyStep) {
	d := analysis.Diagnostic{
		Pos:      s.call.Pos(),
		End:      s.call.End(),
		Category: "loop",
		Message:  "sync.Cond.Wait checks no condition: " + why,
	}
	var tr finding.Trace
	tr.Step(start)
	for _, st := range steps {
		if st.related {
			tr.Related(&d, st.Place)
		} else {
			tr.Step(st.Place)
		}
	}
	wait := nodePlace(s.call, "waits for a signal that already came", finding.OpWait)
	wait.Goroutine = analysisutil.GoroutineOfPos(pass, s.call.Pos())
	wait.Blocks = true
	tr.Step(wait)
	tr.Report(pass, d)
}

// uncheckedWait returns the variable or field holding the Cond that s
// waits on, the body of the waiting function and the index in it of
// the Wait statement of s when that statement is in the body itself,
// after the lock is taken and after no if, for, switch, select or go
// statement: nothing was checked before waiting. It returns a nil body
// otherwise, or when the Cond is not held in a variable or field.
func uncheckedWait(info *types.Info, s waitSite, fnIdx int) (cond *types.Var, body *ast.BlockStmt, k int) {
	cond = condVar(info, s.call)
	if cond == nil || fnIdx+2 >= len(s.stack) {
		return nil, nil, -1
	}
	switch fn := s.stack[fnIdx].(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	if body == nil || s.stack[fnIdx+1] != body {
		return nil, nil, -1
	}
	k = -1
	for j, st := range body.List {
		if st == s.stack[fnIdx+2] {
			k = j
		}
	}
	if k < 0 {
		return nil, nil, -1
	}
	locked := false
	for _, st := range body.List[:k] {
		if checksOrStarts(st) {
			return nil, nil, -1
		}
		if e, ok := st.(*ast.ExprStmt); ok && isLockCall(info, e.X) {
			locked = true
		}
	}
	if !locked {
		return nil, nil, -1
	}
	return cond, body, k
}

// signalsOnce calls visit with each Signal or Broadcast on cond and the
// declared function it is in, and reports whether every one is outside
// loops, in a declared function, and accepted by visit: it stops at the
// first that is not.
func signalsOnce(info *types.Info, ins *inspector.Inspector, cond *types.Var, visit func(call *ast.CallExpr, decl *ast.FuncDecl) bool) bool {
	once := true
	ins.WithStack([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push || !once {
			return false
		}
		call := n.(*ast.CallExpr)
		fn := analysisutil.CalleeFunc(info, call)
		if !analysisutil.IsMethod(fn, "sync", "Cond", "Broadcast") && !analysisutil.IsMethod(fn, "sync", "Cond", "Signal") {
			return true
		}
		if condVar(info, call) != cond {
			return true
		}
		decl, _ := enclosingFunc(stack).(*ast.FuncDecl)
		if inLoop(stack) || decl == nil || !visit(call, decl) {
			once = false
			return false
		}
		return true
	})
	return once
}

// condVar returns the variable or field holding the Cond of a call
// c.Wait(), c.Broadcast() or c.Signal(), or nil.
func condVar(info *types.Info, call *ast.CallExpr) *types.Var {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	return varOf(info, sel.X)
}

// checksOrStarts reports whether st tests a condition or starts a
// goroutine (outside function literals).
func checksOrStarts(st ast.Stmt) bool {
	found := false
	ast.Inspect(st, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.GoStmt:
			found = true
		case *ast.FuncLit:
			return false
		}
		return !found
	})
	return found
}

// isLockCall reports whether e calls a method Lock without arguments.
func isLockCall(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	fn := analysisutil.CalleeFunc(info, call)
	return fn != nil && fn.Name() == "Lock"
}

// publishes reports whether body assigns, before the signal call, one
// of the variables or fields in read.
func publishes(info *types.Info, body *ast.BlockStmt, signal *ast.CallExpr, read map[*types.Var]bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found || as.Pos() >= signal.Pos() {
			return !found
		}
		for _, lhs := range as.Lhs {
			for v := range leafVars(info, lhs) {
				if read[v] {
					found = true
				}
			}
		}
		return false
	})
	return found
}

// startedOnce returns a go statement, outside loops and outside the
// waiting function, that starts fn.
func startedOnce(pass *analysis.Pass, ins *inspector.Inspector, fn *types.Func, waiter ast.Node) *ast.GoStmt {
	var start *ast.GoStmt
	ins.WithStack([]ast.Node{(*ast.GoStmt)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push || start != nil {
			return false
		}
		g := n.(*ast.GoStmt)
		if analysisutil.CalleeFunc(pass.TypesInfo, g.Call) != fn {
			return false
		}
		for _, a := range stack {
			if a == waiter {
				return false
			}
			switch a.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				return false
			}
		}
		start = g
		return false
	})
	return start
}
