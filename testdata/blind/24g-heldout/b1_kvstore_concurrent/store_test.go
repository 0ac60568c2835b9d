package b1_kvstore_concurrent

import (
	"fmt"
	"sync"
	"testing"
)

func TestStoreConcurrentPutGet(t *testing.T) {
	const workers = 32
	s := NewStore(workers)
	defer s.Close()

	var wg sync.WaitGroup
	succeeded := 0
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			key := fmt.Sprintf("user:%d", i)
			if err := s.Put(key, []byte(key)); err != nil {
				t.Errorf("Put(%q): %v", key, err)
				return
			}
			v, err := s.Get(key)
			if err != nil {
				t.Errorf("Get(%q): %v", key, err)
				return
			}
			if string(v) != key {
				t.Errorf("Get(%q) = %q", key, v)
				return
			}
			succeeded++ // BAD: every successful worker increments the test's shared counter without a lock
		}(i)
	}
	wg.Wait()

	if succeeded != workers {
		t.Errorf("succeeded = %d, want %d", succeeded, workers)
	}
	if got := s.Len(); got != workers {
		t.Errorf("Len() = %d, want %d", got, workers)
	}
}

func TestStoreClosed(t *testing.T) {
	s := NewStore(4)
	s.Close()
	if err := s.Put("a", nil); err != ErrClosed {
		t.Fatalf("Put after Close = %v, want ErrClosed", err)
	}
}
