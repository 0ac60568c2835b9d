// Package confwatch watches configuration files and reports modifications.
package confwatch

import (
	"os"
	"sync"
	"time"

	"blind13o/c2_bad_notifier/internal/notify"
)

type poller struct {
	path     string
	interval time.Duration
	n        *notify.Notifier
	stop     chan struct{}
	done     chan struct{}
}

func (p *poller) run() {
	defer close(p.done)
	t := time.NewTicker(p.interval)
	defer t.Stop()
	var last time.Time
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			fi, err := os.Stat(p.path)
			if err != nil || !fi.ModTime().After(last) {
				continue
			}
			last = fi.ModTime()
			p.n.Notify(notify.Event{Path: p.path, ModTime: last})
		}
	}
}

func (p *poller) Stop() {
	close(p.stop)
	<-p.done
}

// Watcher polls a set of files and calls its callback when one changes.
type Watcher struct {
	n       *notify.Notifier
	pollers []*poller
}

// New starts watching paths, polling each one every interval.
func New(paths []string, interval time.Duration, onChange func(path string)) *Watcher {
	w := &Watcher{n: notify.New(func(e notify.Event) { onChange(e.Path) })}
	w.n.Start()
	for _, path := range paths {
		p := &poller{path: path, interval: interval, n: w.n,
			stop: make(chan struct{}), done: make(chan struct{})}
		w.pollers = append(w.pollers, p)
		go p.run()
	}
	return w
}

// Close stops all pollers and the notifier concurrently and waits for them.
func (w *Watcher) Close() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		w.n.Stop()
	}()
	for _, p := range w.pollers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.Stop()
		}()
	}
	wg.Wait()
}
