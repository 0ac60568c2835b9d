// GOOD: when an input channel is closed its variable is set to nil and the loop continues; the for
// condition `primary != nil || replica != nil` ends the loop once both inputs are closed, and done returns.
package main

import (
	"context"
	"fmt"
	"sort"
)

// Row is one record from a shard.
type Row struct {
	Shard string
	ID    int
}

func scanShard(ctx context.Context, name string, ids ...int) <-chan Row {
	ch := make(chan Row)
	go func() {
		defer close(ch)
		for _, id := range ids {
			if !send(ctx, ch, Row{Shard: name, ID: id}) {
				return
			}
		}
	}()
	return ch
}

// MergeRows combines rows from the primary and replica scans into one stream.
// The returned channel is closed when both inputs are exhausted or ctx is cancelled.
func MergeRows(ctx context.Context, primary, replica <-chan Row) <-chan Row {
	out := make(chan Row)
	go func() {
		defer close(out)
		for primary != nil || replica != nil {
			select {
			case <-ctx.Done():
				return
			case r, ok := <-primary:
				if !ok {
					primary = nil
					continue
				}
				if !send(ctx, out, r) {
					return
				}
			case r, ok := <-replica:
				if !ok {
					replica = nil
					continue
				}
				if !send(ctx, out, r) {
					return
				}
			}
		}
	}()
	return out
}

func send(ctx context.Context, out chan<- Row, r Row) bool {
	select {
	case out <- r:
		return true
	case <-ctx.Done():
		return false
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rows := MergeRows(ctx, scanShard(ctx, "primary", 1, 2, 3), scanShard(ctx, "replica", 10, 20))
	var ids []int
	for r := range rows {
		ids = append(ids, r.ID)
	}
	sort.Ints(ids)
	fmt.Println(ids)
}
