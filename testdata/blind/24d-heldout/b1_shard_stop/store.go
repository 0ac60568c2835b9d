// Package b1_shard_stop implements a sharded in-memory counter store whose
// shards flush their deltas to a sink from background goroutines.
package b1_shard_stop

import (
	"hash/fnv"
	"sync"
	"time"
)

// Sink receives flushed counter deltas.
type Sink interface {
	Flush(shard int, deltas map[string]int64)
}

type shard struct {
	id     int
	mu     sync.Mutex
	counts map[string]int64
	done   chan struct{}
}

func (sh *shard) flush(sink Sink) {
	sh.mu.Lock()
	if len(sh.counts) == 0 {
		sh.mu.Unlock()
		return
	}
	deltas := sh.counts
	sh.counts = make(map[string]int64)
	sh.mu.Unlock()
	sink.Flush(sh.id, deltas)
}

// Store is a sharded counter store.
type Store struct {
	shards   []*shard
	sink     Sink
	interval time.Duration
	stop     chan struct{}
}

// New starts n shard flushers that push to sink every interval.
func New(n int, interval time.Duration, sink Sink) *Store {
	s := &Store{
		sink:     sink,
		interval: interval,
		stop:     make(chan struct{}),
	}
	for i := 0; i < n; i++ {
		sh := &shard{id: i, counts: make(map[string]int64), done: make(chan struct{})}
		s.shards = append(s.shards, sh)
		go s.run(sh)
	}
	return s
}

func (s *Store) run(sh *shard) {
	defer close(sh.done)
	t := time.NewTicker(s.interval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			sh.flush(s.sink)
		case <-s.stop:
			sh.flush(s.sink)
			return
		}
	}
}

func (s *Store) shardFor(key string) *shard {
	h := fnv.New32a()
	h.Write([]byte(key))
	return s.shards[int(h.Sum32())%len(s.shards)]
}

// Add increments key by n.
func (s *Store) Add(key string, n int64) {
	sh := s.shardFor(key)
	sh.mu.Lock()
	sh.counts[key] += n
	sh.mu.Unlock()
}

// Stop asks every shard to do a final flush and waits for each one to exit.
func (s *Store) Stop() {
	for _, sh := range s.shards {
		close(s.stop) // BAD: s.stop is the store-wide channel, closed again on every shard iteration
		<-sh.done
	}
}
