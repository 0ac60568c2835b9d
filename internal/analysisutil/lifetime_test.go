package analysisutil

import (
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/goconcheck/goconcheck/internal/atest"
)

const lifetimeSrc = `package p

import "sync"

var once sync.Once
var v = fromInit()

func fromInit() int { go loop(); return 0 }

func init() { helper() }

func helper() { go loop() }

func lazy() { once.Do(func() { go loop() }) }

func Exported() { go loop() }

func byExported() { go loop() }

func Caller() { byExported() }

func inLoops(n int, ch chan int) {
	for i := 0; i < n; i++ {
		go loop()
	}
	for range ch {
		go loop()
	}
}

func init() { inLoops(2, nil) }

func recursive(n int) {
	go loop()
	if n > 0 {
		recursive(n - 1)
	}
}

func init() { recursive(1) }

func loop() { for {} }

func step(f func()) { f() }

func repeat(f func()) { for { f() } }

var saved func()

func keep(f func()) { saved = f; f() }

func init() { step(func() { go loop() }) }

func init() { repeat(func() { go loop() }) }

func init() { keep(func() { go loop() }) }

func Handle() { step(func() { go loop() }) }

func Saved() { saved() }

func Poll(every int) { go loopEvery(every) }

func loopEvery(n int) { for {} }

func StartWith() { n := len(saved2); go loopEvery(n) }

var saved2 []int

func StartPerCall() { x := new(int); go func() { for { *x++ } }() }
`

// TestLifetime checks which go statements run a bounded number of
// times per process.
func TestLifetime(t *testing.T) {
	pkg := atest.BuildSSA(t, lifetimeSrc, 0)
	var funcs []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		funcs = append(funcs, fn)
		for _, a := range fn.AnonFuncs {
			add(a)
		}
	}
	for _, m := range pkg.Members {
		if fn, ok := m.(*ssa.Function); ok && fn.Synthetic == "" {
			add(fn)
		}
	}
	l := NewLifetime(pkg, funcs)
	got := make(map[int]bool) // line of each go statement: bounded
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if g, ok := in.(*ssa.Go); ok {
					got[pkg.Prog.Fset.Position(g.Pos()).Line] = l.StartsBounded(g)
				}
			}
		}
	}
	want := map[int]bool{
		8:  true,  // package initializer
		12: true,  // init's helper
		14: true,  // sync.Once
		16: true,  // exported, but a set-up start: no receiver, no parameters, nothing handed to the goroutine
		18: true,  // reached from an exported function, a set-up start as well
		24: true,  // a counted loop of a function init calls
		27: false, // a range over a channel
		34: false, // recursion
		52: true,  // a closure that a helper init calls runs once
		54: false, // one the helper calls in a loop
		56: false, // one the helper keeps
		58: false, // one a helper calls for an exported function
		62: false, // a parameter handed to the goroutine: one per call
		66: false, // a local value handed to it
		70: false, // a closure binding a variable of the call
	}
	for line, w := range want {
		if g, ok := got[line]; !ok || g != w {
			t.Errorf("line %d: bounded = %v (found %v), want %v", line, g, ok, w)
		}
	}
}
