package harness

import (
	"errors"
	"testing"
)

// startWorker runs a worker for a producer the test built by hand; the
// test never shuts that producer down.
func startWorker(t *testing.T, parent *Producer) (chan<- error, <-chan struct{}) {
	in := make(chan error)
	w := &worker{parent: parent, in: in}
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.run()
	}()
	return in, done
}

func TestWorkerReturnsErrors(t *testing.T) {
	p := &Producer{errors: make(chan error, 1)}
	in, done := startWorker(t, p)
	p.inFlight.Add(1)
	in <- errors.New("broker down")
	if err := <-p.errors; err == nil {
		t.Fatal("no error returned")
	}
	close(in)
	<-done
}
