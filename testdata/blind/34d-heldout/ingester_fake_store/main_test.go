// BAD: the test receives from store.saved to wait for the record, but fakeStore.Save
// never sends on saved and nothing closes it, so the receive blocks forever.

package ingest

import (
	"context"
	"sync"
	"testing"
)

type fakeStore struct {
	mu      sync.Mutex
	records []Record
	saved   chan Record
}

func (f *fakeStore) Save(ctx context.Context, r Record) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.records = append(f.records, r)
	return nil
}

func TestParse(t *testing.T) {
	rec, err := Parse("warn disk almost full")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if rec.Level != "WARN" || rec.Message != "disk almost full" {
		t.Fatalf("Parse = %+v", rec)
	}
}

func TestRunSavesRecord(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	store := &fakeStore{saved: make(chan Record)}
	in := make(chan string, 1)
	ing := NewIngester(store)
	go ing.Run(ctx, in)

	in <- "error connection reset"
	rec := <-store.saved // want "blocks forever"
	if rec.Level != "ERROR" {
		t.Fatalf("saved level = %q, want ERROR", rec.Level)
	}
}
