package flags

import (
	"encoding/json"
	"os"
	"sync"
	"time"
)

type Flag struct {
	Name    string  `json:"name"`
	Enabled bool    `json:"enabled"`
	Rollout float64 `json:"rollout"`
}

type Store struct {
	mu       sync.RWMutex
	flags    map[string]Flag
	defaults map[string]bool
	path     string
}

func Open(path string, defaults map[string]bool) *Store {
	s := &Store{flags: make(map[string]Flag), defaults: defaults, path: path}
	go s.watch(10 * time.Second)
	return s
}

func (s *Store) watch(every time.Duration) {
	for {
		time.Sleep(every)
		_ = s.reload()
	}
}

func (s *Store) reload() error {
	raw, err := os.ReadFile(s.path)
	if err != nil {
		return err
	}
	var list []Flag
	if err := json.Unmarshal(raw, &list); err != nil {
		return err
	}
	next := make(map[string]Flag, len(list))
	for _, f := range list {
		next[f.Name] = f
	}
	s.mu.Lock()
	s.flags = next
	s.mu.Unlock()
	return nil
}

func (s *Store) Enabled(name string, bucket float64) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	f, ok := s.flags[name]
	if !ok {
		return s.fallback(name)
	}
	return f.Enabled && bucket < f.Rollout
}

func (s *Store) fallback(name string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.defaults[name]
}
