package fanout

import (
	"context"
	"errors"
	"sort"
)

type Hit struct {
	Doc   string
	Score float64
}

type Shard interface {
	Query(ctx context.Context, q string) ([]Hit, error)
}

type partial struct {
	hits []Hit
	err  error
}

type request struct {
	query   string
	results chan partial
}

func newRequest(q string, shards int) *request {
	return &request{query: q, results: make(chan partial, shards)}
}

func (r *request) report(p partial) {
	r.results <- p
}

type Searcher struct {
	shards []Shard
	limit  int
}

func NewSearcher(limit int, shards ...Shard) *Searcher {
	return &Searcher{shards: shards, limit: limit}
}

var ErrNoShards = errors.New("fanout: no shards")

func (s *Searcher) Search(ctx context.Context, q string) ([]Hit, error) {
	if len(s.shards) == 0 {
		return nil, ErrNoShards
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	req := newRequest(q, len(s.shards))
	for _, sh := range s.shards {
		go func(sh Shard) {
			hits, err := sh.Query(ctx, req.query)
			req.report(partial{hits: hits, err: err})
		}(sh)
	}

	var all []Hit
	for range s.shards {
		p := <-req.results
		if p.err != nil {
			return nil, p.err
		}
		all = append(all, p.hits...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Score > all[j].Score })
	if len(all) > s.limit {
		all = all[:s.limit]
	}
	return all, nil
}
