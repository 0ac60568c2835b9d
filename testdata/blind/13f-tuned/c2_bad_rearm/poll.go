package watch

import "time"

// Kick asks the poller to check the source immediately instead of at the
// next tick. Extra kicks while one is pending are dropped.
func (w *Watcher) Kick() {
	select {
	case w.ctl <- struct{}{}:
	default:
	}
}

func (w *Watcher) run() {
	defer close(w.exited)
	t := time.NewTicker(w.interval)
	defer t.Stop()
	last := ""
	for {
		select {
		case <-t.C:
		case <-w.ctl:
			w.mu.Lock()
			stopping := w.closed
			w.mu.Unlock()
			if stopping {
				close(w.ctl)
				return
			}
		}
		v, err := w.src.Version()
		if err != nil || v == last {
			continue
		}
		last = v
		w.notify(v)
	}
}
