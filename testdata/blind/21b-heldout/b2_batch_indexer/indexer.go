// Package b2_batch_indexer tokenizes documents in batches and feeds the
// resulting postings to an aggregator.
package b2_batch_indexer

import (
	"errors"
	"fmt"
	"strings"
)

type Doc struct {
	ID   string
	Body string
}

type posting struct {
	docID string
	terms []string
}

type Summary struct {
	Docs  int
	Terms map[string]int
}

type Indexer struct {
	batchSize int
	stop      map[string]bool
}

var ErrEmptyDoc = errors.New("empty document")

func New(batchSize int, stopwords ...string) *Indexer {
	ix := &Indexer{batchSize: batchSize, stop: make(map[string]bool)}
	for _, w := range stopwords {
		ix.stop[w] = true
	}
	return ix
}

// IndexAll indexes docs batch by batch and stops at the first failing batch.
func (ix *Indexer) IndexAll(docs []Doc) (Summary, error) {
	results := make(chan posting)
	sum := Summary{Terms: make(map[string]int)}
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		for p := range results {
			sum.Docs++
			for _, t := range p.terms {
				sum.Terms[t]++
			}
		}
	}()

	var firstErr error
	for start := 0; start < len(docs); start += ix.batchSize {
		end := min(start+ix.batchSize, len(docs))
		if err := ix.indexBatch(docs[start:end], results); err != nil {
			firstErr = err
			break
		}
	}

	close(results) // BAD: indexBatch may return on the first error while other batch workers still send on results
	<-collected
	return sum, firstErr
}

// indexBatch tokenizes every doc of the batch concurrently. It drains the
// progress channel and bails out on the first error.
func (ix *Indexer) indexBatch(batch []Doc, results chan<- posting) error {
	progress := make(chan error, len(batch))
	for _, d := range batch {
		go func() {
			terms, err := ix.tokenize(d)
			if err == nil {
				results <- posting{docID: d.ID, terms: terms}
			}
			progress <- err
		}()
	}
	for range batch {
		if err := <-progress; err != nil {
			return fmt.Errorf("index batch: %w", err)
		}
	}
	return nil
}

func (ix *Indexer) tokenize(d Doc) ([]string, error) {
	if strings.TrimSpace(d.Body) == "" {
		return nil, fmt.Errorf("doc %s: %w", d.ID, ErrEmptyDoc)
	}
	var out []string
	for _, f := range strings.Fields(strings.ToLower(d.Body)) {
		f = strings.Trim(f, ".,;:!?\"'")
		if f != "" && !ix.stop[f] {
			out = append(out, f)
		}
	}
	return out, nil
}
