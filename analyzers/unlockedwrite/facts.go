package unlockedwrite

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// Writes in helpers of other packages. A helper of another package
// (meter.Miss(&c.usage, d)) cannot know whether its callers hold the
// lock that guards what it writes: the guard belongs to the caller's
// type. lockset exports, for each such helper, the writes it makes
// with no lock held to memory reached from its parameters (or to its
// own package's variables), itself or through its own helpers; here
// they are rebound at each call and judged as writes made at the call,
// where the caller's lock set and the guard of its field are known.
// The report is at the call, in the package being analyzed (a
// diagnostic cannot be placed in a package analyzed earlier, which
// never saw its callers), with the helper's write as related
// information.

// A fieldWrite is an access to a field of a struct of the package:
// a read or write in the function itself, or a write by a helper of
// another package called there (via).
type fieldWrite struct {
	st    *types.Struct
	index int
	base  lockset.Key
	write bool
	pos   token.Pos
	via   *lockset.UnlockedWrite
	// call names the function called at pos when it is not via's
	// writer itself: heap.Pop for the writes of q.Pop.
	call string
}

// accessesAt returns the accesses instr makes to fields of the
// package's structs: its own (a field of a struct of another package,
// held by value in one of the package's, counts as an access to the
// holding field: c.usage.Misses++ accesses c.usage), and, for a call
// of a helper of another package, the writes of its summary.
func accessesAt(pass *analysis.Pass, res *lockset.Result, instr ssa.Instruction) []fieldWrite {
	if fa, write, pos := fieldAccess(instr); fa != nil {
		st := analysisutil.PointedStruct(fa.X.Type())
		if st == nil || fa.Field >= st.NumFields() {
			return nil
		}
		if st.Field(fa.Field).Origin().Pkg() != pass.Pkg || !hasMutex(st) && isFieldAddr(fa.X) {
			outer := fa
			for {
				x, ok := outer.X.(*ssa.FieldAddr)
				if !ok {
					break
				}
				outer = x
			}
			if outer == fa {
				return nil
			}
			fa = outer
			if st = analysisutil.PointedStruct(fa.X.Type()); st == nil || fa.Field >= st.NumFields() {
				return nil
			}
		}
		return []fieldWrite{{st: st, index: fa.Field, base: lockset.KeyOf(fa.X), write: write, pos: pos}}
	}
	c, ok := instr.(*ssa.Call)
	if !ok {
		return nil
	}
	callee := c.Call.StaticCallee()
	if callee == nil {
		return nil
	}
	writes, args, name := res.ImportedWrites(callee), c.Call.Args, ""
	if pw, recv := res.PlumbingWrites(c); recv != nil {
		// heap.Pop(q): the writes of q.Pop and q.Swap, made here.
		writes, args, name = pw, []ssa.Value{recv}, callee.Pkg.Pkg.Name()+"."+callee.Name()
	}
	var out []fieldWrite
	for _, w := range writes {
		k, ok := lockset.RebindWrite(w, args)

		if !ok || k.Global != "" || k.Root == nil {
			continue
		}
		// The first step of the rebound path is the field of the
		// caller's struct: c.usage of c.usage.Misses. (RebindWrite
		// has left out writes through a pointer held in the field,
		// which write another object.)
		// Loads before it reach the root's own object: a closure's
		// captured p is p.* of its cell.
		base, t := lockset.Key{Root: k.Root}, k.Root.Type()
		for strings.HasPrefix(k.Path[len(base.Path):], accesspath.Load) {
			p, ok := t.Underlying().(*types.Pointer)
			if !ok {
				break
			}
			base.Path += accesspath.Load
			t = p.Elem()
		}
		first, _, _ := strings.Cut(strings.TrimPrefix(k.Path[len(base.Path):], "."), ".")
		i, err := strconv.Atoi(first)
		st := analysisutil.PointedStruct(t)
		if err != nil || st == nil || i >= st.NumFields() {
			continue
		}
		if slices.ContainsFunc(out, func(o fieldWrite) bool { return o.st == st && o.index == i }) {
			continue // q.Pop and q.Swap both write q.items: one write at the call
		}
		w := w
		out = append(out, fieldWrite{st: st, index: i, base: base, write: true, pos: c.Pos(), via: &w, call: name})
	}
	return out
}

// hasMutex reports whether st has a mutex field of its own, which may
// guard its other fields. A struct held by value in another (a heap in
// a Store's field) without one is guarded by the holder's: an access
// to its field is an access to the holding field.
func hasMutex(st *types.Struct) bool {
	for i := range st.NumFields() {
		if lockset.IsMutex(st.Field(i).Type()) {
			return true
		}
	}
	return false
}

func isFieldAddr(v ssa.Value) bool {
	_, ok := v.(*ssa.FieldAddr)
	return ok
}

// losesUpdatesAt reports whether a's write loses updates whatever the
// schedule (see losesUpdates), in the helper that makes it if any.
func losesUpdatesAt(a access) bool {
	if a.via != nil {
		return a.via.LosesUpdates
	}
	return losesUpdates(a.instr)
}

// relateHelper adds the helper's write to d: a related position when
// the file set has the helper's file, its place in the message
// otherwise. The file set is indexed anew each time: findings are
// rare, files many.
func relateHelper(pass *analysis.Pass, d *analysis.Diagnostic, tr *finding.Trace, w *lockset.UnlockedWrite, g string) {
	msg := fmt.Sprintf("%s written here by %s, with no lock held", w.Text, w.Func)
	if p := lockset.WritePos(pass.Fset, lockset.FilesByName(pass.Fset), *w); p.IsValid() {
		tr.Related(d, finding.Place{Pos: p, Message: msg, Goroutine: g, Op: finding.OpWrite})
		return
	}
	d.Message += fmt.Sprintf(" (written at %s)", shortFile(w.Pos))
}

// helperStart reports the calls, in a goroutine started in a loop (or
// a handler), of a helper of another package that writes with no lock
// held a variable of its own package, which that package accesses with
// its mutex held elsewhere, or state every run shares (a variable
// declared outside the loop, the server): each run of the goroutine
// makes the write, concurrently with the others.
func helperStart(pass *analysis.Pass, res *lockset.Result, st start, sc *scope, c *ssa.Call, reported map[string]bool, done map[token.Pos]bool) {
	callee := c.Call.StaticCallee()
	if callee == nil || done[c.Pos()] {
		return
	}
	for _, w := range res.ImportedWrites(callee) {
		k, ok := lockset.RebindWrite(w, c.Call.Args)
		if !ok || k.Global == "" && k.Root == nil {
			continue
		}
		var msg func(where, others string) string
		if k.Global != "" {
			if w.Guard == "" || reported[k.Global] {
				continue
			}
			reported[k.Global] = true
			msg = func(where, others string) string {
				return fmt.Sprintf("call of %s %s writes %s without holding %s, which guards it in its package: races with %s",
					w.Func, where, shortGlobal(k.Global)+describeRest(w.Text), shortGlobal(w.Guard), others)
			}
		} else {
			// State every run shares, given to the helper: only a
			// write that loses updates whatever the schedule, as the
			// helper may order its plain stores in ways not summarised
			// (a CompareAndSwap before a first-error store), and that
			// every call makes: a Read of an empty bytes.Reader writes
			// nothing, and the standard library tests that it may run
			// concurrently.
			name, ok := sc.sharedAddr(k.Root, 0)
			if !ok || !w.LosesUpdates || !w.Always || reported[name] {
				continue
			}
			reported[name] = true
			msg = func(where, others string) string {
				return fmt.Sprintf("call of %s %s writes %s (%s) with no lock held: races with %s", w.Func, where, name, w.Text, others)
			}
		}
		done[c.Pos()] = true
		reportRun(pass, st, sc, c.Pos(), msg, func(d *analysis.Diagnostic, tr *finding.Trace, spawned string) {
			relateHelper(pass, d, tr, &w, spawned)
		})
	}
}

// shortGlobal renders "example.com/x/plugins.mu" as "plugins.mu".
func shortGlobal(g string) string {
	if i := strings.LastIndex(g, "/"); i >= 0 {
		return g[i+1:]
	}
	return g
}

// describeRest returns the field path of a write's text past its
// variable ("cfg.limits.max" -> ".limits.max").
func describeRest(text string) string {
	if i := strings.Index(text, "."); i >= 0 {
		if j := strings.Index(text[i+1:], "."); j >= 0 {
			return text[i+1+j:]
		}
	}
	return ""
}

// shortFile keeps the last directory and the file name of a position
// ("/src/x/stats/stats.go:17:4" -> "stats/stats.go:17:4"): messages
// should not depend on where the module is checked out.
func shortFile(pos string) string {
	if i := strings.LastIndex(pos, "/"); i >= 0 {
		if j := strings.LastIndex(pos[:i], "/"); j >= 0 {
			return pos[j+1:]
		}
	}
	return pos
}
