package workers

// The goroutine first waits in waitOn, declared below it, on a channel
// nobody sends on; the send after that call is never reached. The
// report names the wait, which runs first, not the send, which comes
// first in the source.
func RunOrder() {
	in := make(chan int)
	out := make(chan int)
	go func() { // want `goroutine blocks forever: nothing sends on or closes in`
		waitOn(in)
		out <- 1
	}()
}

func waitOn(in chan int) { <-in }
