package g2_blob_checksum

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strings"
	"sync"
)

// Store is a content-addressed blob store keyed by SHA-256.
type Store struct {
	mu    sync.RWMutex
	blobs map[string][]byte
}

func NewStore() *Store { return &Store{blobs: make(map[string][]byte)} }

// Sum returns the hex digest used as a blob key.
func Sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// Put stores b and returns its key.
func (s *Store) Put(b []byte) string {
	key := Sum(b)
	s.mu.Lock()
	s.blobs[key] = append([]byte(nil), b...)
	s.mu.Unlock()
	return key
}

// Get returns the blob for key.
func (s *Store) Get(key string) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	b, ok := s.blobs[key]
	return b, ok
}

// ServeHTTP serves GET /blobs/<key>.
func (s *Store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := strings.TrimPrefix(r.URL.Path, "/blobs/")
	b, ok := s.Get(key)
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("ETag", `"`+key+`"`)
	w.Write(b)
}

// ReadAll is a small helper used by clients.
func ReadAll(r io.Reader) ([]byte, error) { return io.ReadAll(r) }
