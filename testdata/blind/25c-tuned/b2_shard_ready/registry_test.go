package b2_shard_ready

import "testing"

func TestAwaitServing(t *testing.T) {
	r := NewRegistry()
	r.BeginLoad("users-0")
	r.BeginLoad("orders-3")
	done := make(chan error, 1)
	go func() {
		done <- r.AwaitServing("users-0", func() error { return nil })
	}()
	r.MarkServing("orders-3")
	r.MarkServing("users-0")
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
