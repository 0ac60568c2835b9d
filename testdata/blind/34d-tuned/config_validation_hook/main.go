// GOOD: the OnReload hook in TestNewReloaderRequiresPath sends on an unbuffered channel
// nobody reads, but NewReloader rejects the empty path before any watcher goroutine starts.

// Package reload polls a configuration file and reports changes.
package reload

import (
	"errors"
	"os"
	"time"
)

// Config configures a Reloader.
type Config struct {
	Path     string
	Interval time.Duration
	// OnReload is called from the polling goroutine whenever the file's
	// modification time changes.
	OnReload func(path string)
}

// Reloader watches a single file.
type Reloader struct {
	cfg  Config
	stop chan struct{}
	done chan struct{}
}

// NewReloader validates cfg and starts polling.
func NewReloader(cfg Config) (*Reloader, error) {
	if cfg.Path == "" {
		return nil, errors.New("reload: empty path")
	}
	if cfg.Interval <= 0 {
		return nil, errors.New("reload: interval must be positive")
	}
	fi, err := os.Stat(cfg.Path)
	if err != nil {
		return nil, err
	}
	r := &Reloader{cfg: cfg, stop: make(chan struct{}), done: make(chan struct{})}
	go r.poll(fi.ModTime())
	return r, nil
}

func (r *Reloader) poll(last time.Time) {
	defer close(r.done)
	t := time.NewTicker(r.cfg.Interval)
	defer t.Stop()
	for {
		select {
		case <-r.stop:
			return
		case <-t.C:
			fi, err := os.Stat(r.cfg.Path)
			if err != nil || !fi.ModTime().After(last) {
				continue
			}
			last = fi.ModTime()
			if r.cfg.OnReload != nil {
				r.cfg.OnReload(r.cfg.Path)
			}
		}
	}
}

// Close stops polling and waits for the goroutine to exit.
func (r *Reloader) Close() {
	close(r.stop)
	<-r.done
}
