package b2_shard_scatter

import (
	"context"
	"errors"
	"sort"
	"sync"
)

// Shard is one partition of the index.
type Shard interface {
	ID() int
	Search(ctx context.Context, q string, limit int) ([]Hit, error)
}

type Hit struct {
	Doc   string
	Score float64
}

// Searcher fans a query out to every shard and merges the results.
type Searcher struct {
	shards []Shard
	limit  int
}

func NewSearcher(shards []Shard, limit int) *Searcher {
	return &Searcher{shards: shards, limit: limit}
}

type shardResult struct {
	hits []Hit
	err  error
}

// Search queries all shards concurrently. Each shard gets its own child
// context so that a slow shard could be abandoned independently.
func (s *Searcher) Search(ctx context.Context, q string) ([]Hit, error) {
	results := make([]shardResult, len(s.shards))
	var wg sync.WaitGroup
	for i, sh := range s.shards {
		sctx, _ := context.WithCancel(ctx) // BAD: cancel discarded; child stays registered in caller's ctx until it ends
		wg.Add(1)
		go func(i int, sh Shard) {
			defer wg.Done()
			hits, err := sh.Search(sctx, q, s.limit)
			results[i] = shardResult{hits: hits, err: err}
		}(i, sh)
	}
	wg.Wait()
	return merge(results, s.limit)
}

// Probe asks each shard for a single hit to check that it is alive.
func (s *Searcher) Probe(ctx context.Context) map[int]error {
	out := make(map[int]error, len(s.shards))
	for _, sh := range s.shards {
		out[sh.ID()] = s.probeOne(ctx, sh)
	}
	return out
}

func (s *Searcher) probeOne(ctx context.Context, sh Shard) error {
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	_, err := sh.Search(pctx, "*", 1)
	return err
}

func merge(results []shardResult, limit int) ([]Hit, error) {
	var all []Hit
	var errs []error
	for _, r := range results {
		if r.err != nil {
			errs = append(errs, r.err)
			continue
		}
		all = append(all, r.hits...)
	}
	if len(all) == 0 && len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Score > all[j].Score })
	if len(all) > limit {
		all = all[:limit]
	}
	return all, nil
}
