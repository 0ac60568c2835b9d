package b4_dir_watcher

import (
	"os"
	"sync"
	"time"
)

// Event reports that a watched file changed.
type Event struct {
	Path    string
	ModTime time.Time
}

// Watcher polls a set of files and reports modifications.
type Watcher struct {
	mu     sync.Mutex
	paths  map[string]time.Time
	Events chan Event
	Errors chan error

	quit     chan struct{}
	wg       sync.WaitGroup
	stopOnce sync.Once
}

// NewWatcher starts polling every period.
func NewWatcher(period time.Duration, paths ...string) *Watcher {
	w := &Watcher{
		paths:  make(map[string]time.Time),
		Events: make(chan Event),
		Errors: make(chan error),
		quit:   make(chan struct{}),
	}
	for _, p := range paths {
		w.paths[p] = time.Time{}
	}
	w.wg.Add(1)
	go w.poll(period)
	return w
}

func (w *Watcher) poll(period time.Duration) {
	defer w.wg.Done()
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-w.quit:
			return
		case <-t.C:
		}
		for _, ev := range w.scan() {
			select {
			case w.Events <- ev:
			case <-w.quit:
				return
			}
		}
	}
}

func (w *Watcher) scan() []Event {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []Event
	for p, last := range w.paths {
		fi, err := os.Stat(p)
		if err != nil {
			select {
			case w.Errors <- err:
			default:
			}
			continue
		}
		if fi.ModTime().After(last) {
			w.paths[p] = fi.ModTime()
			out = append(out, Event{Path: p, ModTime: fi.ModTime()})
		}
	}
	return out
}

// Stop ends polling and closes Events and Errors.
func (w *Watcher) Stop() {
	w.stopOnce.Do(func() {
		close(w.quit)
		close(w.Events) // BAD: poll goroutine may be blocked sending on Events; wg.Wait only runs after the close
		close(w.Errors) // BAD: scan (run by poll) sends on Errors and poll has not been waited for yet
		w.wg.Wait()
	})
}
