package uselib

import "sendafterclose/lib"

func viaLib() {
	ch := make(chan int)
	lib.Shutdown(ch)
	ch <- 1 // want `send on ch after it was closed`
}

func maybe(c bool) {
	ch := make(chan int, 1)
	lib.MaybeShutdown(ch, c)
	ch <- 1
}

func bus(b *lib.Bus) {
	b.Close()
	b.Publish("late") // want `call to b.Publish: send on channel after it was closed`
}

func twoBuses(a, b *lib.Bus) {
	a.Close()
	b.Publish("fine")
}

// Each Cycle closes the gate it made itself: the fact says so.
func cycles(g *lib.Gate) {
	g.Cycle()
	g.Cycle()
}

func shutTwice(g *lib.Gate) {
	g.Shut()
	g.Shut() // want `call to g.Shut: channel closed a second time`
}
