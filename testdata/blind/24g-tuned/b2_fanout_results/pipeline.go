package b2_fanout_results

import (
	"context"
	"errors"
	"strings"
	"sync"
)

// Stage transforms one record.
type Stage func(ctx context.Context, in string) (string, error)

// Pipeline applies a fixed list of stages to each record.
type Pipeline struct {
	stages []Stage

	mu        sync.Mutex
	processed int
	stopped   bool
}

// New builds a pipeline from the given stages.
func New(stages ...Stage) *Pipeline {
	return &Pipeline{stages: stages}
}

// Process runs rec through every stage.
func (p *Pipeline) Process(ctx context.Context, rec string) (string, error) {
	p.mu.Lock()
	if p.stopped {
		p.mu.Unlock()
		return "", errors.New("pipeline: stopped")
	}
	p.mu.Unlock()

	out := rec
	for _, st := range p.stages {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		var err error
		if out, err = st(ctx, out); err != nil {
			return "", err
		}
	}
	p.mu.Lock()
	p.processed++
	p.mu.Unlock()
	return out, nil
}

// Processed reports how many records completed.
func (p *Pipeline) Processed() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.processed
}

// Stop rejects further records.
func (p *Pipeline) Stop() {
	p.mu.Lock()
	p.stopped = true
	p.mu.Unlock()
}

// Upper and Trim are stock stages.
func Upper(_ context.Context, s string) (string, error) { return strings.ToUpper(s), nil }
func Trim(_ context.Context, s string) (string, error)  { return strings.TrimSpace(s), nil }
