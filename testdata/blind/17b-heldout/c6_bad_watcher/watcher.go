package watcher

import (
	"context"
	"os"
	"sync"
	"time"
)

type Change struct {
	Path    string
	ModTime time.Time
}

type Watcher struct {
	paths   []string
	events  chan Change
	stop    context.CancelFunc
	mu      sync.Mutex
	mtimes  map[string]time.Time
	closing chan struct{}
}

func Watch(paths []string, every time.Duration) *Watcher {
	ctx, cancel := context.WithCancel(context.Background())
	w := &Watcher{
		paths:   paths,
		events:  make(chan Change, 16),
		stop:    cancel,
		mtimes:  make(map[string]time.Time),
		closing: make(chan struct{}),
	}
	go w.poll(every)
	go func() {
		<-ctx.Done()
		w.mu.Lock()
		w.mtimes = nil
		w.mu.Unlock()
		close(w.events)
	}()
	return w
}

func (w *Watcher) Events() <-chan Change { return w.events }

func (w *Watcher) poll(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-w.closing:
			return
		case <-t.C:
		}
		for _, p := range w.paths {
			fi, err := os.Stat(p)
			if err != nil {
				continue
			}
			w.mu.Lock()
			prev, seen := w.mtimes[p]
			w.mtimes[p] = fi.ModTime()
			w.mu.Unlock()
			if seen && fi.ModTime().After(prev) {
				select {
				case w.events <- Change{Path: p, ModTime: fi.ModTime()}:
				default:
				}
			}
		}
	}
}

func (w *Watcher) Close() {
	close(w.closing)
}
