package b3_job_dispatcher

import (
	"context"
	"testing"
)

func TestSubmit(t *testing.T) {
	d := New(context.Background())
	if err := d.Submit("a", []byte("hello")); err != nil {
		t.Fatal(err)
	}
	r := <-d.Results()
	if r.ID != "a" || r.Checksum == 0 {
		t.Fatalf("unexpected %+v", r)
	}
	d.Stop()
	if err := d.Submit("b", nil); err != ErrStopped {
		t.Fatalf("want ErrStopped, got %v", err)
	}
}
