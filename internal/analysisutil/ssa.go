package analysisutil

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// StaticMethod returns the function a call instruction statically
// calls as a *types.Func (for a method called through an interface,
// the abstract method), or nil for builtins and dynamic calls of
// function values.
func StaticMethod(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	if f := c.StaticCallee(); f != nil {
		if obj, ok := f.Object().(*types.Func); ok {
			return obj
		}
		if f.Origin() != nil {
			if obj, ok := f.Origin().Object().(*types.Func); ok {
				return obj
			}
		}
	}
	return nil
}

// InstrIndex returns the position of instr in its block, or -1.
func InstrIndex(instr ssa.Instruction) int {
	b := instr.Block()
	if b == nil {
		return -1
	}
	for i, in := range b.Instrs {
		if in == instr {
			return i
		}
	}
	return -1
}

// ExitCall reports whether c ends the goroutine or the process
// (os.Exit, runtime.Goexit, log.Fatal, testing's Fatal and Skip...).
func ExitCall(c *ssa.CallCommon) bool {
	callee := c.StaticCallee()
	if callee == nil {
		return false
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj.Pkg() == nil {
		return false
	}
	switch obj.Pkg().Path() {
	case "os", "syscall":
		return obj.Name() == "Exit"
	case "runtime":
		return obj.Name() == "Goexit"
	case "log":
		switch obj.Name() {
		case "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln":
			return true
		}
	case "testing":
		switch obj.Name() {
		case "FailNow", "Fatal", "Fatalf", "SkipNow", "Skip", "Skipf":
			return true
		}
	}
	return false
}

// ClosureOf returns the one MakeClosure that makes the function
// literal fn in its parent, or nil if there is none or more than one:
// then its free variables have no single binding.
func ClosureOf(fn *ssa.Function) *ssa.MakeClosure {
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	var mc *ssa.MakeClosure
	for _, blk := range parent.Blocks {
		for _, in := range blk.Instrs {
			if c, ok := in.(*ssa.MakeClosure); ok && c.Fn == fn {
				if mc != nil {
					return nil
				}
				mc = c
			}
		}
	}
	return mc
}

// BoundTo returns the value that the unique MakeClosure of fv's
// function binds to the free variable fv, or nil.
func BoundTo(fv *ssa.FreeVar) ssa.Value {
	mc := ClosureOf(fv.Parent())
	if mc == nil {
		return nil
	}
	for i, v := range fv.Parent().FreeVars {
		if v == fv && i < len(mc.Bindings) {
			return mc.Bindings[i]
		}
	}
	return nil
}
