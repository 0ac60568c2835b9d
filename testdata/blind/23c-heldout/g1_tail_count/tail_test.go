// Correct: watchCtx is cancelled only by the reader goroutine, right before it closes done; the deferred cancel runs after <-done.
package g1_tail_count

import (
	"context"
	"testing"
)

func TestTailerDeliversAllLines(t *testing.T) {
	tail := NewTailer()

	watchCtx, watchCancel := context.WithCancel(context.Background())
	defer watchCancel()

	done := make(chan struct{})
	count := 0
	var files []string
	go func() {
		for {
			select {
			case <-watchCtx.Done():
				return
			default:
				c := tail.Recv()
				count += len(c.Lines)
				files = append(files, c.File)
				if count >= 3 {
					watchCancel()
					close(done)
				}
			}
		}
	}()

	tail.Append("app.log", "started\nlistening on :8080\n")
	tail.Append("app.log", "ready\n")
	<-done

	if count != 3 {
		t.Fatalf("got %d lines, want 3", count)
	}
	for _, f := range files {
		if f != "app.log" {
			t.Fatalf("unexpected file %q", f)
		}
	}
}
