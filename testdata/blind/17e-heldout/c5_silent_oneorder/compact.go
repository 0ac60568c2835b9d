package oneorder

import "time"

func (s *Store) compactor(every, maxAge time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-s.quit:
			return
		case now := <-t.C:
			s.expire(now, maxAge)
		}
	}
}

func (s *Store) expire(now time.Time, maxAge time.Duration) int {
	s.metaMu.Lock()
	defer s.metaMu.Unlock()
	n := 0
	for k, at := range s.meta {
		if now.Sub(at) <= maxAge {
			continue
		}
		delete(s.meta, k)
		s.dataMu.Lock()
		delete(s.data, k)
		s.dataMu.Unlock()
		n++
	}
	return n
}

func (s *Store) Size() (keys int, bytes int) {
	s.metaMu.Lock()
	defer s.metaMu.Unlock()
	s.dataMu.RLock()
	defer s.dataMu.RUnlock()
	for _, v := range s.data {
		bytes += len(v)
	}
	return len(s.meta), bytes
}
