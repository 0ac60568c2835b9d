package export

import (
	"bytes"
	"context"
	"fmt"
)

type RowSource interface {
	Count() int
	Row(ctx context.Context, i int) ([]string, error)
}

type Job struct {
	src  RowSource
	done chan struct{}

	rowsWritten int
	total       int
	out         bytes.Buffer
	err         error
}

func Start(ctx context.Context, src RowSource) *Job {
	j := &Job{src: src, done: make(chan struct{}), total: src.Count()}
	go j.run(ctx)
	return j
}

func (j *Job) run(ctx context.Context) {
	defer close(j.done)
	for i := 0; i < j.total; i++ {
		row, err := j.src.Row(ctx, i)
		if err != nil {
			j.err = fmt.Errorf("row %d: %w", i, err)
			return
		}
		for k, col := range row {
			if k > 0 {
				j.out.WriteByte(',')
			}
			j.out.WriteString(col)
		}
		j.out.WriteByte('\n')
		j.rowsWritten = i + 1
	}
}

func (j *Job) Progress() string {
	if j.total == 0 {
		return "empty"
	}
	return fmt.Sprintf("%d/%d rows", j.rowsWritten, j.total)
}

func (j *Job) Result(ctx context.Context) ([]byte, error) {
	select {
	case <-j.done:
		return j.out.Bytes(), j.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
