package batcher

import (
	"errors"
	"sync"
	"testing"
)

func TestIndexerRetries(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]int{}
	write := func(it *Item) error {
		mu.Lock()
		defer mu.Unlock()
		seen[it.Key]++
		if seen[it.Key] < 2 {
			return errors.New("index locked")
		}
		return nil
	}
	ix := New(3, write)

	var got []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		for k := range ix.Indexed() {
			got = append(got, k)
		}
	}()

	keys := []string{"a", "b", "c", "d", "e"}
	for _, k := range keys {
		ix.Add(&Item{Key: k, Doc: "doc " + k})
	}
	ix.Close()
	<-done

	if len(got) != len(keys) {
		t.Fatalf("indexed %d items, want %d", len(got), len(keys))
	}
	for _, k := range keys {
		if seen[k] != 2 {
			t.Errorf("%s written %d times, want 2", k, seen[k])
		}
	}
}
