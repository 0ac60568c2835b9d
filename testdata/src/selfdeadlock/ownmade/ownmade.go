// A goroutine that waits on a channel it made itself and closes only
// in its own defer: the close runs when the goroutine returns, after
// the receive. The channel reaches the receive under another name (a
// variable a callback sets, a helper's parameter), or goes to code
// that may only receive from it. And near-misses that stay silent.
package ownmade

import (
	"sync"
	"time"
)

type condition func() (bool, error)

// poll calls wait with done and checks cond after each tick it gets.
func poll(wait func(done <-chan struct{}) <-chan struct{}, cond condition, done <-chan struct{}) error {
	ticks := wait(done)
	for {
		_, open := <-ticks
		ok, err := cond()
		if err != nil || ok || !open {
			return err
		}
	}
}

func ticker(interval time.Duration) func(done <-chan struct{}) <-chan struct{} {
	return func(done <-chan struct{}) <-chan struct{} {
		ch := make(chan struct{})
		go func() {
			defer close(ch)
			t := time.NewTicker(interval)
			defer t.Stop()
			for {
				select {
				case <-t.C:
					select {
					case ch <- struct{}{}:
					default:
					}
				case <-done:
					return
				}
			}
		}()
		return ch
	}
}

// The callback keeps the done channel poll hands it; the goroutine
// then waits on it, but it is its own stop channel, closed by its own
// defer.
func waitReady(ready condition) {
	go func() {
		stop := make(chan struct{})
		defer close(stop)
		tick := ticker(time.Millisecond)
		var done <-chan struct{}
		poll(func(d <-chan struct{}) <-chan struct{} {
			done = d
			return tick(d)
		}, ready, stop)
		<-done // want `receive from done blocks forever: the goroutine that reaches it is the one whose deferred close would end it, and nothing else sends on or closes it`
	}()
}

func heartbeat(stop <-chan struct{}, beat func()) {
	for {
		select {
		case <-stop:
			return
		case <-time.After(time.Second):
			beat()
		}
	}
}

// The heartbeat may only receive from stop: the goroutine waits for
// its own close.
func runChecks(checks []func() bool, beat func()) {
	go func() {
		stop := make(chan struct{})
		defer close(stop)
		go heartbeat(stop, beat)
		for _, c := range checks {
			c()
		}
		<-stop // want `receive from stop blocks forever: the goroutine that reaches it is the one whose deferred close would end it, and nothing else sends on or closes it`
	}()
}

// A field version: Done hands out the channel receive-only, so the
// loop's deferred close is still the only close; the loop's error
// path calls Close, which waits for the loop.
type tailer struct {
	quit      chan struct{}
	done      chan struct{}
	closeOnce sync.Once
}

func newTailer(read func() error) *tailer {
	t := &tailer{quit: make(chan struct{}), done: make(chan struct{})}
	go t.loop(read)
	return t
}

func (t *tailer) Done() <-chan struct{} { return t.done }

func (t *tailer) loop(read func() error) {
	defer close(t.done)
	for {
		select {
		case <-t.quit:
			return
		default:
		}
		if err := read(); err != nil {
			t.Close()
			return
		}
	}
}

func (t *tailer) Close() {
	t.closeOnce.Do(func() { close(t.quit) })
	<-t.done // want `receive from t.done blocks forever: the goroutine that reaches it is the one whose deferred close would end it, and nothing else sends on or closes it`
}

// Silent: the helper keeps the callback, so other runs of it (with
// other channels) are not seen.

var lastWait func(<-chan struct{}) <-chan struct{}

func pollKept(wait func(done <-chan struct{}) <-chan struct{}, done <-chan struct{}) {
	lastWait = wait
	<-wait(done)
}

func waitKept() {
	go func() {
		stop := make(chan struct{})
		defer close(stop)
		var done <-chan struct{}
		pollKept(func(d <-chan struct{}) <-chan struct{} {
			done = d
			return d
		}, stop)
		<-done
	}()
}

// Silent: the helper calls the callback with a channel of its own,
// which it closes.

func pollOwn(wait func(done <-chan struct{}), _ <-chan struct{}) {
	mine := make(chan struct{})
	close(mine)
	wait(mine)
}

func waitOwn() {
	go func() {
		stop := make(chan struct{})
		defer close(stop)
		var done <-chan struct{}
		pollOwn(func(d <-chan struct{}) { done = d }, stop)
		<-done
	}()
}

// Silent: the channel goes, able to send, to a function value: that
// code may send on it.
func runNotify(notify func(chan struct{})) {
	go func() {
		stop := make(chan struct{})
		defer close(stop)
		notify(stop)
		<-stop
	}()
}

// Silent: another goroutine sends on the channel.
func runAck() {
	go func() {
		ack := make(chan struct{})
		defer close(ack)
		go func() { ack <- struct{}{} }()
		<-ack
	}()
}

// Silent: the receive is one case of a select; the timeout ends it.
func runTimeout(beat func()) {
	go func() {
		stop := make(chan struct{})
		defer close(stop)
		go heartbeat(stop, beat)
		select {
		case <-stop:
		case <-time.After(time.Second):
		}
	}()
}

// Silent: each iteration makes its own channel; the receive may be on
// another iteration's (the goroutine's defer closes them all at once).
func runEach(n int, beat func()) {
	go func() {
		var prev chan struct{}
		for i := 0; i < n; i++ {
			stop := make(chan struct{})
			defer close(stop)
			go heartbeat(stop, beat)
			if prev != nil {
				<-prev
			}
			prev = stop
		}
	}()
}

var (
	_ = waitReady
	_ = runChecks
	_ = newTailer
	_ = waitKept
	_ = waitOwn
	_ = runNotify
	_ = runAck
	_ = runTimeout
	_ = runEach
)
