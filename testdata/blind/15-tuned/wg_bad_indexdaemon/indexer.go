// BAD: Daemon starts `go ix.Run(ctx)` and, on a signal, calls ix.wg.Wait(); Run's ix.wg.Add(1) calls are not ordered before that Wait, so a signal arriving before Run gets scheduled makes Wait return at zero and "index flushed" is logged while no worker has even started (and the later Adds race with Wait).
package wg_bad_indexdaemon

import (
	"context"
	"log"
	"sync"
	"time"
)

type Indexer struct {
	shards int
	queue  chan string
	wg     sync.WaitGroup
}

func NewIndexer(shards int) *Indexer {
	return &Indexer{shards: shards, queue: make(chan string, 128)}
}

func (ix *Indexer) Run(ctx context.Context) {
	log.Printf("indexer: starting %d shards", ix.shards)
	for s := 0; s < ix.shards; s++ {
		ix.wg.Add(1) // WANT waitgroupadd
		go ix.shardLoop(ctx, s)
	}
	<-ctx.Done()
}

func (ix *Indexer) shardLoop(ctx context.Context, shard int) {
	defer ix.wg.Done()
	flush := time.NewTicker(250 * time.Millisecond)
	defer flush.Stop()
	var pending []string
	for {
		select {
		case <-ctx.Done():
			log.Printf("shard %d: final flush of %d docs", shard, len(pending))
			return
		case doc := <-ix.queue:
			pending = append(pending, doc)
		case <-flush.C:
			pending = pending[:0]
		}
	}
}
