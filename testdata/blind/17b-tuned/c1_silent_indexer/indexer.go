package indexer

import (
	"strings"
	"sync"
)

type postings struct {
	mu    sync.Mutex
	terms map[string][]int
}

func (p *postings) add(term string, doc int) {
	p.mu.Lock()
	p.terms[term] = append(p.terms[term], doc)
	p.mu.Unlock()
}

func (p *postings) drop(doc int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for t, docs := range p.terms {
		out := docs[:0]
		for _, d := range docs {
			if d != doc {
				out = append(out, d)
			}
		}
		p.terms[t] = out
	}
}

type Indexer struct {
	mu    sync.Mutex
	docs  map[int]string
	index *postings
}

func New() *Indexer {
	return &Indexer{
		docs:  make(map[int]string),
		index: &postings{terms: make(map[string][]int)},
	}
}

func (ix *Indexer) Put(id int, body string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if _, ok := ix.docs[id]; ok {
		ix.index.drop(id)
	}
	ix.docs[id] = body
	for _, w := range strings.Fields(body) {
		ix.index.add(strings.ToLower(w), id)
	}
}

func (ix *Indexer) Delete(id int) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	delete(ix.docs, id)
	ix.index.drop(id)
}

func (ix *Indexer) Search(term string) []string {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.index.mu.Lock()
	ids := append([]int(nil), ix.index.terms[strings.ToLower(term)]...)
	ix.index.mu.Unlock()
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, ix.docs[id])
	}
	return out
}

func (ix *Indexer) LoadAll(docs map[int]string) {
	var wg sync.WaitGroup
	for id, body := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ix.Put(id, body)
		}()
	}
	wg.Wait()
}
