// Package configured: settings a loop only reads, set by plain setters.
package configured

import (
	"context"
	"sync"
	"time"
)

// Table is configured, then watched: SetRefreshRate is the setter its
// clients call before Watch starts the loop (nothing in the package
// calls it later).
type Table struct {
	mx          sync.RWMutex
	rows        []string
	refreshRate time.Duration
}

func NewTable() *Table { return &Table{refreshRate: time.Second} }

func (t *Table) SetRefreshRate(d time.Duration) {
	t.refreshRate = d
}

func (t *Table) Watch(ctx context.Context) {
	go t.updater(ctx)
}

func (t *Table) Rows() []string {
	t.mx.RLock()
	defer t.mx.RUnlock()
	return append([]string(nil), t.rows...)
}

func (t *Table) updater(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(t.refreshRate):
			t.mx.Lock()
			t.rows = append(t.rows, "row")
			t.mx.Unlock()
		}
	}
}

// Limiter's setter is called again once the loop runs.
type Limiter struct {
	mu    sync.Mutex
	count int
	limit int
}

func (l *Limiter) SetLimit(n int) {
	l.limit = n // want `write to l.limit in SetLimit without a lock, while the goroutine running loop accesses it`
}

func (l *Limiter) Run(ctx context.Context) {
	go l.loop(ctx)
}

func (l *Limiter) loop(ctx context.Context) {
	for ctx.Err() == nil {
		l.mu.Lock()
		if l.count < l.limit {
			l.count++
		}
		l.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
}

func useLimiter(ctx context.Context) {
	l := &Limiter{}
	l.SetLimit(5)
	l.Run(ctx)
	l.SetLimit(10)
}

var _ = useLimiter

// Sampler's Start sets the callback after its go statement: the loop
// may already read it.
type Sampler struct {
	onRead func(int)

	mu    sync.Mutex
	fails int
}

func (s *Sampler) Start(onRead func(int)) {
	go s.loop()
	s.onRead = onRead // want `write to s.onRead in Start without a lock, while the goroutine running loop accesses it`
}

func (s *Sampler) loop() {
	for {
		time.Sleep(time.Millisecond)
		s.mu.Lock()
		cb := s.onRead
		s.fails++
		s.mu.Unlock()
		if cb != nil {
			cb(1)
		}
	}
}
