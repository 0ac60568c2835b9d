package jobqueue

import (
	"testing"
	"time"
)

func requireTrue(t *testing.T, cond bool, msg string) {
	t.Helper()
	if !cond {
		t.Fatalf("requirement failed: %s", msg)
	}
}

// waitFor returns the next value from ch, or the zero value and false after d.
func waitFor[T any](ch <-chan T, d time.Duration) (T, bool) {
	select {
	case v := <-ch:
		return v, true
	case <-time.After(d):
		var zero T
		return zero, false
	}
}

func TestNextWakesOnSubmit(t *testing.T) {
	q := NewQueue()
	defer q.Close()

	got := make(chan string)
	go func() {
		job, _ := q.Next()
		got <- job
	}()

	time.Sleep(10 * time.Millisecond)
	if err := q.Submit("resize-image-42"); err != nil {
		t.Fatal(err)
	}

	job, waited := waitFor(got, time.Second)
	requireTrue(t, waited, "worker never received the job")
	if job != "resize-image-42" {
		t.Errorf("job = %q, want resize-image-42", job)
	}
}
