package workq

import (
	"testing"
	"time"
)

func TestFIFO(t *testing.T) {
	q := New(4)
	for i := 1; i <= 3; i++ {
		q.Push(Job{ID: i})
	}
	for want := 1; want <= 3; want++ {
		j, ok := q.Pop()
		if !ok || j.ID != want {
			t.Fatalf("Pop = %v, %v; want id %d", j, ok, want)
		}
	}
}

func TestPushBlocksWhenFull(t *testing.T) {
	q := New(2)
	q.Push(Job{ID: 1, Target: "//app:server"})
	q.Push(Job{ID: 2, Target: "//app:client"})

	returned := make(chan struct{})
	go func() {
		defer func() { recover() }()
		q.Push(Job{ID: 3, Target: "//lib:codec"})
		returned <- struct{}{}
	}()

	select {
	case <-returned:
		t.Fatal("Push on a full queue returned")
	case <-time.After(50 * time.Millisecond):
	}
	q.Close()
}

func TestPopAfterCloseDrains(t *testing.T) {
	q := New(2)
	q.Push(Job{ID: 7})
	q.Close()
	if j, ok := q.Pop(); !ok || j.ID != 7 {
		t.Fatalf("Pop = %v, %v", j, ok)
	}
	if _, ok := q.Pop(); ok {
		t.Fatal("Pop on drained closed queue reported an item")
	}
}
