package flow_test

import (
	"go/constant"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/atest"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// failUseSrc has a test's own assertion helpers and functions whose
// first result's uses fail the test, or do not, when it is false or
// nil. Each use function takes its value from get.
const failUseSrc = `package p

import (
	"errors"
	"testing"
)

func requireTrue(t *testing.T, ok bool) { t.Helper(); if !ok { t.Fatal("false") } }
func softTrue(t *testing.T, ok bool)    { if !ok { t.Log("false") } }
func maybe(t *testing.T, ok, on bool)   { if on { requireTrue(t, ok) } }
func expect(t *testing.T, ok bool)      { requireTrue(t, ok) }
func mustNoErr(t *testing.T, err error) { if err != nil { t.Fatal(err) } }
func mustErr(t *testing.T, err error)   { if err == nil { t.Fatal("no error") } }

func getBool() bool  { return true }
func getErr() error  { return errors.New("x") }

func helperTrue(t *testing.T)  { requireTrue(t, getBool()) }
func helperSoft(t *testing.T)  { softTrue(t, getBool()) }
func helperMaybe(t *testing.T) { maybe(t, getBool(), false) }
func helperNested(t *testing.T) { expect(t, getBool()) }
func inlineNot(t *testing.T)   { if !getBool() { t.Fatal("x") } }
func errHelper(t *testing.T)   { mustNoErr(t, getErr()) }
func errNil(t *testing.T)      { mustErr(t, getErr()) }
func errInline(t *testing.T)   { if err := getErr(); err == nil { t.Fatal("x") } }
`

func TestFailingUse(t *testing.T) {
	pkg := atest.BuildSSA(t, failUseSrc, 0)
	e := flow.NewEnds(nil)
	falseC := flow.Is(ssa.NewConst(constant.MakeBool(false), types.Typ[types.Bool]))
	errT := types.Universe.Lookup("error").Type()
	nilErr := flow.Is(ssa.NewConst(nil, errT))
	notNilErr := flow.ValueCond{K: ssa.NewConst(nil, errT), Other: true}
	for _, tc := range []struct {
		fn, get string
		vc      flow.ValueCond
		fails   bool
	}{
		{"helperTrue", "getBool", falseC, true},
		{"helperSoft", "getBool", falseC, false},  // only logs
		{"helperMaybe", "getBool", falseC, false}, // may skip the check
		{"helperNested", "getBool", falseC, true}, // a helper calling a helper
		{"inlineNot", "getBool", falseC, true},
		{"errHelper", "getErr", notNilErr, true}, // fails on a non-nil error
		{"errHelper", "getErr", nilErr, false},   // but not on nil
		{"errNil", "getErr", nilErr, true},
		{"errInline", "getErr", nilErr, true},
		{"errInline", "getErr", notNilErr, false},
	} {
		v := call(t, fn(t, pkg, tc.fn), tc.get, 0)
		if got := e.FailingUse(v, tc.vc) != nil; got != tc.fails {
			t.Errorf("%s: FailingUse(%s(), %v other=%v) = %v, want %v", tc.fn, tc.get, tc.vc.K, tc.vc.Other, got, tc.fails)
		}
	}
}
