// Package walk: a container's lock held around a walk of its objects is
// not the objects' own lock. A write to an object's field, made in the
// walk (in its loop body, in a closure of the goroutine a constructor
// starts, in a helper), races with the object's users, who look the
// object up, release the container's lock and then lock the object.
package walk

import (
	"sync"
	"time"
)

type bucket struct {
	mu     sync.Mutex
	tokens int
	burst  int
}

func (b *bucket) take() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tokens == 0 {
		return false
	}
	b.tokens--
	return true
}

func (b *bucket) available() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.tokens
}

// Limiter refills its buckets from a goroutine its constructor starts:
// the goroutine runs beside the buckets' users, constructor or not.
type Limiter struct {
	mu      sync.Mutex
	buckets map[string]*bucket
	rate    int
	quit    chan struct{}
}

func NewLimiter(rate int, every time.Duration) *Limiter {
	l := &Limiter{buckets: map[string]*bucket{}, rate: rate, quit: make(chan struct{})}
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		refill := func(b *bucket) {
			if b.tokens < b.burst {
				b.tokens += l.rate // want `write to b.tokens without holding b.mu, which guards it in 2 of 3 functions that access it \(the locks held here do not\)`
			}
		}
		for {
			select {
			case <-l.quit:
				return
			case <-t.C:
				l.mu.Lock()
				for _, b := range l.buckets {
					refill(b)
				}
				l.mu.Unlock()
			}
		}
	}()
	return l
}

func (l *Limiter) bucketFor(key string) *bucket {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{tokens: 5, burst: 5}
		l.buckets[key] = b
	}
	return b
}

func (l *Limiter) Allow(key string) bool { return l.bucketFor(key).take() }

func (l *Limiter) Remaining(key string) int { return l.bucketFor(key).available() }

func (l *Limiter) Stop() { close(l.quit) }

type session struct {
	created time.Time

	mu      sync.Mutex
	expired bool
	pending []string
}

// Use is the only other access to expired: the layout says mu guards
// it, and every access but the walk's holds mu.
func (s *session) Use() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.expired
}

func (s *session) push(m string) {
	s.mu.Lock()
	s.pending = append(s.pending, m)
	s.mu.Unlock()
}

func (s *session) drain() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.pending
	s.pending = nil
	return out
}

func markExpired(s *session) {
	s.expired = true // want `write to s.expired without holding s.mu, declared after it in the struct and held elsewhere to access it`
}

type Registry struct {
	mu       sync.Mutex
	sessions map[string]*session
	byTopic  map[string][]*session
}

func (r *Registry) Lookup(id string) *session {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.sessions[id]
}

func (r *Registry) Publish(topic, m string) {
	r.mu.Lock()
	targets := append([]*session(nil), r.byTopic[topic]...)
	r.mu.Unlock()
	for _, s := range targets {
		s.push(m)
	}
}

func (r *Registry) Drain(id string) []string { return r.Lookup(id).drain() }

// Expire walks the sessions under the registry's lock only.
func (r *Registry) Expire(maxAge time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for id, s := range r.sessions {
		if time.Since(s.created) > maxAge {
			markExpired(s)
			delete(r.sessions, id)
		}
	}
}

// Flush writes each element of the walk in the loop body.
func (r *Registry) Flush(topic string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range r.byTopic[topic] {
		s.pending = nil // want `write to s.pending without holding s.mu, which guards it in 2 of 3 functions that access it \(the locks held here do not\)`
	}
}

// FlushLocked takes each session's own lock: not reported.
func (r *Registry) FlushLocked(topic string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range r.byTopic[topic] {
		s.mu.Lock()
		s.pending = nil
		s.mu.Unlock()
	}
}

type counter struct {
	mu   sync.Mutex
	hits int
	// total is only ever accessed under the table's lock.
	total int
}

func (c *counter) hit() {
	c.mu.Lock()
	c.hits++
	c.mu.Unlock()
}

type Table struct {
	mu       sync.Mutex
	counters []*counter
}

func (t *Table) Hit(i int) {
	t.mu.Lock()
	c := t.counters[i]
	c.total++
	t.mu.Unlock()
	c.hit()
}

// Roll resets total, which the table's lock guards wherever it is
// touched: not reported.
func (t *Table) Roll() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	sum := 0
	for _, c := range t.counters {
		sum += c.total
		c.total = 0
	}
	return sum
}

// newTable fills each counter before the table is shared: not reported.
func newTable(n int) *Table {
	t := &Table{}
	t.mu.Lock()
	for i := 0; i < n; i++ {
		c := &counter{}
		c.total = 0
		t.counters = append(t.counters, c)
	}
	t.mu.Unlock()
	return t
}

var _ = newTable
