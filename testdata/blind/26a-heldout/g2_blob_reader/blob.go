// Correct: NewReader returns the lock-holding storeReader as the exported Reader interface; its Done method runs r.s.mu.RUnlock, and error paths unlock.
package g2_blob_reader

import (
	"errors"
	"fmt"
	"io"
	"sync"
)

// Reader reads one blob while the store is pinned. Done must be called.
type Reader interface {
	io.Reader
	Size() int
	Done()
}

// BlobStore keeps immutable blobs addressed by name.
type BlobStore struct {
	mu       sync.RWMutex
	blobs    map[string][]byte
	compact  bool
	maxBytes int
}

func NewBlobStore(maxBytes int) *BlobStore {
	return &BlobStore{blobs: map[string][]byte{}, maxBytes: maxBytes}
}

func (s *BlobStore) Write(name string, data []byte) error {
	if len(data) > s.maxBytes {
		return fmt.Errorf("blob %q too large (%d bytes)", name, len(data))
	}
	s.mu.Lock()
	s.blobs[name] = append([]byte(nil), data...)
	s.mu.Unlock()
	return nil
}

type storeReader struct {
	s   *BlobStore
	buf []byte
	off int
}

func (r *storeReader) Read(p []byte) (int, error) {
	if r.off >= len(r.buf) {
		return 0, io.EOF
	}
	n := copy(p, r.buf[r.off:])
	r.off += n
	return n, nil
}

func (r *storeReader) Size() int { return len(r.buf) }

// Done unpins the store.
func (r *storeReader) Done() {
	r.buf = nil
	r.s.mu.RUnlock()
}

// NewReader pins the store (blocking compaction) and returns a reader for name.
func (s *BlobStore) NewReader(name string) (Reader, error) {
	s.mu.RLock()
	if s.compact {
		s.mu.RUnlock()
		return nil, errors.New("blobstore: compaction in progress")
	}
	data, ok := s.blobs[name]
	if !ok {
		s.mu.RUnlock()
		return nil, fmt.Errorf("blobstore: %q not found", name)
	}
	return &storeReader{s: s, buf: data}, nil
}

// ReadAll is a helper that reads a whole blob and unpins.
func (s *BlobStore) ReadAll(name string) ([]byte, error) {
	r, err := s.NewReader(name)
	if err != nil {
		return nil, err
	}
	defer r.Done()
	return io.ReadAll(r)
}
