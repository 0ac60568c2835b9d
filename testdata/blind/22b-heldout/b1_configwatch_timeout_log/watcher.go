package b1_configwatch_timeout_log

import (
	"errors"
	"sync"
	"time"
)

// Config is a versioned snapshot of key/value settings.
type Config struct {
	Version int
	Values  map[string]string
}

// Watcher holds the current configuration and reloads it on demand.
type Watcher struct {
	mu        sync.Mutex
	cur       Config
	loadDelay time.Duration
	loader    func() (map[string]string, error)
}

// NewWatcher returns a watcher seeded with initial. The loader is called on
// every Reload; loadDelay simulates slow storage.
func NewWatcher(initial Config, loadDelay time.Duration, loader func() (map[string]string, error)) *Watcher {
	if loader == nil {
		loader = func() (map[string]string, error) { return nil, errors.New("no loader") }
	}
	return &Watcher{cur: initial, loadDelay: loadDelay, loader: loader}
}

// Current returns a copy of the active configuration.
func (w *Watcher) Current() Config {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.cur
}

// Reload reads the configuration in the background and notifies out exactly
// once with the new snapshot (or the unchanged one if loading failed).
func (w *Watcher) Reload(out chan<- Config) {
	go func() {
		time.Sleep(w.loadDelay)
		vals, err := w.loader()
		w.mu.Lock()
		if err == nil {
			w.cur = Config{Version: w.cur.Version + 1, Values: vals}
		}
		snap := w.cur
		w.mu.Unlock()
		out <- snap
	}()
}
