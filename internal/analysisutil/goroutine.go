package analysisutil

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
)

// Goroutine labels the goroutine running fn's body for a finding's
// story (finding.Trace): a function literal run by a go statement of
// the function that encloses it is the goroutine that statement starts;
// any other function is its caller's goroutine, named by the function.
func Goroutine(fset *token.FileSet, fn *ssa.Function) string {
	if g := GoOf(fn); g != nil {
		return finding.Spawned(fset, g.Pos())
	}
	return Caller(fn)
}

// Caller labels the goroutine that calls fn by fn's name (a function
// literal by the function it is written in).
func Caller(fn *ssa.Function) string {
	name := fn.Name()
	if fn.Parent() != nil {
		top := fn
		for top.Parent() != nil {
			top = top.Parent()
		}
		name = "func literal in " + top.Name()
	}
	return name
}

// GoOf returns the go statement of fn's enclosing function that runs
// the function literal fn, or nil.
func GoOf(fn *ssa.Function) *ssa.Go {
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	for _, b := range parent.Blocks {
		for _, in := range b.Instrs {
			g, ok := in.(*ssa.Go)
			if !ok {
				continue
			}
			if started, _ := FuncValue(g.Call.Value); started == fn {
				return g
			}
		}
	}
	return nil
}

// Starts returns the go step that starts the function literal fn as a
// goroutine, in its starter's goroutine, or nil.
func Starts(fset *token.FileSet, fn *ssa.Function) []finding.Place {
	g := GoOf(fn)
	if g == nil {
		return nil
	}
	return []finding.Place{{Pos: g.Pos(), Message: "goroutine started here", Goroutine: Goroutine(fset, fn.Parent()), Op: finding.OpGo}}
}

// GoroutineAt labels, as Goroutine does, the goroutine that runs the
// code at pos of file, from syntax: the innermost function around pos,
// a function literal started by a go statement as that goroutine.
func GoroutineAt(fset *token.FileSet, file *ast.File, pos token.Pos) string {
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	for i, n := range path {
		switch n := n.(type) {
		case *ast.FuncLit:
			if i+2 < len(path) {
				if g, ok := path[i+2].(*ast.GoStmt); ok && g.Call == path[i+1] {
					return finding.Spawned(fset, g.Pos())
				}
			}
			for _, m := range path[i+1:] {
				if d, ok := m.(*ast.FuncDecl); ok {
					return "func literal in " + d.Name.Name
				}
			}
			return "func literal"
		case *ast.FuncDecl:
			return n.Name.Name
		}
	}
	return ""
}

// GoroutineOfPos is GoroutineAt in whichever of pass's files holds pos.
func GoroutineOfPos(pass *analysis.Pass, pos token.Pos) string {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return GoroutineAt(pass.Fset, f, pos)
		}
	}
	return ""
}

// Spawned returns the function that the instruction in starts as a
// goroutine, if static: the callee of a go statement (a generic
// function as its origin), or the function argument of
// sync.WaitGroup.Go or errgroup.Group.Go; nil otherwise.
func Spawned(in ssa.Instruction) *ssa.Function {
	var fn *ssa.Function
	switch in := in.(type) {
	case *ssa.Go:
		fn = in.Call.StaticCallee()
	case *ssa.Call:
		c := in.Common()
		m := flow.CalleeFunc(c)
		if !IsMethod(m, "sync", "WaitGroup", "Go") && !IsMethod(m, "golang.org/x/sync/errgroup", "Group", "Go") || len(c.Args) != 2 {
			return nil
		}
		fn, _ = FuncValue(c.Args[1])
	}
	if fn != nil && fn.Origin() != nil {
		fn = fn.Origin()
	}
	return fn
}

// StartedArg returns the function argument that the call c runs in a
// goroutine of its own: time.AfterFunc, sync.WaitGroup.Go, the Go and
// TryGo methods of errgroup-like types of packages other than pkg;
// nil otherwise.
func StartedArg(pkg *types.Package, c *ssa.CallCommon) ssa.Value {
	m := flow.CalleeFunc(c)
	if m == nil || m.Pkg() == nil || len(c.Args) == 0 {
		return nil
	}
	last := c.Args[len(c.Args)-1]
	if _, ok := last.Type().Underlying().(*types.Signature); !ok {
		return nil
	}
	if m.Pkg().Path() == "time" && m.Name() == "AfterFunc" {
		return last
	}
	sig, _ := m.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil && m.Pkg() != pkg && (m.Name() == "Go" || m.Name() == "TryGo") {
		return last
	}
	return nil
}
