package missingcancel

import (
	_ "embed"
	"fmt"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:      "missingcancel",
	Doc:       analysisutil.MustExtractDoc(doc, "missingcancel"),
	Requires:  []*analysis.Analyzer{buildssa.Analyzer, inspect.Analyzer, analysisutil.ModeAnalyzer, analysisutil.ClosuresAnalyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(ignoresParams), new(cancelSource)},
}

// ignoresParams records the parameters of function type (as access
// paths relative to the function, receiver first) that the function
// provably never calls, stores or passes on: handing a cancel function
// to one of them does not release the context.
type ignoresParams struct{ Params []accesspath.Rel }

func (*ignoresParams) AFact() {}

func (f *ignoresParams) String() string {
	idx := make([]int, len(f.Params))
	for i, r := range f.Params {
		idx[i] = r.Param
	}
	return fmt.Sprintf("ignoresParams%v", idx)
}

// cancelSource records that result Result of the function is always a
// fresh cancel function that the function itself neither calls nor
// hands to anyone: its caller owns it, exactly as for
// context.WithCancel. Verb is "cancel" or "stop", for messages.
type cancelSource struct {
	Result int
	Verb   string
}

func (*cancelSource) AFact() {}

func (f *cancelSource) String() string { return fmt.Sprintf("cancelSource(%d)", f.Result) }

func run(pass *analysis.Pass) (any, error) {
	ssaInfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	c := newChecker(pass, ssaInfo)
	c.computeIgnoredSlots()
	c.computeSources()
	c.exportFacts()
	if analysisutil.FactsOnly(pass) {
		return nil, nil
	}
	for _, fn := range c.funcs {
		if flow.IsMain(fn) {
			continue // returning from main ends the process
		}
		c.checkFunc(fn)
	}
	return nil, nil
}

// checker holds the package-wide knowledge shared by all functions.
type checker struct {
	pass  *analysis.Pass
	pkg   *ssa.Package
	funcs []*ssa.Function
	insp  *inspector.Inspector

	// ignored holds the func-typed parameters and free variables that
	// are provably never called, stored or passed on.
	ignored map[slot]bool

	// fieldRead holds the unexported fields of this package's structs
	// whose value is read somewhere (beyond a nil comparison), or is
	// nil until isFieldRead first needs it: most packages store no
	// function in a field, and those analyzed for their facts only
	// need not walk every function for it.
	fieldRead map[*types.Var]bool

	// sources maps the functions of this package that return a fresh
	// cancel function to that result.
	sources map[*ssa.Function]*cancelSource
}

func newChecker(pass *analysis.Pass, info *buildssa.SSA) *checker {
	c := &checker{
		pass:    pass,
		pkg:     info.Pkg,
		insp:    pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		ignored: make(map[slot]bool),
		sources: make(map[*ssa.Function]*cancelSource),
	}
	for _, fn := range info.SrcFuncs {
		if fn.Blocks != nil {
			c.funcs = append(c.funcs, fn)
		}
	}
	return c
}

// exportFacts publishes what callers in other packages need: which
// parameters a function ignores and which result is a cancel source.
func (c *checker) exportFacts() {
	for _, fn := range c.funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil {
			continue
		}
		var params []accesspath.Rel
		for _, p := range fn.Params {
			if r, ok := accesspath.Relative(fn, accesspath.Key{Root: p}); ok && c.ignored[slot{fn, r}] {
				params = append(params, r)
			}
		}
		if len(params) > 0 {
			c.pass.ExportObjectFact(obj, &ignoresParams{Params: params})
		}
		if src := c.sources[fn]; src != nil {
			c.pass.ExportObjectFact(obj, src)
		}
	}
}

// isLocal reports whether fn's body belongs to the package under
// analysis (so the checker's own summaries apply).
func (c *checker) isLocal(fn *ssa.Function) bool {
	return fn.Pkg == c.pkg && fn.Blocks != nil && fn.Synthetic == ""
}

// declared reports whether fn is a declared function or method (as
// opposed to a wrapper, whose parameters may be shifted), possibly of
// another package.
func declared(fn *ssa.Function) bool {
	return fn.Synthetic == "" || strings.HasPrefix(fn.Synthetic, "from type information")
}

// funcObject returns the declared function behind fn, for facts.
func funcObject(fn *ssa.Function) *types.Func {
	obj, _ := fn.Object().(*types.Func)
	return obj
}

// A slot is a func-typed input of a function, a parameter or a free
// variable, named by its access path relative to the function: the
// name a call site rebinds to its arguments and closure bindings.
type slot struct {
	fn  *ssa.Function
	rel accesspath.Rel
}

// drops reports whether a call of fn (or the creation of its closure)
// with the given arguments and bindings provably has no effect on the
// function value x: each input of fn bound to x is one fn ignores.
func (c *checker) drops(fn *ssa.Function, args, bindings []ssa.Value, x ssa.Value) bool {
	for _, r := range accesspath.BoundTo(args, bindings, x) {
		if !c.ignores(fn, r) {
			return false
		}
	}
	return true
}

// ignores reports whether fn provably never calls, stores or passes on
// its input r: a free variable of one of this package's closures, or a
// parameter of a function of this package or, by its facts, another.
func (c *checker) ignores(fn *ssa.Function, r accesspath.Rel) bool {
	if fn == nil {
		return false
	}
	if r.Param < 0 || c.isLocal(fn) {
		return c.ignored[slot{fn, r}]
	}
	if fn.Pkg == c.pkg || !declared(fn) {
		return false
	}
	obj := funcObject(fn)
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == c.pass.Pkg {
		return false
	}
	var f ignoresParams
	return c.pass.ImportObjectFact(obj, &f) && slices.Contains(f.Params, r)
}

// sourceOf reports whether call creates a cancel function the caller
// owns, and which result it is.
func (c *checker) sourceOf(call *ssa.CallCommon) (name string, src *cancelSource) {
	if call.IsInvoke() {
		return "", nil
	}
	if obj := flow.CalleeFunc(call); obj != nil {
		if s := stdSource(obj); s != nil {
			return obj.Pkg().Name() + "." + obj.Name(), s
		}
	}
	fn := flow.Callee(call)
	if fn == nil {
		return "", nil
	}
	if c.isLocal(fn) {
		if s := c.sources[fn]; s != nil {
			return displayName(fn), s
		}
		return "", nil
	}
	obj := funcObject(fn)
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == c.pass.Pkg || !declared(fn) {
		return "", nil
	}
	var s cancelSource
	if c.pass.ImportObjectFact(obj, &s) {
		return displayName(fn), &s
	}
	return "", nil
}

func displayName(fn *ssa.Function) string {
	obj := funcObject(fn)
	if obj == nil {
		return fn.Name()
	}
	name := obj.Name()
	if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if obj.Pkg() != nil {
		name = obj.Pkg().Name() + "." + name
	}
	return name
}

var (
	cancelSrc = &cancelSource{Result: 1, Verb: "cancel"}
	stopSrc   = &cancelSource{Result: 1, Verb: "stop"}
)

// stdSource recognises the standard library's cancel sources.
// (context.WithoutCancel and context.AfterFunc return no cancel.)
func stdSource(fn *types.Func) *cancelSource {
	for _, name := range []string{"WithCancel", "WithCancelCause", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause"} {
		if analysisutil.IsFunc(fn, "context", name) {
			return cancelSrc
		}
	}
	if analysisutil.IsFunc(fn, "os/signal", "NotifyContext") {
		return stopSrc
	}
	return nil
}

func isFuncType(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}
