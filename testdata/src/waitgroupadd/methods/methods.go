// Package methods: rule 2 through methods and fields. // want package:"analyzed, dependencies too"
package methods

import (
	"context"
	"sync"
)

// Adapted from a blind case: daemon starts `go ix.run(ctx)`, and on a
// signal waits on ix.wg; run's Adds may come after that Wait.
type indexer struct {
	shards int
	queue  chan string
	wg     sync.WaitGroup
}

func (ix *indexer) run(ctx context.Context) {
	for s := 0; s < ix.shards; s++ {
		ix.wg.Add(1) // want `sync.WaitGroup.Add called in a new goroutine, racing with a later Wait`
		go ix.shardLoop(ctx)
	}
	<-ctx.Done()
}

func (ix *indexer) shardLoop(ctx context.Context) {
	defer ix.wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ix.queue:
		}
	}
}

func daemon(ix *indexer, sigs chan struct{}) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go ix.run(ctx)
	<-sigs
	cancel()
	ix.wg.Wait()
}

// The WaitGroup two fields down, the Add in a helper method the
// goroutine calls: reported at the call of the helper.
type pool struct{ wg sync.WaitGroup }

type supervisor struct {
	p     pool
	tasks []func()
}

func (s *supervisor) spawn(f func()) {
	s.p.wg.Add(1)
	go func() {
		defer s.p.wg.Done()
		f()
	}()
}

func (s *supervisor) startAll() {
	for _, t := range s.tasks {
		s.spawn(t) // want `sync.WaitGroup.Add called in a new goroutine, racing with a later Wait \(via spawn\)`
	}
}

func (s *supervisor) stop() { s.p.wg.Wait() }

func supervise(s *supervisor) {
	go s.startAll()
	s.stop()
}

// Silent: run closes ready after its Adds and the starter receives
// from ready before it waits (adapted from a blind case).
type gateway struct {
	Workers int
	wg      sync.WaitGroup
}

func (g *gateway) run(ctx context.Context, ready chan<- struct{}) {
	for i := 0; i < g.Workers; i++ {
		g.wg.Add(1)
		go g.work(ctx)
	}
	close(ready)
	<-ctx.Done()
}

func (g *gateway) work(ctx context.Context) {
	defer g.wg.Done()
	<-ctx.Done()
}

func runGateway(g *gateway) {
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{})
	go g.run(ctx, ready)
	<-ready
	cancel()
	g.wg.Wait()
}

// Silent: the starter counts run itself before go, and run's own
// count holds the counter above zero while it adds for the workers.
type counted struct {
	n  int
	wg sync.WaitGroup
}

func (c *counted) run(ctx context.Context) {
	defer c.wg.Done()
	for i := 0; i < c.n; i++ {
		c.wg.Add(1)
		go c.work(ctx)
	}
}

func (c *counted) work(ctx context.Context) {
	defer c.wg.Done()
	<-ctx.Done()
}

func runCounted(c *counted, ctx context.Context) {
	c.wg.Add(1)
	go c.run(ctx)
	c.wg.Wait()
}

// Silent: run is called, not started with go: its Adds precede the
// Wait in the same goroutine.
func runInline(ix *indexer) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ix.run(ctx)
	ix.wg.Wait()
}

// Silent: the Wait is on another indexer's WaitGroup.
func otherWait(a, b *indexer, ctx context.Context) {
	go a.run(ctx)
	b.wg.Wait()
}

// The goroutine closes ready after its Adds, but the starter never
// receives from it before waiting: nothing orders the Adds.
type relay struct {
	n     int
	ready chan struct{}
	wg    sync.WaitGroup
}

func (r *relay) run(ctx context.Context) {
	for i := 0; i < r.n; i++ {
		r.wg.Add(1) // want `sync.WaitGroup.Add called in a new goroutine, racing with a later Wait`
		go r.work(ctx)
	}
	close(r.ready)
}

func (r *relay) work(ctx context.Context) {
	defer r.wg.Done()
	<-ctx.Done()
}

func relayIgnoresReady(r *relay, sigs chan struct{}) {
	ctx, cancel := context.WithCancel(context.Background())
	go r.run(ctx)
	<-sigs
	cancel()
	r.wg.Wait()
}

// Only one path receives the signal; the other waits unordered.
func (r *relay) start(ctx context.Context) {
	r.wg.Add(r.n) // want `sync.WaitGroup.Add called in a new goroutine, racing with a later Wait`
	for i := 0; i < r.n; i++ {
		go r.work(ctx)
	}
	close(r.ready)
}

func relayMaybeReady(r *relay, fast bool) {
	ctx, cancel := context.WithCancel(context.Background())
	go r.start(ctx)
	if !fast {
		<-r.ready
	}
	cancel()
	r.wg.Wait()
}

// Silent: the same goroutine, with starters that receive ready before
// they wait (a type of its own, so that a report would not be hidden
// behind the one above).
type signaled struct {
	n     int
	ready chan struct{}
	wg    sync.WaitGroup
}

func (r *signaled) run(ctx context.Context) {
	for i := 0; i < r.n; i++ {
		r.wg.Add(1)
		go r.work(ctx)
	}
	close(r.ready)
}

func (r *signaled) work(ctx context.Context) {
	defer r.wg.Done()
	<-ctx.Done()
}

// Silent: the starter waits for ready, or gives up, before Wait.
func readyOrTimeout(r *signaled, timeout <-chan struct{}) {
	ctx, cancel := context.WithCancel(context.Background())
	go r.run(ctx)
	select {
	case <-r.ready:
	case <-timeout:
	}
	cancel()
	r.wg.Wait()
}

// Silent: a helper of the starter receives the signal.
func awaitReady(ch chan struct{}) { <-ch }

func readyViaHelper(r *signaled) {
	ctx, cancel := context.WithCancel(context.Background())
	go r.run(ctx)
	awaitReady(r.ready)
	cancel()
	r.wg.Wait()
}

// Silent: the goroutine adds under a lock its starter takes before
// waiting, and marks started.
type locked struct {
	mu      sync.Mutex
	started bool
	wg      sync.WaitGroup
}

func (l *locked) run() {
	l.mu.Lock()
	l.wg.Add(1)
	go func() { defer l.wg.Done() }()
	l.started = true
	l.mu.Unlock()
}

func lockedStart(l *locked) {
	go l.run()
	for {
		l.mu.Lock()
		ok := l.started
		l.mu.Unlock()
		if ok {
			break
		}
	}
	l.wg.Wait()
}
