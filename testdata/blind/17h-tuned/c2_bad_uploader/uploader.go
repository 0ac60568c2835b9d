package uploader

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"
)

type Blob struct {
	Key  string
	Data []byte
}

type Receipt struct {
	Key    string
	Digest string
	Took   time.Duration
}

// Store is a fake object store used by the uploader.
type Store struct {
	latency time.Duration
}

func NewStore(latency time.Duration) *Store { return &Store{latency: latency} }

func (s *Store) Put(b Blob) (Receipt, error) {
	start := time.Now()
	if b.Key == "" {
		return Receipt{}, fmt.Errorf("empty key")
	}
	time.Sleep(s.latency)
	sum := sha256.Sum256(b.Data)
	return Receipt{Key: b.Key, Digest: hex.EncodeToString(sum[:8]), Took: time.Since(start)}, nil
}
