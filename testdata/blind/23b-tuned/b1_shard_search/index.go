package b1_shard_search

import (
	"strings"
)

// Doc is one indexed document.
type Doc struct {
	ID    int
	Title string
	Body  string
}

// Shard is an in-memory partition of the index.
type Shard struct {
	name string
	docs []Doc
}

// NewShard builds a shard from a set of documents.
func NewShard(name string, docs []Doc) *Shard {
	cp := make([]Doc, len(docs))
	copy(cp, docs)
	return &Shard{name: name, docs: cp}
}

// Index searches its shards concurrently.
type Index struct {
	shards []*Shard
}

// NewIndex returns an index over the given shards.
func NewIndex(shards ...*Shard) *Index {
	return &Index{shards: shards}
}

type hit struct {
	shard string
	doc   Doc
	score int
}

func score(d Doc, term string) int {
	return 3*strings.Count(strings.ToLower(d.Title), term) +
		strings.Count(strings.ToLower(d.Body), term)
}

// scan scores every document of the shard and reports it on out.
func (s *Shard) scan(term string, out chan<- hit) {
	for _, d := range s.docs {
		out <- hit{shard: s.name, doc: d, score: score(d, term)} // BAD: FindFirst returns on the first match and stops receiving; remaining scan sends block forever
	}
}

// FindFirst returns any document that mentions term.
func (idx *Index) FindFirst(term string) (Doc, bool) {
	term = strings.ToLower(term)
	out := make(chan hit)
	total := 0
	for _, s := range idx.shards {
		total += len(s.docs)
		go s.scan(term, out)
	}
	for i := 0; i < total; i++ {
		h := <-out
		if h.score > 0 {
			return h.doc, true
		}
	}
	return Doc{}, false
}

// Count returns how many documents mention term (scans synchronously).
func (idx *Index) Count(term string) int {
	term = strings.ToLower(term)
	n := 0
	for _, s := range idx.shards {
		for _, d := range s.docs {
			if score(d, term) > 0 {
				n++
			}
		}
	}
	return n
}
