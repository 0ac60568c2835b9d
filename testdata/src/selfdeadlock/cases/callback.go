package cases

import "bufio"

// A stream reader runs its producer callback in a goroutine of its own.
type streamWriter func(w *bufio.Writer)

type stream struct{ done chan struct{} }

func newStream(produce streamWriter) *stream {
	s := &stream{done: make(chan struct{})}
	go func() {
		defer close(s.done)
		produce(bufio.NewWriter(nil))
	}()
	return s
}

// gatedProducer hands ready on to a callback that newStream's goroutine
// runs: the send happens there, not in gatedProducer's caller.
func gatedProducer(ready chan<- error, finish <-chan struct{}) *stream {
	return newStream(func(w *bufio.Writer) {
		if err := w.Flush(); err != nil {
			ready <- err
			return
		}
		ready <- nil
		<-finish
	})
}

func waitReady() error {
	ready, finish := make(chan error, 1), make(chan struct{})
	s := gatedProducer(ready, finish)
	err := <-ready
	close(finish)
	<-s.done
	return err
}

// callNow calls its callback itself, in the caller's goroutine: the
// send is the caller's own, and the receive after it has nobody else.
func callNow(report func()) { report() }

func readyInline(ready chan error) {
	callNow(func() {})
	_ = ready
}

func waitInline() error {
	ready := make(chan error)
	readyInline(ready)
	return <-ready // want `receive from ready blocks forever: no other goroutine can send on or close it`
}
