package b1_metrics_recorder

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

func TestRecorderWritesSamples(t *testing.T) {
	var buf bytes.Buffer
	r := NewRecorder(&buf, 2, 16)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.Record("req", 1)
		}()
	}
	wg.Wait()
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(buf.String(), "\n"); got != 8 {
		t.Fatalf("got %d lines, want 8", got)
	}
}
