package jobq

import (
	"testing"
	"time"
)

func TestPushBlocksWhenFull(t *testing.T) {
	q := New(2)
	q.Push(Task{ID: 1, Name: "a"})
	q.Push(Task{ID: 2, Name: "b"})

	pushed := make(chan struct{})
	go func() {
		defer func() { recover() }()
		q.Push(Task{ID: 3, Name: "c"})
		pushed <- struct{}{}
	}()

	select {
	case <-pushed:
		t.Fatal("Push returned on a full queue")
	case <-time.After(50 * time.Millisecond):
	}

	first, ok := q.Pop()
	if !ok || first.ID != 1 {
		t.Fatalf("Pop = %+v, %v; want task 1", first, ok)
	}
}

func TestPopOrder(t *testing.T) {
	q := New(4)
	for i := 1; i <= 3; i++ {
		q.Push(Task{ID: i})
	}
	for i := 1; i <= 3; i++ {
		got, ok := q.Pop()
		if !ok || got.ID != i {
			t.Fatalf("Pop #%d = %+v, %v", i, got, ok)
		}
	}
	q.Close()
	if _, ok := q.Pop(); ok {
		t.Fatal("Pop on closed empty queue returned ok")
	}
}
