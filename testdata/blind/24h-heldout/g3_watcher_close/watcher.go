// Correct: each Watcher's forwarding loop selects on w.done and returns when Close is called, so nothing outlives the object.
package g3_watcher_close

import (
	"sync"
	"time"
)

// Change describes a modified key.
type Change struct {
	Key string
	At  time.Time
}

// Watcher forwards raw change notifications to a consumer and discards
// heartbeats from the backend.
type Watcher struct {
	raw        chan Change
	heartbeats chan struct{}
	out        chan Change
	done       chan struct{}
	wg         sync.WaitGroup
	closeOnce  sync.Once
}

// NewWatcher starts a watcher; consumers read from Changes.
func NewWatcher(buffer int) *Watcher {
	w := &Watcher{
		raw:        make(chan Change, buffer),
		heartbeats: make(chan struct{}, 1),
		out:        make(chan Change, buffer),
		done:       make(chan struct{}),
	}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		for {
			select {
			case c := <-w.raw:
				select {
				case w.out <- c:
				case <-w.done:
					return
				}
			case <-w.heartbeats:
			case <-w.done:
				return
			}
		}
	}()
	return w
}

// Notify is called by the backend when key changes.
func (w *Watcher) Notify(key string) {
	select {
	case w.raw <- Change{Key: key, At: time.Now()}:
	case <-w.done:
	}
}

// Heartbeat is called by the backend periodically.
func (w *Watcher) Heartbeat() {
	select {
	case w.heartbeats <- struct{}{}:
	default:
	}
}

// Changes delivers forwarded changes.
func (w *Watcher) Changes() <-chan Change { return w.out }

// Close stops the forwarding goroutine and waits for it.
func (w *Watcher) Close() error {
	w.closeOnce.Do(func() { close(w.done) })
	w.wg.Wait()
	return nil
}
