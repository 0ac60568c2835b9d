package main

import (
	"fmt"
	"sync"
)

// Indexer coordinates a tokenizer stage and a writer stage.
type Indexer struct {
	mu      sync.Mutex
	docs    int
	tokens  chan []string
	written chan int
	closed  chan struct{}
}

func NewIndexer() *Indexer {
	return &Indexer{tokens: make(chan []string), written: make(chan int), closed: make(chan struct{})}
}

// tokenize splits a document and hands the tokens to the writer.
func (ix *Indexer) tokenize(doc string) {
	var toks []string
	start := 0
	for i := 0; i <= len(doc); i++ {
		if i == len(doc) || doc[i] == ' ' {
			if i > start {
				toks = append(toks, doc[start:i])
			}
			start = i + 1
		}
	}
	ix.mu.Lock()
	ix.docs++
	ix.mu.Unlock()
	ix.tokens <- toks
}

// writer persists tokens and reports how many were written.
func (ix *Indexer) writer() {
	toks := <-ix.tokens
	ix.written <- len(toks)
}

// Add indexes one document and waits until it is persisted.
func (ix *Indexer) Add(doc string) int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	go ix.writer()
	go ix.tokenize(doc)
	select {
	case n := <-ix.written:
		return n
	case <-ix.closed:
		return 0
	}
}

// Close stops accepting documents.
func (ix *Indexer) Close() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	close(ix.closed)
}

func main() {
	ix := NewIndexer()
	fmt.Println(ix.Add("the quick brown fox"))
	ix.Close()
}
