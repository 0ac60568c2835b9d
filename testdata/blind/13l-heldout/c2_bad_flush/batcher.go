package batcher

import (
	"fmt"
	"strings"
	"sync"
)

// Writer persists a batch of records somewhere.
type Writer interface {
	Write(part int, records []string) error
}

type partResult struct {
	part int
	n    int
	err  error
}

// Batcher splits records into partitions and writes them in parallel.
type Batcher struct {
	Parts int
	W     Writer

	mu      sync.Mutex
	pending []string
}

// Add queues a record for the next Flush.
func (b *Batcher) Add(rec string) {
	b.mu.Lock()
	b.pending = append(b.pending, rec)
	b.mu.Unlock()
}

// Flush writes all pending records, one goroutine per partition, and
// returns the number of records written.
func (b *Batcher) Flush() (int, error) {
	b.mu.Lock()
	recs := b.pending
	b.pending = nil
	b.mu.Unlock()

	parts := make([][]string, b.Parts)
	for i, r := range recs {
		parts[i%b.Parts] = append(parts[i%b.Parts], r)
	}

	results := make(chan partResult, b.Parts+1)
	for p := 0; p < b.Parts; p++ {
		go func(p int) {
			err := b.W.Write(p, parts[p])
			results <- partResult{part: p, n: len(parts[p]), err: err}
		}(p)
	}
	// Write a manifest describing this flush alongside the data.
	go func() {
		manifest := fmt.Sprintf("parts=%d records=%d", b.Parts, len(recs))
		err := b.W.Write(-1, []string{manifest})
		results <- partResult{part: -1, err: err}
	}()

	total := 0
	var errs []string
	for p := 0; p < b.Parts; p++ {
		r := <-results
		if r.err != nil {
			errs = append(errs, fmt.Sprintf("part %d: %v", r.part, r.err))
			continue
		}
		total += r.n
	}
	close(results)
	if len(errs) > 0 {
		return total, fmt.Errorf("flush: %s", strings.Join(errs, "; "))
	}
	return total, nil
}
