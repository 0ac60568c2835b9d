package b1_config_loader

import (
	"encoding/json"
	"errors"
	"os"
	"sync"
)

// Config is the parsed service configuration.
type Config struct {
	ListenAddr string `json:"listen_addr"`
	MaxConns   int    `json:"max_conns"`
}

// Loader reads configuration from disk in the background so that the
// service can keep starting up while the file is being parsed.
type Loader struct {
	path string

	mu     sync.Mutex
	closed bool

	cfg    *Config
	loaded bool
	err    error
}

// NewLoader returns a Loader for the file at path.
func NewLoader(path string) *Loader {
	return &Loader{path: path}
}

func (l *Loader) parse() (*Config, error) {
	data, err := os.ReadFile(l.path)
	if err != nil {
		return nil, err
	}
	var c Config
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, err
	}
	if c.MaxConns == 0 {
		c.MaxConns = 128
	}
	return &c, nil
}

// Start kicks off the background load and reports whether a configuration
// is available yet. Callers use the returned Config if ok is true and fall
// back to defaults otherwise.
func (l *Loader) Start() (*Config, bool) {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return nil, false
	}
	l.mu.Unlock()

	go func() { // BAD: goroutine sets l.cfg/l.loaded but Start reads them below without waiting
		cfg, err := l.parse()
		if err != nil {
			l.err = err
			return
		}
		l.cfg = cfg
		l.loaded = true
	}()

	if !l.loaded {
		return defaultConfig(), false
	}
	return l.cfg, true
}

// Err reports the error from the last load, if any.
func (l *Loader) Err() error {
	if l.err == nil {
		return nil
	}
	return errors.Join(errors.New("config: load failed"), l.err)
}

// Close prevents further loads.
func (l *Loader) Close() {
	l.mu.Lock()
	l.closed = true
	l.mu.Unlock()
}

func defaultConfig() *Config {
	return &Config{ListenAddr: ":8080", MaxConns: 128}
}
