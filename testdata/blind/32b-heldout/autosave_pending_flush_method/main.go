// GOOD: the timeout context is only a one-shot 500ms timer; its cancel is kept in s.pending purely as a
// "flush scheduled" flag and flushAfter always waits out the deadline, which releases the context.
package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

type Store interface {
	Save(entries map[string]string) error
}

type printStore struct{}

func (printStore) Save(entries map[string]string) error {
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println("saved:", strings.Join(keys, ","))
	return nil
}

// AutoSaver batches edits and writes them to the store at most once per delay.
type AutoSaver struct {
	mu      sync.Mutex
	store   Store
	delay   time.Duration
	dirty   map[string]string
	pending context.CancelFunc // non-nil while a flush timer is running
}

func NewAutoSaver(store Store, delay time.Duration) *AutoSaver {
	return &AutoSaver{store: store, delay: delay, dirty: make(map[string]string)}
}

func (s *AutoSaver) Set(key, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dirty[key] = value
	if s.pending != nil {
		return // a flush is already scheduled
	}
	ctx, cancel := context.WithTimeout(context.Background(), s.delay)
	s.pending = cancel
	go s.flushAfter(ctx)
}

func (s *AutoSaver) flushAfter(ctx context.Context) {
	<-ctx.Done()

	s.mu.Lock()
	batch := s.dirty
	s.dirty = make(map[string]string)
	s.pending = nil
	s.mu.Unlock()

	if len(batch) == 0 {
		return
	}
	if err := s.store.Save(batch); err != nil {
		fmt.Println("autosave failed:", err)
	}
}

func main() {
	s := NewAutoSaver(printStore{}, 50*time.Millisecond)
	s.Set("title", "draft")
	s.Set("body", "hello")
	time.Sleep(20 * time.Millisecond)
	s.Set("tags", "go")
	time.Sleep(100 * time.Millisecond)
	s.Set("title", "final")
	time.Sleep(100 * time.Millisecond)
}
