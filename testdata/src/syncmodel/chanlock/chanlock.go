package chanlock

// A gate with room for one: acquire sends, release receives.
type gate struct{ ch chan struct{} }

func (g *gate) lock()   { g.ch <- struct{}{} }
func (g *gate) unlock() { <-g.ch }

var counter int

func direct(ch chan struct{}) { // want "channel used as a lock"
	ch <- struct{}{}
	counter++
	<-ch
}

func throughCalls(g *gate) { // want "channel used as a lock"
	g.lock()
	counter++
	g.unlock()
}

// Near misses: only sending, two different channels, and the receive
// done by another goroutine.

func onlySends(g *gate) {
	g.lock()
	counter++
}

func twoChannels(a, b chan struct{}) {
	a <- struct{}{}
	<-b
}

func otherGoroutine(ch chan struct{}) {
	ch <- struct{}{}
	go func() { <-ch }()
}
