package b3_session_reset

import (
	"container/heap"
	"sync"
	"time"
)

type session struct {
	id      string
	expires time.Time
}

// expiryQueue orders sessions by expiry time.
type expiryQueue struct {
	items []*session
}

func (q *expiryQueue) Len() int           { return len(q.items) }
func (q *expiryQueue) Less(i, j int) bool { return q.items[i].expires.Before(q.items[j].expires) }
func (q *expiryQueue) Swap(i, j int)      { q.items[i], q.items[j] = q.items[j], q.items[i] }
func (q *expiryQueue) Push(x any)         { q.items = append(q.items, x.(*session)) }
func (q *expiryQueue) Pop() any {
	n := len(q.items)
	s := q.items[n-1]
	q.items = q.items[:n-1]
	return s
}

// Store tracks live sessions and expires them from a sweeper goroutine.
type Store struct {
	mu     sync.Mutex
	live   map[string]*session
	expiry expiryQueue
	ttl    time.Duration
	stop   chan struct{}
}

func NewStore(ttl time.Duration) *Store {
	s := &Store{live: make(map[string]*session), ttl: ttl, stop: make(chan struct{})}
	go s.sweep(ttl / 4)
	return s
}

func (s *Store) Create(id string) {
	sess := &session{id: id, expires: time.Now().Add(s.ttl)}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.live[id] = sess
	heap.Push(&s.expiry, sess)
}

func (s *Store) Valid(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.live[id]
	return ok
}

// Reset drops every session, e.g. after a key rotation.
func (s *Store) Reset() {
	s.expiry.items = nil // BAD: heap slice replaced without s.mu while sweep pops under it
	s.mu.Lock()
	s.live = make(map[string]*session)
	s.mu.Unlock()
}

func (s *Store) sweep(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case now := <-t.C:
			s.mu.Lock()
			for s.expiry.Len() > 0 && s.expiry.items[0].expires.Before(now) {
				old := heap.Pop(&s.expiry).(*session)
				if cur, ok := s.live[old.id]; ok && cur == old {
					delete(s.live, old.id)
				}
			}
			s.mu.Unlock()
		}
	}
}

func (s *Store) Close() { close(s.stop) }
