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
	// Fatalln (and *log.Logger's), and the Fatal and Exit families of
	// logrus, zap, klog, glog and zerolog. No deferred call runs.
	ExitsProcess
	// Hangs: the call neither returns nor ends its goroutine: every
	// path of the callee blocks or loops for ever. Only [Ends] knows
	// such calls, from the callee's body.
	Hangs
)

func (e End) String() string {
	switch e {
	case Panics:
		return "panics"
	case ExitsGoroutine:
		return "exits the goroutine"
	case ExitsProcess:
		return "exits the process"
	case Hangs:
		return "never ends"
	}
	return "returns"
}

// CallEnd says how the call c ends the flow of control it is on,
// whether it calls its callee statically, through a method value or
// through an interface (a testing.TB's Fatal, or the FailNow of any
// interface a *testing.T satisfies: see [EndsTestThrough]). It knows
// the one list of [FuncEnd]; [Ends.CallEnd] also knows the functions
// whose every path ends.
func CallEnd(c *ssa.CallCommon) End {
	if b, ok := c.Value.(*ssa.Builtin); ok {
		if b.Name() == "panic" {
			return Panics
		}
		return Returns
	}
	if c.IsInvoke() && EndsTestThrough(c) {
		return ExitsGoroutine
	}
	if e := zerologEnd(c); e != Returns {
		return e
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
	case "github.com/sirupsen/logrus":
		// Package functions and *Logger's and *Entry's methods.
		if r := recvName(fn); r == "" || r == "Logger" || r == "Entry" {
			switch fn.Name() {
			case "Fatal", "Fatalf", "Fatalln", "Exit":
				return ExitsProcess
			}
		}
	case "go.uber.org/zap":
		if r := recvName(fn); r == "Logger" || r == "SugaredLogger" {
			switch fn.Name() {
			case "Fatal", "Fatalf", "Fatalw", "Fatalln":
				return ExitsProcess
			}
		}
	case "k8s.io/klog/v2", "k8s.io/klog", "github.com/golang/glog":
		if recvName(fn) == "" {
			switch fn.Name() {
			case "Fatal", "Fatalf", "Fatalln", "FatalDepth", "Exit", "Exitf", "Exitln", "ExitDepth":
				return ExitsProcess
			}
		}
	}
	return Returns
}

// zerologEnd says how a call that sends a zerolog event ends: Msg,
// Msgf, MsgFunc and Send of an event made by Fatal (os.Exit) or Panic
// (panic), through the chain of methods that add fields to it
// (log.Fatal().Err(err).Msg("...")).
func zerologEnd(c *ssa.CallCommon) End {
	fn := CalleeFunc(c)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "github.com/rs/zerolog" || recvName(fn) != "Event" || len(c.Args) == 0 {
		return Returns
	}
	switch fn.Name() {
	case "Msg", "Msgf", "MsgFunc", "Send":
	default:
		return Returns
	}
	ev := c.Args[0]
	for range 16 {
		call, ok := ev.(*ssa.Call)
		if !ok {
			return Returns
		}
		made := CalleeFunc(&call.Call)
		if made == nil || made.Pkg() == nil {
			return Returns
		}
		path, recv := made.Pkg().Path(), recvName(made)
		// The event's maker: a Logger's method or the log package's
		// function of that name.
		maker := path == "github.com/rs/zerolog" && recv == "Logger" || path == "github.com/rs/zerolog/log" && recv == ""
		switch {
		case maker && made.Name() == "Fatal":
			return ExitsProcess
		case maker && made.Name() == "Panic":
			return Panics
		case path == "github.com/rs/zerolog" && recv == "Event" && len(call.Call.Args) > 0:
			ev = call.Call.Args[0] // a field added: follow the event
		default:
			return Returns
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

// EndsTestThrough reports whether the interface method call c stops a
// test as testing.TB's method of its name would: it calls FailNow,
// Fatal, Fatalf, SkipNow, Skip or Skipf of an interface that *testing.T
// satisfies (a helper's own `interface{ Fatalf(string, ...any) }`, or
// testify's TestingT with FailNow), so the test's *T is what it holds.
// When package testing is among the imports of the caller's or the
// interface's package, go/types decides whether *testing.T satisfies
// the interface; otherwise the method's signature must have the shape
// of testing's (no result; a format string first for the f forms; a
// variadic ...any for Fatal, Fatalf, Skip and Skipf).
func EndsTestThrough(c *ssa.CallCommon) bool {
	return c.IsInvoke() && c.Method != nil && testMethods[c.Method.Name()].ends && throughTest(c)
}

// FailsTestThrough reports whether the interface method call c marks
// the test it holds failed, as testing.TB's method of its name would:
// Error, Errorf, Fail, FailNow, Fatal or Fatalf of an interface
// *testing.T satisfies (testify's TestingT, with Errorf only), decided
// as for [EndsTestThrough].
func FailsTestThrough(c *ssa.CallCommon) bool {
	return c.IsInvoke() && c.Method != nil && testMethods[c.Method.Name()].fails && throughTest(c)
}

// throughTest reports whether c calls a method of an interface that
// *testing.T satisfies (see EndsTestThrough).
func throughTest(c *ssa.CallCommon) bool {
	iface, ok := c.Value.Type().Underlying().(*types.Interface)
	if !ok {
		return false
	}
	var pkgs []*types.Package
	if fn := c.Value.Parent(); fn != nil && fn.Pkg != nil {
		pkgs = append(pkgs, fn.Pkg.Pkg)
	}
	if c.Method.Pkg() != nil {
		pkgs = append(pkgs, c.Method.Pkg())
	}
	if ok, known := implementedByT(iface, pkgs); known {
		return ok
	}
	return testShape(c.Method)
}

// implementedByT reports whether *testing.T implements iface, if
// package testing is one of pkgs or among their imports (known);
// otherwise known is false.
func implementedByT(iface *types.Interface, pkgs []*types.Package) (ok, known bool) {
	for _, p := range pkgs {
		if p.Path() == "testing" {
			return true, true // testing.TB itself
		}
		for _, imp := range p.Imports() {
			if imp.Path() != "testing" {
				continue
			}
			if t, ok := imp.Scope().Lookup("T").(*types.TypeName); ok {
				return types.Implements(types.NewPointer(t.Type()), iface), true
			}
		}
	}
	return false, false
}

// testShape reports whether the signature of m is that of testing's
// method of its name: FailNow(), SkipNow(), Fail() and Helper();
// Fatal(...any), Error(...any), Skip(...any) and Log(...any);
// Fatalf(string, ...any), Errorf, Skipf and Logf the same; Name()
// string.
func testShape(m *types.Func) bool {
	sig, ok := m.Type().(*types.Signature)
	if !ok {
		return false
	}
	ps := sig.Params()
	if m.Name() == "Name" {
		return ps.Len() == 0 && sig.Results().Len() == 1 && isString(sig.Results().At(0).Type())
	}
	if sig.Results().Len() != 0 {
		return false
	}
	switch m.Name() {
	case "FailNow", "SkipNow", "Fail", "Helper":
		return ps.Len() == 0
	case "Fatal", "Error", "Skip", "Log":
		return ps.Len() == 1 && sig.Variadic() && anySlice(ps.At(0).Type())
	case "Fatalf", "Errorf", "Skipf", "Logf":
		return ps.Len() == 2 && sig.Variadic() && anySlice(ps.At(1).Type()) && isString(ps.At(0).Type())
	}
	return false
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.String
}

// anySlice reports whether t is []any (the type of a ...any parameter).
func anySlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	i, ok := s.Elem().Underlying().(*types.Interface)
	return ok && i.Empty()
}
