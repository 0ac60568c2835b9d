package analysisutil

import (
	"fmt"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"

	"github.com/goconcheck/goconcheck/internal/flow"
)

// EndsAnalyzer gives each package its flow.Ends, the one notion of
// "never returns" the models and analyzers share: how a call ends,
// knowing the functions of the package whose every path ends (a test
// helper that always calls t.Fatal, a function that always panics or
// loops for ever) and, through a NoReturn fact, those of the packages
// it imports. It reports nothing.
var EndsAnalyzer = &analysis.Analyzer{
	Name:       "goconcheckends",
	Doc:        "find the functions that never return normally, for goconcheck's models (reports nothing)",
	Requires:   []*analysis.Analyzer{buildssa.Analyzer},
	FactTypes:  []analysis.Fact{new(NoReturn)},
	ResultType: reflect.TypeFor[*flow.Ends](),
	Run:        runEnds,
}

// NoReturn is the fact exported for a function or method with an
// exported name that never returns normally, or never when one of its
// arguments is not nil, or that reports a test failure on a parameter
// before it returns (false): how its calls end (flow.FuncEnds).
type NoReturn struct {
	End        flow.End
	NonNil     []flow.End
	Fails      int
	FalseFails int
}

func (*NoReturn) AFact() {}

func (f *NoReturn) String() string {
	if f.End != flow.Returns {
		return fmt.Sprintf("noreturn(%s)", f.End)
	}
	var ps []string
	for i, e := range f.NonNil {
		if e != flow.Returns {
			ps = append(ps, fmt.Sprintf("param%d non-nil: %s", i, e))
		}
	}
	if f.Fails > 0 {
		ps = append(ps, fmt.Sprintf("fails the test param%d", f.Fails-1))
	}
	if f.FalseFails > 0 {
		ps = append(ps, fmt.Sprintf("false fails the test param%d", f.FalseFails-1))
	}
	return "noreturn(" + strings.Join(ps, ", ") + ")"
}

// PassEnds returns the flow.Ends of pass's package: the result of
// EndsAnalyzer, which pass's analyzer must require.
func PassEnds(pass *analysis.Pass) *flow.Ends {
	e, ok := pass.ResultOf[EndsAnalyzer].(*flow.Ends)
	if !ok {
		panic("analysisutil.PassEnds: analyzer " + pass.Analyzer.Name + " does not require analysisutil.EndsAnalyzer")
	}
	return e
}

func runEnds(pass *analysis.Pass) (any, error) {
	ends := flow.NewEnds(func(obj *types.Func) flow.FuncEnds {
		var f NoReturn
		if obj.Pkg() != pass.Pkg && pass.ImportObjectFact(obj, &f) {
			return flow.FuncEnds{End: f.End, NonNil: f.NonNil, Fails: f.Fails, FalseFails: f.FalseFails}
		}
		return flow.FuncEnds{}
	})
	// Every function is searched now, in the package's order, so the
	// facts (and what a recursion is taken to do) do not depend on
	// which analyzer asks first.
	for _, fn := range pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
		fe := ends.Of(fn)
		obj, ok := fn.Object().(*types.Func)
		// Another package can call only what has an exported name.
		if fe.End == flow.Returns && fe.NonNil == nil && fe.Fails == 0 && fe.FalseFails == 0 || !ok || fn.Parent() != nil || obj.Pkg() != pass.Pkg || !obj.Exported() {
			continue
		}
		pass.ExportObjectFact(obj, &NoReturn{End: fe.End, NonNil: fe.NonNil, Fails: fe.Fails, FalseFails: fe.FalseFails})
	}
	return ends, nil
}
