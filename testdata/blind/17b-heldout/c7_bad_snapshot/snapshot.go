package snapshot

import (
	"encoding/json"
	"os"
	"sync"
)

type State struct {
	mu      sync.Mutex
	saved   *sync.Cond
	entries map[string]int
	path    string
	lastErr error
}

func NewState(path string) *State {
	s := &State{entries: make(map[string]int), path: path}
	s.saved = sync.NewCond(&s.mu)
	return s
}

func (s *State) Incr(key string) {
	s.mu.Lock()
	s.entries[key]++
	s.mu.Unlock()
}

func (s *State) persist() {
	s.mu.Lock()
	raw, err := json.Marshal(s.entries)
	s.mu.Unlock()
	if err == nil {
		err = os.WriteFile(s.path+".tmp", raw, 0o644)
	}
	if err == nil {
		err = os.Rename(s.path+".tmp", s.path)
	}
	s.mu.Lock()
	s.lastErr = err
	s.saved.Signal()
	s.mu.Unlock()
}

func (s *State) Save() error {
	go s.persist()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.saved.Wait()
	return s.lastErr
}
