// Package shipper batches log lines from several tailers and hands the
// batches to an uploader.
package shipper

import (
	"bufio"
	"context"
	"io"
	"strings"
	"time"
)

// Batch is a group of log lines read from one source.
type Batch struct {
	Source string
	Lines  []string
}

// Shipper reads lines from a set of sources and emits batches on Batches.
type Shipper struct {
	sources    map[string]io.Reader
	batchSize  int
	flushEvery time.Duration

	cancel  context.CancelFunc
	batches chan Batch
}

// New creates a shipper for the given named sources.
func New(sources map[string]io.Reader, batchSize int) *Shipper {
	return &Shipper{
		sources:    sources,
		batchSize:  batchSize,
		flushEvery: 2 * time.Second,
		batches:    make(chan Batch, 8),
	}
}

// Batches returns the channel consumers should range over.
func (s *Shipper) Batches() <-chan Batch { return s.batches }

// Start launches one tailer per source.
func (s *Shipper) Start(ctx context.Context) {
	ctx, s.cancel = context.WithCancel(ctx)
	for name, r := range s.sources {
		go s.tail(ctx, name, r)
	}
}

func (s *Shipper) tail(ctx context.Context, name string, r io.Reader) {
	sc := bufio.NewScanner(r)
	cur := Batch{Source: name}
	for sc.Scan() {
		if ctx.Err() != nil {
			return
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		cur.Lines = append(cur.Lines, line)
		if len(cur.Lines) >= s.batchSize {
			s.batches <- cur
			cur = Batch{Source: name}
		}
	}
	if len(cur.Lines) > 0 {
		s.batches <- cur
	}
}

// Stop stops all tailers and ends the Batches stream.
func (s *Shipper) Stop() {
	if s.cancel != nil {
		s.cancel()
	}
	close(s.batches)
}
