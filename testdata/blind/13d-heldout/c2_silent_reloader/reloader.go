package config

import (
	"context"
	"encoding/json"
	"log"
	"os"
	"sync/atomic"
)

type Settings struct {
	RateLimit int      `json:"rate_limit"`
	Upstreams []string `json:"upstreams"`
}

// Watcher holds the current settings and reloads them from disk on demand.
type Watcher struct {
	path    string
	current atomic.Pointer[Settings]

	reload chan struct{}
	kick   chan string
	cancel context.CancelFunc
	exited chan struct{}
}

func Watch(path string) (*Watcher, error) {
	w := &Watcher{
		path:   path,
		reload: make(chan struct{}, 1),
		kick:   make(chan string, 8),
		exited: make(chan struct{}),
	}
	if err := w.load(); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	w.cancel = cancel
	go w.loop(ctx)
	return w, nil
}

func (w *Watcher) loop(ctx context.Context) {
	defer close(w.exited)
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case <-w.reload:
			if err := w.load(); err != nil {
				log.Printf("config: reload %s: %v", w.path, err)
				break
			}
			log.Printf("config: reloaded %s", w.path)
		case reason := <-w.kick:
			log.Printf("config: kicked (%s)", reason)
		}
	}
	log.Printf("config: watcher stopped")
}

func (w *Watcher) load() error {
	data, err := os.ReadFile(w.path)
	if err != nil {
		return err
	}
	var s Settings
	if err := json.Unmarshal(data, &s); err != nil {
		return err
	}
	w.current.Store(&s)
	return nil
}

func (w *Watcher) Current() *Settings { return w.current.Load() }

// Reload asks the watcher to re-read the file; it never blocks.
func (w *Watcher) Reload() {
	select {
	case w.reload <- struct{}{}:
	default:
	}
}

// Kick records an external nudge, dropping it if the loop is busy.
func (w *Watcher) Kick(reason string) {
	select {
	case w.kick <- reason:
	default:
	}
}

// Close stops the watcher. Reload and Kick must not be called after Close.
func (w *Watcher) Close() {
	w.cancel()
	<-w.exited
	close(w.reload)
	close(w.kick)
}
