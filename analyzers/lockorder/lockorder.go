package lockorder

import (
	_ "embed"
	"fmt"
	"go/token"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/analysisutil"
	"github.com/goconcheck/goconcheck/internal/flow"
	"github.com/goconcheck/goconcheck/internal/lockset"
)

//go:embed doc.go
var doc string

// Analyzer reports mutexes acquired in opposite orders. It is
// experimental and not in the suite (see the package documentation).
var Analyzer = &analysis.Analyzer{
	Name:     "lockorder",
	Doc:      analysisutil.MustExtractDoc(doc, "lockorder"),
	URL:      "https://github.com/goconcheck/goconcheck/tree/main/analyzers/lockorder",
	Requires: []*analysis.Analyzer{lockset.Analyzer, analysisutil.ModeAnalyzer},
	Run:      run,
}

type class = lockset.Class

// An edge is an acquisition of a lock of class to while one of class
// from is held.
type edge struct {
	from, to         class
	fromMode, toMode lockset.Mode
	fromName, toName string
	at               token.Pos
}

func run(pass *analysis.Pass) (any, error) {
	if analysisutil.FactsOnly(pass) {
		return nil, nil // no facts of its own: lockset's are exported anyway
	}
	res := pass.ResultOf[lockset.Analyzer].(*lockset.Result)
	// Not in the suite, so analyzers.All does not drop its findings in
	// generated files: drop them here.
	pass.Report = analysisutil.DropGenerated(pass)

	c := &checker{res: res, memo: make(map[*ssa.Function][]acquire), edges: make(map[[2]class][]edge)}
	for _, fn := range res.Functions() {
		f := res.Funcs[fn]
		for _, a := range f.Acquires {
			if a.Prev != nil || !a.Instr.Pos().IsValid() {
				continue // locking a held mutex again is doublelock's
			}
			if cls, name, ok := lockset.ClassOf(a.Key); ok {
				c.addEdges(f, a.Instr, acquire{cls, a.Mode, name})
			}
		}
		// A callee that locks on some path, not on every one (which
		// the model's Acquires already has), with a lock held here.
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				call, ok := in.(*ssa.Call)
				if !ok || !call.Pos().IsValid() {
					continue
				}
				if callee := c.localCallee(fn, call.Common()); callee != nil && len(f.HeldBefore(call)) > 0 {
					for _, a := range c.mayAcquire(callee) {
						c.addEdges(f, call, a)
					}
				}
			}
		}
	}
	edges, order := c.edges, c.order

	reported := make(map[[2]class]bool)
	for _, pair := range order {
		back := [2]class{pair[1], pair[0]}
		if reported[pair] || reported[back] {
			continue
		}
		e1, e2, ok := inversion(edges[pair], edges[back])
		if !ok {
			continue
		}
		reported[pair] = true
		if e2.at < e1.at {
			e1, e2 = e2, e1
		}
		pass.Report(analysis.Diagnostic{
			Pos: e1.at,
			Message: fmt.Sprintf("lock order inversion: %s is locked while %s is held, and elsewhere %s while %s is held; two goroutines can deadlock",
				e1.toName, e1.fromName, e2.toName, e2.fromName),
			Related: []analysis.RelatedInformation{{Pos: e2.at, Message: e2.toName + " locked while " + e2.fromName + " is held"}},
		})
	}
	return nil, nil
}

type checker struct {
	res   *lockset.Result
	memo  map[*ssa.Function][]acquire
	edges map[[2]class][]edge
	order [][2]class
}

// An acquire is a lock a function may take.
type acquire struct {
	cls  class
	mode lockset.Mode
	name string
}

// addEdges records, for each mutex certainly held before instr in f,
// an edge to the lock a that instr acquires.
func (c *checker) addEdges(f *lockset.Func, instr ssa.Instruction, a acquire) {
	held := f.HeldBefore(instr)
	keys := make([]lockset.Key, 0, len(held))
	for k := range held {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	for _, k := range keys {
		from, fromName, ok := lockset.ClassOf(k)
		if !ok || from == a.cls || held[k].Entry {
			// An Entry lock is assumed held because the function
			// unlocks it first: an inference, not an order seen.
			continue
		}
		pair := [2]class{from, a.cls}
		if len(c.edges[pair]) == 0 {
			c.order = append(c.order, pair)
		}
		c.edges[pair] = append(c.edges[pair], edge{from, a.cls, held[k].Mode, a.mode, fromName, a.name, instr.Pos()})
	}
}

// localCallee returns the function of this package that call calls
// statically (generic functions by their origin), if the model has it.
func (c *checker) localCallee(caller *ssa.Function, call *ssa.CallCommon) *ssa.Function {
	callee := flow.Callee(call)
	if callee == nil || c.res.Funcs[callee] == nil {
		return nil
	}
	return callee
}

// mayAcquire returns the locks fn takes on some path, itself or in the
// functions of this package it calls (and defers) in its own goroutine.
func (c *checker) mayAcquire(fn *ssa.Function) []acquire {
	if as, ok := c.memo[fn]; ok {
		return as
	}
	c.memo[fn] = nil // recursion: what is found so far
	f := c.res.Funcs[fn]
	if len(f.Borrowed) > 0 || f.Opaque {
		// It unlocks a lock its caller holds (to wait, or to call
		// out), or releases locks in ways the model does not follow:
		// what it takes next may not be taken under the caller's.
		return nil
	}
	var as []acquire
	seen := make(map[acquire]bool)
	add := func(a acquire) {
		if !seen[a] {
			seen[a] = true
			as = append(as, a)
		}
	}
	for _, a := range f.Acquires {
		if a.Via == nil {
			if cls, name, ok := lockset.ClassOf(a.Key); ok {
				add(acquire{cls, a.Mode, name})
			}
		}
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			var com *ssa.CallCommon
			switch in := in.(type) {
			case *ssa.Call:
				com = in.Common()
			case *ssa.Defer:
				com = in.Common()
			default:
				continue
			}
			if callee := c.localCallee(fn, com); callee != nil {
				for _, a := range c.mayAcquire(callee) {
					add(a)
				}
			}
		}
	}
	c.memo[fn] = as
	return as
}

// inversion finds an acquisition in each direction that exclude each
// other: each side waits for a lock the other holds in a mode that
// blocks it (not both read locks).
func inversion(forward, backward []edge) (edge, edge, bool) {
	for _, e1 := range forward {
		for _, e2 := range backward {
			if excludes(e1.toMode, e2.fromMode) && excludes(e2.toMode, e1.fromMode) {
				return e1, e2, true
			}
		}
	}
	return edge{}, edge{}, false
}

func excludes(want, held lockset.Mode) bool {
	return want == lockset.Write || held == lockset.Write
}
