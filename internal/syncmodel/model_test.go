package syncmodel_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/atest"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

var update = flag.Bool("update", false, "rewrite testdata/dump.golden")

// TestDump prints the model of the repository's
// testdata/src/syncmodel/dump, one function after
// another, and compares it with testdata/dump.golden (go test
// -update rewrites it): the events with their objects and flags, the
// objects that are one by the identity rule, the goroutines started
// and where each function can end.
func TestDump(t *testing.T) {
	var out strings.Builder
	dump := &analysis.Analyzer{
		Name:     "syncmodeldump",
		Doc:      "print the sync-event model",
		Requires: []*analysis.Analyzer{syncmodel.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.Pkg.Path() != "syncmodel/dump" {
				return nil, nil
			}
			m := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
			at := func(e *syncmodel.Event) string {
				p := pass.Fset.Position(e.Pos)
				return fmt.Sprintf("%d:%d", p.Line, p.Column)
			}
			for _, f := range m.Funcs {
				fmt.Fprintf(&out, "func %s\n", f.Fn.RelString(pass.Pkg))
				for i := range f.Events {
					e := &f.Events[i]
					fmt.Fprintf(&out, "\t%s %s", at(e), e.Kind)
					switch {
					case e.Obj.Known():
						fmt.Fprintf(&out, " %s (%s)", e.Expr, e.Obj)
					case e.Kind == syncmodel.Chan:
						fmt.Fprintf(&out, " %s %s", e.Op.Kind, e.Expr)
					default:
						fmt.Fprintf(&out, " %s", e.Expr)
					}
					if e.Start != nil {
						if e.Start.Fn != nil {
							fmt.Fprintf(&out, " runs %s", e.Start.Fn.RelString(pass.Pkg))
						} else {
							fmt.Fprintf(&out, " runs ?")
						}
						if e.Start.Goroutine {
							out.WriteString(" in a new goroutine")
						}
					}
					if e.Kind == syncmodel.CondWait {
						if _, name, ok := m.CondLock(e.Obj); ok {
							fmt.Fprintf(&out, " L=%s", name)
						}
					}
					if e.Deferred {
						out.WriteString(" deferred")
					}
					if e.Must {
						out.WriteString(" must")
					}
					if c, ok := e.Instr.(ssa.CallInstruction); ok && syncmodel.MayJoin(flow.CalleeFunc(c.Common())) {
						out.WriteString(" joins")
					}
					if x, ok := quietExit(m, f, e); ok {
						how := ""
						if x.Declined {
							how = " declined"
						}
						fmt.Fprintf(&out, " leaves-without=%d%s", pass.Fset.Position(x.Pos).Line, how)
					}
					if e.Obj.Known() {
						var same []string
						for _, r := range m.EventsOn(f.Fn, e.Obj, e.Kind.Partners()...) {
							p := pass.Fset.Position(r.E.Pos)
							same = append(same, fmt.Sprintf("%s@%d", r.E.Kind, p.Line))
						}
						if len(same) > 0 {
							fmt.Fprintf(&out, " partners=[%s]", strings.Join(same, " "))
						}
						// The partners in this function on the very
						// same instance.
						var here []string
						for j := range f.Events {
							p := &f.Events[j]
							if slices.Contains(e.Kind.Partners(), p.Kind) && syncmodel.SameInstance(e.Obj, p.Obj) {
								here = append(here, fmt.Sprintf("%s@%d", p.Kind, pass.Fset.Position(p.Pos).Line))
							}
						}
						if len(here) > 0 {
							fmt.Fprintf(&out, " here=[%s]", strings.Join(here, " "))
						}
					}
					out.WriteString("\n")
				}
				var ends []string
				for _, e := range f.Ends {
					if p := e.Instr.Pos(); p.IsValid() {
						ends = append(ends, fmt.Sprintf("%s@%d", e.Kind, pass.Fset.Position(p).Line))
					} else {
						ends = append(ends, e.Kind) // the implicit return at the closing brace
					}
				}
				signals := ""
				if f.Signals {
					signals = " (signals)"
				}
				fmt.Fprintf(&out, "\tends: %s%s\n", strings.Join(ends, " "), signals)
			}
			return nil, nil
		},
	}
	analysistest.Run(t, atest.TestData(), dump, "syncmodel/dump")
	golden := filepath.Join("testdata", "dump.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != string(want) {
		t.Errorf("model differs from %s (go test -update rewrites it):\n%s", golden, got)
	}
}

// quietExit asks the model's QuietExit of the partner events (a Done,
// a send or close, a Signal or Broadcast): a path out of f without e.
func quietExit(m *syncmodel.Model, f *syncmodel.Func, e *syncmodel.Event) (syncmodel.Exit, bool) {
	var does syncmodel.Does
	switch {
	case e.Kind == syncmodel.Done, e.Kind == syncmodel.Signal, e.Kind == syncmodel.Broadcast:
		does.AddInstr(e.Instr)
	case e.Kind == syncmodel.Chan && (e.Op.Kind == chanmodel.Send || e.Op.Kind == chanmodel.Close):
		if !does.Add(e.Op) {
			return syncmodel.Exit{}, false
		}
	default:
		return syncmodel.Exit{}, false
	}
	return m.QuietExit(f.Fn, nil, does)
}

// TestChanLocked reports, in testdata/src/syncmodel/chanlock, the
// functions ChanLocked answers true for: a channel used as a lock,
// directly or through helpers, and not for a send alone, two
// channels, or a receive another goroutine makes.
func TestChanLocked(t *testing.T) {
	probe := &analysis.Analyzer{
		Name:     "chanlockprobe",
		Doc:      "report the functions that use a channel as a lock",
		Requires: []*analysis.Analyzer{syncmodel.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			m := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
			for _, f := range m.Funcs {
				if m.ChanLocked(f.Fn) {
					pass.Reportf(f.Fn.Pos(), "channel used as a lock")
				}
			}
			return nil, nil
		},
	}
	analysistest.Run(t, atest.TestData(), probe, "syncmodel/chanlock")
}

// TestRunners reports, in testdata/src/syncmodel/runners, the
// goroutines Runners finds for each method and function literal with
// its receiver: a go statement (once: one per object), an entry, none
// (only a constructor calls it on an object not yet shared, or nothing
// calls it), or unknown (a caller calls it on another object).
func TestRunners(t *testing.T) {
	probe := &analysis.Analyzer{
		Name:     "runnersprobe",
		Doc:      "report the goroutines that run each method with its receiver",
		Requires: []*analysis.Analyzer{syncmodel.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			m := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
			for _, f := range m.Funcs {
				var obj ssa.Value
				switch {
				case f.Fn.Signature.Recv() != nil && len(f.Fn.Params) > 0:
					obj = f.Fn.Params[0]
				case len(f.Fn.FreeVars) > 0:
					obj = f.Fn.FreeVars[0]
				default:
					continue
				}
				rs, ok := m.Runners(f.Fn, obj)
				var names []string
				for _, r := range rs {
					if r.Entry != nil {
						names = append(names, "entry "+r.Entry.Name())
						continue
					}
					n := fmt.Sprintf("go@%d", pass.Fset.Position(r.Go.Instr.Pos()).Line)
					if r.PerObject {
						n += " once"
					}
					names = append(names, n)
				}
				switch {
				case !ok:
					names = []string{"unknown"}
				case len(names) == 0:
					names = []string{"none"}
				}
				pass.Reportf(f.Fn.Pos(), "runners: %s", strings.Join(names, ", "))
			}
			return nil, nil
		},
	}
	analysistest.Run(t, atest.TestData(), probe, "syncmodel/runners")
}

// TestGates reports, in testdata/src/syncmodel/gates, the functions
// that may tell another goroutine something (Func.Signals): a lock
// made of channels, a token gate or a semaphore, releases (or takes)
// it by a send that tells nobody anything, while a buffered channel
// filled without its token held, an unbuffered one, or one that is
// also closed, hands something over.
func TestGates(t *testing.T) {
	probe := &analysis.Analyzer{
		Name:     "gatesprobe",
		Doc:      "report the functions that signal",
		Requires: []*analysis.Analyzer{syncmodel.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			m := pass.ResultOf[syncmodel.Analyzer].(*syncmodel.Model)
			for _, f := range m.Funcs {
				if f.Signals {
					pass.Reportf(f.Fn.Pos(), "signals")
				}
			}
			return nil, nil
		},
	}
	analysistest.Run(t, atest.TestData(), probe, "syncmodel/gates")
}
