package b1_config_reload

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
)

// Config is the runtime configuration of the service.
type Config struct {
	ListenAddr string            `json:"listen_addr"`
	MaxConns   int               `json:"max_conns"`
	Labels     map[string]string `json:"labels"`
}

func (c *Config) validate() error {
	if c.ListenAddr == "" {
		return errors.New("listen_addr is required")
	}
	if c.MaxConns <= 0 {
		return fmt.Errorf("max_conns must be positive, got %d", c.MaxConns)
	}
	return nil
}

// Manager holds the current config and reloads it from disk on demand.
type Manager struct {
	path string

	mu       sync.Mutex
	current  *Config
	version  int
	watchers []func(*Config)
}

func NewManager(path string) *Manager {
	return &Manager{path: path}
}

// OnChange registers a callback invoked after every successful reload.
func (m *Manager) OnChange(fn func(*Config)) {
	m.mu.Lock()
	m.watchers = append(m.watchers, fn)
	m.mu.Unlock()
}

// Reload re-reads the file and swaps in the new config if it is valid.
func (m *Manager) Reload() error {
	raw, err := os.ReadFile(m.path)
	if err != nil {
		return fmt.Errorf("read config: %w", err)
	}
	var cfg Config
	if err := json.Unmarshal(raw, &cfg); err != nil {
		return fmt.Errorf("parse config: %w", err)
	}

	m.mu.Lock()
	if m.current != nil && m.current.ListenAddr != cfg.ListenAddr {
		m.mu.Unlock()
		return errors.New("listen_addr cannot change at runtime")
	}
	if err := cfg.validate(); err != nil {
		return fmt.Errorf("invalid config v%d: %w", m.version+1, err) // BAD: returns with m.mu still locked on the validation error path
	}
	m.current = &cfg
	m.version++
	watchers := append([]func(*Config){}, m.watchers...)
	m.mu.Unlock()

	for _, w := range watchers {
		w(&cfg)
	}
	return nil
}

// Current returns the active config and its version.
func (m *Manager) Current() (*Config, int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.current, m.version
}
