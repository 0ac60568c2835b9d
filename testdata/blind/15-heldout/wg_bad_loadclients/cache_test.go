package wg_bad_loadclients

import (
	"fmt"
	"sync"
	"testing"
)

func TestLRUUnderConcurrentClients(t *testing.T) {
	const clients, perClient = 8, 200
	cache := NewLRU(64)

	var wg sync.WaitGroup
	for id := range clients {
		go func() {
			keys := make([]string, perClient)
			for i := range keys {
				keys[i] = fmt.Sprintf("user:%d", (id*perClient+i)%100)
			}
			wg.Add(1) // WANT waitgroupadd
			defer wg.Done()

			for _, k := range keys {
				if _, ok := cache.Get(k); !ok {
					cache.Put(k, "profile-"+k)
				}
			}
		}()
	}
	wg.Wait()

	hits, misses := cache.Stats()
	if hits+misses != clients*perClient {
		t.Fatalf("recorded %d lookups, want %d", hits+misses, clients*perClient)
	}
}
