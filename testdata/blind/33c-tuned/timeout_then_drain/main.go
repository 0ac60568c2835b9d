// GOOD: on timeout Compress cancels the job and then still receives from the unbuffered
// channel, so the worker's send always has a receiver and the goroutine exits.
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"time"
)

type compressed struct {
	data []byte
	err  error
}

type Compressor struct {
	Level   int
	Timeout time.Duration
}

func (c *Compressor) run(ctx context.Context, in []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, c.Level)
	if err != nil {
		return nil, err
	}
	const chunk = 4096
	for off := 0; off < len(in); off += chunk {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		end := min(off+chunk, len(in))
		if _, err := zw.Write(in[off:end]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Compress gzips in, cancelling the work if it takes longer than c.Timeout.
func (c *Compressor) Compress(in []byte) ([]byte, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	out := make(chan compressed)
	go func() {
		data, err := c.run(ctx, in)
		out <- compressed{data: data, err: err}
	}()

	select {
	case r := <-out:
		return r.data, r.err
	case <-time.After(c.Timeout):
		cancel()
		r := <-out // wait for the worker to notice cancellation
		if r.err == nil {
			return r.data, nil
		}
		return nil, errors.New("compress: timed out")
	}
}

func main() {
	c := &Compressor{Level: gzip.BestSpeed, Timeout: 50 * time.Millisecond}
	data, err := c.Compress(bytes.Repeat([]byte("lorem ipsum "), 10000))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("compressed to %d bytes\n", len(data))
}
