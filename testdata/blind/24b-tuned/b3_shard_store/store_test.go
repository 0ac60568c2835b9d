package b3_shard_store

import (
	"fmt"
	"sync"
	"testing"
)

func TestConcurrentSetDelete(t *testing.T) {
	s := New(1 << 20)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				k := fmt.Sprintf("k%d", i%17)
				if (i+w)%3 == 0 {
					s.Set(k, nil)
				} else {
					s.Set(k, []byte("value"))
				}
			}
		}()
	}
	wg.Wait()
	s.Purge()
	if s.Size() != 0 {
		t.Fatal("expected empty store")
	}
}
