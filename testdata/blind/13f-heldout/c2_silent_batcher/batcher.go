// Package audit batches audit-log lines and ships them to the collector.
package audit

import (
	"errors"
	"sync"
	"time"
)

var (
	ErrFull     = errors.New("audit: buffer full")
	ErrStopping = errors.New("audit: shutting down")
)

type Shipper interface {
	Ship(lines []string) error
}

type Batcher struct {
	ship   Shipper
	every  time.Duration
	maxLen int

	mu       sync.Mutex
	stopping bool
	lines    chan string
	halt     chan struct{}
	exited   chan struct{}
}

func NewBatcher(s Shipper, every time.Duration, maxLen int) *Batcher {
	b := &Batcher{
		ship:   s,
		every:  every,
		maxLen: maxLen,
		lines:  make(chan string, 1024),
		halt:   make(chan struct{}, 1),
		exited: make(chan struct{}),
	}
	go b.flusher()
	return b
}

// Record queues line without waiting; it reports ErrFull under overload.
func (b *Batcher) Record(line string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.stopping {
		return ErrStopping
	}
	select {
	case b.lines <- line:
		return nil
	default:
		return ErrFull
	}
}
