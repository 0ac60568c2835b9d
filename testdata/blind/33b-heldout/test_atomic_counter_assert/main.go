// BAD: see main_test.go; the test sleeps instead of waiting for the goroutine that runs Drain.
package indexer

import (
	"strings"
	"sync/atomic"
)

// Doc is a document waiting to be indexed.
type Doc struct {
	ID   string
	Body string
}

// Indexer tokenises documents and counts how many it has indexed.
type Indexer struct {
	indexed atomic.Int64
	tokens  atomic.Int64
}

// New returns an empty indexer.
func New() *Indexer { return &Indexer{} }

// Index processes a single document.
func (ix *Indexer) Index(d Doc) {
	n := len(strings.Fields(d.Body))
	ix.tokens.Add(int64(n))
	ix.indexed.Add(1)
}

// Drain indexes every document received on ch until it is closed.
func (ix *Indexer) Drain(ch <-chan Doc) {
	for d := range ch {
		ix.Index(d)
	}
}

// Indexed reports how many documents were indexed.
func (ix *Indexer) Indexed() int64 { return ix.indexed.Load() }

// Tokens reports how many tokens were seen.
func (ix *Indexer) Tokens() int64 { return ix.tokens.Load() }
