// Correct: each Source's loaded flag is set once and never reset, its Cond is broadcast only after that, and waiters only read cfg/err, so if-Wait cannot return early.
package g2_config_latch

import (
	"encoding/json"
	"fmt"
	"os"
	"sync"
)

// Config is the service configuration read at startup.
type Config struct {
	ListenAddr string `json:"listen_addr"`
	MaxConns   int    `json:"max_conns"`
	LogLevel   string `json:"log_level"`
}

// Source loads a configuration file in the background. Handlers that need
// the configuration block until the first (and only) load has finished.
type Source struct {
	path string

	mu     sync.Mutex
	loaded *sync.Cond
	done   bool
	cfg    *Config
	err    error
}

// NewSource returns a Source for path; call Start to begin loading.
func NewSource(path string) *Source {
	s := &Source{path: path}
	s.loaded = sync.NewCond(&s.mu)
	return s
}

// Start kicks off the one background load.
func (s *Source) Start() {
	go s.load()
}

func (s *Source) load() {
	cfg, err := readConfig(s.path)
	s.mu.Lock()
	s.cfg, s.err = cfg, err
	s.done = true
	s.mu.Unlock()
	s.loaded.Broadcast()
}

func readConfig(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	var c Config
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	if c.MaxConns <= 0 {
		c.MaxConns = 64
	}
	return &c, nil
}

// Get waits for the load to finish and returns its outcome.
func (s *Source) Get() (*Config, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.done {
		s.loaded.Wait()
	}
	return s.cfg, s.err
}

// Ready reports without blocking whether the load has finished.
func (s *Source) Ready() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.done
}
