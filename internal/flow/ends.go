package flow

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// An End says how a call ends the flow of control it is on.
type End uint8

const (
	// Returns: the call returns (as far as is known).
	Returns End = iota
	// Panics: the builtin panic and log's Panic, Panicf and Panicln
	// (package functions and *log.Logger's methods). The goroutine
	// unwinds, running its deferred calls; one of them may recover.
	Panics
	// ExitsGoroutine: runtime.Goexit, and the methods of package
	// testing that stop a test (FailNow, Fatal, Fatalf, SkipNow, Skip,
	// Skipf), which call it. Deferred calls run; nothing recovers.
	ExitsGoroutine
	// ExitsProcess: os.Exit, syscall.Exit, and log's Fatal, Fatalf and
	// Fatalln (and *log.Logger's). No deferred call runs.
	ExitsProcess
)

func (e End) String() string {
	switch e {
	case Panics:
		return "panics"
	case ExitsGoroutine:
		return "exits the goroutine"
	case ExitsProcess:
		return "exits the process"
	}
	return "returns"
}

// CallEnd says how the call c ends the flow of control it is on,
// whether it calls its callee statically, through a method value or
// through an interface (a testing.TB's Fatal).
func CallEnd(c *ssa.CallCommon) End {
	if b, ok := c.Value.(*ssa.Builtin); ok {
		if b.Name() == "panic" {
			return Panics
		}
		return Returns
	}
	return FuncEnd(CalleeFunc(c))
}

// NeverReturns reports whether the call c never returns to its caller.
func NeverReturns(c *ssa.CallCommon) bool { return CallEnd(c) != Returns }

// InstrEnd says how instr ends the flow of control: a panic
// instruction panics, a call as its callee does; a go or defer
// statement, which calls nothing now, returns.
func InstrEnd(instr ssa.Instruction) End {
	switch instr := instr.(type) {
	case *ssa.Panic:
		return Panics
	case *ssa.Call:
		return CallEnd(instr.Common())
	}
	return Returns
}

// FuncEnd says how a call of fn ends: the one list of functions and
// methods known never to return.
func FuncEnd(fn *types.Func) End {
	if fn == nil || fn.Pkg() == nil {
		return Returns
	}
	switch fn.Pkg().Path() {
	case "os", "syscall":
		if fn.Name() == "Exit" && recvName(fn) == "" {
			return ExitsProcess
		}
	case "runtime":
		if fn.Name() == "Goexit" && recvName(fn) == "" {
			return ExitsGoroutine
		}
	case "log":
		if r := recvName(fn); r != "" && r != "Logger" {
			return Returns
		}
		switch fn.Name() {
		case "Fatal", "Fatalf", "Fatalln":
			return ExitsProcess
		case "Panic", "Panicf", "Panicln":
			return Panics
		}
	case "testing":
		if EndsTest(fn) {
			return ExitsGoroutine
		}
	}
	return Returns
}

// The kinds of test whose methods fail, skip and end tests: common
// holds the methods *T, *B and *F promote (a call of t.Fatal calls a
// wrapper whose object is common's method), TB is the interface.
var testKinds = map[string]bool{"T": true, "B": true, "F": true, "TB": true, "common": true}

// testMethods is the one list of what the methods of a test do to it:
// mark it failed, mark it skipped, end it (by runtime.Goexit). There is
// no Fatalln.
var testMethods = map[string]struct{ fails, skips, ends bool }{
	"Error":   {fails: true},
	"Errorf":  {fails: true},
	"Fail":    {fails: true},
	"FailNow": {fails: true, ends: true},
	"Fatal":   {fails: true, ends: true},
	"Fatalf":  {fails: true, ends: true},
	"SkipNow": {skips: true, ends: true},
	"Skip":    {skips: true, ends: true},
	"Skipf":   {skips: true, ends: true},
}

// testMethod returns the name of fn if it is a method of a test,
// benchmark or fuzz target of package testing, else "".
func testMethod(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "testing" || !testKinds[recvName(fn)] {
		return ""
	}
	return fn.Name()
}

// FailsTest reports whether fn marks the test failed: Error, Errorf,
// Fail, FailNow, Fatal and Fatalf of testing's T, B, F and TB. Only
// FailNow, Fatal and Fatalf also end it.
func FailsTest(fn *types.Func) bool { return testMethods[testMethod(fn)].fails }

// SkipsTest reports whether fn marks the test skipped and ends it:
// Skip, Skipf and SkipNow of testing's T, B, F and TB.
func SkipsTest(fn *types.Func) bool { return testMethods[testMethod(fn)].skips }

// EndsTest reports whether fn stops the test by ending its goroutine
// (runtime.Goexit): FailNow, Fatal, Fatalf, SkipNow, Skip and Skipf.
func EndsTest(fn *types.Func) bool { return testMethods[testMethod(fn)].ends }

// recvName returns the name of the type of fn's receiver (through a
// pointer), or "" for a function.
func recvName(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}
