package chanmodel

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

// Analyzer builds the channel model of a package. It reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:       "chanmodel",
	Doc:        "build the channel model shared by the goconcheck channel analyzers",
	URL:        "https://github.com/goconcheck/goconcheck/tree/main/internal/chanmodel",
	Requires:   []*analysis.Analyzer{buildssa.Analyzer, inspect.Analyzer, lockset.Analyzer, analysisutil.ModeAnalyzer, analysisutil.ClosuresAnalyzer, analysisutil.EndsAnalyzer},
	ResultType: reflect.TypeFor[*Model](),
	FactTypes:  []analysis.Fact{new(Summary), new(CloserRole), new(Spawner)},
	Run:        run,
}

// Kind is the kind of abstract location a ChanID names.
type Kind uint8

const (
	KindMake   Kind = iota + 1 // a make(chan T) site
	KindField                  // a struct field, for every instance
	KindGlobal                 // a package-level variable
	KindParam                  // a parameter of Func
	KindElem                   // the elements of a slice field (Field), for every instance
)

// ChanID is the canonical abstract location of a channel; equal IDs
// name the same channel (for KindField: the same field of possibly
// different instances). The zero ChanID means unknown.
type ChanID struct {
	Kind   Kind
	Make   *ssa.MakeChan
	Field  *types.Var
	Global *ssa.Global
	Func   *ssa.Function
	Index  int
}

func (id ChanID) String() string {
	switch id.Kind {
	case KindMake:
		return fmt.Sprintf("make@%d", id.Make.Pos())
	case KindField:
		return "field " + id.Field.Name()
	case KindElem:
		return "elements of " + id.Field.Name()
	case KindGlobal:
		return "global " + id.Global.Name()
	case KindParam:
		if id.Index < len(id.Func.Params) {
			return "param " + id.Func.Params[id.Index].Name()
		}
		return fmt.Sprintf("param #%d", id.Index)
	}
	return "unknown"
}

// OpKind is the kind of a channel operation.
type OpKind uint8

const (
	Send   OpKind = iota + 1 // ch <- v, also as a select case
	Recv                     // <-ch, range ch, also as a select case
	Close                    // close(ch)
	Assign                   // a store of a channel into a field or global
)

func (k OpKind) String() string {
	switch k {
	case Send:
		return "send"
	case Recv:
		return "recv"
	case Close:
		return "close"
	case Assign:
		return "assign"
	}
	return "?"
}

// An Op is a channel operation that a function performs, directly or
// through a call, defer or go statement.
type Op struct {
	Kind OpKind
	Chan ChanID
	// Base is, for KindField, the struct pointer (or value) whose field
	// is used, in the context of the function; nil if unknown.
	Base ssa.Value
	// Instr is the instruction of the function: the operation itself,
	// or the call, defer or go statement that leads to it.
	Instr ssa.Instruction
	// Via is the function called at Instr; nil for a direct operation.
	Via *ssa.Function
	// Pos is the start of the channel operation itself (possibly in a
	// callee); NoPos if it lies in another package.
	Pos token.Pos
	// Expr is the source text of the channel operand at Pos.
	Expr string
	// Unit identifies the goroutine: 0 is the function's own.
	Unit int
	// Deferred is set when the operation runs at the function's exit,
	// by a defer statement of the function itself.
	Deferred bool
	// Select is set for a select case; NonBlocking when the select has
	// a default case.
	Select, NonBlocking bool
	// Must: runs on every path that returns normally (unit 0 only).
	Must bool
	// CalleeMust (operations from a call, unit 0): the called function
	// performs it on every path that returns normally, wherever the
	// call lies in this function.
	CalleeMust bool
	// RecvBefore: a receive on the same channel may precede it in the
	// same goroutine.
	RecvBefore bool
	// AfterWait: a Wait method call may precede it in the same goroutine.
	AfterWait bool
	// Locked: a sync.Mutex/RWMutex Lock or RLock may precede it in the
	// same goroutine.
	Locked bool
	// Avoid: the goroutine running the operation (its function for
	// unit 0, the spawned function for other units) can terminate
	// without it completing; for a select case: without taking that
	// case. False means the goroutine terminates only past it.
	Avoid bool
	// NeedsClose (receives v, ok := <-ch deciding an if, as range ch
	// does): the goroutine terminates only after seeing ch closed.
	NeedsClose bool
	// Fresh (fields and globals, unit 0): on every path to the
	// operation the function, or a callee, stored a channel made
	// during the call into the field or global, and nothing replaced
	// it since: the operation acts on a channel of this call's own.
	// For an Assign: the stored channel is one made during the call.
	Fresh bool
	// Renewed (operations from a call): the callee's operation was
	// Fresh, so it acts on a channel the call itself made, never on
	// one that existed before the call.
	Renewed bool
	// Replaced (fields and globals, unit 0, not deferred): on every
	// path from the operation to a return the function, or a callee,
	// stores into the field or global again: once the call returns,
	// it holds another channel (close(b.ready); b.ready = make(...)).
	Replaced bool
	// ReplacedByCall (operations from a call): the callee's operation
	// was Replaced, so what the field holds after the call is not the
	// channel the operation used.
	ReplacedByCall bool

	// every (Assign): the function stores into the field or global on
	// every path to a return, by this store or another.
	every bool

	origPos   token.Pos // the position SSA gives the operation
	baseParam int       // for ops from facts: index of the base parameter, or -1
}

// Direct reports whether the operation is written in the function itself.
func (op *Op) Direct() bool { return op.Via == nil }

// Func is the model of one function.
type Func struct {
	Fn  *ssa.Function
	Ops []Op
	// NoReturn: the function cannot terminate (no return, panic or
	// exit is reachable, e.g. a loop with no exit): flow.Hangs.
	NoReturn bool
	// Truncated: operations were dropped (too many, or a recursive
	// call was cut), so the list is incomplete.
	Truncated bool
}

// Model is the channel model of a package.
type Model struct {
	// Funcs lists the package's source functions (closures included)
	// in a stable order.
	Funcs []*Func
	byFn  map[*ssa.Function]*Func
	start map[token.Pos]token.Pos
	fun   map[token.Pos]string
	// startOnce fills start on first use in a package analyzed for
	// its facts only, where nothing may ask (see indexStarts).
	startOnce func()

	// mu serialises the queries that fill caches lazily (the escape
	// index and its memo, the builder's field and flow caches): the
	// analyzers that share a Model run concurrently.
	mu sync.Mutex

	b        *builder
	pkg      *ssa.Package
	allFuncs []*ssa.Function // Funcs plus the package initializer's
	esc      *escapeIndex
	signals  map[ChanID]bool // SignalFed's channels, once computed
	spawners *spawners       // which parameters functions run in a goroutine (spawn.go)
}

// GoUnit returns the unit that the go statement g of its function
// opens for the goroutine's own operations, or 0 if the goroutine
// has none.
func (m *Model) GoUnit(g *ssa.Go) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.b.units[unitKey{g, 0}]
}

// Func returns the model of fn, or nil.
func (m *Model) Func(fn *ssa.Function) *Func { return m.byFn[fn] }

// Start maps the position SSA gives an instruction (a call's Lparen, a
// send's arrow) to the start of its statement or expression.
func (m *Model) Start(pos token.Pos) token.Pos {
	if m.startOnce != nil {
		m.startOnce()
	}
	if s, ok := m.start[pos]; ok {
		return s
	}
	return pos
}

// Expr returns the source text of the channel operand of the send or
// receive whose arrow (or range's for) is at pos, or "".
func (m *Model) Expr(pos token.Pos) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.b.syntax[pos].expr
}

// Site returns where op shows in its function: the operation itself
// if direct, else the start of the call, defer or go statement.
func (m *Model) Site(op *Op) token.Pos {
	if op.Direct() && op.Pos.IsValid() {
		return op.Pos
	}
	return m.Start(op.Instr.Pos())
}

// Callee returns the source text of the function called at op.Instr
// when op comes from a call (e.g. "s.stop", "lib.Close"), else "".
func (m *Model) Callee(op *Op) string {
	if op.Direct() {
		return ""
	}
	if c, ok := op.Instr.(ssa.CallInstruction); ok {
		if s, ok := m.fun[c.Common().Pos()]; ok {
			if strings.HasPrefix(s, "func(") || strings.HasPrefix(s, "(func(") {
				return "func literal"
			}
			return s
		}
	}
	return op.Via.Name()
}

// SameChan reports whether a and b, two operations of one function,
// surely act on the same channel: equal IDs and, for fields, the same
// base value.
func SameChan(a, b *Op) bool {
	if a.Chan.Kind == 0 || a.Chan.Kind == KindElem || a.Chan != b.Chan {
		return false // two elements of a slice may be two channels
	}
	if a.Chan.Kind == KindField {
		return a.Base != nil && a.Base == b.Base
	}
	return true
}

type syn struct {
	start token.Pos
	expr  string
	fun   string   // for calls: the called expression
	args  []string // for calls: the arguments
}

// Ends says how calls end in the package (analysisutil.EndsAnalyzer's
// result, which the model follows): the one notion of "never returns"
// the channel analyzers share.
func (m *Model) Ends() *flow.Ends { return m.b.ends }

func run(pass *analysis.Pass) (any, error) {
	ssainfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	b := &builder{
		pass:       pass,
		funcs:      make(map[*ssa.Function]*Func),
		inProgress: make(map[*ssa.Function]bool),
		memo:       make(map[ssa.Value]idResult),
		getters:    make(map[*ssa.Function]*getter),
		fieldType:  make(map[*types.Var]*types.TypeName),
		syntax:     make(map[token.Pos]syn),
		units:      make(map[unitKey]int),
		closures:   analysisutil.PassClosures(pass),
		ends:       analysisutil.PassEnds(pass),
	}
	b.locks = pass.ResultOf[lockset.Analyzer].(*lockset.Result)
	b.spawners = &spawners{pass: pass, runs: make(map[*ssa.Function][]int), busy: make(map[*ssa.Function]bool)}
	m := &Model{byFn: b.funcs, fun: make(map[token.Pos]string), spawners: b.spawners}
	if analysisutil.FactsOnly(pass) {
		b.lazySyntax = make(map[ast.Node]bool)
		m.startOnce = sync.OnceFunc(func() {
			starts := make(map[token.Pos]syn)
			for _, f := range pass.Files {
				indexStarts(f, starts)
			}
			m.start = make(map[token.Pos]token.Pos, len(starts))
			for p, s := range starts {
				m.start[p] = s.start
			}
		})
	} else {
		b.indexSyntax(pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
		m.start = make(map[token.Pos]token.Pos, len(b.syntax))
		for p, s := range b.syntax {
			m.start[p] = s.start
			if s.fun != "" {
				m.fun[p] = s.fun
			}
		}
	}
	for _, fn := range ssainfo.SrcFuncs {
		m.Funcs = append(m.Funcs, b.summarize(fn))
	}
	m.b, m.pkg = b, ssainfo.Pkg
	m.allFuncs = append(m.allFuncs, ssainfo.SrcFuncs...)
	if ssainfo.Pkg != nil {
		var addAnons func(fn *ssa.Function)
		addAnons = func(fn *ssa.Function) {
			m.allFuncs = append(m.allFuncs, fn)
			for _, a := range fn.AnonFuncs {
				addAnons(a)
			}
		}
		if init := ssainfo.Pkg.Func("init"); init != nil {
			addAnons(init)
		}
	}
	for _, f := range m.Funcs {
		b.exportFact(m, f)
		m.spawners.exportSpawner(f.Fn)
		m.spawners.summarizeCallees(f.Fn)
	}
	b.findClosers(m)
	return m, nil
}

// indexSyntax records where each operation's statement or expression
// starts, and its source text.
func (b *builder) indexSyntax(ins *inspector.Inspector) {
	filter := []ast.Node{
		(*ast.CallExpr)(nil), (*ast.SendStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil),
	}
	ins.Preorder(filter, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CallExpr:
			s := syn{start: n.Pos(), fun: types.ExprString(n.Fun)}
			for _, a := range n.Args {
				s.args = append(s.args, types.ExprString(a))
			}
			if len(n.Args) > 0 {
				s.expr = s.args[0]
			}
			b.syntax[n.Lparen] = s
		case *ast.SendStmt:
			b.syntax[n.Arrow] = syn{start: n.Pos(), expr: types.ExprString(n.Chan)}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				b.syntax[n.OpPos] = syn{start: n.Pos(), expr: types.ExprString(n.X)}
			}
		case *ast.RangeStmt:
			b.syntax[n.For] = syn{start: n.For, expr: types.ExprString(n.X)}
		}
	})
}

// indexStarts is indexSyntax for a package analyzed for its facts
// only, of the syntax of node: the starts alone, by a walk of the
// syntax (the driver gives no inspector there, see analysisutil.Mode).
// The source text serves only the clients' messages (Expr, Callee,
// Op.Expr), which such a run does not produce, while the facts depend
// on the starts (they tell operations apart); leaving the text out
// saves printing every call. Such a run indexes only the functions
// that have channel operations, when it meets their first (see
// syntaxAt): most have none.
func indexStarts(node ast.Node, into map[token.Pos]syn) {
	ast.Inspect(node, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			into[n.Lparen] = syn{start: n.Pos()}
		case *ast.SendStmt:
			into[n.Arrow] = syn{start: n.Pos()}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				into[n.OpPos] = syn{start: n.Pos()}
			}
		case *ast.RangeStmt:
			into[n.For] = syn{start: n.For}
		}
		return true
	})
}

// syntaxAt returns what indexSyntax or indexStarts recorded at pos, an
// instruction's position in fn. In a package analyzed for its facts
// only, it first indexes the declaration around fn, or the whole
// package when pos lies outside it (a package variable's initializer).
func (b *builder) syntaxAt(fn *ssa.Function, pos token.Pos) (syn, bool) {
	if b.lazySyntax != nil && !b.lazySyntax[nil] && pos.IsValid() {
		root := fn
		for root.Parent() != nil {
			root = root.Parent()
		}
		if o := root.Origin(); o != nil {
			root = o
		}
		if decl := root.Syntax(); decl != nil && decl.Pos() <= pos && pos < decl.End() {
			if !b.lazySyntax[decl] {
				b.lazySyntax[decl] = true
				indexStarts(decl, b.syntax)
			}
		} else {
			b.lazySyntax[nil] = true // the whole package, once
			for _, f := range b.pass.Files {
				indexStarts(f, b.syntax)
			}
		}
	}
	s, ok := b.syntax[pos]
	return s, ok
}

// Inner returns the operations of the callee at op.Instr that op, an
// operation of f that comes from a call, defer or go statement, stands
// for: the callee's own view of it. Several are returned when the
// callee reaches the operation more than once (a helper it calls
// twice); none when the callee has no model (another package).
func (m *Model) Inner(f *Func, op *Op) []*Op {
	if op.Direct() {
		return nil
	}
	callee := op.Via
	callee = flow.Body(callee)
	cf := m.byFn[callee]
	if cf == nil {
		return nil
	}
	_, isGo := op.Instr.(*ssa.Go)
	// An operation of a function a helper runs (Spawner) has a unit
	// of its own, keyed apart from the helper's go statements.
	run := false
	if c, ok := op.Instr.(*ssa.Call); ok && c.Call.StaticCallee() != op.Via {
		run = true
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	var inner []*Op
	for i := range cf.Ops {
		cop := &cf.Ops[i]
		if cop.Kind != op.Kind || cop.Pos != op.Pos {
			continue
		}
		if run {
			if m.b.units[unitKey{op.Instr, -1 - cop.Unit}] != op.Unit {
				continue
			}
		} else if isGo || cop.Unit != 0 {
			if m.b.units[unitKey{op.Instr, cop.Unit}] != op.Unit {
				continue
			}
		} else if op.Unit != 0 {
			continue
		}
		inner = append(inner, cop)
	}
	return inner
}

// ChanOf returns the identity of the channel value v of one of the
// package's functions.
func (m *Model) ChanOf(v ssa.Value) (ChanID, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.b.chanOf(v)
}

// OwnViews appends to out the views of op, an operation of f, in the
// functions whose goroutine runs it as its own (unit 0): op itself
// when its unit is 0, else, through the go statement or call that
// starts its goroutine, the callee's views of it. It reports false
// when a callee on the way has no model.
func (m *Model) OwnViews(f *Func, op *Op, out *[]OpRef) bool {
	return m.views(f, op, out, 0, 8, func(op *Op) bool { return op.Unit == 0 }, nil)
}

// DirectViews appends to out the views of op, an operation of f's own
// goroutine (unit 0), where it is written: op itself when it is direct,
// else, through the synchronous calls it comes from (a helper that
// sends and then marks the message done), the callee's own. It reports
// false when a callee on the way has no model or an operation on the
// way belongs to another goroutine.
func (m *Model) DirectViews(f *Func, op *Op, out *[]OpRef) bool {
	return m.views(f, op, out, 0, 5, (*Op).Direct, func(op *Op) bool { return op.Unit == 0 })
}

// views is the walk of OwnViews and DirectViews: from op down through
// the call, defer or go statement it comes from to the callee's views
// of it (Inner), until stop holds; every operation on the way must
// satisfy keep (when not nil). The walk goes down through at most
// limit+1 calls: nine for OwnViews, six for DirectViews (the bounds
// each had as a walk of its own).
func (m *Model) views(f *Func, op *Op, out *[]OpRef, depth, limit int, stop, keep func(*Op) bool) bool {
	if keep != nil && !keep(op) {
		return false
	}
	if stop(op) {
		*out = append(*out, OpRef{F: f, Op: op})
		return true
	}
	if op.Via == nil || depth > limit {
		return false
	}
	cf := m.byFn[flow.Body(op.Via)]
	inner := m.Inner(f, op)
	if cf == nil || len(inner) == 0 {
		return false
	}
	for _, in := range inner {
		if !m.views(cf, in, out, depth+1, limit, stop, keep) {
			return false
		}
	}
	return true
}
