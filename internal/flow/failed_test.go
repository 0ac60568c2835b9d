package flow_test

import (
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/atest"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// failSrc has assertion helpers shaped like testify's (TestingT does
// not come from package testing) and callers of them. m marks places.
const failSrc = `package p

import "testing"

type TestingT interface{ Errorf(format string, args ...any) }

type logger interface{ Errorf(format string, args ...any); Flush() }

func m() {}

func fail(t TestingT, msg string) bool  { t.Errorf("%s", msg); return false }
func noError(t TestingT, err error) bool { if err != nil { return fail(t, err.Error()) }; return true }
func isTrue(t TestingT, ok bool) bool    { if !ok { t.Errorf("false"); return false }; return true }
func viaPhi(t TestingT, ok bool) bool    { r := true; if !ok { t.Errorf("x"); r = false }; return r }
func quiet(t TestingT, err error) bool   { return err == nil }
func some(t TestingT, err error, loud bool) bool {
	if err != nil {
		if loud {
			t.Errorf("%v", err)
		}
		return false
	}
	return true
}
func errorfTB(tb testing.TB)            { tb.Helper(); tb.Errorf("x") }
func logs(l logger) bool                { l.Errorf("x"); return false }
func second(msg string, tb testing.TB)  { tb.Error(msg) }

func callers(t *testing.T, err error, l logger) {
	if !noError(t, err) {
		m()
	}
	if quiet(t, err) {
		m()
	}
	errorfTB(t)
	second("x", t)
	t.Errorf("x")
	t.Logf("x")
	l.Errorf("x")
	var tb testing.TB = t
	tb.Error("x")
	fail(l, "x")
}
`

func TestFailsOn(t *testing.T) {
	pkg := atest.BuildSSA(t, failSrc, 0)
	e := flow.NewEnds(nil)
	for _, tc := range []struct {
		fn                string
		fails, falseFails int
	}{
		{"fail", 1, 1},
		{"noError", 0, 1},
		{"isTrue", 0, 1},
		{"viaPhi", 0, 1},
		{"quiet", 0, 0},
		{"some", 0, 0}, // false without a report when !loud
		{"errorfTB", 1, 0},
		{"logs", 0, 0}, // Flush is no method of *testing.T
		{"second", 2, 0},
		{"callers", 1, 0}, // errorfTB(t) on every path
	} {
		got := e.Of(fn(t, pkg, tc.fn))
		if got.End != flow.Returns || got.Fails != tc.fails || got.FalseFails != tc.falseFails {
			t.Errorf("%s: got %v fails %d falseFails %d, want returns %d %d", tc.fn, got.End, got.Fails, got.FalseFails, tc.fails, tc.falseFails)
		}
	}
}

func TestFailsCalls(t *testing.T) {
	pkg := atest.BuildSSA(t, failSrc, 0)
	e := flow.NewEnds(nil)
	f := fn(t, pkg, "callers")
	var got []string
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(*ssa.Call); ok && e.Fails(c) {
				got = append(got, describe(in))
			}
		}
		for i := range b.Succs {
			if e.FailEdge(b, i) {
				got = append(got, "false edge of "+describe(b.Instrs[len(b.Instrs)-1].(*ssa.If).Cond.(*ssa.Call)))
			}
		}
	}
	want := []string{
		"false edge of p.noError",
		"p.errorfTB",
		"p.second",
		"(*testing.common).Errorf",
		"(testing.TB).Error",
		// Not quiet's false edge (no report), nor t.Logf, nor the
		// logger's Errorf (not a test: p.go is no _test.go file), nor
		// fail(l, ...) given a logger.
	}
	if join(got) != join(want) {
		t.Errorf("failure reports:\n%s\nwant:\n%s", join(got), join(want))
	}
}
