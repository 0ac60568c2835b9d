package main

import (
	"fmt"
	"sort"
	"strings"
)

const shardWorkers = 3

// Doc is a document to be tokenised into the index.
type Doc struct {
	ID   string
	Text string
}

// shardResult holds the postings produced for one shard.
type shardResult struct {
	terms map[string][]string
	docs  int
}

// ShardIndexer builds per-shard postings in the background, with at most
// shardWorkers shards in progress.
type ShardIndexer struct {
	slots   chan struct{}
	results []shardResult
}

func NewShardIndexer(shards int) *ShardIndexer {
	return &ShardIndexer{
		slots:   make(chan struct{}, shardWorkers),
		results: make([]shardResult, shards),
	}
}

func tokenize(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

// IndexShard starts indexing shard i. It blocks while all worker slots are busy.
func (x *ShardIndexer) IndexShard(i int, docs []Doc) {
	x.slots <- struct{}{}
	go func() {
		defer func() { <-x.slots }()
		terms := make(map[string][]string)
		for _, d := range docs {
			for _, t := range tokenize(d.Text) {
				terms[t] = append(terms[t], d.ID)
			}
		}
		x.results[i] = shardResult{terms: terms, docs: len(docs)}
	}()
}

// Merge drains every worker slot and combines the shard postings.
func (x *ShardIndexer) Merge() map[string][]string {
	for n := 0; n < cap(x.slots); n++ {
		x.slots <- struct{}{}
	}
	merged := make(map[string][]string)
	total := 0
	for _, r := range x.results {
		total += r.docs
		for t, ids := range r.terms {
			merged[t] = append(merged[t], ids...)
		}
	}
	for n := 0; n < cap(x.slots); n++ {
		<-x.slots
	}
	fmt.Printf("merged %d docs from %d shards\n", total, len(x.results))
	return merged
}

func main() {
	corpus := [][]Doc{
		{{"a1", "Go channels and goroutines"}, {"a2", "Buffered channels block when full"}},
		{{"b1", "Mutexes guard shared state"}, {"b2", "Goroutines share memory"}},
		{{"c1", "Channels order memory operations"}},
		{{"d1", "WaitGroups join goroutines"}, {"d2", "Contexts cancel work"}},
		{{"e1", "Shared state needs a mutex or a channel"}},
	}
	x := NewShardIndexer(len(corpus))
	for i, shard := range corpus {
		x.IndexShard(i, shard)
	}
	idx := x.Merge()
	keys := make([]string, 0, len(idx))
	for k := range idx {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%-12s %v\n", k, idx[k])
	}
}
