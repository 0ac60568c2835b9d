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
