// Package confwatch watches configuration files and reports modifications.
package confwatch

import (
	"context"
	"os"
	"time"

	"blind13o/c2_silent_notifier/internal/notify"
)

type poller struct {
	path     string
	interval time.Duration
	n        *notify.Notifier
	stop     chan struct{}
	done     chan struct{}
}

func startPoller(path string, interval time.Duration, n *notify.Notifier) *poller {
	p := &poller{path: path, interval: interval, n: n,
		stop: make(chan struct{}), done: make(chan struct{})}
	go p.run()
	return p
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

func stopAll(ps []*poller) {
	for _, p := range ps {
		p.Stop()
	}
}

// Run watches paths until ctx is cancelled, calling onChange for each
// modification it observes.
func Run(ctx context.Context, paths []string, interval time.Duration, onChange func(path string)) error {
	n := notify.New(func(e notify.Event) { onChange(e.Path) })
	n.Start()
	defer n.Stop()

	pollers := make([]*poller, 0, len(paths))
	for _, path := range paths {
		pollers = append(pollers, startPoller(path, interval, n))
	}
	defer stopAll(pollers)

	<-ctx.Done()
	return ctx.Err()
}
