package condwait

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"

	"golang.org/x/tools/go/analysis"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
)

// A Wait under if in a loop whose code after the Wait reads what the
// if tested may still not rely on the condition: a flusher that waits
// while its pending list is empty, then swaps the list out and works on
// whatever it took, copes with an early or stolen wake-up. It takes an
// empty batch, does nothing with it and loops back to check again,
// as pebble's workload copier does:
//
//	for !w.stop {
//		if len(w.pending) == 0 {
//			w.cond.Wait()
//		}
//		batch, w.pending = w.pending, nil
//		w.mu.Unlock()
//		w.copy(batch) // ranges over batch
//		w.mu.Lock()
//	}
//
// The code relies on the condition when it does with the tested value
// something that an empty (or nil) value does not allow: index it,
// slice it past zero, receive from it, dereference it, call it, or
// hand it to code not seen here. toleratesEmpty follows the value
// through copies (batch above) and into the functions of the package
// it is passed to, and accepts only uses that are total on an empty
// value: len, cap, range over a slice, map or string, append to it,
// copy from it, slice it to [:0], compare it with nil, overwrite it.

// emptyUses judges the uses of the tested variables, and of the local
// variables and fields their values are copied to, in the code after
// the Wait.
type emptyUses struct {
	pass    *analysis.Pass
	vars    map[*types.Var]bool
	nonNil  map[*types.Var]bool // receivers bound to an addressed struct: never nil
	visited map[*types.Var]bool // parameters of callees already judged
	depth   int
}

// toleratesEmpty reports whether every use of the variables in tested
// within stmts is one that an empty value of a slice, map or string
// allows. A tested variable of another type (a flag, a counter, a
// pointer) is never tolerated when read: its use after the Wait
// assumes the value the condition waited for.
func toleratesEmpty(pass *analysis.Pass, stmts []ast.Stmt, tested map[*types.Var]bool) bool {
	u := &emptyUses{pass: pass, vars: maps.Clone(tested), nonNil: map[*types.Var]bool{}, visited: make(map[*types.Var]bool)}
	// Twice: a copy made late in the loop body (or in a nested block
	// visited first) is known by the second walk.
	for range 2 {
		for _, st := range stmts {
			if !u.walk(st, tested) {
				return false
			}
		}
	}
	return true
}

// emptiable reports whether t is a slice, map or string: a value that
// may be empty, and that len, range and append accept empty; a
// pointer, whose empty value is nil (a coalescing deliverer takes the
// latest value, nil after an early wake-up, and acts only under
// if a != nil: a dereference is judged as a nil one); or a struct,
// whose fields are judged as they are used.
func emptiable(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Slice, *types.Map, *types.Struct, *types.Pointer:
		return true
	case *types.Basic:
		return u.Info()&types.IsString != 0
	}
	return false
}

// walk checks each use in n of a variable in u.vars. Code that checks
// such a variable again is not judged: an if whose condition reads one
// guards its branches, and when its then-branch cannot fall through
// (a pop that returns false on an empty queue), the statements after
// it.
func (u *emptyUses) walk(n ast.Node, tested map[*types.Var]bool) bool {
	ok := true
	var stack []ast.Node
	list := func(stmts []ast.Stmt) {
		for _, st := range stmts {
			if ok = ok && u.walk(st, tested); !ok {
				return
			}
			if ifs, isIf := st.(*ast.IfStmt); isIf && u.mentions(ifs.Cond) && cannotFallThrough(ifs.Body) {
				return
			}
		}
	}
	ast.Inspect(n, func(m ast.Node) bool {
		if !ok {
			return false
		}
		if m == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		switch m := m.(type) {
		case *ast.BlockStmt:
			list(m.List)
			return false
		case *ast.CaseClause:
			list(m.Body)
			return false
		case *ast.CommClause:
			list(m.Body)
			return false
		case *ast.IfStmt:
			if u.mentions(m.Cond) {
				ok = (m.Init == nil || u.walk(m.Init, tested)) && u.walk(m.Cond, tested)
				return false
			}
		}
		stack = append(stack, m)
		v := u.ref(m)
		if v == nil || !u.vars[v] {
			return true
		}
		if tested[v] && !emptiable(v.Type()) {
			ok = u.overwritten(stack, len(stack)-1)
		} else {
			ok = u.useOK(stack, len(stack)-1)
		}
		stack = stack[:len(stack)-1]
		return false // the selector's operand is not the variable
	})
	return ok
}

// mentions reports whether e reads a variable in u.vars.
func (u *emptyUses) mentions(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if v := u.ref(n); v != nil && u.vars[v] {
			found = true
		}
		return !found
	})
	return found
}

// cannotFallThrough reports whether the block ends in a return, a
// branch statement or a call of panic.
func cannotFallThrough(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch last := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		call, ok := last.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := call.Fun.(*ast.Ident)
		return ok && id.Name == "panic"
	}
	return false
}

// ref returns the variable or field that the identifier or selector n
// names, or nil.
func (u *emptyUses) ref(n ast.Node) *types.Var {
	switch n := n.(type) {
	case *ast.Ident:
		v, _ := u.pass.TypesInfo.Uses[n].(*types.Var)
		return v
	case *ast.SelectorExpr:
		v, _ := u.pass.TypesInfo.Uses[n.Sel].(*types.Var)
		return v
	}
	return nil
}

// overwritten reports whether the expression stack[i] is the target of
// a plain assignment.
func (u *emptyUses) overwritten(stack []ast.Node, i int) bool {
	as, ok := stack[i-1].(*ast.AssignStmt)
	if !ok || (as.Tok != token.ASSIGN && as.Tok != token.DEFINE) {
		return false
	}
	for _, l := range as.Lhs {
		if l == stack[i] {
			return true
		}
	}
	return false
}

// useOK reports whether what the expression stack[i], which holds a
// possibly empty value, is used for allows an empty value.
func (u *emptyUses) useOK(stack []ast.Node, i int) bool {
	if i < 1 {
		return false
	}
	e, isExpr := stack[i].(ast.Expr)
	if !isExpr {
		return false
	}
	info := u.pass.TypesInfo
	switch p := stack[i-1].(type) {
	case *ast.ParenExpr:
		return u.useOK(stack, i-1)
	case *ast.RangeStmt:
		if p.X != e {
			return u.overwritten(stack, i) // for k, v = range: assigned
		}
		_, isChan := info.TypeOf(e).Underlying().(*types.Chan)
		return !isChan
	case *ast.SliceExpr:
		return p.X == e && zeroOrNil(info, p.Low) && zeroOrNil(info, p.High) && p.Max == nil && u.useOK(stack, i-1)
	case *ast.SelectorExpr:
		return p.X == e && u.selectOK(stack, i)
	case *ast.BinaryExpr:
		return (p.Op == token.EQL || p.Op == token.NEQ) && (analysisutil.IsNilExpr(info, p.X) || analysisutil.IsNilExpr(info, p.Y))
	case *ast.AssignStmt:
		if u.overwritten(stack, i) {
			return true
		}
		if as := p; as.Tok == token.ASSIGN || as.Tok == token.DEFINE {
			for j, r := range as.Rhs {
				if r == e && len(as.Lhs) == len(as.Rhs) {
					return u.copiedTo(as.Lhs[j])
				}
			}
		}
		return false
	case *ast.ValueSpec:
		for j, r := range p.Values {
			if r == e && len(p.Names) == len(p.Values) {
				return u.copiedTo(p.Names[j])
			}
		}
		return false
	case *ast.CallExpr:
		if p.Fun == e {
			return false
		}
		if id, ok := ast.Unparen(p.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok {
				switch b.Name() {
				case "len", "cap", "copy", "clear", "delete":
					return true
				case "append":
					if p.Args[0] == e {
						return u.useOK(stack, i-1) // the result holds it
					}
					return true
				}
				return false
			}
		}
		return u.passedOK(p, e)
	}
	return false
}

// selectOK judges x.f where x, the expression stack[i], holds the
// value followed: a field of a struct that cannot be nil is followed in
// turn; a method of the package called on an addressed struct is
// judged with its receiver followed, and never nil.
func (u *emptyUses) selectOK(stack []ast.Node, i int) bool {
	info := u.pass.TypesInfo
	x := stack[i].(ast.Expr)
	sel := stack[i-1].(*ast.SelectorExpr)
	_, isPtr := info.TypeOf(x).Underlying().(*types.Pointer)
	if isPtr {
		v := u.ref(x)
		if v == nil || !u.nonNil[v] {
			return false // a nil dereference when the condition waited for a value
		}
	}
	switch obj := info.Uses[sel.Sel].(type) {
	case *types.Var:
		if _, isStruct := info.TypeOf(x).Underlying().(*types.Struct); !isStruct && !isPtr {
			return false
		}
		return u.useOK(stack, i-1)
	case *types.Func:
		call, ok := stack[i-2].(*ast.CallExpr)
		if !ok || call.Fun != sel || obj.Pkg() != u.pass.Pkg || u.depth >= 3 {
			return false
		}
		recv := obj.Type().(*types.Signature).Recv()
		if recv == nil {
			return false
		}
		return u.enter(obj, recv, true)
	}
	return false
}

// copiedTo adds the variable or field that lhs names to the values
// followed; the blank identifier drops the value.
func (u *emptyUses) copiedTo(lhs ast.Expr) bool {
	if id, ok := lhs.(*ast.Ident); ok && id.Name == "_" {
		return true
	}
	var v *types.Var
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		v, _ = u.pass.TypesInfo.ObjectOf(l).(*types.Var)
	case *ast.SelectorExpr:
		v, _ = u.pass.TypesInfo.Uses[l.Sel].(*types.Var)
	}
	if v == nil {
		return false
	}
	u.vars[v] = true
	return true
}

// passedOK reports whether the function of this package that call
// calls, given the value e, uses its parameter only in ways an empty
// value allows.
func (u *emptyUses) passedOK(call *ast.CallExpr, e ast.Expr) bool {
	fn := analysisutil.CalleeFunc(u.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() != u.pass.Pkg || u.depth >= 3 {
		return false
	}
	sig := fn.Type().(*types.Signature)
	k := -1
	for j, a := range call.Args {
		if a == e {
			k = j
		}
	}
	if k < 0 || k >= sig.Params().Len() || (sig.Variadic() && k >= sig.Params().Len()-1) || call.Ellipsis.IsValid() {
		return false
	}
	return u.enter(fn, sig.Params().At(k), false)
}

// enter judges the body of fn with its parameter param following the
// value; nonNil says the parameter cannot be nil.
func (u *emptyUses) enter(fn *types.Func, param *types.Var, nonNil bool) bool {
	if u.visited[param] {
		return true // recursion: judged where it started
	}
	u.visited[param] = true
	body := funcBody(u.pass, fn)
	if body == nil {
		return false
	}
	callee := &emptyUses{pass: u.pass, vars: map[*types.Var]bool{param: true}, nonNil: map[*types.Var]bool{}, visited: u.visited, depth: u.depth + 1}
	callee.nonNil[param] = nonNil
	for range 2 {
		if !callee.walk(body, nil) {
			return false
		}
	}
	return true
}

// funcBody returns the body of the function fn declared in the
// package being analyzed, or nil.
func funcBody(pass *analysis.Pass, fn *types.Func) *ast.BlockStmt {
	for _, f := range pass.Files {
		if fn.Pos() < f.FileStart || fn.Pos() >= f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Pos() == fn.Pos() {
				return fd.Body
			}
		}
	}
	return nil
}

func zeroOrNil(info *types.Info, e ast.Expr) bool {
	if e == nil {
		return true
	}
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && constant.Sign(tv.Value) == 0
}
