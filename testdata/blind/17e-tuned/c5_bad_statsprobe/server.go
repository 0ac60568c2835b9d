package statsprobe

import (
	"sync"
	"time"
)

type Counters struct {
	Sessions int
	Reaped   int
}

type SessionServer struct {
	mu       sync.Mutex
	sessions map[string]time.Time
	statsMu  sync.Mutex
	stats    Counters
	idle     time.Duration
	stop     chan struct{}
	wg       sync.WaitGroup
}

func NewSessionServer(idle time.Duration) *SessionServer {
	return &SessionServer{
		sessions: make(map[string]time.Time),
		idle:     idle,
		stop:     make(chan struct{}),
	}
}

func (s *SessionServer) Start() {
	s.wg.Add(1)
	go s.reaper()
}

func (s *SessionServer) Stop() {
	close(s.stop)
	s.wg.Wait()
}

func (s *SessionServer) Open(id string) {
	s.mu.Lock()
	s.sessions[id] = time.Now()
	s.mu.Unlock()
}

func (s *SessionServer) reaper() {
	defer s.wg.Done()
	t := time.NewTicker(s.idle / 4)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case now := <-t.C:
			s.reap(now)
		}
	}
}

func (s *SessionServer) reap(now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, last := range s.sessions {
		if now.Sub(last) > s.idle {
			delete(s.sessions, id)
			s.statsMu.Lock()
			s.stats.Reaped++
			s.statsMu.Unlock()
		}
	}
}
