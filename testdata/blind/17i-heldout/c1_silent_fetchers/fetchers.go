// Package prefetch warms a cache by fetching keys from several shards in parallel.
package prefetch

import (
	"context"
	"fmt"
	"sync"
)

// Entry is a fetched key/value pair.
type Entry struct {
	Shard int
	Key   string
	Value []byte
}

// Source loads a shard's hot keys.
type Source interface {
	HotKeys(ctx context.Context, shard int) ([]string, error)
	Get(ctx context.Context, shard int, key string) ([]byte, error)
}

// Prefetcher runs one loader per shard; each loader signals on its own
// done channel when it returns.
type Prefetcher struct {
	src     Source
	entries chan Entry
	done    []chan struct{}
	cancel  context.CancelFunc
	once    sync.Once
}

// Start launches a loader per shard.
func Start(ctx context.Context, src Source, shards int) *Prefetcher {
	ctx, cancel := context.WithCancel(ctx)
	p := &Prefetcher{
		src:     src,
		entries: make(chan Entry, 32),
		cancel:  cancel,
	}
	for s := 0; s < shards; s++ {
		d := make(chan struct{})
		p.done = append(p.done, d)
		go p.load(ctx, s, d)
	}
	return p
}

func (p *Prefetcher) load(ctx context.Context, shard int, done chan<- struct{}) {
	defer close(done)
	keys, err := p.src.HotKeys(ctx, shard)
	if err != nil {
		return
	}
	for _, k := range keys {
		v, err := p.src.Get(ctx, shard, k)
		if err != nil {
			continue
		}
		select {
		case p.entries <- Entry{Shard: shard, Key: k, Value: v}:
		case <-ctx.Done():
			return
		}
	}
}

// Entries is closed once every loader has returned.
func (p *Prefetcher) Entries() <-chan Entry { return p.entries }

// Wait blocks until all loaders are done and closes Entries.
func (p *Prefetcher) Wait() {
	p.once.Do(func() {
		for _, d := range p.done {
			<-d
		}
		close(p.entries)
	})
}

// Abort stops the loaders early and then behaves like Wait.
func (p *Prefetcher) Abort() {
	p.cancel()
	p.Wait()
}

// String describes the prefetcher.
func (p *Prefetcher) String() string {
	return fmt.Sprintf("prefetcher(%d shards)", len(p.done))
}
