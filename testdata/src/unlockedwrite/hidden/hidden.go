// Package hidden checks exported methods of types only the package can
// name: their callers are all here, so a loader called on a value just
// made is set-up, not a race.
package hidden

import (
	"errors"
	"strings"
	"sync"
)

// tracker is unexported, never converted to an interface and never let
// out: only this package calls its methods.
type tracker struct {
	mu      sync.RWMutex
	counts  map[string]int
	created int64
	dirty   bool
}

func newTracker() *tracker {
	return &tracker{counts: make(map[string]int)}
}

// Unmarshal fills a tracker nobody else has yet: its only caller,
// fromText, runs on the tracker load has just made. Silent.
func (t *tracker) Unmarshal(text string) error {
	t.counts = make(map[string]int)
	for _, f := range strings.Fields(text) {
		t.counts[f]++
	}
	t.created = int64(len(text))
	return nil
}

func (t *tracker) fromText(text string) error {
	if text == "" {
		return errors.New("empty")
	}
	return t.Unmarshal(text)
}

func (t *tracker) Add(k string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.counts[k]++
	t.dirty = true
}

func (t *tracker) Count(k string) int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.counts[k]
}

func (t *tracker) Created() int64 {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.created
}

type DB struct {
	mu       sync.Mutex
	trackers map[string]*tracker
}

func (db *DB) load(name, text string) (*tracker, error) {
	t := newTracker()
	if err := t.fromText(text); err != nil {
		return nil, err
	}
	db.mu.Lock()
	db.trackers[name] = t
	db.mu.Unlock()
	return t, nil
}

func (db *DB) Add(name, k string) {
	db.mu.Lock()
	t := db.trackers[name]
	db.mu.Unlock()
	if t != nil {
		t.Add(k)
	}
}

// session is hidden too, but Open puts it in the shared map before
// Restore fills it: another request finds it there and reads it
// meanwhile.
type session struct {
	mu     sync.Mutex
	user   string
	values map[string]string
}

func (s *session) Restore(user string) {
	s.user = user // want `write to s.user without holding s.mu, which guards it in 2 of 3 functions that access it`
}

func (s *session) User() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.user
}

func (s *session) SetUser(u string) {
	s.mu.Lock()
	s.user = u
	s.mu.Unlock()
}

type Store struct {
	mu       sync.Mutex
	sessions map[string]*session
}

func (st *Store) Open(id, user string) {
	st.mu.Lock()
	s, ok := st.sessions[id]
	if ok {
		st.mu.Unlock()
		return
	}
	s = &session{values: map[string]string{}}
	st.sessions[id] = s
	st.mu.Unlock()
	s.Restore(user)
}

func (st *Store) User(id string) string {
	st.mu.Lock()
	s := st.sessions[id]
	st.mu.Unlock()
	if s == nil {
		return ""
	}
	return s.User()
}

func (st *Store) Rename(id, user string) {
	st.mu.Lock()
	s := st.sessions[id]
	st.mu.Unlock()
	if s != nil {
		s.SetUser(user)
	}
}

// Cache publishes the entry, then fills it: the entry is a value Load
// made, but no longer its own once it is in the map.
type entry struct {
	mu   sync.Mutex
	data string
}

func (e *entry) Fill(d string) {
	e.data = d // want `write to e.data without holding e.mu, which guards it in 2 of 3 functions that access it`
}

func (e *entry) Get() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.data
}

func (e *entry) Set(d string) {
	e.mu.Lock()
	e.data = d
	e.mu.Unlock()
}

type Cache struct {
	mu      sync.Mutex
	entries map[string]*entry
}

func (c *Cache) Load(k, d string) *entry {
	e := &entry{}
	c.mu.Lock()
	c.entries[k] = e
	c.mu.Unlock()
	e.Fill(d)
	return e
}
