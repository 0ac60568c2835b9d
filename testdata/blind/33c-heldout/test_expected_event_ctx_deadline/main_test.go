// BAD: the test expects a Done event and waits for it until a context deadline, failing
// on the deadline; after that nobody receives, so the goroutine's send on the unbuffered channel blocks forever.
package jobs

import (
	"context"
	"testing"
	"time"
)

func TestSubmitReportsDone(t *testing.T) {
	q := &Queue{}
	statuses := make(chan Event, 16)
	q.OnEvent(func(e Event) { statuses <- e })

	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()

	done := make(chan Event) // want "blocks forever"
	go func() {
		for e := range statuses {
			if e.Status == Done {
				done <- e
				return
			}
		}
	}()

	q.Submit("resize-42", func() { time.Sleep(10 * time.Millisecond) })

	select {
	case e := <-done:
		if e.JobID != "resize-42" {
			t.Errorf("done event for job %q, want resize-42", e.JobID)
		}
	case <-ctx.Done():
		t.Fatalf("no Done event before deadline: %v", ctx.Err())
	}
}
