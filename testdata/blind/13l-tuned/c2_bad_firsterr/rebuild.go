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
	if buckets <= 0 || len(s.Keys) == 0 {
		return rebuilt{id: s.ID, err: fmt.Errorf("shard %d: nothing to rehash into %d buckets", s.ID, buckets)}
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

// Rebuild re-hashes every shard concurrently and fails fast on the
// first shard error.
func Rebuild(shards []Shard, buckets int) (map[int]int, error) {
	n := len(shards)
	done := make(chan rebuilt)
	defer close(done)
	for i := 0; i < n; i++ {
		go func(s Shard) {
			done <- rehash(s, buckets)
		}(shards[i])
	}

	moved := make(map[int]int, n)
	for i := 0; i < n; i++ {
		r := <-done
		if r.err != nil {
			return nil, r.err
		}
		moved[r.id] = r.moved
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
