package lru

import (
	"fmt"
	"log"
	"sync"
	"time"
)

type stats struct {
	mu        sync.Mutex
	cache     *Cache
	evictions int
	evicted   int
}

func newStats(c *Cache) *stats {
	s := &stats{cache: c}
	go s.reportEvery(time.Minute)
	return s
}

func (s *stats) OnEvict(key string, size int) {
	s.mu.Lock()
	s.evictions++
	s.evicted += size
	s.mu.Unlock()
}

func (s *stats) reportEvery(d time.Duration) {
	for range time.Tick(d) {
		log.Print(s.summary())
	}
}

func (s *stats) summary() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fmt.Sprintf("lru: %d entries, %d evictions (%d bytes)", s.cache.Len(), s.evictions, s.evicted)
}
