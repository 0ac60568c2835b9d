package main

import (
	"context"
	"fmt"
	"time"
)

// Flusher periodically writes buffered metrics until stopped.
type Flusher struct {
	cancel context.CancelFunc
	done   chan struct{}
	in     chan float64
}

func StartFlusher(interval time.Duration) *Flusher {
	ctx, cancel := context.WithCancel(context.Background())
	f := &Flusher{cancel: cancel, done: make(chan struct{}), in: make(chan float64, 64)}
	go f.run(ctx, interval)
	return f
}

func (f *Flusher) run(ctx context.Context, interval time.Duration) {
	defer close(f.done)
	t := time.NewTicker(interval)
	defer t.Stop()
	var buf []float64
	for {
		select {
		case <-ctx.Done():
			fmt.Println("flusher cancelled with", len(buf), "pending")
			return
		case v, ok := <-f.in:
			if !ok {
				f.flush(buf)
				return
			}
			buf = append(buf, v)
		case <-t.C:
			f.flush(buf)
			buf = buf[:0]
		}
	}
}

func (f *Flusher) flush(buf []float64) {
	if len(buf) > 0 {
		fmt.Println("flushed", len(buf), "samples")
	}
}

func (f *Flusher) Record(v float64) { f.in <- v }

// Stop cancels the flusher and waits for it to exit.
func (f *Flusher) Stop() {
	f.cancel()
	<-f.done
}

func main() {
	f := StartFlusher(10 * time.Millisecond)
	for i := 0; i < 5; i++ {
		f.Record(float64(i))
	}
	time.Sleep(25 * time.Millisecond)
	f.Stop()
	fmt.Println("stopped")
}
