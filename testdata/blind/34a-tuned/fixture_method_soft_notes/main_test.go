// BAD: h.require appends a note instead of failing when recvWithin times out; the
// notes are only logged at cleanup, so the test passes with the goroutine stuck on `keys <- key`.
package upload

import (
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
	"time"
)

type memStore struct {
	mu    sync.Mutex
	blobs map[string][]byte
}

func (m *memStore) Put(key string, r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.blobs[key] = b
	return nil
}

type harness struct {
	t     *testing.T
	store *memStore
	notes []string
}

func newHarness(t *testing.T) *harness {
	h := &harness{t: t, store: &memStore{blobs: map[string][]byte{}}}
	t.Cleanup(func() {
		for _, n := range h.notes {
			t.Log("note:", n)
		}
	})
	return h
}

// require records a soft expectation; notes are summarised when the test ends.
func (h *harness) require(ok bool, msg string) {
	if !ok {
		h.notes = append(h.notes, msg)
	}
}

var errTimeout = errors.New("timeout")

func recvWithin(ch <-chan string, d time.Duration) (string, error) {
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(d):
		return "", errTimeout
	}
}

func TestUploadReturnsContentKey(t *testing.T) {
	h := newHarness(t)
	u := NewUploader(h.store, "blobs")

	keys := make(chan string) // want "blocks forever"
	go func() {
		key, err := u.Upload([]byte("hello, world"))
		if err != nil {
			key = ""
		}
		keys <- key
	}()

	key, err := recvWithin(keys, 100*time.Millisecond)
	h.require(err == nil, "upload did not finish within 100ms")
	if err == nil && !strings.HasPrefix(key, "blobs/") {
		t.Errorf("key %q lacks prefix blobs/", key)
	}
}
