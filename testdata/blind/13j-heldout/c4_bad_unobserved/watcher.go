package watcher

import (
	"log"
	"os"
	"sync"
	"time"
)

// Event describes a change to a watched file.
type Event struct {
	Path    string
	ModTime time.Time
}

// Watcher polls files for modification and reports changes.
type Watcher struct {
	mu     sync.Mutex
	seen   map[string]time.Time
	paths  []string
	events chan Event
	stop   chan struct{}
	done   chan struct{}
	every  time.Duration
}

// New starts a watcher over paths.
func New(paths []string, every time.Duration) *Watcher {
	w := &Watcher{
		seen:   map[string]time.Time{},
		paths:  paths,
		events: make(chan Event, 16),
		stop:   make(chan struct{}),
		done:   make(chan struct{}),
		every:  every,
	}
	go w.loop()
	return w
}

// Events returns the change stream.
func (w *Watcher) Events() <-chan Event { return w.events }

func (w *Watcher) loop() {
	t := time.NewTicker(w.every)
	defer t.Stop()
	for {
		select {
		case <-w.done:
			return
		case <-t.C:
			w.scan()
		}
	}
}

func (w *Watcher) scan() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range w.paths {
		fi, err := os.Stat(p)
		if err != nil {
			log.Printf("watcher: %v", err)
			continue
		}
		if prev, ok := w.seen[p]; !ok || fi.ModTime().After(prev) {
			w.seen[p] = fi.ModTime()
			select {
			case w.events <- Event{Path: p, ModTime: fi.ModTime()}:
			default:
			}
		}
	}
}

// Close stops the watcher.
func (w *Watcher) Close() {
	close(w.stop)
}
