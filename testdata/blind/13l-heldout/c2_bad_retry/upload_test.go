package upload

import (
	"errors"
	"sync/atomic"
	"testing"
)

var errTransient = errors.New("503 service unavailable")

type flakyStore struct {
	calls atomic.Int32
	fail  int32
}

func (s *flakyStore) Put(key string, data []byte) error {
	if s.calls.Add(1) <= s.fail {
		return errTransient
	}
	return nil
}

type outcome struct {
	key string
	err error
}

func uploadOne(store *flakyStore, key string, data []byte, results chan<- outcome) {
	err := store.Put(key, data)
	if errors.Is(err, errTransient) {
		// Report the transient failure so the caller can count it,
		// then try once more.
		results <- outcome{key: key, err: err}
		err = store.Put(key, data)
	}
	results <- outcome{key: key, err: err}
}

func TestParallelUpload(t *testing.T) {
	store := &flakyStore{fail: 2}
	keys := []string{"a.bin", "b.bin", "c.bin", "d.bin"}
	results := make(chan outcome, len(keys))
	for _, k := range keys {
		go uploadOne(store, k, []byte(k), results)
	}

	failures := 0
	for range keys {
		if o := <-results; o.err != nil {
			failures++
		}
	}
	close(results)
	if failures > 2 {
		t.Fatalf("%d failures, want at most 2", failures)
	}
}
