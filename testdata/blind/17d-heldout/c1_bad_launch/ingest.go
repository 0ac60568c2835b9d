package ingest

import (
	"bufio"
	"context"
	"fmt"
	"io"
)

type Pipeline struct {
	tasks taskGroup
	sink  func(line string) error
}

func NewPipeline(sink func(string) error) *Pipeline {
	return &Pipeline{sink: sink}
}

func (p *Pipeline) Ingest(ctx context.Context, r io.Reader) error {
	errc := make(chan error)
	p.tasks.launch("ingest-reader", func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if err := p.sink(sc.Text()); err != nil {
				errc <- fmt.Errorf("ingest: %w", err)
				return
			}
		}
		errc <- sc.Err()
	})

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (p *Pipeline) Shutdown() { p.tasks.join() }
