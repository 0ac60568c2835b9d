package b3_idgen_unique

import (
	"sync"
	"testing"
)

func TestNextUniqueAcrossGoroutines(t *testing.T) {
	g := NewGenerator(7)
	const (
		workers   = 8
		perWorker = 500
	)

	seen := make(map[uint64]bool, workers*perWorker)
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			defer wg.Done()
			for i := 0; i < perWorker; i++ {
				id := g.Next()
				if Node(id) != 7 {
					t.Errorf("Node(%x) = %d, want 7", id, Node(id))
					return
				}
				seen[id] = true // BAD: every goroutine inserts into the shared map without a lock
			}
		}()
	}
	wg.Wait()

	if len(seen) != workers*perWorker {
		t.Fatalf("got %d distinct IDs, want %d", len(seen), workers*perWorker)
	}
}

func TestNextMonotonic(t *testing.T) {
	g := NewGenerator(1)
	prev := g.Next()
	for i := 0; i < 1000; i++ {
		id := g.Next()
		if id <= prev {
			t.Fatalf("id %d not greater than %d", id, prev)
		}
		prev = id
	}
}
