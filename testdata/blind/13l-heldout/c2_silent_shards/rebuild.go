package shards

import (
	"fmt"
	"sort"
)

// Shard holds a slice of keys that need re-hashing after a resize.
type Shard struct {
	ID   int
	Keys []string
}

type rebuilt struct {
	id    int
	moved int
	err   error
}

func rehash(s Shard, buckets int) rebuilt {
	if buckets <= 0 {
		return rebuilt{id: s.ID, err: fmt.Errorf("shard %d: invalid bucket count %d", s.ID, buckets)}
	}
	moved := 0
	for _, k := range s.Keys {
		h := 0
		for _, c := range k {
			h = h*31 + int(c)
		}
		if h%buckets != s.ID%buckets {
			moved++
		}
	}
	return rebuilt{id: s.ID, moved: moved}
}

// Rebuild re-hashes every shard concurrently. All shards are always
// waited for, even when one of them fails, so no worker outlives the call.
func Rebuild(shards []Shard, buckets int) (map[int]int, error) {
	n := len(shards)
	done := make(chan rebuilt)
	for i := 0; i < n; i++ {
		go func(s Shard) {
			done <- rehash(s, buckets)
		}(shards[i])
	}

	moved := make(map[int]int, n)
	var firstErr error
	for i := 0; i < n; i++ {
		r := <-done
		if r.err != nil {
			if firstErr == nil {
				firstErr = r.err
			}
			continue
		}
		moved[r.id] = r.moved
	}
	close(done)
	if firstErr != nil {
		return nil, firstErr
	}
	return moved, nil
}

// SortedIDs returns the shard ids of a rebuild result in order.
func SortedIDs(m map[int]int) []int {
	ids := make([]int, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	return ids
}
