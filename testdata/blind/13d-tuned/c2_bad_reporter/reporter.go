package stats

import (
	"context"
	"log"
	"sort"
	"sync"
	"time"
)

// Reporter periodically logs counters that callers increment.
type Reporter struct {
	every  time.Duration
	logger *log.Logger

	mu     sync.Mutex
	counts map[string]int64
}

func NewReporter(every time.Duration, logger *log.Logger) *Reporter {
	return &Reporter{every: every, logger: logger, counts: make(map[string]int64)}
}

func (r *Reporter) Inc(name string, n int64) {
	r.mu.Lock()
	r.counts[name] += n
	r.mu.Unlock()
}

// Start begins periodic reporting until ctx is cancelled.
func (r *Reporter) Start(ctx context.Context) {
	go r.loop(ctx)
}

func (r *Reporter) loop(ctx context.Context) {
	t := time.NewTicker(r.every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			r.report()
			break
		case <-t.C:
			r.report()
		}
	}
}

func (r *Reporter) report() {
	r.mu.Lock()
	snapshot := make(map[string]int64, len(r.counts))
	for k, v := range r.counts {
		snapshot[k] = v
		r.counts[k] = 0
	}
	r.mu.Unlock()

	names := make([]string, 0, len(snapshot))
	for k := range snapshot {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if snapshot[k] != 0 {
			r.logger.Printf("%s=%d", k, snapshot[k])
		}
	}
}
