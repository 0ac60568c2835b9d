package lockset

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
)

// ReadLockedOnly is the fact exported for a sync.RWMutex field that
// nothing ever write-locks: the field is unexported and not embedded,
// so only its own package can reach it, and every use of its address
// there is a read lock, a read unlock or RLocker. Recursive read
// locking of such a mutex cannot meet a waiting writer.
type ReadLockedOnly struct {
	// RLocks counts the package's read-lock calls on the field.
	RLocks int
}

func (*ReadLockedOnly) AFact() {}

func (f *ReadLockedOnly) String() string { return fmt.Sprintf("readlockedonly(%d)", f.RLocks) }

// readOnly is what the package itself decides about its RWMutexes.
type readOnly struct {
	fields  map[*types.Var]int // read-lock calls, for fields never write-locked
	globals map[string]bool    // package variables never write-locked
}

// readOnlyMutexes scans every function of the package (literals and
// the package initialiser included) for the uses of its RWMutex
// fields and variables. A field or variable counts as read-locked
// only when no other package can name it (an unexported, non-embedded
// field or variable; in package main, which nothing imports, any
// non-embedded one) and every use of its address is RLock, RUnlock,
// TryRLock or RLocker, or a store that resets it. Any other use (Lock,
// Unlock, its address passed on, stored, or bound as a method value)
// may write-lock it.
func readOnlyMutexes(pkg *types.Package, fns []*ssa.Function) readOnly {
	ro := readOnly{fields: map[*types.Var]int{}, globals: map[string]bool{}}
	writeLocked := map[*types.Var]bool{}
	globalWrites := map[string]bool{}
	closed := func(v *types.Var) bool {
		return v.Pkg() == pkg && !v.Embedded() && (!v.Exported() || pkg.Name() == "main")
	}
	var ops []*ssa.Value // reused: the scan visits every instruction of the package
	for _, fn := range fns {
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				ops = instr.Operands(ops[:0])
				for _, op := range ops {
					if op == nil || *op == nil {
						continue
					}
					switch v := (*op).(type) {
					case *ssa.FieldAddr:
						f := analysisutil.FieldOf(v)
						if f == nil || !isRWMutexValue(f.Type()) {
							continue
						}
						read, ok := readUse(instr, v)
						if !ok || !closed(f) {
							writeLocked[f] = true
						} else if read {
							ro.fields[f]++
						}
					case *ssa.Global:
						if !isRWMutexValue(v.Type().(*types.Pointer).Elem()) {
							continue
						}
						name := accesspath.GlobalName(v)
						read, ok := readUse(instr, v)
						obj, _ := v.Object().(*types.Var)
						if !ok || obj == nil || obj.Pkg() != pkg || (obj.Exported() && pkg.Name() != "main") {
							globalWrites[name] = true
						} else if read {
							ro.globals[name] = true
						}
					}
				}
			}
		}
	}
	for f := range writeLocked {
		delete(ro.fields, f)
	}
	for g := range globalWrites {
		delete(ro.globals, g)
	}
	return ro
}

// readUse reports whether instr, which uses the address of an RWMutex
// m, only reads-locks it (read) or leaves it alone, and ok is false for
// a use that may write-lock it.
func readUse(instr ssa.Instruction, m ssa.Value) (read, ok bool) {
	switch instr := instr.(type) {
	case *ssa.Store:
		return false, instr.Addr == m && instr.Val != m
	case *ssa.DebugRef:
		return false, true
	case ssa.CallInstruction:
		c := instr.Common()
		if c.IsInvoke() || len(c.Args) == 0 || c.Args[0] != m {
			return false, false
		}
		for _, a := range c.Args[1:] {
			if a == m {
				return false, false
			}
		}
		obj := staticFunc(c)
		if obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != "sync" {
			return false, false
		}
		switch obj.Name() {
		case "RLock", "TryRLock":
			return true, true
		case "RUnlock", "RLocker":
			return false, true
		}
	}
	return false, false
}

// isRWMutexValue reports whether t is sync.RWMutex itself (not a
// pointer, which may point to a mutex shared with anything).
func isRWMutexValue(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "sync" && n.Obj().Name() == "RWMutex"
}

// exportReadOnly exports a ReadLockedOnly fact for each field found
// read-locked only.
func (b *builder) exportReadOnly() {
	for f, n := range b.res.readOnly.fields {
		b.pass.ExportObjectFact(f, &ReadLockedOnly{RLocks: n})
	}
}

// NeverWriteLocked reports whether nothing anywhere write-locks the
// mutex k names: a sync.RWMutex field that only its own package can
// reach and that it only ever read-locks (decided here for the
// package's own fields, through ReadLockedOnly facts for another
// package's), or such a package variable of this package. Nested read
// locks of such a mutex never wait: no writer can queue between them.
func (r *Result) NeverWriteLocked(k Key) bool {
	c, _, ok := ClassOf(k)
	if !ok || c.elem {
		return false
	}
	if c.global != "" {
		return k.Path == "" && r.readOnly.globals[k.Global]
	}
	f := c.field
	if f == nil || !isRWMutexValue(f.Type()) || len(k.Path) >= len(accesspath.Load) && k.Path[len(k.Path)-len(accesspath.Load):] == accesspath.Load {
		return false
	}
	if f.Pkg() == r.pkg {
		return r.readOnly.fields[f] > 0
	}
	return r.importField != nil && r.importField(f, new(ReadLockedOnly))
}

// WriteLocker returns a Lock (not RLock) the package makes directly on
// a mutex of class c in a function other than skip, and not only while
// the value is being built (on a value the function allocates itself,
// or in a function only initialisers call): the
// writer that, once it waits, queues every new reader of that RWMutex
// behind itself. The first in the package's function order is
// returned, so that findings are stable.
func (r *Result) WriteLocker(c Class, skip *ssa.Function) (Acquire, bool) {
	for _, fn := range r.order {
		f := r.Funcs[fn]
		if f == nil || fn == skip || f.InitOnly {
			continue
		}
		for _, a := range f.Acquires {
			if _, built := a.Key.Root.(*ssa.Alloc); a.Mode != Write || a.Via != nil || built {
				continue
			}
			if ac, _, ok := ClassOf(a.Key); ok && ac == c {
				return a, true
			}
		}
	}
	return Acquire{}, false
}
