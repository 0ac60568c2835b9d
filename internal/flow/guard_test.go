package flow

import (
	"go/constant"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/atest"
)

const deadWithSrc = `package p

var total int

func step(sum bool, mode int) {
	if sum {
		total++ // line 7
	}
	if !sum {
		total-- // line 10
	}
	if mode == 2 {
		total += 2 // line 13
	}
}
`

// TestDeadWith checks which blocks constant arguments rule out.
func TestDeadWith(t *testing.T) {
	pkg := atest.BuildSSA(t, deadWithSrc, 0)
	fn := pkg.Func("step")
	lines := func(dead map[*ssa.BasicBlock]bool) map[int]bool {
		out := map[int]bool{}
		for b := range dead {
			for _, in := range b.Instrs {
				if s, ok := in.(*ssa.Store); ok {
					out[pkg.Prog.Fset.Position(s.Pos()).Line] = true
				}
			}
		}
		return out
	}
	c := func(v constant.Value, t types.Type) ssa.Value { return ssa.NewConst(v, t) }
	boolT, intT := types.Typ[types.Bool], types.Typ[types.Int]
	for _, tc := range []struct {
		args []ssa.Value
		want map[int]bool
	}{
		{[]ssa.Value{c(constant.MakeBool(false), boolT), c(constant.MakeInt64(2), intT)}, map[int]bool{7: true}},
		{[]ssa.Value{c(constant.MakeBool(true), boolT), c(constant.MakeInt64(1), intT)}, map[int]bool{10: true, 13: true}},
		{[]ssa.Value{fn.Params[0], fn.Params[1]}, map[int]bool{}},
	} {
		got := lines(DeadWith(fn, tc.args))
		if len(got) != len(tc.want) {
			t.Errorf("DeadWith(%v) rules out lines %v, want %v", tc.args, got, tc.want)
			continue
		}
		for l := range tc.want {
			if !got[l] {
				t.Errorf("DeadWith(%v) rules out lines %v, want %v", tc.args, got, tc.want)
			}
		}
	}
}

const nilResultSrc = `package p

import "errors"

type opts struct{ strict bool }

func build(name string, o *opts) (string, error) {
	if o != nil && o.strict && name == "" {
		return "", errors.New("empty")
	}
	return name, nil
}

func check(name string, validate bool) error {
	if validate {
		if name == "" {
			return errors.New("empty")
		}
	}
	return nil
}

func calls(n string, o *opts, v bool) {
	build(n, nil)
	build(n, o)
	check(n, false)
	check(n, v)
	check(n, true)
	check("a", true)
}
`

// TestNilResultWith checks which calls' error results the constant
// arguments make nil.
func TestNilResultWith(t *testing.T) {
	pkg := atest.BuildSSA(t, nilResultSrc, 0)
	var got []bool
	for _, b := range pkg.Func("calls").Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(*ssa.Call); ok {
				i := c.Call.Signature().Results().Len() - 1
				got = append(got, NilResultWith(&c.Call, i))
			}
		}
	}
	want := []bool{true, false, true, false, false, true}
	if len(got) != len(want) {
		t.Fatalf("got %d calls, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("call %d: NilResultWith = %v, want %v", i, got[i], want[i])
		}
	}
}
