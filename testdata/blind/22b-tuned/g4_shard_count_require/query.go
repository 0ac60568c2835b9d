// Correct: exactly two goroutines each send once on a local channel and Count receives twice before closing it.
package g4_shard_count_require

import (
	"context"
	"errors"
)

// Shard is a partition that can count matching rows.
type Shard interface {
	Count(ctx context.Context, filter string) (int, error)
}

// Querier merges counts from the hot (recent) and cold (archived) shards.
type Querier struct {
	Hot  Shard
	Cold Shard
}

type partial struct {
	name string
	n    int
	err  error
}

// NewQuerier wires a querier over two shards.
func NewQuerier(hot, cold Shard) *Querier {
	return &Querier{Hot: hot, Cold: cold}
}

func countShard(ctx context.Context, name string, s Shard, filter string, out chan<- partial) {
	n, err := s.Count(ctx, filter)
	out <- partial{name: name, n: n, err: err}
}

// Count returns the total number of rows matching filter across both shards.
func (q *Querier) Count(ctx context.Context, filter string) (int, error) {
	if q.Hot == nil || q.Cold == nil {
		return 0, errors.New("query: shard missing")
	}
	parts := make(chan partial)
	go countShard(ctx, "hot", q.Hot, filter, parts)
	go countShard(ctx, "cold", q.Cold, filter, parts)

	a := <-parts
	b := <-parts
	close(parts)

	if err := errors.Join(a.err, b.err); err != nil {
		return 0, err
	}
	return a.n + b.n, nil
}
