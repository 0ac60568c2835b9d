package sessions

import "time"

func (s *Store) reap(every time.Duration) {
	defer close(s.exited)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case now := <-t.C:
			s.evictBefore(now)
		case <-s.halt:
			return
		}
	}
}

func (s *Store) evictBefore(now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for tok, e := range s.items {
		if now.After(e.expires) {
			delete(s.items, tok)
		}
	}
}

func (s *Store) signalHalt() {
	s.haltOnce.Do(func() { close(s.halt) })
}

func (s *Store) Close() {
	s.signalHalt()
	<-s.exited
}
