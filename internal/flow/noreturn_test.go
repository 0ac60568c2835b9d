package flow_test

import (
	"go/types"
	"slices"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/atest"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// endsSrc has helpers that end (or do not end) the goroutine, and
// callers of them. m marks places.
const endsSrc = `package p

import (
	"errors"
	"testing"
)

func m() {}

type myErr struct{}

func (*myErr) Error() string { return "x" }

// fatalfer is an interface of the test's own that *testing.T satisfies.
type fatalfer interface {
	Helper()
	Fatalf(format string, args ...any)
}

// notT has a Fatalf that *testing.T does not have.
type notT interface{ Fatalf(code int) }

type wrapper struct{ t *testing.T }

func (w wrapper) fail(msg string) { w.t.Helper(); w.t.Fatal(msg) }

func helperTB(tb testing.TB)            { tb.Helper(); tb.Fatal("x") }
func helperIface(f fatalfer)            { f.Helper(); f.Fatalf("x") }
func helperNotT(n notT)                 { n.Fatalf(1) }
func onlyErrorf(tb testing.TB)          { tb.Errorf("x") }
func panics()                           { panic("x") }
func hangs()                            { select {} }
func loops()                            { for { m() } }
func recovered()                        { defer func() { recover() }(); panic("x") }
func indirect(tb testing.TB)            { helperTB(tb) }
func mixed(tb testing.TB, b bool)       { if b { panic("x") }; tb.FailNow() }

func mustNoErr(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

func mustNil(f fatalfer, err error) {
	if err == nil {
		return
	}
	f.Fatalf("%v", err)
}

func callers(t *testing.T, err error) {
	mustNoErr(t, err)
	if err != nil {
		mustNoErr(t, err)
	}
	if err == nil {
		return
	}
	mustNil(t, err)
	mustNoErr(t, errors.New("x"))
	mustNoErr(t, &myErr{})
	w := wrapper{t}
	w.fail("x")
	go func() {
		t.Fatal("in a goroutine")
	}()
}
`

func TestEndsOf(t *testing.T) {
	pkg := atest.BuildSSA(t, endsSrc, 0)
	e := flow.NewEnds(nil)
	for _, tc := range []struct {
		fn     string
		end    flow.End
		nonNil []flow.End
	}{
		{"helperTB", flow.ExitsGoroutine, nil},
		{"helperIface", flow.ExitsGoroutine, nil},
		{"helperNotT", flow.Returns, nil},
		{"onlyErrorf", flow.Returns, nil},
		{"panics", flow.Panics, nil},
		{"hangs", flow.Hangs, nil},
		{"loops", flow.Hangs, nil},
		{"recovered", flow.Returns, nil},
		{"indirect", flow.ExitsGoroutine, nil},
		{"mixed", flow.Panics, nil},
		{"mustNoErr", flow.Returns, []flow.End{flow.Returns, flow.ExitsGoroutine}},
		{"mustNil", flow.Returns, []flow.End{flow.Returns, flow.ExitsGoroutine}},
		{"callers", flow.Returns, []flow.End{flow.Returns, flow.ExitsGoroutine}}, // mustNil
	} {
		got := e.Of(fn(t, pkg, tc.fn))
		if got.End != tc.end || !slices.Equal(got.NonNil, tc.nonNil) {
			t.Errorf("%s: got %v %v, want %v %v", tc.fn, got.End, got.NonNil, tc.end, tc.nonNil)
		}
	}
	// The method of the wrapper struct ends the test.
	w := pkg.Type("wrapper").Type()
	if got := e.Of(pkg.Prog.LookupMethod(w, pkg.Pkg, "fail")).End; got != flow.ExitsGoroutine {
		t.Errorf("wrapper.fail: got %v", got)
	}
}

func TestEndsCalls(t *testing.T) {
	pkg := atest.BuildSSA(t, endsSrc, 0)
	e := flow.NewEnds(nil)
	var got []string
	f := fn(t, pkg, "callers")
	for _, fn := range append([]*ssa.Function{f}, f.AnonFuncs...) {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if c, ok := in.(*ssa.Call); ok {
					got = append(got, describe(in)+": "+e.CallEnd(c).String())
				}
			}
		}
	}
	want := []string{
		"p.mustNoErr: returns",             // err may be nil
		"p.mustNoErr: exits the goroutine", // on the err != nil branch
		"p.mustNil: exits the goroutine",   // past if err == nil { return }
		"errors.New: returns",
		"p.mustNoErr: exits the goroutine", // errors.New never returns nil
		"p.mustNoErr: exits the goroutine", // &myErr{} as an error is not nil
		"(p.wrapper).fail: exits the goroutine",
		"(*testing.common).Fatal: exits the goroutine", // it ends the goroutine it runs in
	}
	if !slices.Equal(got, want) {
		t.Errorf("calls:\n%s\nwant:\n%s", join(got), join(want))
	}
}

// TestEndsImported checks that a function without a body (another
// package's) ends as imported says: the fact of its package.
func TestEndsImported(t *testing.T) {
	pkg := atest.BuildSSA(t, `package p

import "errors"

func f() { errors.New("x"); m() }
func m() {}
`, 0)
	e := flow.NewEnds(func(obj *types.Func) flow.FuncEnds {
		if obj.Name() == "New" {
			return flow.FuncEnds{End: flow.ExitsProcess}
		}
		return flow.FuncEnds{}
	})
	if got := e.Of(fn(t, pkg, "f")).End; got != flow.ExitsProcess {
		t.Errorf("f: got %v, want %v", got, flow.ExitsProcess)
	}
	// Control does not go on past the call that never returns.
	f := fn(t, pkg, "f")
	from, to := call(t, f, "New", 0), call(t, f, "m", 0)
	if !flow.Reaches(from, to, nil) || e.Reaches(from, to, nil) {
		t.Errorf("Reaches: the graph goes on to m (%v); control does not (%v)", flow.Reaches(from, to, nil), e.Reaches(from, to, nil))
	}
}

// TestEndsTestShape checks the interface rule without package testing
// among the imports: the method's signature decides.
func TestEndsTestShape(t *testing.T) {
	pkg := atest.BuildSSA(t, `package p

type TestingT interface {
	Errorf(format string, args ...interface{})
	FailNow()
}

type logger interface{ Fatal(code int) }

func failNow(t TestingT)  { t.FailNow() }
func errorf(t TestingT)   { t.Errorf("x") }
func notShape(l logger)   { l.Fatal(1) }
`, 0)
	e := flow.NewEnds(nil)
	for name, want := range map[string]flow.End{"failNow": flow.ExitsGoroutine, "errorf": flow.Returns, "notShape": flow.Returns} {
		if got := e.Of(fn(t, pkg, name)).End; got != want {
			t.Errorf("%s: got %v, want %v", name, got, want)
		}
	}
}
