package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// MetricsBuffer batches metric lines and ships them from a background
// flusher. tok holds a single token; whoever holds it owns the buffer.
type MetricsBuffer struct {
	tok     chan struct{}
	buf     []string
	flushes int
	lastErr error
	ship    func([]string) error
	stop    chan struct{}
	done    chan struct{}
}

func NewMetricsBuffer(ship func([]string) error) *MetricsBuffer {
	b := &MetricsBuffer{
		tok:  make(chan struct{}, 1),
		ship: ship,
		stop: make(chan struct{}),
		done: make(chan struct{}),
	}
	b.tok <- struct{}{}
	go b.flushLoop(5 * time.Millisecond)
	return b
}

// Add appends a metric line to the pending batch.
func (b *MetricsBuffer) Add(line string) {
	<-b.tok
	b.buf = append(b.buf, line)
	b.tok <- struct{}{}
}

// Err returns and clears the last shipping error.
func (b *MetricsBuffer) Err() error {
	<-b.tok
	err := b.lastErr
	b.lastErr = nil
	b.tok <- struct{}{}
	return err
}

func (b *MetricsBuffer) flushLoop(every time.Duration) {
	defer close(b.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-b.stop:
			return
		case <-t.C:
		}
		<-b.tok
		batch := b.buf
		b.buf = nil
		b.flushes++
		b.tok <- struct{}{}
		if len(batch) == 0 {
			continue
		}
		if err := b.ship(batch); err != nil {
			b.lastErr = err
		}
	}
}

func (b *MetricsBuffer) Close() {
	close(b.stop)
	<-b.done
}

func main() {
	n := 0
	buf := NewMetricsBuffer(func(lines []string) error {
		n++
		if n%2 == 0 {
			return errors.New("collector unavailable")
		}
		return nil
	})
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				buf.Add(fmt.Sprintf("req.count{worker=%d} 1", i))
				if err := buf.Err(); err != nil {
					fmt.Println("ship:", err)
				}
				time.Sleep(200 * time.Microsecond)
			}
		}(i)
	}
	wg.Wait()
	buf.Close()
}
