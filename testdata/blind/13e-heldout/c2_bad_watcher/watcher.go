package watcher

import (
	"context"
	"sync"
	"time"
)

type source interface {
	Fetch(ctx context.Context) (map[string]string, error)
}

// Watcher polls a config source and keeps the latest snapshot.
type Watcher struct {
	mu      sync.Mutex
	src     source
	current map[string]string
	version int
	stop    context.CancelFunc
}

func NewWatcher(src source, every time.Duration) *Watcher {
	ctx, cancel := context.WithCancel(context.Background())
	w := &Watcher{src: src, stop: cancel}
	go w.poll(ctx, every)
	return w
}

func (w *Watcher) poll(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		w.mu.Lock()
		src := w.src
		w.mu.Unlock()
		cfg, err := src.Fetch(ctx)
		if err != nil {
			continue
		}
		w.mu.Lock()
		w.current = cfg
		w.version++
		w.mu.Unlock()
	}
}

func (w *Watcher) Get(key string) (string, int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.current[key], w.version
}

func (w *Watcher) Close() { w.stop() }
