package syncmodel_test

import (
	"fmt"
	"os"
	"strings"
	"slices"
	"testing"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

func TestScratchDump(t *testing.T) {
	var out strings.Builder
	dump := &analysis.Analyzer{
		Name:     "syncmodeldump",
		Doc:      "print the sync-event model",
		Requires: []*analysis.Analyzer{syncmodel.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			
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
	analysistest.Run(t, os.Getenv("GK_DIR"), dump, os.Getenv("GK_PKG"))
	fmt.Println(out.String())
	return
}

