// BAD: the test only logs when recvTimeout gives up, so it passes while the
// goroutine that runs Reload stays blocked forever on its unbuffered send.
package config

import (
	"encoding/json"
	"errors"
	"os"
	"sync"
)

// Settings is the hot-reloadable service configuration.
type Settings struct {
	ListenAddr string `json:"listen_addr"`
	MaxConns   int    `json:"max_conns"`
}

// Store holds the current Settings and reloads them from disk.
type Store struct {
	mu   sync.RWMutex
	path string
	cur  Settings
}

// NewStore returns a Store reading from path.
func NewStore(path string) *Store {
	return &Store{path: path, cur: Settings{ListenAddr: ":8080", MaxConns: 64}}
}

// Current returns a copy of the active settings.
func (s *Store) Current() Settings {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.cur
}

// Reload re-reads the file and swaps in the new settings.
func (s *Store) Reload() error {
	data, err := os.ReadFile(s.path)
	if err != nil {
		return err
	}
	var next Settings
	if err := json.Unmarshal(data, &next); err != nil {
		return err
	}
	if next.MaxConns <= 0 {
		return errors.New("config: max_conns must be positive")
	}
	s.mu.Lock()
	s.cur = next
	s.mu.Unlock()
	return nil
}
