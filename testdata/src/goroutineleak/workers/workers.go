// Realistic worker goroutines: methods, fields, constructors, helpers.
package workers

import (
	"context"
	"time"

	"goroutineleak/lib"
)

// A worker whose quit channel nobody ever closes: run can only return
// through that case.
type worker struct {
	quit chan struct{}
	jobs chan int
	n    int
}

func newWorker() *worker {
	w := &worker{quit: make(chan struct{}), jobs: make(chan int)}
	go w.run() // want `goroutine never ends: nothing sends on or closes w.quit, its loop.s only way out`
	return w
}

func (w *worker) run() {
	for {
		select {
		case <-w.quit:
			return
		case j := <-w.jobs:
			w.n += j
		}
	}
}

func (w *worker) Submit(j int) { w.jobs <- j }

// The same worker with a Stop method: silent.
type stoppable struct {
	quit chan struct{}
	jobs chan int
	n    int
}

func newStoppable() *stoppable {
	s := &stoppable{quit: make(chan struct{}), jobs: make(chan int)}
	go s.run()
	return s
}

func (s *stoppable) run() {
	for {
		select {
		case <-s.quit:
			return
		case j := <-s.jobs:
			s.n += j
		}
	}
}

func (s *stoppable) Submit(j int) { s.jobs <- j }
func (s *stoppable) Stop()        { close(s.quit) }

// A pump started from a constructor, ranging over a field that is
// never closed: it never terminates.
type pump struct {
	in  chan int
	sum int
}

func newPump() *pump {
	p := &pump{in: make(chan int, 8)}
	go p.loop() // want `goroutine never terminates: p.in is never closed`
	return p
}

func (p *pump) loop() {
	for v := range p.in {
		p.sum += v
	}
}

func (p *pump) Put(v int) { p.in <- v }

// The closed pump: Close closes the input, the range ends. Silent.
type closedPump struct {
	in  chan int
	sum int
}

func newClosedPump() *closedPump {
	p := &closedPump{in: make(chan int, 8)}
	go p.loop()
	return p
}

func (p *closedPump) loop() {
	for v := range p.in {
		p.sum += v
	}
}

func (p *closedPump) Put(v int) { p.in <- v }
func (p *closedPump) Close()    { close(p.in) }

// A labelled break leaves the loop: silent.
func labelled(in chan int, stop chan struct{}) {
	go func() {
	loop:
		for {
			select {
			case <-in:
			case <-stop:
				break loop
			}
		}
	}()
}

// A plain break inside select leaves only the select: the loop has no
// exit, the goroutine never terminates.
func unlabelled(in chan int, stop chan struct{}) {
	go func() { // want `goroutine never terminates: its loop has no exit`
		for {
			select {
			case <-in:
			case <-stop:
				break
			}
		}
	}()
}

// A spin loop in a library goroutine.
func spin(flag *bool) {
	go func() { // want `goroutine never terminates: its loop has no exit`
		n := 0
		for {
			n++
		}
	}()
	go func() { // a loop that reads a flag may end: silent
		for !*flag {
		}
	}()
}

// The leak in a helper of another package, seen through its fact.
func drainNeverClosed() {
	ch := make(chan int)
	go lib.Drain(ch) // want `goroutine never terminates: ch is never closed`
	ch <- 1
}

func drainClosed() {
	ch := make(chan int)
	go lib.Drain(ch)
	ch <- 1
	close(ch)
}

func waitNobody() {
	done := make(chan struct{})
	go lib.Wait(done) // want `goroutine blocks forever: nothing sends on or closes done`
}

func waitClosed() {
	done := make(chan struct{})
	go lib.Wait(done)
	close(done)
}

// A closure stored in a variable and started later.
func stored() {
	ch := make(chan int)
	f := func() {
		<-ch // want `goroutine blocks forever: nothing sends on or closes ch`
	}
	go f()
}

func storedOK() {
	ch := make(chan int)
	f := func() {
		<-ch
	}
	go f()
	ch <- 1
}

// A spawn helper: the goroutine it starts waits on its parameter.
func startWaiter(ch chan int) {
	go func() {
		<-ch
	}()
}

func spawnLeak() {
	ch := make(chan int)
	startWaiter(ch) // want `goroutine blocks forever: nothing sends on or closes ch \(in the goroutine that startWaiter starts\)`
}

func spawnOK() {
	ch := make(chan int)
	startWaiter(ch)
	ch <- 1
}

func waitIn(ch chan int) { <-ch }

func viaHelper() {
	ch := make(chan int)
	go waitIn(ch) // want `goroutine blocks forever: nothing sends on or closes ch`
}

func viaHelperOK() {
	ch := make(chan int)
	go waitIn(ch)
	ch <- 1
}

// A goroutine that sends on a channel nobody receives from.
func sendNobody() {
	ch := make(chan int)
	go func() {
		ch <- 1 // want `goroutine blocks forever: nothing receives from ch`
	}()
}

// Buffered: the send completes. Silent.
func sendBuffered() {
	ch := make(chan int, 1)
	go func() {
		ch <- 1
	}()
}

// The channel escapes to code we cannot see: silent.
func escapes(register func(chan int)) {
	ch := make(chan int)
	register(ch)
	go func() {
		<-ch
	}()
}

var registry []chan int

func escapesToSlice() {
	ch := make(chan int)
	registry = append(registry, ch)
	go func() {
		<-ch
	}()
}

// The receive is conditional: the goroutine may return without it.
func conditional(wait bool) {
	ch := make(chan int)
	go func() {
		if wait {
			<-ch
		}
	}()
}

// Ticker loop with ctx: silent.
func ticking(ctx context.Context) {
	t := time.NewTicker(time.Second)
	go func() {
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}

// Generic pipeline stage that ranges over its input; the caller
// closes it. Silent.
func Map[T, U any](in <-chan T, f func(T) U) <-chan U {
	out := make(chan U)
	go func() {
		defer close(out)
		for v := range in {
			out <- f(v)
		}
	}()
	return out
}

// Generic: the quit channel is never closed.
type Box[T any] struct {
	items chan T
	quit  chan struct{}
}

func NewBox[T any]() *Box[T] {
	b := &Box[T]{items: make(chan T), quit: make(chan struct{})}
	go b.serve() // want `goroutine never ends: nothing sends on or closes b.quit, its loop.s only way out`
	return b
}

func (b *Box[T]) serve() {
	for {
		select {
		case <-b.items:
		case <-b.quit:
			return
		}
	}
}

func (b *Box[T]) Put(v T) { b.items <- v }

// Exported field: other packages may close it. Silent.
type Public struct {
	Quit chan struct{}
}

func (p *Public) Start() {
	go func() {
		<-p.Quit
	}()
}

// The quit channel is a package variable, closed by Shutdown. Silent.
var shutdown = make(chan struct{})

func Shutdown() { close(shutdown) }

func background() {
	go func() {
		<-shutdown
	}()
}

// A package variable nobody closes.
var never = make(chan struct{})

func background2() {
	go func() {
		<-never // want `goroutine blocks forever: nothing sends on or closes never`
	}()
}

// Blocking forever on purpose: silent.
func parked() {
	go func() {
		<-make(chan struct{})
	}()
	go func() {
		select {}
	}()
}

// A cache's janitor (golang-lru's expirable LRU): the ticker case keeps
// the loop turning, so the goroutine does not block; it never ends,
// because nothing closes done.
type janitor struct{ done chan struct{} }

func newJanitor(evict func()) *janitor {
	j := &janitor{done: make(chan struct{})}
	go func(done <-chan struct{}) {
		ticker := time.NewTicker(time.Second)
		defer ticker.Stop()
		for {
			select {
			case <-done: // want `goroutine never ends: nothing sends on or closes done, its loop's only way out`
				return
			case <-ticker.C:
				evict()
			}
		}
	}(j.done)
	return j
}

// A loop whose select has no other case: nothing turns it, it blocks.
func waitInLoop() {
	quit := make(chan struct{})
	go func() {
		for {
			select {
			case <-quit: // want `goroutine blocks forever: nothing sends on or closes quit`
				return
			}
		}
	}()
}
