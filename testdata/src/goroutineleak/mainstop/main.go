// A command's exported fields are private to it: no other package can
// import a main package. Its event loop waits for a Stopper whose Done
// channel nothing ever closes, read through an accessor.
package main

import "time"

type Stopper struct {
	Done chan struct{}
}

func (s *Stopper) ShouldStop() <-chan struct{} { return s.Done }

type Raft struct {
	stopper *Stopper
	Events  chan string
}

func (r *Raft) processEvents(handle func(string)) {
	for {
		select {
		case e := <-r.Events:
			handle(e)
		case <-r.stopper.ShouldStop():
			return
		}
	}
}

// Ticker stops when its Quit channel is closed, which Stop does.
type Ticker struct {
	Quit chan struct{}
}

func (t *Ticker) Stop() { close(t.Quit) }

func (t *Ticker) run(tick func()) {
	for {
		select {
		case <-t.Quit:
			return
		case <-time.After(time.Second):
			tick()
		}
	}
}

func main() {
	r := &Raft{stopper: &Stopper{Done: make(chan struct{})}, Events: make(chan string)}
	go r.processEvents(func(e string) { println(e) }) // want `goroutine never ends: nothing sends on or closes r.stopper.ShouldStop\(\), its loop.s only way out`
	r.Events <- "start"

	t := &Ticker{Quit: make(chan struct{})}
	go t.run(func() {})
	time.Sleep(time.Second)
	t.Stop()
}
