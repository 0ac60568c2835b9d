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
// goLines builds src and its Lifetime, and returns what judge says of
// each go statement, by line.
func goLines(t *testing.T, src string, judge func(*Lifetime, *ssa.Go) bool) map[int]bool {
	pkg := atest.BuildSSA(t, src, 0)
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
	got := make(map[int]bool)
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if g, ok := in.(*ssa.Go); ok {
					got[pkg.Prog.Fset.Position(g.Pos()).Line] = judge(l, g)
				}
			}
		}
	}
	return got
}

func TestLifetime(t *testing.T) {
	got := goLines(t, lifetimeSrc, func(l *Lifetime, g *ssa.Go) bool { return l.StartsBounded(g) })
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

const repeatsSrc = `package p

import (
	"net"
	"net/http"
)

func loop() { for {} }

func Handle(w http.ResponseWriter, r *http.Request) { go loop() }

var srv = &http.Server{ConnState: onConn}

func onConn(c net.Conn, s http.ConnState) { go loop() }

func accept(ch chan int) {
	for range ch {
		perItem()
	}
}

func perItem() { go loop() }

func pool(names []string) {
	for range names {
		poolWorker()
	}
	for i := 0; i < 3; i++ {
		go loop()
	}
	for {
		go loop()
	}
}

func poolWorker() { go loop() }

func NewCache() { go loop() }

func routes() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		go loop()
	})
}
`

// TestRepeats checks which go statements the package shows to run
// again and again.
func TestRepeats(t *testing.T) {
	got := goLines(t, repeatsSrc, func(l *Lifetime, g *ssa.Go) bool { return l.RepeatsAt(g) })
	want := map[int]bool{
		10: true,  // a request handler
		14: true,  // a hook of the standard library, per connection
		22: true,  // called from a range over a channel
		32: true,  // in an endless loop
		29: false, // a counted loop: a fixed pool
		36: false, // called from a counted loop: a fixed pool
		38: false, // an exported constructor: nothing shows a second call
		42: true,  // a handler literal
	}
	for line, w := range want {
		if g, ok := got[line]; !ok || g != w {
			t.Errorf("line %d: repeats = %v (found %v), want %v", line, g, ok, w)
		}
	}
}
