package b4_id_allocator

import "testing"

func allocN(a *Allocator, n int, out chan<- uint64) {
	for i := 0; i < n; i++ {
		out <- a.Alloc() // BAD: the test receives only n/2 ids (one producer's share) while two producers send n/2 each; the rest block forever
	}
}

func TestAllocUniqueConcurrent(t *testing.T) {
	const n = 1000
	a := New(1)
	ids := make(chan uint64)

	go allocN(a, n/2, ids)
	go allocN(a, n/2, ids)

	seen := make(map[uint64]bool, n)
	for i := 0; i < n/2; i++ {
		id := <-ids
		if seen[id] {
			t.Fatalf("id %d handed out twice", id)
		}
		seen[id] = true
	}
}

func TestReleaseReuses(t *testing.T) {
	a := New(10)
	x := a.Alloc()
	a.Release(x)
	if y := a.Alloc(); y != x {
		t.Fatalf("got %d, want recycled %d", y, x)
	}
	if got := a.InUse(10); got != 1 {
		t.Fatalf("InUse = %d, want 1", got)
	}
}
