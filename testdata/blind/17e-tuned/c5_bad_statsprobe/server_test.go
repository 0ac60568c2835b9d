package statsprobe

import (
	"fmt"
	"testing"
	"time"
)

func countersWithLive(s *SessionServer) Counters {
	s.statsMu.Lock()
	defer s.statsMu.Unlock()
	s.mu.Lock()
	c := s.stats
	c.Sessions = len(s.sessions)
	s.mu.Unlock()
	return c
}

func TestReaperEvictsIdle(t *testing.T) {
	s := NewSessionServer(20 * time.Millisecond)
	s.Start()
	defer s.Stop()

	for i := 0; i < 50; i++ {
		s.Open(fmt.Sprintf("sess-%d", i))
	}
	deadline := time.Now().Add(time.Second)
	for time.Now().Before(deadline) {
		if c := countersWithLive(s); c.Sessions == 0 && c.Reaped == 50 {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("sessions not reaped: %+v", countersWithLive(s))
}
