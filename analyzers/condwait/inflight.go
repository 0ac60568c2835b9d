package condwait

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// completesOnce reports whether the Wait of s waits on the Cond of an
// in-flight entry, which is woken once: a Cond field that only the
// composite literal making an entry sets, and that the package wakes
// (Signal, Broadcast) only in a critical section that also deletes an
// entry from a map of such entries. The broadcaster finds the entry
// in the map and removes it under the Cond's lock: once the waiters
// are woken, no new waiter can find the entry and nothing can wake the
// Cond again. A waiter of such an entry waits for the one completion,
// and the result it then reads is final; re-checking in a loop adds
// nothing (dendrite's per-media download and thumbnail results, a
// hand-written singleflight):
//
//	if e, ok := m.inflight[key]; ok {
//		e.cond.Wait() // woken only by done, which deletes e
//		return e.val, e.err
//	}
//	m.inflight[key] = &entry{cond: sync.NewCond(&m.mu)}
//	...
//	func (m *group) done(key string, v int, err error) {
//		m.mu.Lock()
//		defer m.mu.Unlock()
//		e := m.inflight[key]
//		e.val, e.err = v, err
//		e.cond.Broadcast()
//		delete(m.inflight, key)
//	}
func completesOnce(pass *analysis.Pass, ins *inspector.Inspector, s waitSite) bool {
	info := pass.TypesInfo
	sel, ok := ast.Unparen(s.call.Fun).(*ast.SelectorExpr)
	if !ok || !isCondWait(s.fn) {
		return false
	}
	field, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	cond, _ := info.Uses[field.Sel].(*types.Var)
	if cond == nil || !cond.IsField() {
		return false
	}
	var entry types.Type // the struct type whose literals make the Cond
	type wake struct {
		fn  ast.Node
		pos token.Pos
	}
	var wakes []wake
	ok = true
	ins.WithStack([]ast.Node{(*ast.Ident)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push || !ok {
			return false
		}
		id := n.(*ast.Ident)
		if info.Uses[id] != cond {
			return true
		}
		use, parent := useOf(stack)
		switch {
		case isCondMake(info, use, parent):
			lit := entryLiteral(stack, parent)
			if lit == nil || entry != nil && !types.Identical(entry, info.TypeOf(lit)) {
				ok = false
				return true
			}
			entry = info.TypeOf(lit)
		case isMethodCall(parent, use, "Wait"), isLockerUse(parent, use):
		case isMethodCall(parent, use, "Signal"), isMethodCall(parent, use, "Broadcast"):
			wakes = append(wakes, wake{enclosingFunc(stack), parent.Pos()})
		default:
			ok = false // the Cond is set or handed on where we cannot follow it
		}
		return true
	})
	if !ok || entry == nil || len(wakes) == 0 {
		return false
	}
	for _, w := range wakes {
		if !deletesEntry(info, w.fn, w.pos, entry) {
			return false
		}
	}
	return true
}

// entryLiteral returns the composite literal whose key-value element
// parent is, nil if parent is not one.
func entryLiteral(stack []ast.Node, parent ast.Node) *ast.CompositeLit {
	if _, ok := parent.(*ast.KeyValueExpr); !ok {
		return nil
	}
	for i := len(stack) - 1; i > 0; i-- {
		if stack[i] == parent {
			lit, _ := stack[i-1].(*ast.CompositeLit)
			return lit
		}
	}
	return nil
}

// deletesEntry reports whether fn calls delete on a map of entry values
// (or pointers to them) with no Unlock between that call and the
// wake-up at pos, and a Lock before both: the deletion and the wake-up
// are one critical section.
func deletesEntry(info *types.Info, fn ast.Node, pos token.Pos, entry types.Type) bool {
	if fn == nil {
		return false
	}
	isEntry := func(elem types.Type) bool {
		if p, ok := types.Unalias(elem).(*types.Pointer); ok {
			elem = p.Elem()
		}
		return types.Identical(elem, entry)
	}
	var dels, unlocks, locks []token.Pos
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return n == fn
		case *ast.DeferStmt:
			return false // a deferred Unlock runs after both
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "delete" && len(n.Args) == 2 {
				if _, builtin := info.Uses[id].(*types.Builtin); builtin {
					if m, ok := info.TypeOf(n.Args[0]).Underlying().(*types.Map); ok && isEntry(m.Elem()) {
						dels = append(dels, n.Pos())
					}
				}
			}
			if s, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && len(n.Args) == 0 {
				switch s.Sel.Name {
				case "Unlock":
					unlocks = append(unlocks, n.Pos())
				case "Lock":
					locks = append(locks, n.Pos())
				}
			}
		}
		return true
	})
	for _, d := range dels {
		lo, hi := min(d, pos), max(d, pos)
		locked, split := false, false
		for _, l := range locks {
			locked = locked || l < lo
		}
		for _, u := range unlocks {
			split = split || lo < u && u < hi
		}
		if locked && !split {
			return true
		}
	}
	return false
}
