package main

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Chunk is one piece of a streamed response.
type Chunk struct {
	Seq  int
	Data string
}

// Backend produces a response in chunks.
type Backend struct {
	delay time.Duration
}

// Stream starts producing the response to query. The returned channel is
// closed by the producer when it is done or when ctx is cancelled.
func (b *Backend) Stream(ctx context.Context, query string) <-chan Chunk {
	out := make(chan Chunk)
	go func() {
		defer close(out)
		for i, word := range strings.Fields(query) {
			select {
			case <-time.After(b.delay):
			case <-ctx.Done():
				return
			}
			select {
			case out <- Chunk{Seq: i, Data: strings.ToUpper(word)}:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// Collect reads the stream until it ends or the deadline passes.
func Collect(b *Backend, query string, deadline time.Duration) ([]string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()

	var parts []string
	chunks := b.Stream(ctx, query)
	for {
		select {
		case c, ok := <-chunks:
			if !ok {
				if err := ctx.Err(); err != nil {
					return parts, err
				}
				return parts, nil
			}
			parts = append(parts, c.Data)
		case <-ctx.Done():
			// Give up; cancel tells the producer to stop and close.
			return parts, ctx.Err()
		}
	}
}

func main() {
	b := &Backend{delay: 3 * time.Millisecond}
	parts, err := Collect(b, "the quick brown fox jumps over the lazy dog", 15*time.Millisecond)
	fmt.Println(strings.Join(parts, " "), err)
	parts, err = Collect(b, "short one", time.Second)
	fmt.Println(strings.Join(parts, " "), err)
	time.Sleep(10 * time.Millisecond)
}
