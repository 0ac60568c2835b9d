package condwait

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
)

// A waitSite is a call statement of sync.Cond.Wait or of a function
// that may turn out to be a waiter (declared in this package, or
// imported with a waiterFact), with its ancestors from the file down.
type waitSite struct {
	call  *ast.CallExpr
	fn    *types.Func
	stack []ast.Node
}

// outcome says where control goes once the Wait statement completes.
type outcome int

const (
	unknownFlow outcome = iota // goto, fallthrough, labelled break: refuse to judge
	backEdge                   // back to a loop head, which re-checks
	funcExit                   // the function returns without looking at state
	moreCode                   // further code runs, assuming the condition now holds
)

// checkLoops applies the loop rule to every Wait call, seeing through
// waiter functions of this package and of imported ones (facts).
// It returns the Wait and Unlock calls of the package by the position
// of their left parenthesis, which is how go/ssa identifies a call.
func checkLoops(pass *analysis.Pass) map[token.Pos]*ast.CallExpr {
	waits := make(map[token.Pos]*ast.CallExpr)
	var sites []waitSite
	analysisutil.EachCall(pass, func(call *ast.CallExpr, stack []ast.Node) {
		fn := analysisutil.CalleeFunc(pass.TypesInfo, call)
		if fn == nil {
			return
		}
		fn = fn.Origin()
		if isCondWait(fn) || fn.Name() == "Unlock" || fn.Name() == "RUnlock" {
			// Unlocks too: the lock rule points at them.
			waits[call.Lparen] = call
		}
		if len(stack) < 3 {
			return
		}
		if st, ok := stack[len(stack)-2].(*ast.ExprStmt); !ok || st.X != call {
			return
		}
		if isCondWait(fn) || fn.Pkg() == pass.Pkg || pass.ImportObjectFact(fn, new(waiterFact)) {
			sites = append(sites, waitSite{call, fn, append([]ast.Node(nil), stack...)})
		}
	})

	// Waiters may wrap waiters: iterate to a fixed point before judging.
	waiters := make(map[*types.Func]bool)
	isWaiter := func(fn *types.Func) bool {
		return isCondWait(fn) || waiters[fn] || (fn.Pkg() != pass.Pkg && pass.ImportObjectFact(fn, new(waiterFact)))
	}
	for changed := true; changed; {
		changed = false
		for _, s := range sites {
			if !isWaiter(s.fn) {
				continue
			}
			if decl := wrapperOf(pass, s); decl != nil && !waiters[decl] {
				waiters[decl] = true
				changed = true
			}
		}
	}
	for fn := range waiters {
		pass.ExportObjectFact(fn, new(waiterFact))
	}

	// The tests of package sync check the raw semantics of Signal
	// with waits that are deliberately not re-checked.
	if analysisutil.FactsOnly(pass) || pass.Pkg.Path() == "sync" || pass.Pkg.Path() == "sync_test" {
		return waits
	}
	ins := analysisutil.Inspector(pass)
	for _, s := range sites {
		if isWaiter(s.fn) {
			judge(pass, ins, s)
		}
	}
	return waits
}

func isCondWait(fn *types.Func) bool {
	return analysisutil.IsMethod(fn, "sync", "Cond", "Wait")
}

// waitShape locates, for the Wait statement at stack[len-2], the
// enclosing function (index of its FuncDecl or FuncLit), the nearest
// enclosing loop within it (-1 if none) and the innermost if between
// the two (-1 if none).
func waitShape(stack []ast.Node) (fnIdx, loopIdx, ifIdx int) {
	fnIdx, loopIdx, ifIdx = -1, -1, -1
	for j := len(stack) - 3; j >= 0; j-- {
		child := stack[j+1]
		switch n := stack[j].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			fnIdx = j
			return
		case *ast.ForStmt:
			if loopIdx < 0 && (child == n.Body || child == n.Post) {
				loopIdx = j
			}
		case *ast.RangeStmt:
			if loopIdx < 0 && child == n.Body {
				loopIdx = j
			}
		case *ast.IfStmt:
			if loopIdx < 0 && ifIdx < 0 && (child == n.Body || child == n.Else) {
				ifIdx = j
			}
		}
	}
	return
}

// wrapperOf returns the declared function of which the site is the
// final act outside any loop, making that function a waiter itself.
func wrapperOf(pass *analysis.Pass, s waitSite) *types.Func {
	fnIdx, loopIdx, _ := waitShape(s.stack)
	if fnIdx < 0 || loopIdx >= 0 {
		return nil
	}
	decl, ok := s.stack[fnIdx].(*ast.FuncDecl)
	if !ok || flowAfter(pass.TypesInfo, s.stack, len(s.stack)-2) != funcExit {
		return nil
	}
	fn, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	return fn
}

func judge(pass *analysis.Pass, ins *inspector.Inspector, s waitSite) {
	fnIdx, loopIdx, ifIdx := waitShape(s.stack)
	if fnIdx < 0 {
		return
	}
	switch flowAfter(pass.TypesInfo, s.stack, len(s.stack)-2) {
	case backEdge, unknownFlow:
		return
	case funcExit:
		if loopIdx < 0 {
			return // a waiter: its callers are checked instead
		}
	}
	what := "sync.Cond.Wait"
	if !isCondWait(s.fn) {
		what = fmt.Sprintf("%s (which waits on a sync.Cond)", funcName(pass.Pkg, s.fn))
	}
	if ifIdx >= 0 {
		ifs := s.stack[ifIdx].(*ast.IfStmt)
		if !reliesOnCondition(pass, s.stack, ifIdx, loopIdx, fnIdx) {
			// The code after the Wait does not use what the condition
			// tested: the Wait waits for an event (a wake-up), not for
			// the condition, as in grpc's keepalive loop.
			return
		}
		nonNil := storesNonNil(pass)
		if soleWaiter(pass, ins, nonNil, s, ifIdx, fnIdx) {
			// Nothing can make the condition hold again between the
			// wake-up and the return of the only waiter.
			return
		}
		if latch(pass, ins, nonNil, s, ifIdx) {
			// Once true the condition stays true: no waiter wakes
			// to find it false.
			return
		}
		if completesOnce(pass, ins, s) {
			// The Cond is woken once, when its entry completes.
			return
		}
		d := analysis.Diagnostic{
			Pos:     s.call.Pos(),
			End:     s.call.End(),
			Message: what + " called under if: wait in a for loop that re-checks the condition",
			Related: []analysis.RelatedInformation{{
				Pos:     ifs.Cond.Pos(),
				End:     ifs.Cond.End(),
				Message: "condition checked only once here",
			}},
		}
		if ifToForIsSafe(pass.TypesInfo, s.stack, ifIdx) {
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message: "Replace if with for",
				TextEdits: []analysis.TextEdit{{
					Pos:     ifs.If,
					End:     ifs.If + token.Pos(len("if")),
					NewText: []byte("for"),
				}},
			}}
			d.SuggestedFixes = analysisutil.Editable(pass.Fset, d.SuggestedFixes)
		}
		d.Category = "loop"
		var tr finding.Trace
		g := analysisutil.GoroutineOfPos(pass, s.call.Pos())
		tr.Step(finding.Place{Pos: ifs.Cond.Pos(), End: ifs.Cond.End(), Message: "condition checked only once here", Goroutine: g, Op: finding.OpRead})
		tr.Step(finding.Place{Pos: s.call.Pos(), End: s.call.End(), Goroutine: g, Op: finding.OpWait})
		if next := stmtAfter(s.stack, ifIdx); next != nil {
			tr.Step(finding.Place{Pos: next.Pos(), Message: "goes on after waking without checking the condition again", Goroutine: g, Op: finding.OpOther})
		}
		tr.Report(pass, d)
		return
	}
	// An unconditional Wait outside any loop waits for the next Signal
	// or Broadcast. Go's Cond has no spurious wake-ups, so this is
	// correct when the signaller is known to come later (tests of the
	// Cond itself do it): reported only when the signal is a one-shot
	// publication that may come first.
	if loopIdx < 0 && isCondWait(s.fn) {
		if !judgeUnconditional(pass, ins, s, fnIdx) {
			judgeStartedWaiter(pass, ins, s, fnIdx)
		}
	}
}

// flowAfter says where control goes after the statement stack[i]
// completes normally, looking only at the syntax up to the enclosing
// function.
func flowAfter(info *types.Info, stack []ast.Node, i int) outcome {
	if i < 1 {
		return unknownFlow
	}
	stmt := stack[i]
	switch p := stack[i-1].(type) {
	case *ast.BlockStmt:
		if out, ok := afterInList(info, stack, i, p.List, stmt); ok {
			return out
		}
		// The block ran to its end.
		if i < 2 {
			return unknownFlow
		}
		switch stack[i-2].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return funcExit
		case *ast.ForStmt, *ast.RangeStmt:
			return backEdge
		case *ast.IfStmt:
			return flowAfter(info, stack, i-2)
		case *ast.BlockStmt, *ast.LabeledStmt, *ast.CaseClause, *ast.CommClause:
			return flowAfter(info, stack, i-1)
		}
	case *ast.CaseClause:
		if out, ok := afterInList(info, stack, i, p.Body, stmt); ok {
			return out
		}
		if i >= 3 {
			return flowAfter(info, stack, i-3) // clause, switch body, switch statement
		}
	case *ast.CommClause:
		if p.Comm == stmt {
			return unknownFlow
		}
		if out, ok := afterInList(info, stack, i, p.Body, stmt); ok {
			return out
		}
		if i >= 3 {
			return flowAfter(info, stack, i-3)
		}
	case *ast.LabeledStmt:
		return flowAfter(info, stack, i-1)
	case *ast.IfStmt:
		if p.Else == stmt {
			return flowAfter(info, stack, i-1)
		}
	case *ast.ForStmt:
		if p.Post == stmt {
			return backEdge
		}
	}
	return unknownFlow
}

// afterInList judges the statements following stmt in list; ok is
// false when there are none, so control leaves the list.
func afterInList(info *types.Info, stack []ast.Node, i int, list []ast.Stmt, stmt ast.Node) (outcome, bool) {
	k := -1
	for j, s := range list {
		if s == stmt {
			k = j
		}
	}
	if k < 0 {
		return unknownFlow, true
	}
	for _, next := range list[k+1:] {
		switch next := next.(type) {
		case *ast.EmptyStmt:
			continue
		case *ast.ExprStmt:
			if isUnlock(info, next.X) {
				continue // releasing the lock does not rely on the condition
			}
		case *ast.BranchStmt:
			switch {
			case next.Tok == token.CONTINUE:
				return backEdge, true
			case next.Tok == token.BREAK && next.Label == nil:
				return afterBreak(info, stack, i), true
			}
			return unknownFlow, true
		case *ast.ReturnStmt:
			for _, r := range next.Results {
				if !isConstOrNil(info, r) {
					return moreCode, true
				}
			}
			return funcExit, true
		}
		return moreCode, true
	}
	return unknownFlow, false
}

// afterBreak follows an unlabelled break at stack[i] to its target.
func afterBreak(info *types.Info, stack []ast.Node, i int) outcome {
	for j := i - 1; j >= 0; j-- {
		switch stack[j].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return unknownFlow
		case *ast.ForStmt, *ast.RangeStmt:
			return moreCode // leaves the loop that should have re-checked
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			return flowAfter(info, stack, j)
		}
	}
	return unknownFlow
}

// isUnlock reports whether e calls a method Unlock or RUnlock without
// parameters or results: the sync ones, sync.Locker, and the
// wrappers that types guarded by a mutex commonly define.
func isUnlock(info *types.Info, e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := analysisutil.CalleeFunc(info, call)
	if fn == nil || (fn.Name() != "Unlock" && fn.Name() != "RUnlock") {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Recv() != nil && sig.Params().Len() == 0 && sig.Results().Len() == 0
}

func isConstOrNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && (tv.Value != nil || tv.IsNil())
}

// ifToForIsSafe reports whether replacing the keyword of the if at
// stack[ifIdx] by for keeps the program compiling and makes the body
// repeat until the condition fails, and nothing else: no init, no
// else, not an else-if, a non-constant condition, and a body without
// break, continue or return that the new loop would capture or cut
// short.
func ifToForIsSafe(info *types.Info, stack []ast.Node, ifIdx int) bool {
	ifs := stack[ifIdx].(*ast.IfStmt)
	if ifs.Init != nil || ifs.Else != nil || ifIdx < 1 {
		return false
	}
	if parent, ok := stack[ifIdx-1].(*ast.IfStmt); ok && parent.Else == ifs {
		return false
	}
	if tv, ok := info.Types[ifs.Cond]; !ok || tv.Value != nil {
		return false
	}
	return !hasEscapingJump(ifs.Body, false, false)
}

// hasEscapingJump reports whether n contains a return, goto, or an
// unlabelled break or continue whose target lies outside n.
// inBreakable/inLoop tell whether such a target exists inside n.
func hasEscapingJump(n ast.Node, inBreakable, inLoop bool) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found || m == nil {
			return false
		}
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.BranchStmt:
			switch {
			case m.Tok == token.GOTO, m.Tok == token.FALLTHROUGH && !inBreakable:
				found = true
			case m.Label != nil:
				// Labelled break and continue keep their target.
			case m.Tok == token.BREAK && !inBreakable, m.Tok == token.CONTINUE && !inLoop:
				found = true
			}
		case *ast.ForStmt, *ast.RangeStmt:
			if m != n {
				found = hasEscapingJump(m, true, true)
				return false
			}
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			if m != n {
				found = hasEscapingJump(m, true, inLoop)
				return false
			}
		}
		return !found
	})
	return found
}

// funcName names fn for a message: "(*T).m", "T.m", "f" or "pkg.f".
func funcName(from *types.Package, fn *types.Func) string {
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		t := sig.Recv().Type()
		star := ""
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t, star = p.Elem(), "*"
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return fmt.Sprintf("(%s%s).%s", star, n.Obj().Name(), fn.Name())
		}
		return fn.Name()
	}
	if fn.Pkg() != nil && fn.Pkg() != from {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// reliesOnCondition reports whether the code that runs after the Wait
// may act on the condition checked once before it. Outside a loop, or
// when that code can break out of the loop (to code not examined
// here), it does. Inside a loop it does when the code after the Wait,
// up to the end of the loop body, reads a variable or field that the
// if condition tested, unless every such read copes with the value
// the condition saw (see toleratesEmpty): the guide's §4.4 consumer
// reads queue[0] after `if len(queue) == 0 && !done { cond.Wait() }`.
// Event loops that wait for a wake-up and then act on whatever state
// they find (grpc's keepalive loop, nats' writeLoop) read other state,
// or only overwrite what they tested.
func reliesOnCondition(pass *analysis.Pass, stack []ast.Node, ifIdx, loopIdx, fnIdx int) bool {
	info := pass.TypesInfo
	tested := leafVars(info, stack[ifIdx].(*ast.IfStmt).Cond)
	if loopIdx < 0 || loopIdx < fnIdx || len(tested) == 0 {
		return true
	}
	reads := false
	var after []ast.Stmt
	for i := len(stack) - 2; i > loopIdx; i-- {
		var list []ast.Stmt
		switch n := stack[i].(type) {
		case *ast.BlockStmt:
			switch stack[i-1].(type) {
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				continue // the other clauses are alternatives, not what follows
			}
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		default:
			continue
		}
		seen := false
		for _, st := range list {
			if !seen {
				seen = st == stack[i+1]
				continue
			}
			if leaves(st) {
				return true
			}
			after = append(after, st)
			for v := range readVars(info, st) {
				reads = reads || tested[v]
			}
		}
	}
	return reads && !toleratesEmpty(pass, after, tested)
}

// leaves reports whether n contains a break or goto (outside function
// literals): code after the Wait that may leave the loop for code not
// examined. A return's results are examined like any other code.
func leaves(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			if n.Tok == token.BREAK || n.Tok == token.GOTO {
				found = true
			}
		}
		return !found
	})
	return found
}

// leafVars returns the variables and fields that n reads or writes,
// counting a selector x.f as f alone: the receiver of a method is used
// everywhere and says nothing about which state is meant. A method
// called on a field (d.q.empty()) uses that field.
func leafVars(info *types.Info, n ast.Node) map[*types.Var]bool {
	vars := make(map[*types.Var]bool)
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if v, ok := info.Uses[n.Sel].(*types.Var); ok {
				vars[v] = true
				return false
			}
			_, onField := ast.Unparen(n.X).(*ast.SelectorExpr)
			return onField
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok {
				vars[v] = true
			}
		case *ast.FuncLit:
			return false
		}
		return true
	})
	return vars
}

// readVars is leafVars for the variables and fields that n reads: the
// plain targets of assignments (x = ..., s.f = ...) are left out.
func readVars(info *types.Info, n ast.Node) map[*types.Var]bool {
	vars := make(map[*types.Var]bool)
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				switch ast.Unparen(lhs).(type) {
				case *ast.Ident, *ast.SelectorExpr:
					if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
						maps.Copy(vars, leafVars(info, lhs)) // x += 1 reads x
					}
				default:
					maps.Copy(vars, leafVars(info, lhs))
				}
			}
			for _, rhs := range n.Rhs {
				maps.Copy(vars, leafVars(info, rhs))
			}
			return false
		case *ast.FuncLit:
			return false
		}
		if e, ok := n.(ast.Expr); ok {
			maps.Copy(vars, leafVars(info, e))
			return false
		}
		return true
	})
	return vars
}

// stmtAfter returns the statement after stack[i] in its block, or nil.
func stmtAfter(stack []ast.Node, i int) ast.Stmt {
	if i < 1 {
		return nil
	}
	var list []ast.Stmt
	switch p := stack[i-1].(type) {
	case *ast.BlockStmt:
		list = p.List
	case *ast.CaseClause:
		list = p.Body
	case *ast.CommClause:
		list = p.Body
	}
	for k, st := range list {
		if st == stack[i] && k+1 < len(list) {
			return list[k+1]
		}
	}
	return nil
}
