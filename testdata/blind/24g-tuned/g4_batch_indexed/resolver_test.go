// Correct: each goroutine writes only its own results[i], the counter is atomic, the owner set is mutex-guarded, and errors go through a buffered channel.
package g4_batch_indexed

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

func TestResolveBatch(t *testing.T) {
	table := make(map[int]string)
	for i := 0; i < 64; i++ {
		table[i] = fmt.Sprintf("team-%d", i%4)
	}
	r := NewResolver(table)
	ctx := context.Background()

	ids := make([]int, 128)
	for i := range ids {
		ids[i] = i % 64
	}

	var (
		wg       sync.WaitGroup
		resolved atomic.Int64
		mu       sync.Mutex
		owners   = make(map[string]bool)
	)
	results := make([]Record, len(ids))
	errc := make(chan error, len(ids))
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec, err := r.Resolve(ctx, id)
			if err != nil {
				errc <- err
				return
			}
			results[i] = rec
			resolved.Add(1)
			mu.Lock()
			owners[rec.Owner] = true
			mu.Unlock()
		}()
	}
	wg.Wait()
	close(errc)

	for err := range errc {
		t.Error(err)
	}
	if n := resolved.Load(); n != int64(len(ids)) {
		t.Fatalf("resolved %d, want %d", n, len(ids))
	}
	for i, rec := range results {
		if rec.ID != ids[i] {
			t.Errorf("results[%d].ID = %d, want %d", i, rec.ID, ids[i])
		}
	}
	if len(owners) != 4 {
		t.Errorf("distinct owners = %d, want 4", len(owners))
	}
	if r.Hits() != 64 {
		t.Errorf("Hits() = %d, want 64", r.Hits())
	}
}
