// Package watch polls a config source and notifies listeners on change.
package watch

import (
	"sync"
	"time"
)

type Source interface {
	Version() (string, error)
}

type Watcher struct {
	src      Source
	interval time.Duration
	notify   func(version string)

	mu     sync.Mutex
	closed bool
	ctl    chan struct{}
	exited chan struct{}
}

func NewWatcher(src Source, every time.Duration, notify func(string)) *Watcher {
	w := &Watcher{
		src:      src,
		interval: every,
		notify:   notify,
		ctl:      make(chan struct{}, 1),
		exited:   make(chan struct{}),
	}
	go w.run()
	return w
}

// Stop terminates polling and waits for the poller to exit.
func (w *Watcher) Stop() {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return
	}
	w.closed = true
	w.ctl <- struct{}{}
	w.mu.Unlock()
	<-w.exited
}
