package jobq

import (
	"context"
	"testing"
)

func TestPopOrder(t *testing.T) {
	q := New()
	ctx := context.Background()
	ready := make(chan struct{})
	got := make(chan []string, 1)

	go func() {
		var ids []string
		first, err := q.Pop(ctx)
		if err != nil {
			t.Errorf("first Pop: %v", err)
			return
		}
		ids = append(ids, first)
		close(ready)
		for {
			id, err := q.Pop(ctx)
			if err != nil {
				break
			}
			ids = append(ids, id)
		}
		got <- ids
	}()

	q.Push("a")
	<-ready
	q.Push("b")
	q.Push("c")
	q.Close()

	ids := <-got
	if len(ids) != 3 || ids[0] != "a" || ids[2] != "c" {
		t.Fatalf("ids = %v", ids)
	}
}
