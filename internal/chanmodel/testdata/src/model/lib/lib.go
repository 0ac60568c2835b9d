package lib

type Q struct {
	in chan int
}

// Drain receives from its parameter.
func Drain(ch <-chan int) { // want Drain:`chanops\(recv param0/u0\)`
	for range ch {
	}
}

// Stop closes a field of the receiver.
func (q *Q) Stop() { // want Stop:`chanops\(close Q.in/u0\)`
	close(q.in)
}
