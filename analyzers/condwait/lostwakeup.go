package condwait

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
)

// judgeStartedWaiter reports a Wait that checks no condition, run by a
// goroutine started on its own, when the one signal that would wake it
// is followed by a wait for that goroutine: if the signal comes before
// the goroutine reaches Wait (nothing orders them: the goroutine is
// started elsewhere, and takes the lock only once it runs), the Wait
// blocks for ever and so does the signaller (a lost wake-up; Go's Cond
// remembers no signal).
//
// The model, on the syntax: the Wait statement is in the body of the
// goroutine's function itself, after the lock is taken and after no
// if, for, switch, select or go statement (uncheckedWait), and before
// it the goroutine calls nothing but Lock and hands nothing on (no
// send, receive or close: no handshake tells the signaller that it is
// about to wait); the function is started by a go statement outside
// loops (a go statement on a function literal, or on a function
// started nowhere else in a loop); every Signal or Broadcast on the
// Cond is outside loops, in a declared function other than the
// goroutine's; and after one of them its function receives from a
// channel the goroutine closes or sends on after the Wait (or in a
// defer), or waits on a WaitGroup the goroutine counts down.
func judgeStartedWaiter(pass *analysis.Pass, ins *inspector.Inspector, s waitSite, fnIdx int) {
	info := pass.TypesInfo
	cond, body, k := uncheckedWait(info, s, fnIdx)
	if body == nil || handsOnBefore(info, body.List[:k]) {
		return
	}
	start := waiterStart(pass, ins, s, fnIdx)
	if start == nil {
		return
	}
	closes, dones := waiterEnds(info, body, k)
	if len(closes) == 0 && len(dones) == 0 {
		return
	}

	type signal struct {
		call *ast.CallExpr
		wait ast.Node // where the signaller then waits for the goroutine
	}
	var signals []signal
	waiter := s.stack[fnIdx]
	oneShot := signalsOnce(info, ins, cond, func(call *ast.CallExpr, decl *ast.FuncDecl) bool {
		if ast.Node(decl) == waiter {
			return false
		}
		if w := waitsForWaiter(info, decl.Body, call.End(), closes, dones); w != nil {
			signals = append(signals, signal{call, w})
		}
		return true
	})
	if !oneShot || len(signals) == 0 {
		return
	}
	sg := signals[0]
	waits := nodePlace(sg.wait, "then waits for the waiting goroutine here", finding.OpWait)
	waits.Blocks = true
	reportLostSignal(pass, s, "a signal sent before this goroutine waits is lost, and the signaller then waits for it for ever",
		finding.Place{Pos: start.Pos(), Message: "the waiting goroutine is started here", Op: finding.OpGo},
		storyStep{Place: nodePlace(sg.call, "signalled once here, possibly before the goroutine waits", finding.OpOther), related: true},
		storyStep{Place: waits, related: true})
}

// handsOnBefore reports whether the statements before the Wait call
// anything but Lock or RLock, or operate on a channel: a handshake
// that may tell the signaller the goroutine is about to wait. Deferred
// calls run at the exit and do not count.
func handsOnBefore(info *types.Info, list []ast.Stmt) bool {
	found := false
	for _, st := range list {
		if _, ok := st.(*ast.DeferStmt); ok {
			continue
		}
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.SendStmt:
				found = true
			case *ast.UnaryExpr:
				if n.Op == token.ARROW {
					found = true
				}
			case *ast.CallExpr:
				if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
					return true // a conversion
				}
				if fn := analysisutil.CalleeFunc(info, n); fn == nil || fn.Name() != "Lock" && fn.Name() != "RLock" || len(n.Args) != 0 {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// waiterStart returns the go statement, outside loops, that starts the
// waiting function of s: the go statement of a function literal, or
// one that starts the declared function, outside it.
func waiterStart(pass *analysis.Pass, ins *inspector.Inspector, s waitSite, fnIdx int) *ast.GoStmt {
	switch fn := s.stack[fnIdx].(type) {
	case *ast.FuncLit:
		if fnIdx < 2 {
			return nil
		}
		call, ok := s.stack[fnIdx-1].(*ast.CallExpr)
		if !ok || ast.Unparen(call.Fun) != fn {
			return nil
		}
		g, ok := s.stack[fnIdx-2].(*ast.GoStmt)
		if !ok || inLoop(s.stack[:fnIdx-2]) {
			return nil
		}
		return g
	case *ast.FuncDecl:
		obj, _ := pass.TypesInfo.Defs[fn.Name].(*types.Func)
		if obj == nil {
			return nil
		}
		return startedOnce(pass, ins, obj, fn)
	}
	return nil
}

// waiterEnds returns the channels the waiting goroutine closes or
// sends on after the Wait (body.List[k]) or in a deferred call, and
// the WaitGroups it counts down there: what its waiter may wait on.
func waiterEnds(info *types.Info, body *ast.BlockStmt, k int) (closes, dones map[*types.Var]bool) {
	closes = make(map[*types.Var]bool)
	dones = make(map[*types.Var]bool)
	add := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.SendStmt:
				if v := varOf(info, n.Chan); v != nil {
					closes[v] = true
				}
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 1 {
					if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "close" {
						if v := varOf(info, n.Args[0]); v != nil {
							closes[v] = true
						}
					}
				}
				if fn := analysisutil.CalleeFunc(info, n); analysisutil.IsMethod(fn, "sync", "WaitGroup", "Done") {
					if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
						if v := varOf(info, sel.X); v != nil {
							dones[v] = true
						}
					}
				}
			}
			return true
		})
	}
	for j, st := range body.List {
		if _, ok := st.(*ast.DeferStmt); ok || j > k {
			add(st)
		}
	}
	return closes, dones
}

// waitsForWaiter returns the first receive from a channel in closes,
// or Wait on a WaitGroup in dones, in body after pos (outside function
// literals), or nil.
func waitsForWaiter(info *types.Info, body *ast.BlockStmt, pos token.Pos, closes, dones map[*types.Var]bool) ast.Node {
	var found ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			if n.Op == token.ARROW && n.Pos() > pos && closes[varOf(info, n.X)] {
				found = n
			}
		case *ast.CallExpr:
			if n.Pos() <= pos {
				return true
			}
			if fn := analysisutil.CalleeFunc(info, n); analysisutil.IsMethod(fn, "sync", "WaitGroup", "Wait") {
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && dones[varOf(info, sel.X)] {
					found = n
				}
			}
		}
		return found == nil
	})
	return found
}
