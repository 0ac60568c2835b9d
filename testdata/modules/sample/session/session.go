// Package session follows a stream, whose own mutex it takes beside
// its own while it restarts it.
package session

import "sync"

type stream struct {
	sync.Mutex
	pos int
}

// Session reads from the current stream.
type Session struct {
	cur    *stream
	start  int
	limit  int
	offset int
	sync.Mutex
}

// Open begins reading at start, at most limit records.
func (s *Session) Open(start, limit int) {
	s.Lock()
	defer s.Unlock()
	s.start, s.limit, s.offset = start, limit, 0
}

// Close ends reading.
func (s *Session) Close() {
	s.Lock()
	s.start, s.limit, s.offset = 0, 0, 0
	s.Unlock()
}

// Restart moves the current stream back, holding both mutexes.
func (s *Session) Restart() {
	s.Lock()
	defer s.Unlock()
	s.cur.Lock()
	s.cur.pos = s.start + s.offset
	if s.cur.pos > s.limit {
		s.cur.pos = s.limit
	}
	s.cur.Unlock()
}

// Seek moves the reading position without the lock.
func (s *Session) Seek(start, limit, offset int) {
	s.start = start   // finding: unlockedwrite
	s.limit = limit   // finding: unlockedwrite
	s.offset = offset // finding: unlockedwrite
}
