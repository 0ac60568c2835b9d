// Package runner: result senders run in goroutines by helpers (a
// function of the package, or another package's by its fact), not by
// go statements of the function.
package runner

import (
	"time"

	"goroutineleak/runnerlib"
)

// runAsync runs fn in a new goroutine.
func runAsync(fn func()) { go fn() }

// launch runs f through runAsync, if there is one.
func launch(name string, f func()) {
	if f != nil {
		runAsync(f)
	}
}

func fetch(load func() int) (int, bool) {
	res := make(chan int) // want `goroutine leak: the send on unbuffered channel res blocks forever once the receiver returns without receiving`
	runAsync(func() {
		res <- load()
	})
	select {
	case v := <-res:
		return v, true
	case <-time.After(time.Second):
		return 0, false
	}
}

func fetchLaunch(load func() int) (int, bool) {
	res := make(chan int) // want `goroutine leak: the send on unbuffered channel res`
	launch("fetch", func() {
		res <- load()
	})
	select {
	case v := <-res:
		return v, true
	case <-time.After(time.Second):
		return 0, false
	}
}

func fetchLib(s *runnerlib.Stopper, load func() int) (int, bool) {
	res := make(chan int) // want `goroutine leak: the send on unbuffered channel res`
	s.RunWorker(func() {
		res <- load()
	})
	select {
	case v := <-res:
		return v, true
	case <-time.After(time.Second):
		return 0, false
	}
}

// fetchQuit's closure sends in a select with the quit channel the
// receiver leaves on: silent.
func fetchQuit(load func() int, quit chan struct{}) (int, bool) {
	res := make(chan int)
	runAsync(func() {
		select {
		case res <- load():
		case <-quit:
		}
	})
	select {
	case v := <-res:
		return v, true
	case <-quit:
		return 0, false
	}
}

// fetchWait's receiver always receives: silent.
func fetchWait(load func() int) int {
	res := make(chan int)
	runAsync(func() {
		res <- load()
	})
	return <-res
}

// fetchBuffered's channel has room for the one send: silent.
func fetchBuffered(load func() int) (int, bool) {
	res := make(chan int, 1)
	runAsync(func() {
		res <- load()
	})
	select {
	case v := <-res:
		return v, true
	case <-time.After(time.Second):
		return 0, false
	}
}

// now calls f in the caller's goroutine, and every calls it in a loop
// of one goroutine: neither starts f as a goroutine of its own.
func now(f func()) { f() }

func every(f func(), stop chan struct{}) {
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(time.Second):
				f()
			}
		}
	}()
}

func fetchNow(load func() int) (int, bool) {
	res := make(chan int, 1)
	now(func() {
		res <- load()
	})
	select {
	case v := <-res:
		return v, true
	case <-time.After(time.Second):
		return 0, false
	}
}

func fetchEvery(load func() int, stop chan struct{}) (int, bool) {
	res := make(chan int)
	every(func() {
		res <- load()
	}, stop)
	select {
	case v := <-res:
		return v, true
	case <-time.After(time.Second):
		return 0, false
	}
}
