package proto

import (
	"sync"

	"golang.org/x/sync/errgroup"
)

// Stop waits for the workers holding the mutex each worker locks
// before its deferred Done runs.
type pool struct {
	mu    sync.Mutex
	wg    sync.WaitGroup
	count int
}

func (p *pool) start(n int) {
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			p.mu.Lock()
			p.count++
			p.mu.Unlock()
		}()
	}
}

func (p *pool) Stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.wg.Wait() // want `p.wg.Wait while holding p.mu, which the goroutine that calls Done must lock first \(deadlock\)`
}

// A local WaitGroup: the literal locks the very mutex its starter holds.
type cache struct {
	mu    sync.Mutex
	items map[string]int
}

func (c *cache) refresh(keys []string) {
	var wg sync.WaitGroup
	c.mu.Lock()
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.mu.Lock()
			c.items[k]++
			c.mu.Unlock()
		}()
	}
	wg.Wait() // want `wg.Wait while holding c.mu, which the goroutine that calls Done must lock first`
	c.mu.Unlock()
}

// WaitGroup.Go starts the goroutine; its end is the Done.
func (c *cache) reload(keys []string) {
	var wg sync.WaitGroup
	c.mu.Lock()
	defer c.mu.Unlock()
	wg.Go(func() {
		c.mu.Lock()
		c.items = map[string]int{}
		c.mu.Unlock()
	})
	wg.Wait() // want `wg.Wait while holding c.mu, which the goroutine that calls Done must lock first`
}

// A helper started with the WaitGroup's address Dones it after taking
// the lock.
func (c *cache) scan(keys []string) {
	var wg sync.WaitGroup
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range keys {
		wg.Add(1)
		go c.count(&wg, k)
	}
	wg.Wait() // want `wg.Wait while holding c.mu, which the goroutine that calls Done must lock first`
}

func (c *cache) count(wg *sync.WaitGroup, k string) {
	defer wg.Done()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k]++
}

// errgroup: the goroutines Go starts take the lock before returning.
func (c *cache) fetch(keys []string) error {
	var g errgroup.Group
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range keys {
		g.Go(func() error {
			c.mu.Lock()
			defer c.mu.Unlock()
			c.items[k] = 0
			return nil
		})
	}
	return g.Wait() // want `g.Wait while holding c.mu, which the goroutine that g.Go starts must lock first`
}

// A Cond.Wait releases its own mutex, not the other one it is called
// under; the signaller needs that one first.
type queue struct {
	stateMu sync.Mutex
	mu      sync.Mutex
	cond    *sync.Cond
	items   []int
}

func newQueue() *queue {
	q := &queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *queue) get() int {
	q.stateMu.Lock()
	defer q.stateMu.Unlock()
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait() // want `q.cond.Wait while holding q.stateMu, which the goroutine that calls Signal or Broadcast must lock first`
	}
	return q.items[0]
}

func (q *queue) put(v int) {
	q.stateMu.Lock()
	defer q.stateMu.Unlock()
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Signal()
}

// The loop closes donec on its way out, but coalesces each update under
// the mutex stop holds while it waits for donec (etcd#6873).
type broadcasts struct {
	mu      sync.Mutex
	updatec chan int
	donec   chan struct{}
	n       int
}

func newBroadcasts() *broadcasts {
	b := &broadcasts{updatec: make(chan int, 1), donec: make(chan struct{})}
	go func() {
		defer close(b.donec)
		for u := range b.updatec {
			b.coalesce(u)
		}
	}()
	return b
}

func (b *broadcasts) coalesce(u int) {
	b.mu.Lock()
	b.n += u
	b.mu.Unlock()
}

func (b *broadcasts) stop() {
	b.mu.Lock()
	defer b.mu.Unlock()
	close(b.updatec)
	<-b.donec // want `receive from b.donec while holding b.mu, which the goroutine that sends on or closes it must lock first`
}

// A select without default waits for either worker's signal, and both
// workers take the mutex first.
type pair struct {
	mu     sync.Mutex
	aDone  chan struct{}
	bDone  chan struct{}
	result int
}

func newPair() *pair {
	p := &pair{aDone: make(chan struct{}), bDone: make(chan struct{})}
	go func() {
		p.mu.Lock()
		p.result++
		p.mu.Unlock()
		close(p.aDone)
	}()
	go func() {
		p.mu.Lock()
		p.result--
		p.mu.Unlock()
		close(p.bDone)
	}()
	return p
}

func (p *pair) first() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	select { // want `select while holding p.mu, which every goroutine that can complete one of its cases must lock first \(deadlock\)`
	case <-p.aDone:
	case <-p.bDone:
	}
	return p.result
}

// The Done is in a helper; its only caller takes the lock first.
type batch struct {
	mu sync.Mutex
	wg sync.WaitGroup
	n  int
}

func (b *batch) start() {
	b.wg.Add(1)
	go func() {
		b.mu.Lock()
		b.n++
		b.mu.Unlock()
		b.finish()
	}()
}

func (b *batch) finish() { b.wg.Done() }

func (b *batch) flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.wg.Wait() // want `b.wg.Wait while holding b.mu, which the goroutine that calls Done must lock first`
}

// The Wait is in a helper its caller runs with the mutex held.
type server struct {
	mu sync.Mutex
	wg sync.WaitGroup
	n  int
}

func (s *server) start() {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.mu.Lock()
		s.n++
		s.mu.Unlock()
	}()
}

func (s *server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closeLocked()
}

func (s *server) closeLocked() {
	s.n = -1
	s.wg.Wait() // want `s.wg.Wait while holding s.mu, which the goroutine that calls Done must lock first`
}

// The receive is in a helper the caller runs holding the mutex that
// the closing goroutine needs first.
type flusher struct {
	mu    sync.Mutex
	n     int
	donec chan struct{}
}

func newFlusher() *flusher {
	f := &flusher{donec: make(chan struct{})}
	go func() {
		f.mu.Lock()
		f.n++
		f.mu.Unlock()
		close(f.donec)
	}()
	return f
}

func (f *flusher) Close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.waitLocked()
}

func (f *flusher) waitLocked() {
	<-f.donec // want `receive from f.donec while holding f.mu, which the goroutine that sends on or closes it must lock first`
}

// Two calls down: the caller holds the container's lock while a helper
// of a helper sends on the monitor's stop channel, and the monitor
// takes the container's lock between its receives.
type container struct {
	sync.Mutex
	health *health
}

type health struct {
	stop chan struct{}
}

func (h *health) closeMonitor() {
	h.stop <- struct{}{} // want `send on h.stop while holding c.Mutex, which the goroutine that receives from it must lock first`
}

func (c *container) updateHealth() {
	c.health.closeMonitor()
}

func (c *container) stateChanged() {
	c.Lock()
	defer c.Unlock()
	c.updateHealth()
}

func (c *container) monitor() {
	for {
		c.Lock()
		c.probe()
		c.Unlock()
		<-c.health.stop
	}
}

func (c *container) probe() {}

func startContainer() *container {
	c := &container{health: &health{stop: make(chan struct{})}}
	go c.monitor()
	go c.stateChanged()
	return c
}

// The monitor receives from the stop channel as a parameter, passed
// through an accessor of the value whose lock it takes.
type probed struct {
	sync.Mutex
	state *probeState
}

type probeState struct {
	stop chan struct{}
}

func (s *probeState) stopChannel() chan struct{} { return s.stop }

func (s *probeState) closeMonitor() {
	s.stop <- struct{}{} // want `send on s.stop while holding c.Mutex, which the goroutine that receives from it must lock first`
}

func (c *probed) stateChanged() {
	c.Lock()
	defer c.Unlock()
	c.state.closeMonitor()
}

func watch(c *probed, stop chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
			handleProbe(c)
		}
	}
}

func handleProbe(c *probed) {
	c.Lock()
	defer c.Unlock()
}

func startProbed() {
	c := &probed{state: &probeState{stop: make(chan struct{})}}
	go watch(c, c.state.stopChannel())
	go c.stateChanged()
}
