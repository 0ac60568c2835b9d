package rwpref

import (
	"sync"
	"time"
)

// Nothing write-locks catalog.rw: nested readers never meet a writer.
type catalog struct {
	rw    sync.RWMutex
	items map[string]int
}

func (c *catalog) get(k string) int {
	c.rw.RLock()
	defer c.rw.RUnlock()
	return c.items[k]
}

func (c *catalog) sum(keys []string) int {
	c.rw.RLock()
	defer c.rw.RUnlock()
	res := make(chan int)
	for _, k := range keys {
		go func() { res <- c.get(k) }()
	}
	n := 0
	for range keys {
		n += <-res
	}
	return n
}

// The writer exists, but the waiter releases its read lock before it
// waits.
type store struct {
	rw   sync.RWMutex
	vals map[string]int
}

func (s *store) loop() {
	for range time.Tick(time.Second) {
		s.rw.Lock()
		s.vals = map[string]int{}
		s.rw.Unlock()
	}
}

func (s *store) get(k string) int {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.vals[k]
}

func (s *store) gather(keys []string) int {
	s.rw.RLock()
	n := len(s.vals)
	s.rw.RUnlock()
	res := make(chan int)
	for _, k := range keys {
		go func() { res <- s.get(k) }()
	}
	for range keys {
		n += <-res
	}
	return n
}

// The writer exists, but the partner needs no lock.
func (s *store) lengths(keys []string) int {
	s.rw.RLock()
	defer s.rw.RUnlock()
	res := make(chan int)
	for _, k := range keys {
		go func() { res <- len(k) }()
	}
	n := 0
	for range keys {
		n += <-res
	}
	return n
}

// The only Lock is taken while the value is built, before any reader
// can see it.
type table struct {
	rw   sync.RWMutex
	rows map[string]int
}

func newTable() *table {
	t := &table{}
	t.rw.Lock()
	t.rows = map[string]int{}
	t.rw.Unlock()
	return t
}

func (t *table) row(k string) int {
	t.rw.RLock()
	defer t.rw.RUnlock()
	return t.rows[k]
}

func (t *table) sum(keys []string) int {
	t.rw.RLock()
	defer t.rw.RUnlock()
	res := make(chan int)
	for _, k := range keys {
		go func() { res <- t.row(k) }()
	}
	n := 0
	for range keys {
		n += <-res
	}
	return n
}

func use() {
	_ = newTable()
	s := &store{}
	go s.loop()
}
