package condwait

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
)

// soleWaiter reports whether the Wait of site s, under the if at
// stack[ifIdx] in the function at stack[fnIdx], is the only wait on
// its Cond and finds the condition still false when it returns (the
// if tests the negation of what it waits for): one goroutine per Cond
// runs the waiting function (it is started once, by the go statement
// of the function that makes the Cond, and runs nowhere else), no
// other code writes the state the condition tests except to make it
// true (append, set true, count up), and every Signal or Broadcast
// comes after such a write. Then nothing can make the condition hold
// again between the wake-up and the Wait's return: the if is enough.
// A mailbox whose one delivery goroutine empties pending, woken by
// Post after it appends, is this case; workers started in a loop are
// not.
func soleWaiter(pass *analysis.Pass, ins *inspector.Inspector, nonNil nonNilStore, s waitSite, ifIdx, fnIdx int) bool {
	info := pass.TypesInfo
	cond, tested, ok := privateWait(pass, s, ifIdx)
	if !ok {
		return false
	}
	waiter := s.stack[fnIdx]

	maker, _, ok := condUses(pass, ins, cond, waiter, nonNil, tested)
	if !ok || maker == nil || !startedOnceBy(pass, ins, waiter, maker) {
		return false
	}
	return onlyFills(info, nonNil, ins, waiter, tested)
}

// latch reports whether the Wait of site s, under the if at
// stack[ifIdx], waits for a condition that, once true, stays true: the
// Cond and the state the condition tests are private to the package,
// every write of that state anywhere moves it the way that ends the
// wait (sets the flag, stores a value, counts up), and every Signal or
// Broadcast on the Cond comes after such a write in its function. Any
// number of waiters then find the condition true when they wake (Go's
// Cond has no spurious wake-ups): a promise whose Get waits under if
// for the value Set stores once.
func latch(pass *analysis.Pass, ins *inspector.Inspector, nonNil nonNilStore, s waitSite, ifIdx int) bool {
	info := pass.TypesInfo
	cond, tested, ok := privateWait(pass, s, ifIdx)
	if !ok {
		return false
	}
	// At least one signal, each after a write that ends the wait.
	if _, n, ok := condUses(pass, ins, cond, nil, nonNil, tested); !ok || n == 0 {
		return false
	}
	return onlyFills(info, nonNil, ins, nil, tested)
}

// privateWait returns the Cond that the Wait of site s (a call of
// sync.Cond's Wait itself) waits on, and the state the condition of
// the if at stack[ifIdx] tests, with the way each ends the wait
// (endings), when the package's code alone can use them all.
func privateWait(pass *analysis.Pass, s waitSite, ifIdx int) (*types.Var, map[*types.Var]ending, bool) {
	info := pass.TypesInfo
	if !isCondWait(s.fn) {
		return nil, nil, false
	}
	sel, ok := ast.Unparen(s.call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, nil, false
	}
	cond := varOf(info, sel.X)
	if cond == nil || !private(cond, pass.Pkg) {
		return nil, nil, false
	}
	tested := endings(info, s.stack[ifIdx].(*ast.IfStmt).Cond)
	if len(tested) == 0 {
		return nil, nil, false
	}
	for v := range tested {
		if !private(v, pass.Pkg) {
			return nil, nil, false
		}
	}
	return cond, tested, true
}

// condUses checks every use of the Cond cond: made by one function
// (returned, with the number of signals), waited on only in waiter (anywhere when waiter is nil),
// signalled only in waiter or after a write that ends the wait (see
// filledBefore), and used otherwise only for its lock or a nil test.
func condUses(pass *analysis.Pass, ins *inspector.Inspector, cond *types.Var, waiter ast.Node, nonNil nonNilStore, tested map[*types.Var]ending) (maker ast.Node, signals int, ok bool) {
	info := pass.TypesInfo
	ok = true
	ins.WithStack([]ast.Node{(*ast.Ident)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push || !ok {
			return false
		}
		id := n.(*ast.Ident)
		if info.Uses[id] != cond && info.Defs[id] != cond {
			return true
		}
		use, parent := useOf(stack)
		fn := enclosingFunc(stack)
		switch {
		case isCondMake(info, use, parent):
			if maker != nil && maker != fn {
				ok = false
			}
			maker = fn
		case isMethodCall(parent, use, "Wait"):
			ok = ok && (waiter == nil || fn == waiter)
		case isMethodCall(parent, use, "Signal"), isMethodCall(parent, use, "Broadcast"):
			ok = ok && (waiter != nil && fn == waiter || filledBefore(info, nonNil, fn, use.Pos(), tested))
			signals++
		case isLockerUse(parent, use), isNilTest(info, parent):
		default:
			if info.Defs[id] == nil {
				ok = false // the Cond goes where we cannot follow it
			}
		}
		return true
	})
	return maker, signals, ok
}

// varOf returns the variable or field e names.
func varOf(info *types.Info, e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := info.Uses[e].(*types.Var)
		return v
	case *ast.SelectorExpr:
		v, _ := info.Uses[e.Sel].(*types.Var)
		return v
	}
	return nil
}

// private reports whether only the code of pkg can use v: a local
// variable, or an unexported field or package variable of pkg.
func private(v *types.Var, pkg *types.Package) bool {
	local := v.Parent() != nil && v.Parent() != pkg.Scope()
	return v.Pkg() == pkg && (local || !v.Exported())
}

// useOf returns the expression that uses the identifier at the top of
// stack (the identifier, or the selector x.f whose f it is) and its
// parent.
func useOf(stack []ast.Node) (ast.Node, ast.Node) {
	i := len(stack) - 1
	if i > 0 {
		if sel, ok := stack[i-1].(*ast.SelectorExpr); ok && sel.Sel == stack[i] {
			i--
		}
	}
	for i > 0 {
		if _, ok := stack[i-1].(*ast.ParenExpr); !ok {
			break
		}
		i--
	}
	if i == 0 {
		return stack[i], nil
	}
	return stack[i], stack[i-1]
}

func enclosingFunc(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return stack[i]
		}
	}
	return nil
}

// isCondMake reports whether use is assigned a new Cond: x =
// sync.NewCond(...), x := &sync.Cond{...}, var x = ..., a field set to
// *sync.NewCond(...) in a composite literal.
func isCondMake(info *types.Info, use, parent ast.Node) bool {
	var rhs ast.Expr
	switch p := parent.(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) != len(p.Rhs) {
			return false
		}
		for i, l := range p.Lhs {
			if l == use {
				rhs = p.Rhs[i]
			}
		}
	case *ast.ValueSpec:
		for i, n := range p.Names {
			if n == use && i < len(p.Values) {
				rhs = p.Values[i]
			}
		}
	case *ast.KeyValueExpr:
		if p.Key == use {
			rhs = p.Value
		}
	}
	if rhs == nil {
		return false
	}
	if star, ok := ast.Unparen(rhs).(*ast.StarExpr); ok {
		rhs = star.X // a Cond held by value: *sync.NewCond(l)
	}
	switch r := ast.Unparen(rhs).(type) {
	case *ast.CallExpr:
		return analysisutil.IsFunc(analysisutil.CalleeFunc(info, r), "sync", "NewCond")
	case *ast.UnaryExpr:
		lit, ok := r.X.(*ast.CompositeLit)
		return ok && r.Op == token.AND && analysisutil.IsNamed(info.TypeOf(lit), "sync", "Cond")
	}
	return false
}

// isMethodCall reports whether parent is use.name, called.
func isMethodCall(parent, use ast.Node, name string) bool {
	sel, ok := parent.(*ast.SelectorExpr)
	return ok && sel.X == use && sel.Sel.Name == name
}

// isNilTest reports whether parent compares its operand with nil:
// a read that neither shares the Cond nor wakes anyone.
func isNilTest(info *types.Info, parent ast.Node) bool {
	b, ok := parent.(*ast.BinaryExpr)
	return ok && (b.Op == token.EQL || b.Op == token.NEQ) && (info.Types[b.X].IsNil() || info.Types[b.Y].IsNil())
}

// isLockerUse reports whether parent is use.L: the Cond's lock.
func isLockerUse(parent, use ast.Node) bool {
	sel, ok := parent.(*ast.SelectorExpr)
	return ok && sel.X == use && sel.Sel.Name == "L"
}

// startedOnceBy reports whether the waiting function runs in one
// goroutine for each Cond that maker makes: a go statement outside any
// loop, in a function that runs once per maker, starts it or a
// function that calls it, and it runs nowhere else: each call in the
// chain is the function's only use.
func startedOnceBy(pass *analysis.Pass, ins *inspector.Inspector, waiter, maker ast.Node) bool {
	fn := waiter
	for range 4 {
		site := onlyCall(pass.TypesInfo, ins, fn)
		if len(site) == 0 {
			return false
		}
		caller := enclosingFunc(site)
		if _, isGo := site[len(site)-1].(*ast.GoStmt); isGo {
			return !inLoop(site) && runsOncePer(pass.TypesInfo, ins, caller, maker)
		}
		// A call, even in a loop, runs in its caller's goroutine.
		fn = caller
	}
	return false
}

// runsOncePer reports whether fn runs once for each run of maker: it
// is maker, or its only use is a call outside any loop in a function
// that runs once per maker (a start helper of a constructor).
func runsOncePer(info *types.Info, ins *inspector.Inspector, fn, maker ast.Node) bool {
	for range 4 {
		if fn == maker {
			return true
		}
		site := onlyCall(info, ins, fn)
		if len(site) == 0 || inLoop(site) {
			return false
		}
		fn = enclosingFunc(site)
	}
	return false
}

// onlyCall returns, for a function literal or an unexported declared
// function whose only use is to be called (or started by a go
// statement), the stack down to that call statement or go statement.
func onlyCall(info *types.Info, ins *inspector.Inspector, fn ast.Node) []ast.Node {
	var site []ast.Node
	uses := 0
	switch w := fn.(type) {
	case *ast.FuncLit:
		ins.WithStack([]ast.Node{(*ast.FuncLit)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
			if push && n == w {
				uses++
				site = callStmtOf(stack, w)
			}
			return uses == 0
		})
	case *ast.FuncDecl:
		obj := info.Defs[w.Name]
		if obj == nil || obj.Exported() {
			return nil
		}
		ins.WithStack([]ast.Node{(*ast.Ident)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
			if push && info.Uses[n.(*ast.Ident)] == obj {
				uses++
				use, _ := useOf(stack)
				site = callStmtOf(stack, use)
			}
			return true
		})
	}
	if uses != 1 {
		return nil
	}
	return site
}

// callStmtOf returns, when fun (in stack) is the function a go
// statement or a call statement calls, a copy of the stack down to
// that statement: the inspector reuses its stack.
func callStmtOf(stack []ast.Node, fun ast.Node) []ast.Node {
	for i := len(stack) - 1; i >= 2; i-- {
		if stack[i] != fun {
			continue
		}
		call, ok := stack[i-1].(*ast.CallExpr)
		if !ok || call.Fun != fun {
			return nil
		}
		switch st := stack[i-2].(type) {
		case *ast.GoStmt:
			if st.Call != call {
				return nil
			}
		case *ast.ExprStmt:
			if st.X != call {
				return nil
			}
		default:
			return nil
		}
		return append([]ast.Node(nil), stack[:i-1]...)
	}
	return nil
}

// inLoop reports whether the statement at the top of stack sits in a
// loop of its function.
func inLoop(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
	}
	return false
}

// filledBefore reports whether the function fn writes one of the
// tested variables so as to end the wait (see endsWait) before pos.
func filledBefore(info *types.Info, nonNil nonNilStore, fn ast.Node, pos token.Pos, tested map[*types.Var]ending) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		if n.Pos() >= pos {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok && n != fn {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if v := varOf(info, l); v != nil && endsWait(info, nonNil, n, i, tested[v]) {
					found = true
				}
			}
		case *ast.IncDecStmt:
			if v := varOf(info, n.X); v != nil && tested[v].ends == endsByMove && incFills(n, tested[v].dir) {
				found = true
			}
		}
		return !found
	})
	return found
}

// fill reports whether the i-th assignment of as moves its target in
// the direction dir that ends the wait (see endings): +1 grows it (x =
// append(x, ...), x = true, x += c with c > 0, a new non-nil value),
// -1 shrinks it (x = false, x = nil, x -= c with c > 0); 0 (unknown)
// never fills.
func fill(info *types.Info, nonNil nonNilStore, as *ast.AssignStmt, i, dir int) bool {
	if dir == 0 || len(as.Lhs) != len(as.Rhs) {
		return false
	}
	rhs := ast.Unparen(as.Rhs[i])
	tv := info.Types[rhs]
	switch as.Tok {
	case token.ASSIGN:
		switch r := rhs.(type) {
		case *ast.CallExpr:
			id, _ := ast.Unparen(r.Fun).(*ast.Ident)
			if b, ok := info.Uses[id].(*types.Builtin); ok && id != nil {
				switch {
				case b.Name() == "append" && len(r.Args) > 1:
					return dir > 0 && varOf(info, r.Args[0]) == varOf(info, as.Lhs[i])
				case b.Name() == "make", b.Name() == "new":
					return dir > 0 && !isSliceOrMap(tv.Type)
				}
				return false
			}
		case *ast.UnaryExpr:
			return dir > 0 && r.Op == token.AND
		}
		switch {
		case tv.IsNil():
			return dir < 0
		case tv.Value != nil && tv.Value.Kind() == constant.Int:
			return dir < 0 && constant.Sign(tv.Value) == 0
		case tv.Value != nil && tv.Value.Kind() == constant.Bool:
			return constant.BoolVal(tv.Value) == (dir > 0)
		case dir > 0 && analysisutil.Nilable(tv.Type):
			// p = m, where m was allocated or tested non-nil on
			// every path here: what `p == nil` waits for.
			return nonNil(as.Lhs[i])
		}
	case token.ADD_ASSIGN, token.SUB_ASSIGN:
		if tv.Value == nil || constant.Sign(tv.Value) <= 0 {
			return false
		}
		return (as.Tok == token.ADD_ASSIGN) == (dir > 0)
	}
	return false
}

// A nonNilStore reports whether the assignment to lhs certainly stores
// a non-nil value (see analysisutil.StoresNonNil).
type nonNilStore func(lhs ast.Expr) bool

// storesNonNil returns the nonNilStore of the pass, which finds the
// assignment's function in the package's SSA form.
func storesNonNil(pass *analysis.Pass) nonNilStore {
	var fns []*ssa.Function
	return func(lhs ast.Expr) bool {
		if fns == nil {
			var add func(fn *ssa.Function)
			add = func(fn *ssa.Function) {
				fns = append(fns, fn)
				for _, a := range fn.AnonFuncs {
					add(a)
				}
			}
			for _, fn := range pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
				add(fn)
			}
		}
		// go/ssa places the store of x.f = v at f, of v = ... at v.
		pos := lhs.Pos()
		if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
			pos = sel.Sel.Pos()
		}
		var in *ssa.Function // the innermost function around lhs
		for _, fn := range fns {
			if syn := fn.Syntax(); syn != nil && syn.Pos() <= pos && pos < syn.End() && (in == nil || in.Syntax().Pos() < syn.Pos()) {
				in = fn
			}
		}
		return analysisutil.StoresNonNil(pass.Pkg, in, pos)
	}
}

// endsWait reports whether the i-th assignment of as surely ends the
// wait on its target, whose ending is e.
func endsWait(info *types.Info, nonNil nonNilStore, as *ast.AssignStmt, i int, e ending) bool {
	switch e.ends {
	case endsByMove:
		return fill(info, nonNil, as, i, e.dir)
	case endsByZero:
		if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			return false
		}
		tv := info.Types[as.Rhs[i]]
		return tv.IsNil() || tv.Value != nil && tv.Value.Kind() == constant.Int && constant.Sign(tv.Value) == 0
	}
	return false
}

// incFills reports whether x++ or x-- moves x in the direction dir.
func incFills(n *ast.IncDecStmt, dir int) bool {
	return dir != 0 && (n.Tok == token.INC) == (dir > 0)
}

// isSliceOrMap reports whether t is a slice or map type: make of one
// is empty, not a fill.
func isSliceOrMap(t types.Type) bool {
	if t == nil {
		return true
	}
	switch t.Underlying().(type) {
	case *types.Slice, *types.Map:
		return true
	}
	return false
}

// An ending says how writes of a tested variable relate to the end of
// the wait: dir is the direction that moves toward it (see endings),
// ends whether such a write surely ends it.
type ending struct {
	dir  int
	ends int
}

const (
	endsByMove = 1 // any write in dir ends the wait (len(q) == 0, !ready)
	endsByZero = 2 // only a write of zero or nil does (n != 0)
)

// endings returns the variables and fields the condition of a Wait's
// if tests, each with the direction of a write that ends the wait: +1
// when growing it does (!ready, len(q) == 0, n < k, p == nil), -1 when
// shrinking it does (busy, len(q) > 0, n != 0), 0 when it cannot be
// told (under ||, where one write may leave the other side true).
func endings(info *types.Info, cond ast.Expr) map[*types.Var]ending {
	dirs := make(map[*types.Var]ending)
	var walk func(e ast.Expr, dir int)
	markEnd := func(e ast.Expr, dir, ends int) {
		for v := range leafVars(info, e) {
			if d, seen := dirs[v]; seen && d != (ending{dir, ends}) {
				dirs[v] = ending{}
			} else {
				dirs[v] = ending{dir, ends}
			}
		}
	}
	mark := func(e ast.Expr, dir int) { markEnd(e, dir, 0) }
	zero := func(e ast.Expr) bool {
		tv := info.Types[e]
		return tv.IsNil() || tv.Value != nil && tv.Value.Kind() == constant.Int && constant.Sign(tv.Value) == 0
	}
	walk = func(e ast.Expr, dir int) {
		switch e := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			if e.Op == token.NOT {
				walk(e.X, -dir)
				return
			}
		case *ast.BinaryExpr:
			switch e.Op {
			case token.LAND:
				walk(e.X, dir)
				walk(e.Y, dir)
				return
			case token.LOR:
				walk(e.X, 0)
				walk(e.Y, 0)
				return
			case token.EQL, token.NEQ:
				// Wait while len(q) == 0 or p == nil: any growth ends
				// it. Wait while n != 0: only setting it to zero does.
				ends := 0
				if zero(e.Y) && dir != 0 {
					ends = endsByMove
					if (e.Op == token.NEQ) == (dir > 0) {
						ends = endsByZero
					}
				}
				if e.Op == token.EQL {
					markEnd(e.X, dir, ends)
				} else {
					markEnd(e.X, -dir, ends)
				}
				return
			case token.LSS, token.LEQ:
				// Wait while n < k: growing n moves toward the end.
				mark(e.X, dir)
				mark(e.Y, -dir)
				return
			case token.GTR, token.GEQ:
				mark(e.X, -dir)
				mark(e.Y, dir)
				return
			}
		}
		// A boolean tested as it is: the wait lasts while it is true,
		// clearing it ends it.
		ends := endsByMove
		if dir == 0 {
			ends = 0
		}
		markEnd(e, -dir, ends)
	}
	walk(cond, 1)
	return dirs
}

// onlyFills reports whether code outside the waiting function writes
// the tested variables only to make the condition true, or to
// initialise them (x := ..., var x = ...), and never hands them to
// other code by address.
func onlyFills(info *types.Info, nonNil nonNilStore, ins *inspector.Inspector, waiter ast.Node, tested map[*types.Var]ending) bool {
	ok := true
	ins.WithStack([]ast.Node{(*ast.Ident)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push || !ok {
			return false
		}
		id := n.(*ast.Ident)
		v, _ := info.Uses[id].(*types.Var)
		e, isTested := tested[v]
		dir := e.dir
		if v == nil || !isTested || enclosingFunc(stack) == waiter {
			return true
		}
		use, parent := useOf(stack)
		switch p := parent.(type) {
		case *ast.AssignStmt:
			for i, l := range p.Lhs {
				if l == use && p.Tok != token.DEFINE && !fill(info, nonNil, p, i, dir) {
					ok = false
				}
			}
		case *ast.IncDecStmt:
			ok = incFills(p, dir)
		case *ast.UnaryExpr:
			ok = p.Op != token.AND
		case *ast.CallExpr:
			// A builtin that empties (delete, clear) or a function
			// that may keep the value: not a read we can trust.
			if id, isID := ast.Unparen(p.Fun).(*ast.Ident); isID {
				if b, isB := info.Uses[id].(*types.Builtin); isB {
					ok = b.Name() == "len" || b.Name() == "cap" || b.Name() == "append"
				}
			}
		case *ast.SelectorExpr:
			ok = false // a method of the state may change it
		}
		return true
	})
	return ok
}
