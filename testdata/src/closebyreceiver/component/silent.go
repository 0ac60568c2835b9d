package component

import (
	"context"
	"sync"
	"time"
)

// Silent: the senders are counted by a WaitGroup in a struct field,
// and Stop waits on it before the close.
type Pool struct {
	results chan int
	quit    chan struct{}
	workers sync.WaitGroup
}

func NewPool(n int) *Pool {
	p := &Pool{results: make(chan int, n), quit: make(chan struct{})}
	for i := 0; i < n; i++ {
		p.workers.Add(1)
		go p.work(i)
	}
	return p
}

func (p *Pool) work(i int) {
	defer p.workers.Done()
	for {
		select {
		case p.results <- i:
		case <-p.quit:
			return
		}
	}
}

func (p *Pool) Stop() {
	close(p.quit) // a broadcast: nobody sends on quit
	p.workers.Wait()
	close(p.results)
}

// Silent: the Wait is made by a helper the stop method calls first,
// after cancelling the workers' context.
type Resizer struct {
	results chan int
	cancel  context.CancelFunc
	wg      sync.WaitGroup
}

func NewResizer(n int) *Resizer {
	ctx, cancel := context.WithCancel(context.Background())
	r := &Resizer{results: make(chan int, n), cancel: cancel}
	for i := 0; i < n; i++ {
		r.wg.Add(1)
		go r.work(ctx)
	}
	return r
}

func (r *Resizer) work(ctx context.Context) {
	defer r.wg.Done()
	select {
	case r.results <- 1:
	case <-ctx.Done():
	}
}

func (r *Resizer) waitWorkers() { r.wg.Wait() }

func (r *Resizer) Stop() {
	r.cancel()
	r.waitWorkers()
	close(r.results)
}

// Silent: the sole sender closes a done channel as it returns;
// Shutdown cancels it, receives from done, and only then closes.
type Poller struct {
	readings chan int
	cancel   context.CancelFunc
	polled   chan struct{}
}

func StartPoller() *Poller {
	ctx, cancel := context.WithCancel(context.Background())
	p := &Poller{readings: make(chan int, 8), cancel: cancel, polled: make(chan struct{})}
	go p.poll(ctx)
	return p
}

func (p *Poller) poll(ctx context.Context) {
	defer close(p.polled)
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			p.readings <- 1
		}
	}
}

func (p *Poller) Shutdown() {
	p.cancel()
	<-p.polled
	close(p.readings)
}

// Silent: the join is in the caller of the helper that closes.
type Fanout struct {
	out  chan int
	quit chan struct{}
	wg   sync.WaitGroup
}

func NewFanout(n int) *Fanout {
	f := &Fanout{out: make(chan int), quit: make(chan struct{})}
	for i := 0; i < n; i++ {
		f.wg.Add(1)
		go func() {
			defer f.wg.Done()
			select {
			case f.out <- i:
			case <-f.quit:
			}
		}()
	}
	return f
}

func (f *Fanout) closeOut() { close(f.out) }

func (f *Fanout) Stop() {
	close(f.quit)
	f.wg.Wait()
	f.closeOut()
}

// Silent: the senders check a closed flag under the mutex that the
// closer holds while it sets the flag and closes.
type Hub struct {
	mu     sync.Mutex
	closed bool
	events chan int
}

func NewHub() *Hub {
	h := &Hub{events: make(chan int, 1)}
	go h.tick()
	return h
}

func (h *Hub) tick() {
	for i := 0; ; i++ {
		h.mu.Lock()
		if h.closed {
			h.mu.Unlock()
			return
		}
		select {
		case h.events <- i:
		default:
		}
		h.mu.Unlock()
	}
}

func (h *Hub) Close() {
	h.mu.Lock()
	h.closed = true
	close(h.events)
	h.mu.Unlock()
}

// Silent: the senders close the channel themselves, once, through a
// sync.Once; Stop only asks them to stop.
type Feed struct {
	out  chan int
	once sync.Once
	quit chan struct{}
}

func NewFeed(n int) *Feed {
	f := &Feed{out: make(chan int), quit: make(chan struct{})}
	for i := 0; i < n; i++ {
		go f.produce(i)
	}
	return f
}

func (f *Feed) produce(i int) {
	defer f.once.Do(func() { close(f.out) })
	select {
	case f.out <- i:
	case <-f.quit:
	}
}

func (f *Feed) Stop() { close(f.quit) }

// Silent: the sole sending goroutine closes the channel it sends on.
type Ticker struct {
	c    chan int
	quit chan struct{}
}

func NewTicker() *Ticker {
	t := &Ticker{c: make(chan int), quit: make(chan struct{})}
	go t.run()
	return t
}

func (t *Ticker) run() {
	defer close(t.c)
	for i := 0; ; i++ {
		select {
		case t.c <- i:
		case <-t.quit:
			return
		}
	}
}

func (t *Ticker) Stop() { close(t.quit) }

// Silent: a per-call goroutine counted by the WaitGroup the close
// waits on.
type Recorder struct {
	in chan int
	wg sync.WaitGroup
}

func (r *Recorder) Observe(v int) {
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		r.in <- v
	}()
}

func (r *Recorder) Close() {
	r.wg.Wait()
	close(r.in)
}

// Silent: the loop is started by a wrapper literal that marks the
// WaitGroup Done, and closes a done channel, when the loop returns.
type Relay struct {
	out  chan int
	quit chan struct{}
	done chan struct{}
	wg   sync.WaitGroup
}

func NewRelay() *Relay {
	r := &Relay{out: make(chan int), quit: make(chan struct{}), done: make(chan struct{})}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		r.loop()
	}()
	go func() {
		defer close(r.done)
		r.loop()
	}()
	return r
}

func (r *Relay) loop() {
	for {
		select {
		case r.out <- 1:
		case <-r.quit:
			return
		}
	}
}

func (r *Relay) Stop() {
	close(r.quit)
	r.wg.Wait()
	<-r.done
	close(r.out)
}

// Silent: Close receives every shard's done signal in a loop before
// the close; the model cannot count the shards, so a done signal of
// the sender received before the close keeps it silent.
type shard struct{ stopped chan struct{} }

type Aggregator struct {
	shards  []*shard
	rollups chan int
	quit    chan struct{}
}

func NewAggregator(n int) *Aggregator {
	a := &Aggregator{rollups: make(chan int, 16), quit: make(chan struct{})}
	for i := 0; i < n; i++ {
		s := &shard{stopped: make(chan struct{})}
		a.shards = append(a.shards, s)
		go a.run(s)
	}
	return a
}

func (a *Aggregator) run(s *shard) {
	defer close(s.stopped)
	for {
		select {
		case a.rollups <- 1:
		case <-a.quit:
			return
		}
	}
}

func (a *Aggregator) Close() {
	close(a.quit)
	for _, s := range a.shards {
		<-s.stopped
	}
	close(a.rollups)
}
