// BAD: Run starts the workers and only then calls resetStats, which zeroes b.processed and
// b.failed without b.mu while the workers may already be incrementing them under b.mu.
package main

import (
	"fmt"
	"strconv"
	"sync"
)

type Record struct {
	ID    int
	Value string
}

// BatchProcessor parses records with a pool of workers and keeps running stats.
type BatchProcessor struct {
	mu        sync.Mutex
	processed int
	failed    int
	workers   int
	sink      func(id, n int)
}

func NewBatchProcessor(workers int, sink func(id, n int)) *BatchProcessor {
	return &BatchProcessor{workers: workers, sink: sink}
}

func (b *BatchProcessor) Stats() (processed, failed int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.processed, b.failed
}

func (b *BatchProcessor) handle(r Record) {
	n, err := strconv.Atoi(r.Value)
	b.mu.Lock()
	defer b.mu.Unlock()
	if err != nil {
		b.failed++
		return
	}
	b.processed++
	b.sink(r.ID, n)
}

func (b *BatchProcessor) worker(wg *sync.WaitGroup, in <-chan Record) {
	defer wg.Done()
	for r := range in {
		b.handle(r)
	}
}

// resetStats clears the counters from the previous batch.
func (b *BatchProcessor) resetStats() {
	b.processed, b.failed = 0, 0 // want "without holding|races with|no lock"
}

// Run processes one batch and returns its stats.
func (b *BatchProcessor) Run(batch []Record) (int, int) {
	in := make(chan Record, len(batch))
	for _, r := range batch {
		in <- r
	}
	close(in)

	var wg sync.WaitGroup
	for i := 0; i < b.workers; i++ {
		wg.Add(1)
		go b.worker(&wg, in)
	}
	b.resetStats()
	wg.Wait()
	return b.Stats()
}

func main() {
	var mu sync.Mutex
	sum := 0
	bp := NewBatchProcessor(3, func(id, n int) {
		mu.Lock()
		sum += n
		mu.Unlock()
	})
	batches := [][]Record{
		{{1, "10"}, {2, "x"}, {3, "32"}},
		{{4, "7"}, {5, "8"}, {6, "nine"}, {7, "100"}},
	}
	for i, batch := range batches {
		ok, bad := bp.Run(batch)
		fmt.Printf("batch %d: %d ok, %d failed\n", i, ok, bad)
	}
	fmt.Println("sum:", sum)
}
