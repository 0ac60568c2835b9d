package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Closer coordinates shutdown of a group of goroutines.
type Closer struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func NewCloser(initial int) *Closer {
	c := &Closer{}
	c.ctx, c.cancel = context.WithCancel(context.Background())
	c.wg.Add(initial)
	return c
}

// AddRunning registers n more goroutines with the closer.
func (c *Closer) AddRunning(n int) { c.wg.Add(n) }

// Done is called by a registered goroutine when it returns.
func (c *Closer) Done() { c.wg.Done() }

// Signal asks registered goroutines to stop.
func (c *Closer) Signal() { c.cancel() }

// HasBeenClosed is closed once Signal has been called.
func (c *Closer) HasBeenClosed() <-chan struct{} { return c.ctx.Done() }

// Wait blocks until every registered goroutine has called Done.
func (c *Closer) Wait() { c.wg.Wait() }

// SignalAndWait signals and then waits.
func (c *Closer) SignalAndWait() {
	c.Signal()
	c.Wait()
}

type Update struct {
	Shard int
	Seq   int
	Beat  bool
}

// Replicator streams updates from each shard into a single merged feed.
type Replicator struct {
	merged chan Update
	closer *Closer
}

func NewReplicator(shards int) *Replicator {
	r := &Replicator{
		merged: make(chan Update, 8),
		closer: NewCloser(0),
	}
	for i := 0; i < shards; i++ {
		r.closer.AddRunning(1)
		go r.runShard(i, r.closer)
	}
	go r.heartbeat(2 * time.Millisecond)
	return r
}

func (r *Replicator) runShard(shard int, closer *Closer) {
	defer closer.Done()
	for seq := 0; ; seq++ {
		select {
		case <-closer.HasBeenClosed():
			return
		case r.merged <- Update{Shard: shard, Seq: seq}:
		}
		time.Sleep(100 * time.Microsecond)
	}
}

// heartbeat emits a keep-alive so consumers can detect a stalled feed.
func (r *Replicator) heartbeat(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-r.closer.HasBeenClosed():
			return
		case <-t.C:
			r.merged <- Update{Shard: -1, Beat: true}
		}
	}
}

func (r *Replicator) Updates() <-chan Update { return r.merged }

// Stop shuts down all shard streams and closes the merged feed.
func (r *Replicator) Stop() {
	r.closer.SignalAndWait()
	close(r.merged)
}

func main() {
	r := NewReplicator(3)
	go func() {
		time.Sleep(30 * time.Millisecond)
		r.Stop()
	}()
	beats, updates := 0, 0
	for u := range r.Updates() {
		if u.Beat {
			beats++
		} else {
			updates++
		}
	}
	fmt.Println("updates:", updates, "beats:", beats)
}
