package analysisutil

import (
	"fmt"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/atest"
)

const funcValueSrc = `package p

type T struct{ n int }

func (t *T) work() {}

func declared() {}

func use(f func()) { f() }

func values(t *T, fs []func()) {
	n := 0
	use(declared)                 // a declared function
	use(func() {})                // a literal that captures nothing
	use(func() { n++ })           // a closure: its binding is n's cell
	use(t.work)                   // a method value: its binding is t
	use(fs[0])                    // a function value loaded: not known
}
`

// TestFuncValue: the function and bindings of each kind of function
// value handed to use, in order.
func TestFuncValue(t *testing.T) {
	pkg := atest.BuildSSA(t, funcValueSrc, 0)
	values := pkg.Func("values")
	var got [][2]any
	for _, b := range values.Blocks {
		for _, in := range b.Instrs {
			c, ok := in.(*ssa.Call)
			if !ok || c.Call.StaticCallee() != pkg.Func("use") {
				continue
			}
			fn, bindings := FuncValue(c.Call.Args[0])
			name := "<nil>"
			if fn != nil {
				name = fn.Name()
			}
			got = append(got, [2]any{name, len(bindings)})
		}
	}
	want := [][2]any{{"declared", 0}, {"values$1", 0}, {"values$2", 1}, {"work$bound", 1}, {"<nil>", 0}}
	if len(got) != len(want) {
		t.Fatalf("FuncValue over the calls of use: got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("call %d: FuncValue = %v, want %v", i, got[i], want[i])
		}
	}
	if fn, bindings := FuncValue(values.Params[0]); fn != nil || bindings != nil {
		t.Errorf("FuncValue of a parameter = %v, %v; want nil, nil", fn, bindings)
	}
}

const endBraceSrc = `package p

type T struct{}

func (T) m() {}

func decl() {
	_ = func() {
	}
}

func asm()
`

// TestEndBrace: the closing brace of a declared function's and a
// literal's body; none for a function without a body in source.
func TestEndBrace(t *testing.T) {
	pkg := atest.BuildSSA(t, endBraceSrc, 0)
	prog := pkg.Prog
	fset := prog.Fset
	decl := pkg.Func("decl")
	for _, c := range []struct {
		fn   *ssa.Function
		want string // line:column, or "" for none
	}{
		{decl, "10:1"},
		{decl.AnonFuncs[0], "9:2"},
		{pkg.Func("asm"), ""},
		// The wrapper for the promoted method (*T).m has no syntax.
		{prog.MethodValue(prog.MethodSets.MethodSet(types.NewPointer(pkg.Type("T").Type())).Lookup(pkg.Pkg, "m")), ""},
	} {
		got := ""
		if p := EndBrace(c.fn); p.IsValid() {
			pos := fset.Position(p)
			got = fmt.Sprintf("%d:%d", pos.Line, pos.Column)
		}
		if got != c.want {
			t.Errorf("EndBrace(%s) = %q, want %q", c.fn, got, c.want)
		}
	}
}

const condLSrc = `package p

import "sync"

type S struct{ sync.Cond }

type T struct{ L sync.Locker }

type CP *sync.Cond

func f(c *sync.Cond, s *S, t *T, cp CP) {
	_ = c.L  // 1: a Cond's L
	_ = s.L  // 2: an embedded Cond's L
	_ = t.L  // 3: a field named L of another type
	_ = cp.L // 4: through a defined pointer type
}
`

// TestIsCondL: the address of a sync.Cond's L, and of no other field
// named L.
func TestIsCondL(t *testing.T) {
	pkg := atest.BuildSSA(t, condLSrc, 0)
	var got []bool
	for _, b := range pkg.Func("f").Blocks {
		for _, in := range b.Instrs {
			if fa, ok := in.(*ssa.FieldAddr); ok && FieldOf(fa) != nil && FieldOf(fa).Name() == "L" {
				got = append(got, IsCondL(fa))
			}
		}
	}
	if want := []bool{true, true, false, true}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("IsCondL of c.L, s.L, t.L, cp.L = %v, want %v", got, want)
	}
}
