package g1_metrics_collector

import (
	"strings"
	"testing"
	"time"
)

func TestCloseFlushesPending(t *testing.T) {
	var sb strings.Builder
	c := NewCollector(&sb, time.Hour)
	c.Inc("requests")
	c.Inc("requests")
	time.Sleep(10 * time.Millisecond)
	c.Close()
	if !strings.Contains(sb.String(), "requests 2") {
		t.Fatalf("got %q", sb.String())
	}
}

func TestCloseImmediately(t *testing.T) {
	var sb strings.Builder
	c := NewCollector(&sb, time.Millisecond)
	c.Close()
}
