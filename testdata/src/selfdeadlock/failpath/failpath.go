// Package failpath: a hook a test hands to code that it then drives
// down its failure path never runs; the same hook on the path the test
// drives does.
package failpath

import "errors"

// Config configures a Watcher.
type Config struct {
	Path     string
	OnChange func(path string)
}

// Watcher calls OnChange from its own goroutine.
type Watcher struct {
	cfg  Config
	done chan struct{}
}

// New starts a Watcher; it fails, starting nothing, without a path.
func New(cfg Config) (*Watcher, error) {
	if cfg.Path == "" {
		return nil, errors.New("failpath: no path")
	}
	w := &Watcher{cfg: cfg, done: make(chan struct{})}
	go w.run()
	return w, nil
}

func (w *Watcher) run() {
	defer close(w.done)
	if w.cfg.OnChange != nil {
		w.cfg.OnChange(w.cfg.Path)
	}
}

// Wait waits for the Watcher's goroutine.
func (w *Watcher) Wait() { <-w.done }
