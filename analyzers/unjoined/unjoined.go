package unjoined

import (
	_ "embed"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/chanmodel"
	"github.com/goconcheck/goconcheck/internal/finding"
	"github.com/goconcheck/goconcheck/internal/flow"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "unjoined",
	Doc:      analysisutil.MustExtractDoc(doc, "unjoined"),
	Requires: []*analysis.Analyzer{buildssa.Analyzer, chanmodel.Analyzer, analysisutil.ClosuresAnalyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	ssainfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	m := pass.ResultOf[chanmodel.Analyzer].(*chanmodel.Model)
	for _, fn := range ssainfo.SrcFuncs {
		if inBubble(fn) {
			continue // synctest.Test waits for every goroutine of its bubble
		}
		who := starter(fn)
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				g, ok := in.(*ssa.Go)
				if !ok {
					continue
				}
				check(pass, m, fn, g, who)
			}
		}
	}
	return nil, nil
}

// starter names the function whose return ends what its goroutines
// may do: "main" for main.main, "the test" for a function of a test
// (one with a *testing.T parameter); "" for any other.
func starter(fn *ssa.Function) string {
	if flow.IsMain(fn) {
		return "main"
	}
	p := fn.Signature.Params()
	for i := 0; i < p.Len(); i++ {
		if analysisutil.IsNamed(p.At(i).Type(), "testing", "T") {
			return "the test"
		}
	}
	return ""
}

func check(pass *analysis.Pass, m *chanmodel.Model, fn *ssa.Function, g *ssa.Go, who string) {
	body := analysisutil.Spawned(g)
	if body == nil || body.Pkg != fn.Pkg || body.Blocks == nil {
		return
	}
	gf := m.Func(body)
	if gf == nil || gf.NoReturn || gf.Truncated {
		return
	}
	consumes := false
	for i := range gf.Ops {
		op := &gf.Ops[i]
		switch op.Kind {
		case chanmodel.Send, chanmodel.Close:
			return // it can tell someone it is done
		case chanmodel.Recv:
			consumes = consumes || op.Unit == 0
		}
	}
	// Outside a test, only a goroutine that takes work from the
	// starter does work whose loss matters (not a progress message);
	// in a test, any late t.Log or t.Error panics.
	if !consumes && who != "the test" {
		return
	}
	s := &scan{seen: make(map[*ssa.Function]bool), closures: analysisutil.PassClosures(pass)}
	s.walk(body, 0)
	if s.signals {
		return
	}
	start := m.Start(g.Pos())
	if who != "the test" {
		// Results the goroutine stores where its starter reads them.
		if store, read := recordsFor(fn, g, body); store != nil {
			name := fn.Name()
			if fn.Parent() != nil {
				name = "its starter"
			}
			d := analysis.Diagnostic{Pos: start, Category: "unjoined",
				Message: "goroutine may still be running when " + name + " reads the results it records: nothing waits for it"}
			tr := startTrace(pass, fn, start)
			for _, p := range []finding.Place{
				{Pos: store.Pos(), Message: "the goroutine records here", Goroutine: finding.Spawned(pass.Fset, start), Op: finding.OpWrite},
				{Pos: read.Pos(), Message: name + " reads them here without waiting for it", Goroutine: analysisutil.Goroutine(pass.Fset, fn), Op: finding.OpRead},
			} {
				if p.Pos.IsValid() {
					tr.Related(&d, p)
				}
			}
			tr.Report(pass, d)
			return
		}
	}
	if !s.effect.IsValid() || who == "" || strings.HasPrefix(s.what, "t.") != (who == "the test") {
		return
	}
	if m.StartedNeverEnds(g) && !fedBy(m, fn, gf) {
		// A goroutine that never ends (it ranges over a ticker's
		// channel, or over one that other goroutines feed and nothing
		// closes) is not a collector whose last work its starter's
		// return cuts short: its starter handed it nothing, and decides
		// how long it runs. One the starter itself feeds is: the
		// starter could close the channel and wait, and what it handed
		// over last may never be handled.
		return
	}
	if who == "the test" && !s.lateOnOrdinaryPath(fn, body) {
		return
	}
	ret := exitAfter(fn, g)
	if ret == nil {
		return
	}
	msg := "goroutine may still be running when main returns: nothing waits for it, so what it " + s.what + " can be lost"
	if who == "the test" {
		msg = "goroutine may still be running when the test returns: nothing waits for it, and its " + s.what + " then panics"
	}
	d := analysis.Diagnostic{Pos: start, Category: "unjoined", Message: msg}
	tr := startTrace(pass, fn, start)
	does := s.what
	if strings.HasPrefix(does, "t.") {
		does = "calls " + does
	}
	tr.Related(&d, finding.Place{Pos: s.effect, Message: "the goroutine " + does + " here", Goroutine: finding.Spawned(pass.Fset, start), Op: finding.OpCall})
	retPos := ret.Pos()
	if !retPos.IsValid() {
		if syn := fn.Syntax(); syn != nil {
			retPos = syn.End() - 1
		}
	}
	if retPos.IsValid() {
		tr.Related(&d, finding.Place{Pos: retPos, Message: who + " ends here without waiting for it", Goroutine: analysisutil.Goroutine(pass.Fset, fn), Op: finding.OpReturn})
	}
	tr.Report(pass, d)
}

// fedBy reports whether fn itself sends on a channel that the
// goroutine gf receives from in its own code.
func fedBy(m *chanmodel.Model, fn *ssa.Function, gf *chanmodel.Func) bool {
	f := m.Func(fn)
	if f == nil {
		return false
	}
	for i := range gf.Ops {
		r := &gf.Ops[i]
		if r.Kind != chanmodel.Recv || r.Unit != 0 {
			continue
		}
		for j := range f.Ops {
			if s := &f.Ops[j]; s.Kind == chanmodel.Send && s.Unit == 0 && s.Chan == r.Chan {
				return true
			}
		}
	}
	return false
}

// exitAfter returns a normal return of fn, or a call of os.Exit,
// reachable after g; nil if none.
func exitAfter(fn *ssa.Function, g ssa.Instruction) ssa.Instruction {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Return:
			case *ssa.Call:
				if !analysisutil.IsFunc(flow.CalleeFunc(in.Common()), "os", "Exit") {
					continue
				}
			default:
				continue
			}
			if flow.Reaches(g, in, nil) {
				return in
			}
		}
	}
	return nil
}

// recordsFor returns where the goroutine body, started by fn at g,
// stores into a variable of fn, and where fn reads that variable after
// starting it (the results it collects); nil if nowhere.
func recordsFor(fn *ssa.Function, g *ssa.Go, body *ssa.Function) (store, read ssa.Instruction) {
	_, bindings := analysisutil.FuncValue(g.Call.Value)
	if len(bindings) == 0 {
		return nil, nil // it captures no variable of fn
	}
	for _, b := range body.Blocks {
		for _, in := range b.Instrs {
			var fv *ssa.FreeVar
			switch in := in.(type) {
			case *ssa.Store: // all = append(all, r); out[i] = r
				fv = baseVar(in.Addr)
			case *ssa.MapUpdate: // counts[k] = v
				fv = baseVar(in.Map)
			}
			if fv == nil {
				continue
			}
			st := in
			for i, v := range body.FreeVars {
				if v != fv || i >= len(bindings) {
					continue
				}
				if alloc, ok := bindings[i].(*ssa.Alloc); ok {
					if r := readAfter(alloc, g); r != nil {
						return st, r
					}
				}
			}
		}
	}
	return nil, nil
}

// baseVar returns the captured variable that the address or map v
// lies in (the variable itself, or an element of the slice or map it
// holds), or nil. A field of a captured pointer is not followed: a
// later use of the pointer need not read it.
func baseVar(v ssa.Value) *ssa.FreeVar {
	for {
		switch x := v.(type) {
		case *ssa.FreeVar:
			return x
		case *ssa.IndexAddr:
			v = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return nil
			}
			v = x.X
		default:
			return nil
		}
	}
}

// readAfter returns a read of the variable alloc after g, or nil.
func readAfter(alloc *ssa.Alloc, g ssa.Instruction) ssa.Instruction {
	refs := alloc.Referrers()
	if refs == nil {
		return nil
	}
	for _, r := range *refs {
		if u, ok := r.(*ssa.UnOp); ok && u.Op == token.MUL && u.Block() != nil && u.Parent() == g.Parent() && flow.Reaches(g, u, nil) {
			return u
		}
	}
	return nil
}

// A scan looks through a goroutine's function, and the functions of
// the package it calls, for an effect that matters once its starter
// returns, and for anything that could let the starter wait for it.
type scan struct {
	closures *analysisutil.Closures
	seen     map[*ssa.Function]bool
	effect   token.Pos
	what     string
	signals  bool
	// tests lists the t.Log and t.Error calls written in the
	// goroutine's own function (not in callees).
	tests []testCall
}

func (s *scan) walk(fn *ssa.Function, depth int) {
	if s.seen[fn] || s.signals {
		return
	}
	s.seen[fn] = true
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Go:
				s.signals = true // a goroutine of its own: too much to follow
			case *ssa.Send:
				s.signals = true // in a function value it hands on (below)
			case *ssa.Select:
				for _, st := range in.States {
					s.signals = s.signals || st.Dir == types.SendOnly
				}
			case ssa.CallInstruction:
				s.call(in, depth)
			}
			if s.signals {
				return
			}
		}
	}
}

func (s *scan) call(in ssa.CallInstruction, depth int) {
	c := in.Common()
	// A function literal of the package handed to a call may run
	// there and then (a mutex's WithLock, a Do): what it does, the
	// goroutine does.
	for _, a := range c.Args {
		if lit, _ := analysisutil.FuncValue(a); lit != nil && lit.Pkg == in.Parent().Pkg && lit.Blocks != nil && depth <= 3 {
			s.walk(lit, depth+1)
		}
	}
	if s.signals {
		return
	}
	if c.IsInvoke() {
		switch c.Method.Name() {
		case "Error", "String":
			return
		}
		if analysisutil.ContextQuery(c) {
			return
		}
		s.signals = true
		return
	}
	if b, ok := c.Value.(*ssa.Builtin); ok {
		s.signals = s.signals || b.Name() == "close" // in a function value it hands on
		return
	}
	callee := c.StaticCallee()
	if callee == nil && valueHook(c) {
		return
	}
	if callee == nil {
		s.signals = true // a function value: it may be a cancel or a callback
		return
	}
	obj := flow.CalleeFunc(c)
	if what := effect(obj); what != "" {
		if strings.HasPrefix(what, "t.") && analysisutil.OnErrorPath(in.Block()) {
			// if err := srv.Serve(l); err != nil { t.Error(err) }
			// needs Serve to fail after the test ended, but a Serve
			// the test's cleanup stops returns nil.
			return
		}
		if depth == 0 && strings.HasPrefix(what, "t.") {
			s.tests = append(s.tests, testCall{in, what})
		}
		if !s.effect.IsValid() {
			s.effect, s.what = in.Pos(), what
		}
		return
	}
	if obj != nil && signalling(obj) && !(depth > 0 && releasesOwnLock(in)) {
		s.signals = true
		return
	}
	if callee.Pkg == in.Parent().Pkg && callee.Blocks != nil {
		if depth > 3 {
			s.signals = true
			return
		}
		s.walk(callee, depth+1)
	}
}

// effect says what a call to fn does that matters after the program
// or the test ended: "prints" (fmt, log, an os.File or bufio.Writer
// write) or "t.Log"-like test output; "" for anything else.
func effect(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	name := fn.Name()
	switch fn.Pkg().Path() {
	case "fmt":
		if strings.HasPrefix(name, "Print") || strings.HasPrefix(name, "Fprint") {
			return "prints"
		}
	case "log":
		if strings.HasPrefix(name, "Print") {
			return "prints"
		}
	case "os", "bufio", "encoding/json", "encoding/csv":
		if analysisutil.IsMethod(fn, "os", "File", "Write") || analysisutil.IsMethod(fn, "os", "File", "WriteString") ||
			analysisutil.IsMethod(fn, "bufio", "Writer", name) && strings.HasPrefix(name, "Write") ||
			analysisutil.IsMethod(fn, "encoding/json", "Encoder", "Encode") || analysisutil.IsMethod(fn, "encoding/csv", "Writer", "Write") {
			return "writes"
		}
	case "testing":
		switch name {
		case "Log", "Logf", "Error", "Errorf":
			return "t." + name
		}
	}
	return ""
}

// signalling reports whether a call to fn may tell another goroutine
// that this one is done or has progressed: sync's Done, Unlock,
// Signal, Broadcast; sync/atomic's stores; a Close or a cancel.
func signalling(fn *types.Func) bool {
	if fn.Pkg() != nil && fn.Pkg().Path() == "sync/atomic" {
		name := fn.Name()
		return !strings.HasPrefix(name, "Load")
	}
	switch fn.Name() {
	case "Done", "Unlock", "RUnlock", "Signal", "Broadcast", "Close", "Cancel", "Stop", "Exit", "Goexit":
		return true
	}
	return false
}

// startTrace begins the story of a goroutine that fn starts at pos.
func startTrace(pass *analysis.Pass, fn *ssa.Function, pos token.Pos) *finding.Trace {
	var tr finding.Trace
	tr.Step(finding.Place{Pos: pos, Goroutine: analysisutil.Goroutine(pass.Fset, fn), Op: finding.OpGo})
	return &tr
}

// inBubble reports whether fn runs in a testing/synctest bubble, whose
// goroutines synctest.Test and synctest.Wait wait for: it calls
// synctest.Wait, or it is a function literal passed to synctest.Test
// (or written inside one).
func inBubble(fn *ssa.Function) bool {
	for f := fn; f != nil; f = f.Parent() {
		for _, b := range f.Blocks {
			for _, in := range b.Instrs {
				if c, ok := in.(ssa.CallInstruction); ok && analysisutil.IsFunc(flow.CalleeFunc(c.Common()), "testing/synctest", "Wait") {
					return true
				}
			}
		}
		parent := f.Parent()
		if parent == nil {
			break
		}
		for _, b := range parent.Blocks {
			for _, in := range b.Instrs {
				c, ok := in.(ssa.CallInstruction)
				if !ok || !analysisutil.IsFunc(flow.CalleeFunc(c.Common()), "testing/synctest", "Test") {
					continue
				}
				for _, a := range c.Common().Args {
					if g, _ := analysisutil.FuncValue(a); g == f {
						return true
					}
				}
			}
		}
	}
	return false
}
