package shard

import (
	"sync"
	"testing"
)

func TestTotalAcrossShards(t *testing.T) {
	store := NewStore("eu=4", "us=0", "ap=7")
	shards := []string{"eu", "us", "ap"}

	var (
		mu    sync.Mutex
		total int
		wg    sync.WaitGroup
	)
	for _, name := range shards {
		wg.Add(1)
		go func() {
			n, err := store.Count(name)
			if err != nil {
				t.Errorf("Count(%s): %v", name, err)
				wg.Done()
				return
			}
			if n == 0 {
				// nothing to add for an empty shard
				return
			}
			mu.Lock()
			total += n
			mu.Unlock()
			wg.Done()
		}()
	}
	wg.Wait()

	if total != 11 {
		t.Fatalf("total = %d, want 11", total)
	}
}
