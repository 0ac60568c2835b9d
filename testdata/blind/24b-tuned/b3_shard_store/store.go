package b3_shard_store

import (
	"hash/fnv"
	"sync"
)

const numShards = 16

type shard struct {
	mu    sync.Mutex
	items map[string][]byte
	bytes int
}

// Store is a sharded key/value cache used by many request goroutines.
type Store struct {
	shards [numShards]shard
	limit  int
}

func New(perShardLimit int) *Store {
	s := &Store{limit: perShardLimit}
	for i := range s.shards {
		s.shards[i].items = make(map[string][]byte)
	}
	return s
}

func (s *Store) shardFor(key string) *shard {
	h := fnv.New32a()
	h.Write([]byte(key))
	return &s.shards[h.Sum32()%numShards]
}

// lockFor locks the shard that owns key.
func (s *Store) lockFor(key string)   { s.shardFor(key).mu.Lock() }
func (s *Store) unlockFor(key string) { s.shardFor(key).mu.Unlock() }

func (s *Store) lockAll() {
	for i := range s.shards {
		s.shards[i].mu.Lock()
	}
}

func (s *Store) unlockAll() {
	for i := len(s.shards) - 1; i >= 0; i-- {
		s.shards[i].mu.Unlock()
	}
}

// Set stores value under key. An empty value is treated as a delete.
func (s *Store) Set(key string, value []byte) {
	sh := s.shardFor(key)
	if len(value) == 0 {
		if old, ok := sh.items[key]; ok {
			sh.bytes -= len(old)  // BAD: early delete path runs before lockFor takes the shard lock
			delete(sh.items, key) // BAD: early delete path runs before lockFor takes the shard lock
		}
		return
	}

	s.lockFor(key)
	defer s.unlockFor(key)
	if old, ok := sh.items[key]; ok {
		sh.bytes -= len(old)
	}
	if sh.bytes+len(value) > s.limit {
		return
	}
	sh.items[key] = value
	sh.bytes += len(value)
}

func (s *Store) Get(key string) ([]byte, bool) {
	s.lockFor(key)
	defer s.unlockFor(key)
	v, ok := s.shardFor(key).items[key]
	return v, ok
}

// Purge drops every entry.
func (s *Store) Purge() {
	s.lockAll()
	defer s.unlockAll()
	for i := range s.shards {
		clear(s.shards[i].items)
		s.shards[i].bytes = 0
	}
}

func (s *Store) Size() int {
	s.lockAll()
	defer s.unlockAll()
	n := 0
	for i := range s.shards {
		n += s.shards[i].bytes
	}
	return n
}
