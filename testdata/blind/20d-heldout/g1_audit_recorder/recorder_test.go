package g1_audit_recorder

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

func TestConcurrentRecordThenClose(t *testing.T) {
	var buf bytes.Buffer
	r := NewRecorder(&buf)
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = r.Record("alice", "delete", "bucket/x")
		}()
	}
	wg.Wait()
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n"); n != 20 {
		t.Fatalf("got %d events", n)
	}
	if err := r.Record("bob", "read", "y"); err != ErrClosed {
		t.Fatalf("want ErrClosed, got %v", err)
	}
}
