package sessions

import (
	"sync"
	"time"
)

type session struct {
	id       string
	lastSeen time.Time
}

type Store struct {
	mu       sync.Mutex
	sessions map[string]*session
	reaped   int
	closing  bool

	quit chan struct{}
	wg   sync.WaitGroup
}

func NewStore(idle time.Duration, shards int) *Store {
	s := &Store{sessions: make(map[string]*session), quit: make(chan struct{})}
	for i := 0; i < shards; i++ {
		s.wg.Add(1)
		go s.reap(idle, i, shards)
	}
	return s
}

func (s *Store) Touch(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return
	}
	if ss, ok := s.sessions[id]; ok {
		ss.lastSeen = time.Now()
		return
	}
	s.sessions[id] = &session{id: id, lastSeen: time.Now()}
}

func (s *Store) reap(idle time.Duration, shard, shards int) {
	defer s.wg.Done()
	t := time.NewTicker(idle / 4)
	defer t.Stop()
	for {
		select {
		case <-s.quit:
			return
		case now := <-t.C:
			s.sweep(now, idle, shard, shards)
		}
	}
}

func (s *Store) sweep(now time.Time, idle time.Duration, shard, shards int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, ss := range s.sessions {
		if len(id)%shards != shard {
			continue
		}
		if now.Sub(ss.lastSeen) > idle {
			delete(s.sessions, id)
			s.reaped++
		}
	}
}

func (s *Store) Close() int {
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		return 0
	}
	s.closing = true
	close(s.quit)
	s.mu.Unlock()

	s.wg.Wait()

	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.reaped
	s.sessions = nil
	return n
}
