package model

import (
	"sync"

	"model/lib"
)

type S struct {
	tasks chan int
	mu    sync.Mutex
	wg    sync.WaitGroup
}

func (s *S) Submit(v int) {
	s.tasks <- v // want `Submit: send field tasks u0 \[must base\]`
}

func (s *S) stop() {
	s.mu.Lock()
	close(s.tasks) // want `stop: close field tasks u0 \[must locked base\]`
	s.mu.Unlock()
}

func (s *S) run() {
	for v := range s.tasks { // want `run: recv field tasks u0 \[must base\]`
		_ = v
	}
	s.wg.Wait()
	s.stop() // want `run: close field tasks u0 \[must recvbefore afterwait locked base\]`
}

func spawn() {
	ch := make(chan int)
	go func() { // want `spawn: send make@\d+ u1 \[must\]` `spawn: close make@\d+ u1 \[must\]`
		defer close(ch) // want `spawn\$1: close make@\d+ u0 \[deferred must\]`
		ch <- 1         // want `spawn\$1: send make@\d+ u0 \[must\]`
	}()
	lib.Drain(ch) // want `spawn: recv make@\d+ u0 \[must\]`
	var q lib.Q
	q.Stop() // want `spawn: close field in u0 \[must base\]`
}

func phi(c bool) {
	ch := make(chan int)
	var out chan int
	if c {
		out = ch
	} else {
		out = ch
	}
	close(out) // want `phi: close make@\d+ u0 \[must\]`
	other := make(chan int)
	if c {
		out = other
	}
	close(out) // no identity: two channels meet
}

func param(in <-chan int, out chan<- int) {
	v := <-in  // want `param: recv param in u0 \[must\]`
	out <- v   // want `param: send param out u0 \[must\]`
	close(out) // want `param: close param out u0 \[must\]`
}

var global = make(chan int)

func useParam() {
	ch := make(chan int)
	param(global, ch) // want `useParam: recv global global u0 \[must\]` `useParam: send make@\d+ u0 \[must\]` `useParam: close make@\d+ u0 \[must\]`
}

type G[T any] struct{ c chan T }

func (g *G[T]) Put(v T) {
	g.c <- v // want `Put: send field c u0 \[must base\]`
}

func generic() {
	g := &G[int]{c: make(chan int)} // want `generic: assign field c u0 \[must base fresh\]`
	g.Put(1)                        // want `generic: send field c u0 \[must base fresh\]`
}

// An accessor keeps the identity of the field it returns, and the base
// of the receiver it is called on.
type stopper struct{ quit chan struct{} }

func (s *stopper) shouldStop() <-chan struct{} {
	if s == nil {
		return nil
	}
	return s.quit
}

func identity(c chan int) chan int { return c }

func accessors(s *stopper) {
	<-s.shouldStop() // want `accessors: recv field quit u0 \[must base\]`
	ch := make(chan int)
	identity(ch) <- 1 // want `accessors: send make@\d+ u0 \[must\]`
}

// Fresh: a field holding a channel made in the call, on every path.
type renewer struct{ done chan int }

func (r *renewer) restart(c bool) {
	if c {
		r.done = make(chan int, 1) // want `restart: assign field done u0 \[base fresh\]`
	} else {
		r.done = make(chan int) // want `restart: assign field done u0 \[base fresh\]`
	}
	close(r.done) // want `restart: close field done u0 \[must base fresh\]`
}

func (r *renewer) partly(c bool) {
	if c {
		r.done = make(chan int) // want `partly: assign field done u0 \[base fresh\]`
	}
	close(r.done) // want `partly: close field done u0 \[must base\]`
}

func (r *renewer) twice() {
	r.restart(true) // want `twice: assign field done u0 \[base fresh renewed\]` `twice: assign field done u0 \[base fresh renewed\]` `twice: close field done u0 \[must base fresh renewed\]`
	r.done <- 1     // want `twice: send field done u0 \[must base fresh\]`
	// partly's close is not fresh in partly, but in twice it is: restart's
	// channel or partly's, both made during the call.
	r.partly(true) // want `twice: assign field done u0 \[base fresh renewed\]` `twice: close field done u0 \[must base fresh\]`
}
