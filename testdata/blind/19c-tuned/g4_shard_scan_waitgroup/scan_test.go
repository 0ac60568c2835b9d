// Correct: workers are joined with a WaitGroup that closes the channel, and the test drains every result before checking.
package g4_shard_scan_waitgroup

import (
	"fmt"
	"sync"
	"testing"
)

type shardCount struct {
	id, n int
}

func scanAll(shards []*Shard, needle string) <-chan shardCount {
	results := make(chan shardCount)
	var wg sync.WaitGroup
	for _, s := range shards {
		wg.Go(func() {
			results <- shardCount{id: s.ID, n: s.Count(needle)}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	return results
}

func TestScanShards(t *testing.T) {
	var rows []string
	for i := range 100 {
		lvl := "INFO"
		if i%10 == 0 {
			lvl = "ERROR"
		}
		rows = append(rows, fmt.Sprintf("%s request %d", lvl, i))
	}
	shards := Split(rows, 4)

	total := 0
	perShard := map[int]int{}
	for r := range scanAll(shards, "ERROR") {
		total += r.n
		perShard[r.id] = r.n
		if r.n < 0 {
			t.Errorf("shard %d: negative count", r.id)
		}
	}
	if total != 10 {
		t.Errorf("total = %d, want 10", total)
	}
	if len(perShard) != len(shards) {
		t.Errorf("got %d shard results, want %d", len(perShard), len(shards))
	}
}
