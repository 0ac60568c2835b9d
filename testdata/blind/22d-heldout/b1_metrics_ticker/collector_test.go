package b1_metrics_ticker

import (
	"testing"
	"time"
)

func TestCollectorProducesSamples(t *testing.T) {
	c := NewCollector(5 * time.Millisecond)
	defer c.Close()
	select {
	case s := <-c.Samples():
		if s.Goroutines == 0 {
			t.Fatal("expected at least one goroutine")
		}
	case <-time.After(time.Second):
		t.Fatal("no sample")
	}
}

func TestCloseTwice(t *testing.T) {
	c := NewCollector(time.Millisecond)
	c.Close()
	c.Close()
}
