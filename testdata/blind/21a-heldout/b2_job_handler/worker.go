// Package b2_job_handler runs thumbnail jobs pulled from a queue.
package b2_job_handler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"time"
)

type Message struct {
	ID   string
	Body []byte
	Ack  func()
	Nack func(requeue bool)
}

type job struct {
	Source  string `json:"source"`
	Width   int    `json:"width"`
	Height  int    `json:"height"`
	Timeout string `json:"timeout"`
}

type Renderer interface {
	Render(ctx context.Context, src string, w, h int) ([]byte, error)
}

type Store interface {
	Put(ctx context.Context, key string, data []byte) error
}

type Worker struct {
	render     Renderer
	store      Store
	maxTimeout time.Duration
	logger     *log.Logger
}

func NewWorker(r Renderer, s Store, logger *log.Logger) *Worker {
	return &Worker{render: r, store: s, maxTimeout: 2 * time.Minute, logger: logger}
}

// Run handles messages until ctx is cancelled. ctx lives as long as the worker.
func (w *Worker) Run(ctx context.Context, in <-chan *Message) {
	for {
		select {
		case <-ctx.Done():
			return
		case m := <-in:
			if err := w.handle(ctx, m); err != nil {
				w.logger.Printf("job %s: %v", m.ID, err)
			}
		}
	}
}

func (w *Worker) handle(ctx context.Context, m *Message) error {
	ctx, cancel := context.WithTimeout(ctx, w.maxTimeout) // BAD: the early return on a bad per-job timeout string skips cancel
	var j job
	if err := json.Unmarshal(m.Body, &j); err != nil {
		cancel()
		m.Nack(false)
		return fmt.Errorf("decode: %w", err)
	}
	if j.Timeout != "" {
		d, err := time.ParseDuration(j.Timeout)
		if err != nil {
			m.Nack(false)
			return fmt.Errorf("bad timeout %q: %w", j.Timeout, err)
		}
		if d < w.maxTimeout {
			var c2 context.CancelFunc
			ctx, c2 = context.WithTimeout(ctx, d)
			defer c2()
		}
	}
	if j.Width <= 0 || j.Height <= 0 {
		cancel()
		m.Nack(false)
		return errors.New("invalid dimensions")
	}
	img, err := w.render.Render(ctx, j.Source, j.Width, j.Height)
	if err != nil {
		cancel()
		m.Nack(true)
		return err
	}
	err = w.store.Put(ctx, fmt.Sprintf("thumb/%s/%dx%d", m.ID, j.Width, j.Height), img)
	cancel()
	if err != nil {
		m.Nack(true)
		return err
	}
	m.Ack()
	return nil
}
