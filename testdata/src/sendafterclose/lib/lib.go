package lib

// Shutdown closes ch.
func Shutdown(ch chan int) { close(ch) }

// MaybeShutdown closes ch only sometimes.
func MaybeShutdown(ch chan int, c bool) {
	if c {
		close(ch)
	}
}

type Bus struct{ events chan string }

// Close closes the bus.
func (b *Bus) Close() { close(b.events) }

// Publish sends an event.
func (b *Bus) Publish(e string) { b.events <- e }

type Gate struct{ open chan struct{} }

// Cycle opens a new gate and closes it at once, releasing its waiters.
func (g *Gate) Cycle() {
	g.open = make(chan struct{})
	close(g.open)
}

// Shut closes the current gate without replacing it.
func (g *Gate) Shut() { close(g.open) }
