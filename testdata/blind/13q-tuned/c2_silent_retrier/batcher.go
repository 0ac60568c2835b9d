package batcher

import (
	"sync"
	"time"
)

// Item is one record to be written to the index.
type Item struct {
	Key     string
	Doc     string
	attempt int
}

// Indexer writes items through worker goroutines. Failed writes go to a
// retry loop that backs off and puts the item back on the input.
type Indexer struct {
	in      chan *Item
	retry   chan *Item
	out     chan string
	wg      sync.WaitGroup
	write   func(*Item) error
	backoff time.Duration
	limit   int
}

func New(workers int, write func(*Item) error) *Indexer {
	ix := &Indexer{
		in:      make(chan *Item),
		retry:   make(chan *Item),
		out:     make(chan string, 16),
		write:   write,
		backoff: 2 * time.Millisecond,
		limit:   4,
	}
	for range workers {
		go ix.work()
	}
	go ix.retryLoop()
	return ix
}

// Indexed reports the key of each item once it has been written or dropped.
func (ix *Indexer) Indexed() <-chan string { return ix.out }

// Add submits one item; it counts as in flight until reported on Indexed.
func (ix *Indexer) Add(it *Item) {
	ix.wg.Add(1)
	ix.in <- it
}

func (ix *Indexer) work() {
	for it := range ix.in {
		it.attempt++
		if err := ix.write(it); err != nil && it.attempt < ix.limit {
			ix.retry <- it
			continue
		}
		ix.out <- it.Key
		ix.wg.Done()
	}
}

func (ix *Indexer) retryLoop() {
	for it := range ix.retry {
		delay := ix.backoff * time.Duration(it.attempt)
		go func() {
			time.Sleep(delay)
			ix.in <- it
		}()
	}
}

// Close waits for all items in flight and then releases the goroutines.
func (ix *Indexer) Close() {
	ix.wg.Wait()
	close(ix.retry)
	close(ix.in)
	close(ix.out)
}
