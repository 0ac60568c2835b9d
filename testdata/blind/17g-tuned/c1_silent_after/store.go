package main

import (
	"fmt"
	"sync"
)

// ConfigStore keeps the current configuration values and tracks how many
// times they were changed.
type ConfigStore struct {
	mu       sync.Mutex
	values   map[string]string
	version  int
	onChange func()
}

func NewConfigStore() *ConfigStore {
	s := &ConfigStore{values: make(map[string]string)}
	s.onChange = func() {
		s.mu.Lock()
		s.version++
		s.mu.Unlock()
	}
	return s
}

// Set updates a key and reports whether the stored value changed.
func (s *ConfigStore) Set(key, value string) bool {
	s.mu.Lock()
	old, ok := s.values[key]
	if ok && old == value {
		s.mu.Unlock()
		return false
	}
	s.values[key] = value
	s.mu.Unlock()

	s.onChange()
	return true
}

func (s *ConfigStore) Get(key string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.values[key]
	return v, ok
}

func (s *ConfigStore) Version() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version
}

func main() {
	s := NewConfigStore()
	s.Set("listen", ":8080")
	s.Set("listen", ":8080")
	s.Set("listen", ":9090")
	v, _ := s.Get("listen")
	fmt.Println(v, s.Version())
}
