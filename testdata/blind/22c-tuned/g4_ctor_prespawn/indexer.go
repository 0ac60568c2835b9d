// Correct: NewIndexer makes every wg.Add (workers and flusher) before the corresponding go statement, so Close's Wait sees them all.
package g4_ctor_prespawn

import (
	"strings"
	"sync"
	"time"
)

// Indexer tokenizes documents on a fixed set of workers.
type Indexer struct {
	docs  chan string
	quit  chan struct{}
	wg    sync.WaitGroup
	mu    sync.Mutex
	terms map[string]int
	dirty int
	sink  func(map[string]int)
}

// NewIndexer starts n tokenizer workers and a periodic flusher.
func NewIndexer(n int, sink func(map[string]int)) *Indexer {
	ix := &Indexer{
		docs:  make(chan string, n),
		quit:  make(chan struct{}),
		terms: make(map[string]int),
		sink:  sink,
	}
	ix.wg.Add(n)
	for i := 0; i < n; i++ {
		go ix.worker()
	}
	ix.wg.Add(1)
	go ix.flushLoop(time.Second)
	return ix
}

func (ix *Indexer) Index(doc string) { ix.docs <- doc }

func (ix *Indexer) worker() {
	defer ix.wg.Done()
	for doc := range ix.docs {
		ix.mu.Lock()
		for _, w := range strings.Fields(strings.ToLower(doc)) {
			ix.terms[w]++
		}
		ix.dirty++
		ix.mu.Unlock()
	}
}

func (ix *Indexer) flushLoop(every time.Duration) {
	defer ix.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ix.quit:
			return
		case <-t.C:
			ix.flush()
		}
	}
}

func (ix *Indexer) flush() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.dirty == 0 {
		return
	}
	snap := make(map[string]int, len(ix.terms))
	for k, v := range ix.terms {
		snap[k] = v
	}
	ix.dirty = 0
	ix.sink(snap)
}

// Close drains the queue, stops the flusher and writes a final snapshot.
func (ix *Indexer) Close() {
	close(ix.docs)
	close(ix.quit)
	ix.wg.Wait()
	ix.flush()
}
