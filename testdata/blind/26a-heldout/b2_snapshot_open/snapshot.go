package b2_snapshot_open

import (
	"errors"
	"sort"
	"sync"
)

var (
	ErrClosed   = errors.New("store: closed")
	ErrNotFound = errors.New("store: no such bucket")
)

// Store is an in-memory bucketed key/value store.
type Store struct {
	mu      sync.RWMutex
	closed  bool
	buckets map[string]map[string][]byte
}

func NewStore() *Store {
	return &Store{buckets: make(map[string]map[string][]byte)}
}

func (s *Store) Put(bucket, key string, val []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	b, ok := s.buckets[bucket]
	if !ok {
		b = make(map[string][]byte)
		s.buckets[bucket] = b
	}
	b[key] = append([]byte(nil), val...)
	return nil
}

// Snapshot is a consistent read view of one bucket. It holds the store's
// read lock until Release is called.
type Snapshot struct {
	owner  *Store
	bucket map[string][]byte
	done   bool
}

// Open returns a read snapshot of bucket. The caller must call Release.
func (s *Store) Open(bucket string) (*Snapshot, error) {
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return nil, ErrClosed
	}
	b, ok := s.buckets[bucket]
	if !ok {
		return nil, ErrNotFound // BAD: returns nil with s.mu read-locked; no snapshot exists to release it
	}
	return &Snapshot{owner: s, bucket: b}, nil
}

func (sn *Snapshot) Get(key string) ([]byte, bool) {
	v, ok := sn.bucket[key]
	return v, ok
}

func (sn *Snapshot) Keys() []string {
	keys := make([]string, 0, len(sn.bucket))
	for k := range sn.bucket {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Release drops the read lock held by the snapshot.
func (sn *Snapshot) Release() {
	if sn.done {
		return
	}
	sn.done = true
	sn.owner.mu.RUnlock()
}

func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	s.buckets = nil
	return nil
}
