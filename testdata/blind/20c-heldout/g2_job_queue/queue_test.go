package g2_job_queue

import (
	"context"
	"errors"
	"testing"
)

func TestSubmitAfterClose(t *testing.T) {
	q := NewQueue(context.Background())
	id, err := q.Submit(context.Background(), Job{Name: "noop", Run: func() error { return nil }})
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := q.Status(id); s != "noop: done" {
		t.Fatalf("status = %q", s)
	}
	q.Close()
	if _, err := q.Submit(context.Background(), Job{Name: "late", Run: func() error { return nil }}); !errors.Is(err, ErrClosed) {
		t.Fatalf("want ErrClosed, got %v", err)
	}
}
