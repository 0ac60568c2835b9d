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
	cond := condVar(info, s.call)
	body, k := uncheckedWait(info, s, fnIdx)
	if cond == nil || body == nil {
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
		g := analysisutil.GoroutineOfPos(pass, s.call.Pos())
		d := analysis.Diagnostic{
			Pos:      s.call.Pos(),
			End:      s.call.End(),
			Category: "loop",
			Message:  "sync.Cond.Wait checks no condition: it blocks for ever if the signal came before it",
		}
		var tr finding.Trace
		tr.Step(finding.Place{Pos: start.Pos(), Message: "the signaller is started here, on its own", Op: finding.OpGo})
		tr.Step(finding.Place{Pos: sg.call.Pos(), End: sg.call.End(), Message: "it may signal before anyone waits", Op: finding.OpOther})
		tr.Related(&d, finding.Place{Pos: sg.call.Pos(), End: sg.call.End(), Message: "signalled once here, by a goroutine started on its own", Op: finding.OpOther})
		tr.Step(finding.Place{Pos: s.call.Pos(), End: s.call.End(), Message: "waits for a signal that already came", Goroutine: g, Op: finding.OpWait, Blocks: true})
		tr.Report(pass, d)
		return true
	}
	return false
}

// uncheckedWait returns the body of the waiting function and the index
// in it of the Wait statement of s when that statement is in the body
// itself, after the lock is taken and after no if, for, switch, select
// or go statement: nothing was checked before waiting. It returns nil
// otherwise.
func uncheckedWait(info *types.Info, s waitSite, fnIdx int) (*ast.BlockStmt, int) {
	if fnIdx+2 >= len(s.stack) {
		return nil, -1
	}
	var body *ast.BlockStmt
	switch fn := s.stack[fnIdx].(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	if body == nil || s.stack[fnIdx+1] != body {
		return nil, -1
	}
	k := -1
	for j, st := range body.List {
		if st == s.stack[fnIdx+2] {
			k = j
		}
	}
	if k < 0 {
		return nil, -1
	}
	locked := false
	for _, st := range body.List[:k] {
		if checksOrStarts(st) {
			return nil, -1
		}
		if e, ok := st.(*ast.ExprStmt); ok && isLockCall(info, e.X) {
			locked = true
		}
	}
	if !locked {
		return nil, -1
	}
	return body, k
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
