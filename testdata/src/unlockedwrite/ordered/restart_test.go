package ordered

import "testing"

// A test sweeps a pool of its own by hand: it runs evict in the test's
// goroutine, and says nothing about the package's evictor goroutines.
func TestEvictByHand(t *testing.T) {
	p := &EvictPool{}
	p.evict()
	p.evict()
	if p.evictionIterator == nil {
		t.Fatal("no iterator")
	}
}
