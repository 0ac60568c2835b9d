// Class 6, SILENT: StartReporter starts exactly one goroutine, the only Wait caller and the only code that clears dirty, and Inc sets dirty before it signals, so dirty is true whenever Wait returns.
package c6_silent_flusher

import (
	"fmt"
	"io"
	"sort"
	"sync"
)

type Stats struct {
	mu     sync.Mutex
	counts map[string]int
	dirty  bool
	wake   *sync.Cond
}

func (s *Stats) Inc(name string) {
	s.mu.Lock()
	s.counts[name]++
	s.dirty = true
	s.wake.Signal()
	s.mu.Unlock()
}

// StartReporter returns the stats and starts the goroutine that writes a
// snapshot to w every time something changed.
func StartReporter(w io.Writer) *Stats {
	s := &Stats{counts: map[string]int{}}
	s.wake = sync.NewCond(&s.mu)
	go func() {
		for {
			s.mu.Lock()
			if !s.dirty {
				s.wake.Wait()
			}
			s.dirty = false
			keys := make([]string, 0, len(s.counts))
			for k := range s.counts {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			snap := make([]string, len(keys))
			for i, k := range keys {
				snap[i] = fmt.Sprintf("%s=%d", k, s.counts[k])
			}
			s.mu.Unlock()
			fmt.Fprintln(w, snap)
		}
	}()
	return s
}
