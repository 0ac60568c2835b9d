package ack

import "testing"

// The test stops the worker by hand, as ristretto's TestCacheSet
// does, then closes the channels.
func TestStop(t *testing.T) {
	w := NewWorker()
	w.Put(1)
	w.stop <- struct{}{}
	<-w.done
	close(w.stop)
	close(w.done) // silent: the worker has acknowledged and returned
	if w.sum != 1 {
		t.Errorf("sum = %d", w.sum)
	}
}
