package shardmap

import (
	"hash/fnv"
	"sync"
	"time"
)

type Shard struct {
	ID    int
	Owner string
}

type Map struct {
	rw     sync.RWMutex
	shards []Shard
	fetch  func() []Shard
}

func NewMap(fetch func() []Shard) *Map {
	m := &Map{shards: fetch(), fetch: fetch}
	go func() {
		for range time.Tick(15 * time.Second) {
			next := m.fetch()
			m.rw.Lock()
			m.shards = next
			m.rw.Unlock()
		}
	}()
	return m
}

func (m *Map) OwnerOf(key string) string {
	m.rw.RLock()
	defer m.rw.RUnlock()
	if len(m.shards) == 0 {
		return ""
	}
	h := fnv.New32a()
	h.Write([]byte(key))
	return m.shards[int(h.Sum32())%len(m.shards)].Owner
}

func (m *Map) Rebalance(keys []string, move func(key, owner string) error) []error {
	m.rw.RLock()
	n := len(m.shards)
	m.rw.RUnlock()
	if n == 0 {
		return nil
	}

	errs := make(chan error, len(keys))
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			if err := move(k, m.OwnerOf(k)); err != nil {
				errs <- err
			}
		}(k)
	}
	wg.Wait()
	close(errs)
	var out []error
	for err := range errs {
		out = append(out, err)
	}
	return out
}
