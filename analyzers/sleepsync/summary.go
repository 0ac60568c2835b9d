package sleepsync

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/accesspath"
	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/factcodec"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/syncmodel"
)

// Longer paths are dropped: missing an access only loses a report.
const maxPath = 6

// Summaries keep at most this many accesses of each kind, so that
// they stay small through deep call chains.
const maxAccesses = 32

// summary describes what a function does to memory its caller can
// name, so a goroutine's writes can be matched with the caller's
// reads through calls, methods and other packages.
type summary struct {
	// Joins is set when the function may block waiting for another
	// goroutine (receive, blocking select, any Wait or Lock method)
	// or calls code we cannot see; unknown code counts as a join so
	// that we stay silent.
	Joins bool
	// Listens is set when the function binds a network address
	// (net.Listen, http.ListenAndServe, directly or in a callee or a
	// goroutine it starts): a client may connect only once it has run.
	Listens bool
	// Dials is set when the function connects or sends a request once,
	// not in a loop that retries: it relies on the listener being up.
	Dials bool
	// Accesses are relative to the function's parameters and free
	// variables (accesspath.Memory's paths: fields, loads, elements).
	Writes []accesspath.Rel
	Reads  []accesspath.Rel
	Sends  []accesspath.Rel // channels sent on or closed (value paths)
}

// summaryFact carries a function's summary to importing packages. An
// exported method (see exportsSummary) of a package with an
// analyzedFact has the fact unless its summary is the empty one, of a
// method with no effect; any other function without the fact is
// unknown: it may join, and has no other effect. The default differs
// because it is the commoner summary of each: a quarter of the methods
// have no effect and half as many only join, and it is the other way
// round for functions. Methods weigh more, since go vet copies a fact
// about a method into the fact file of every package that imports its
// package, directly or not.
type summaryFact summary

func (*summaryFact) AFact() {}

// analyzedFact marks a package whose summaries are all exported.
type analyzedFact struct{ analysisutil.Analyzed }

func (*analyzedFact) AFact() {}

func newAnalyzedFact() analysisutil.AnalyzedFact { return new(analyzedFact) }

func isMethod(obj *types.Func) bool { return obj.Type().(*types.Signature).Recv() != nil }

// exportsSummary reports whether obj, a function of the package being
// analyzed or of another, is one whose summary its package exports:
// importers see only exported functions and methods, and main packages
// and test files have no importers.
func exportsSummary(fset *token.FileSet, obj *types.Func) bool {
	return obj.Exported() && obj.Pkg().Name() != "main" &&
		!strings.HasSuffix(fset.Position(obj.Pos()).Filename, "_test.go")
}

// String renders e.g. "summary(joins writes=p0.1 sends=p1*[])": p0 is
// the first parameter, .N a field, * a loaded pointer, [] an element.
func (f *summaryFact) String() string {
	var b strings.Builder
	b.WriteString("summary(")
	sep := ""
	for _, flag := range []struct {
		set  bool
		name string
	}{{f.Joins, "joins"}, {f.Listens, "listens"}, {f.Dials, "dials"}} {
		if flag.set {
			b.WriteString(sep + flag.name)
			sep = " "
		}
	}
	for _, l := range []struct {
		name string
		as   []accesspath.Rel
	}{{"writes", f.Writes}, {"reads", f.Reads}, {"sends", f.Sends}} {
		if len(l.as) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s%s=", sep, l.name)
		sep = " "
		for i, a := range l.as {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strings.ReplaceAll(a.String(), accesspath.Load, "*"))
		}
	}
	b.WriteString(")")
	return b.String()
}

var unknown = &summary{Joins: true}

// summarizer computes summaries lazily, once per function.
type summarizer struct {
	pass  *analysis.Pass
	marks *analysisutil.Marks
	memo  map[*ssa.Function]*summary
	// bufs lends the buffers compute collects a summary's lists in.
	bufs analysisutil.Buffers[accesspath.Rel]
}

func newSummarizer(pass *analysis.Pass) *summarizer {
	return &summarizer{pass: pass, marks: analysisutil.NewMarks(pass, newAnalyzedFact), memo: make(map[*ssa.Function]*summary)}
}

// of returns the summary of fn: computed from its body when the body
// is in this package, else imported as a fact, else empty if fn is a
// method whose package exports the summary of every such method that
// has an effect, else unknown.
func (s *summarizer) of(fn *ssa.Function) *summary {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if sum, ok := s.memo[fn]; ok {
		return sum
	}
	if fn.Blocks == nil {
		sum := unknown
		if obj, ok := fn.Object().(*types.Func); ok {
			var fact summaryFact
			if s.pass.ImportObjectFact(obj, &fact) {
				sum = (*summary)(&fact)
			} else if isMethod(obj) && obj.Pkg() != nil && obj.Pkg() != s.pass.Pkg && exportsSummary(s.pass.Fset, obj) && s.marks.Analyzed(obj.Pkg()) {
				sum = new(summary)
			}
		}
		s.memo[fn] = sum
		return sum
	}
	// Recursion: the function in progress is unknown to itself.
	s.memo[fn] = unknown
	sum := s.compute(fn)
	s.memo[fn] = sum
	return sum
}

func (s *summarizer) compute(fn *ssa.Function) *summary {
	sum := new(summary)
	sum.Writes, sum.Reads, sum.Sends = s.bufs.Take(), s.bufs.Take(), s.bufs.Take()
	add := func(list *[]accesspath.Rel, v ssa.Value, suffix string) {
		if len(*list) >= maxAccesses {
			return
		}
		k := accesspath.Memory(v)
		if accesspath.Len(k.Path) > maxPath {
			return
		}
		r, ok := accesspath.Relative(fn, k)
		if !ok {
			return
		}
		r.Path += suffix
		// A list holds at most maxAccesses: looking through it costs
		// less than a set of what it holds.
		if accesspath.Len(r.Path) > maxPath || slices.Contains(*list, r) {
			return
		}
		*list = append(*list, r)
	}
	// The effects of one call are read before the next call's are
	// made: their lists are reused (a callee's own summary is
	// computed in a frame of its own).
	var scratch callEffects
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Store:
				add(&sum.Writes, instr.Addr, "")
			case *ssa.MapUpdate:
				add(&sum.Writes, instr.Map, "")
			case *ssa.UnOp:
				switch instr.Op {
				case token.MUL:
					add(&sum.Reads, instr.X, "")
				case token.ARROW:
					sum.Joins = true
				}
			case *ssa.Lookup:
				add(&sum.Reads, instr.X, "")
			case *ssa.Range:
				add(&sum.Reads, instr.X, "")
			case *ssa.Send:
				add(&sum.Sends, instr.Chan, "")
			case *ssa.Select:
				if instr.Blocking {
					sum.Joins = true
				}
			case ssa.CallInstruction:
				e := s.effectsInto(instr.Common(), &scratch)
				_, isGo := instr.(*ssa.Go)
				// A goroutine started by fn does not make fn wait.
				if !isGo && e.joins {
					sum.Joins = true
				}
				sum.Listens = sum.Listens || e.listens
				if _, isCall := instr.(*ssa.Call); isCall && e.dials && !flow.InLoop(b) {
					sum.Dials = true
				}
				for _, a := range e.writes {
					add(&sum.Writes, a.v, a.path)
				}
				for _, a := range e.reads {
					add(&sum.Reads, a.v, a.path)
				}
				for _, a := range e.sends {
					add(&sum.Sends, a.v, a.path)
				}
			}
		}
	}
	sum.Writes, sum.Reads, sum.Sends = s.bufs.Keep(sum.Writes), s.bufs.Keep(sum.Reads), s.bufs.Keep(sum.Sends)
	return sum
}

// An effect is a callee's access expressed on the caller's values.
type effect struct {
	v    ssa.Value
	path string // below v
}

type callEffects struct {
	joins                bool
	listens, dials       bool
	writes, reads, sends []effect
}

// effects describes a call in terms of the caller's argument values.
func (s *summarizer) effects(c *ssa.CallCommon) callEffects {
	return s.effectsInto(c, new(callEffects))
}

// effectsInto is effects with its lists built in buf's, which it
// keeps for the next call: the result is good until then.
func (s *summarizer) effectsInto(c *ssa.CallCommon, buf *callEffects) (e callEffects) {
	e = callEffects{writes: buf.writes[:0], reads: buf.reads[:0], sends: buf.sends[:0]}
	defer func() { buf.writes, buf.reads, buf.sends = e.writes[:0], e.reads[:0], e.sends[:0] }()
	if b, ok := c.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "close":
			e.sends = append(e.sends, effect{v: c.Args[0]})
		case "delete", "clear":
			e.writes = append(e.writes, effect{v: c.Args[0]})
		case "len", "cap":
			if isMapOrChan(c.Args[0].Type()) {
				e.reads = append(e.reads, effect{v: c.Args[0]})
			}
		case "append":
			// append(dst, src...) copies src's elements; SSA passes
			// listed elements as a slice too.
			if len(c.Args) == 2 && isSlice(c.Args[1].Type()) {
				e.reads = append(e.reads, effect{v: c.Args[1], path: accesspath.Elem})
			}
		case "copy":
			e.writes = append(e.writes, effect{v: c.Args[0], path: accesspath.Elem})
			e.reads = append(e.reads, effect{v: c.Args[1], path: accesspath.Elem})
		}
		return e
	}
	if c.IsInvoke() {
		e.joins = !benign(c.Method) || syncmodel.MayJoin(c.Method)
		return e
	}
	callee := c.StaticCallee()
	if callee == nil {
		// Calling a context.CancelFunc only signals.
		e.joins = !analysisutil.IsNamed(c.Value.Type(), "context", "CancelFunc")
		return e
	}
	obj := flow.CalleeFunc(c)
	switch {
	case listens(obj):
		// It blocks serving, too.
		return callEffects{joins: true, listens: true}
	case dials(obj):
		return callEffects{joins: true, dials: true}
	}
	if syncmodel.MayJoin(obj) {
		e.joins = true
		return e
	}
	if obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "sync/atomic" {
		// Atomic operations access the memory their first operand
		// (the receiver of a method) points to.
		if len(c.Args) > 0 {
			a := effect{v: c.Args[0]}
			e.reads = append(e.reads, a)
			if !strings.HasPrefix(obj.Name(), "Load") {
				e.writes = append(e.writes, a)
			}
		}
		return e
	}
	if benign(obj) {
		return e
	}
	sum := s.of(callee)
	e.joins, e.listens, e.dials = sum.Joins, sum.Listens, sum.Dials
	_, bindings := analysisutil.FuncValue(c.Value)
	conv := func(dst *[]effect, as []accesspath.Rel) {
		for _, a := range as {
			if v := a.Input(c.Args, bindings); v != nil {
				*dst = append(*dst, effect{v: v, path: a.Path})
			}
		}
	}
	conv(&e.writes, sum.Writes)
	conv(&e.reads, sum.Reads)
	conv(&e.sends, sum.Sends)
	return e
}

// trace walks an address or value back to the value it is derived
// from: its memory path, if not too long to follow.
func trace(v ssa.Value) (accesspath.Key, bool) {
	k := accesspath.Memory(v)
	return k, accesspath.Len(k.Path) <= maxPath
}

// overlap reports whether two locations from the same base may share
// memory: one contains the other without following a pointer.
func overlap(a, b string) bool {
	if accesspath.Len(a) > accesspath.Len(b) {
		a, b = b, a
	}
	return accesspath.Within(b, a) && !strings.Contains(b[len(a):], accesspath.Load)
}

func isSlice(t types.Type) bool {
	_, ok := t.Underlying().(*types.Slice)
	return ok
}

func isMapOrChan(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Map, *types.Chan:
		return true
	}
	return false
}

// listens reports the standard functions that bind a network address
// (and, for the http ones, go on serving it).
func listens(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "net":
		switch fn.Name() {
		case "Listen", "ListenTCP", "ListenUDP", "ListenUnix", "ListenUnixgram", "ListenIP", "ListenPacket", "ListenMulticastUDP":
			return true // functions, and ListenConfig's methods
		}
	case "net/http":
		return fn.Name() == "ListenAndServe" || fn.Name() == "ListenAndServeTLS"
	case "crypto/tls":
		return analysisutil.IsFunc(fn, "crypto/tls", "Listen")
	}
	return false
}

// dials reports the standard functions that connect to a network
// address, or send an HTTP request, once.
func dials(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	name := fn.Name()
	switch fn.Pkg().Path() {
	case "net":
		switch name {
		case "Dial", "DialTimeout", "DialTCP", "DialUDP", "DialUnix", "DialIP", "DialContext":
			return true // functions, and Dialer's methods
		}
	case "crypto/tls":
		return name == "Dial" || name == "DialWithDialer" || name == "DialContext"
	case "net/rpc":
		return name == "Dial" || name == "DialHTTP" || name == "DialHTTPPath"
	case "net/http":
		switch name {
		case "Get", "Head", "Post", "PostForm", "Do":
			// Functions and Client's methods, not Header.Get.
			return analysisutil.IsFunc(fn, "net/http", name) || analysisutil.IsMethod(fn, "net/http", "Client", name)
		}
	}
	return false
}

// benign reports functions known not to wait for other goroutines nor
// to change state a goroutine could observe: output and formatting,
// and the logging methods of tests. They are known without facts, as
// some build systems never analyze the standard library.
func benign(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	name := fn.Name()
	switch fn.Pkg().Path() {
	case "fmt":
		return strings.HasPrefix(name, "Print") || strings.HasPrefix(name, "Sprint") || name == "Errorf"
	case "log":
		return strings.HasPrefix(name, "Print")
	case "strings", "strconv", "unicode/utf8":
		return fn.Type().(*types.Signature).Recv() == nil
	case "net":
		return name == "JoinHostPort"
	case "net/http":
		// Building a request sends nothing.
		return name == "NewRequest" || name == "NewRequestWithContext"
	case "errors":
		return name == "New" || name == "Is" || name == "As"
	case "time":
		switch name {
		case "Sleep", "Now", "Since", "Seconds", "Milliseconds", "String":
			return true
		}
	case "testing":
		if flow.FailsTest(fn) || flow.SkipsTest(fn) {
			return true
		}
		switch name {
		case "Log", "Logf", "Failed", "Helper", "Name":
			return true
		}
	}
	return false
}

// GobEncode writes the fact in its compact form for go vet's fact files
// (see factcodec).
func (f *summaryFact) GobEncode() ([]byte, error) {
	var w factcodec.Writer
	w.Bools(f.Joins, f.Listens, f.Dials)
	accesspath.EncodeRels(&w, f.Writes)
	accesspath.EncodeRels(&w, f.Reads)
	accesspath.EncodeRels(&w, f.Sends)
	return w.Bytes(), nil
}

func (f *summaryFact) GobDecode(data []byte) error {
	r := factcodec.NewReader(data)
	*f = summaryFact{}
	r.Bools(&f.Joins, &f.Listens, &f.Dials)
	f.Writes, f.Reads, f.Sends = accesspath.DecodeRels(r), accesspath.DecodeRels(r), accesspath.DecodeRels(r)
	return r.Err()
}
