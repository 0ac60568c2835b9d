// Correct: each shard's map and counters are written only after lockFor(key) or lockAll(shards) and before the matching unlock.
package g3_sharded_sessions

import (
	"hash/maphash"
	"net/http"
	"sync"
	"time"
)

type session struct {
	user    string
	expires time.Time
}

type shard struct {
	mu       sync.Mutex
	sessions map[string]session
	evicted  int
}

func (sh *shard) putLocked(id string, s session) {
	sh.sessions[id] = s
}

type Manager struct {
	seed   maphash.Seed
	shards []*shard
	ttl    time.Duration
}

func NewManager(n int, ttl time.Duration) *Manager {
	m := &Manager{seed: maphash.MakeSeed(), ttl: ttl}
	for i := 0; i < n; i++ {
		m.shards = append(m.shards, &shard{sessions: map[string]session{}})
	}
	return m
}

func (m *Manager) shardFor(id string) *shard {
	return m.shards[maphash.String(m.seed, id)%uint64(len(m.shards))]
}

func (m *Manager) lockFor(id string)   { m.shardFor(id).mu.Lock() }
func (m *Manager) unlockFor(id string) { m.shardFor(id).mu.Unlock() }

func lockAll(shards []*shard) {
	for _, sh := range shards {
		sh.mu.Lock()
	}
}

func unlockAll(shards []*shard) {
	for i := len(shards) - 1; i >= 0; i-- {
		shards[i].mu.Unlock()
	}
}

// Touch extends or creates a session.
func (m *Manager) Touch(id, user string) {
	if id == "" || user == "" {
		return // nothing written on the early path
	}
	sh := m.shardFor(id)
	m.lockFor(id)
	defer m.unlockFor(id)
	sh.putLocked(id, session{user: user, expires: time.Now().Add(m.ttl)})
}

func (m *Manager) Lookup(id string) (string, bool) {
	sh := m.shardFor(id)
	m.lockFor(id)
	defer m.unlockFor(id)
	s, ok := sh.sessions[id]
	if !ok || time.Now().After(s.expires) {
		return "", false
	}
	return s.user, true
}

// Sweep evicts expired sessions from every shard atomically.
func (m *Manager) Sweep(now time.Time) int {
	lockAll(m.shards)
	defer unlockAll(m.shards)
	total := 0
	for _, sh := range m.shards {
		for id, s := range sh.sessions {
			if now.After(s.expires) {
				delete(sh.sessions, id)
				sh.evicted++
				total++
			}
		}
	}
	return total
}

// Middleware refreshes the caller's session on every request.
func (m *Manager) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("sid")
		if err != nil {
			http.Error(w, "no session", http.StatusUnauthorized)
			return
		}
		user, ok := m.Lookup(c.Value)
		if !ok {
			http.Error(w, "expired", http.StatusUnauthorized)
			return
		}
		m.Touch(c.Value, user)
		next.ServeHTTP(w, r)
	})
}
