package tail

import (
	"context"
	"errors"
	"io"
	"sync"
	"time"
)

// Line is one line read from a followed file.
type Line struct {
	File string
	Text string
}

// Source yields the lines of one file as they are appended.
type Source interface {
	Path() string
	Next(ctx context.Context) (string, error)
}

// Tailer follows several sources and merges their lines.
type Tailer struct {
	lines  chan Line
	cancel context.CancelFunc
	wg     sync.WaitGroup
	poll   time.Duration
}

// Start begins following every source.
func Start(sources []Source, poll time.Duration) *Tailer {
	ctx, cancel := context.WithCancel(context.Background())
	t := &Tailer{lines: make(chan Line, 64), cancel: cancel, poll: poll}
	for _, s := range sources {
		t.wg.Add(1)
		go t.follow(ctx, s)
	}
	return t
}

// Lines returns the merged line stream.
func (t *Tailer) Lines() <-chan Line { return t.lines }

func (t *Tailer) follow(ctx context.Context, s Source) {
	defer t.wg.Done()
	for {
		text, err := s.Next(ctx)
		if errors.Is(err, io.EOF) {
			select {
			case <-time.After(t.poll):
				continue
			case <-ctx.Done():
				return
			}
		}
		if err != nil {
			return
		}
		select {
		case t.lines <- Line{File: s.Path(), Text: text}:
		case <-ctx.Done():
			return
		}
	}
}

// Wait blocks until every follower has returned.
func (t *Tailer) Wait() { t.wg.Wait() }

// Close stops following and closes the line stream.
func (t *Tailer) Close() {
	t.cancel()
	close(t.lines)
}
