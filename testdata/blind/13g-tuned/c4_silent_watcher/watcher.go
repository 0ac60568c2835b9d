package confwatch

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
	path    string
	every   time.Duration
	changes chan Change
	cancel  context.CancelFunc
	wg      sync.WaitGroup
}

func Watch(parent context.Context, path string, every time.Duration) *Watcher {
	ctx, cancel := context.WithCancel(parent)
	w := &Watcher{
		path:    path,
		every:   every,
		changes: make(chan Change, 1),
		cancel:  cancel,
	}
	w.wg.Add(1)
	go w.run(ctx)
	return w
}

func (w *Watcher) Changes() <-chan Change { return w.changes }

func (w *Watcher) run(ctx context.Context) {
	defer w.wg.Done()
	var last time.Time
	tick := time.NewTicker(w.every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			fi, err := os.Stat(w.path)
			if err != nil || !fi.ModTime().After(last) {
				continue
			}
			last = fi.ModTime()
			select {
			case w.changes <- Change{Path: w.path, ModTime: last}:
			case <-ctx.Done():
				return
			}
		}
	}
}

func (w *Watcher) Stop() {
	w.shutdown()
	w.wg.Wait()
}

func (w *Watcher) shutdown() {
	if w.cancel != nil {
		w.cancel()
	}
}
