package lockset_test

import (
	"flag"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/lockset"
)

var update = flag.Bool("update", false, "rewrite testdata/dump.golden")

// dump prints the lock-set model of a package: per function what its
// callers hold, its summary, the held and may-held sets before each
// call and return, and its lock events.
var dump = &analysis.Analyzer{
	Name:       "locksetdump",
	Doc:        "print the lock-set model",
	Requires:   []*analysis.Analyzer{lockset.Analyzer},
	ResultType: reflect.TypeFor[string](),
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[lockset.Analyzer].(*lockset.Result)
		var b strings.Builder
		pos := func(p token.Pos) string {
			if !p.IsValid() {
				return "-"
			}
			q := pass.Fset.Position(p)
			return fmt.Sprintf("%d:%d", q.Line, q.Column)
		}
		for _, fn := range res.Functions() {
			f := res.Funcs[fn]
			fmt.Fprintf(&b, "func %s\n", fn.RelString(pass.Pkg))
			if f.EntryKnown {
				fmt.Fprintf(&b, "\tentry %s locked=%v init=%v owned=%v covered=%v\n", keys(f.Entry), f.EntryLocked, f.InitOnly, ints(f.Owned), ints(f.Covered))
			}
			if len(f.Borrowed) > 0 {
				fmt.Fprintf(&b, "\tborrowed %s\n", keys(f.Borrowed))
			}
			if f.Opaque {
				fmt.Fprintf(&b, "\topaque\n")
			}
			fmt.Fprintf(&b, "\tsummary %s\n", f.Summary())
			for _, blk := range fn.Blocks {
				for _, instr := range blk.Instrs {
					var what string
					switch instr := instr.(type) {
					case *ssa.Call, *ssa.Defer, *ssa.Go:
						c := instr.(ssa.CallInstruction).Common()
						what = strings.ToLower(fmt.Sprintf("%T", instr))[len("*ssa."):] + " " + callName(c)
					case *ssa.Return:
						what = "return"
					default:
						continue
					}
					fmt.Fprintf(&b, "\t%s %s held=%s may=%s\n", pos(instr.Pos()), what, set(f.HeldBefore(instr)), set(f.MayHeldBefore(instr)))
				}
			}
			for _, a := range f.Acquires {
				via := ""
				if a.Via != nil {
					via = " via " + a.Via.Name()
				}
				prev := ""
				if a.Prev != nil {
					prev = " after " + pos(a.Prev.Pos)
				}
				readOnly := ""
				if a.Mode == lockset.Read && res.NeverWriteLocked(a.Key) {
					readOnly = " neverwritelocked"
				}
				fmt.Fprintf(&b, "\tacquire %s %s%s%s callback=%v%s\n", pos(a.Instr.Pos()), key(a.Key, a.Mode), via, prev, a.Callback, readOnly)
			}
			for _, r := range f.Releases {
				fmt.Fprintf(&b, "\trelease %s %s later=%v\n", pos(r.Instr.Pos()), key(r.Key, lockset.Write), r.Later)
			}
			for _, r := range f.Returns {
				fmt.Fprintf(&b, "\treturn %s held=%s\n", pos(r.Instr.Pos()), set(r.Held))
			}
		}
		return b.String(), nil
	},
}

func callName(c *ssa.CallCommon) string {
	if c.IsInvoke() {
		return "invoke " + c.Method.Name()
	}
	if f := c.StaticCallee(); f != nil {
		return f.Name()
	}
	return "dynamic"
}

func key(k lockset.Key, m lockset.Mode) string {
	s := lockset.Describe(k) + "{" + k.String() + "}"
	if m == lockset.Read {
		s += "(r)"
	}
	return s
}

func set(s lockset.Set) string {
	if s == nil {
		return "unreached"
	}
	var out []string
	for k, l := range s {
		e := key(k, l.Mode) + "@" + fmt.Sprint(l.Pos != token.NoPos)
		if l.Entry {
			e += ",entry"
		}
		if l.Callee {
			e += ",callee"
		}
		out = append(out, e)
	}
	slices.Sort(out)
	return "[" + strings.Join(out, " ") + "]"
}

func keys(m map[lockset.Key]bool) string {
	var out []string
	for k := range m {
		out = append(out, key(k, lockset.Write))
	}
	slices.Sort(out)
	return "[" + strings.Join(out, " ") + "]"
}

func ints(m map[int]bool) string {
	var out []int
	for i := range m {
		out = append(out, i)
	}
	slices.Sort(out)
	return fmt.Sprint(out)
}

// TestDump pins the model down: the dump of package dump (and of the
// Facts it imports from dump/lib) must match testdata/dump.golden.
// Run with -update after a deliberate change and review the diff.
func TestDump(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), dump, "dump")
	if len(results) != 1 || results[0].Err != nil {
		t.Fatalf("got %d results (%v), want 1", len(results), results)
	}
	got := results[0].Result.(string)
	golden := filepath.Join("testdata", "dump.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("lock-set model changed (go test ./internal/lockset -run TestDump -update to accept):\n%s", diff(string(want), got))
	}
}

// diff lists the lines of want and got that differ, in order.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n-%s\n+%s\n", i+1, wl, gl)
		}
	}
	return b.String()
}
