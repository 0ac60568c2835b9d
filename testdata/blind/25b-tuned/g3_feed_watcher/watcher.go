// GOOD: the watcher's cancel is stored and called by Close (and on the constructor's error path); each poll's timeout cancel is called right after the fetch.
package g3_feed_watcher

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Fetcher returns the current version and body of a remote feed.
type Fetcher interface {
	Fetch(ctx context.Context, url string) (version string, body []byte, err error)
}

// Watcher polls a feed and invokes onChange whenever its version changes.
type Watcher struct {
	url      string
	fetch    Fetcher
	interval time.Duration
	onChange func(body []byte)

	cancel context.CancelFunc
	done   chan struct{}

	mu      sync.Mutex
	version string
	lastErr error
}

// Start fetches the feed once synchronously and then keeps polling in the
// background until ctx is cancelled or Close is called.
func Start(ctx context.Context, f Fetcher, url string, every time.Duration, onChange func([]byte)) (*Watcher, error) {
	wctx, cancel := context.WithCancel(ctx)
	w := &Watcher{
		url: url, fetch: f, interval: every, onChange: onChange,
		cancel: cancel, done: make(chan struct{}),
	}
	if err := w.poll(wctx); err != nil {
		cancel()
		return nil, err
	}
	go w.loop(wctx)
	return w, nil
}

func (w *Watcher) loop(ctx context.Context) {
	defer close(w.done)
	t := time.NewTicker(w.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			err := w.poll(ctx)
			w.mu.Lock()
			w.lastErr = err
			w.mu.Unlock()
		}
	}
}

func (w *Watcher) poll(ctx context.Context) error {
	pctx, cancel := context.WithTimeout(ctx, w.interval/2)
	version, body, err := w.fetch.Fetch(pctx, w.url)
	cancel()
	if err != nil {
		return err
	}
	w.mu.Lock()
	changed := version != w.version
	w.version = version
	w.mu.Unlock()
	if changed {
		w.onChange(body)
	}
	return nil
}

// Err reports the most recent background polling error.
func (w *Watcher) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.lastErr
}

// Close stops polling and waits for the background goroutine to exit.
func (w *Watcher) Close() error {
	w.cancel()
	<-w.done
	if err := w.Err(); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}
