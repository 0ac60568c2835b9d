package b1_config_watcher

import (
	"context"
	"encoding/json"
	"os"
	"sync"
	"time"
)

// Config is the reloadable application configuration.
type Config struct {
	Version  int               `json:"version"`
	Features map[string]bool   `json:"features"`
	Limits   map[string]int    `json:"limits"`
	Labels   map[string]string `json:"labels"`
}

// Watcher polls a config file and wakes waiters whenever a reload happens.
type Watcher struct {
	path     string
	interval time.Duration

	mu      sync.Mutex
	cfg     Config
	changed chan struct{}
}

// NewWatcher creates a watcher for the file at path.
func NewWatcher(path string, interval time.Duration) *Watcher {
	return &Watcher{
		path:     path,
		interval: interval,
		changed:  make(chan struct{}),
	}
}

// Current returns the latest config and a channel that is closed on the next reload.
func (w *Watcher) Current() (Config, <-chan struct{}) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.cfg, w.changed
}

func (w *Watcher) load() (Config, error) {
	var cfg Config
	data, err := os.ReadFile(w.path)
	if err != nil {
		return cfg, err
	}
	err = json.Unmarshal(data, &cfg)
	return cfg, err
}

// publish wakes everyone waiting on the current generation and installs cfg.
func (w *Watcher) publish(cfg Config) {
	w.mu.Lock()
	defer w.mu.Unlock()
	close(w.changed)
	if cfg.Version == w.cfg.Version {
		// nothing new; waiters will just re-read the same config
		return
	}
	w.cfg = cfg
	w.changed = make(chan struct{})
}

// Run polls the file until ctx is cancelled.
func (w *Watcher) Run(ctx context.Context) error {
	ticker := time.NewTicker(w.interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
		}
		cfg, err := w.load()
		if err != nil {
			continue
		}
		w.publish(cfg) // BAD: publish returns before replacing w.changed when the version is unchanged, so the next tick closes it again
	}
}
