package oneorder

import (
	"sync"
	"time"
)

type Blob struct {
	Key  string
	Data []byte
}

type Store struct {
	metaMu sync.Mutex
	meta   map[string]time.Time
	dataMu sync.RWMutex
	data   map[string][]byte
	quit   chan struct{}
}

func Open() *Store {
	s := &Store{
		meta: make(map[string]time.Time),
		data: make(map[string][]byte),
		quit: make(chan struct{}),
	}
	go s.compactor(time.Minute, time.Hour)
	return s
}

func (s *Store) Put(b Blob) {
	s.metaMu.Lock()
	defer s.metaMu.Unlock()
	s.meta[b.Key] = time.Now()
	s.writeData(b.Key, b.Data)
}

func (s *Store) writeData(k string, v []byte) {
	s.dataMu.Lock()
	s.data[k] = v
	s.dataMu.Unlock()
}

func (s *Store) Get(k string) ([]byte, bool) {
	s.dataMu.RLock()
	defer s.dataMu.RUnlock()
	v, ok := s.data[k]
	return v, ok
}

func (s *Store) Close() { close(s.quit) }
