// Package order covers closes by a receiver that happens-before orders
// after every send other than by a Wait in the closing function: a
// Wait inside a stop method the closer calls, errgroup's Wait (also on
// a Group that errgroup.WithContext made and a field holds) and
// WaitGroup.Go, and a stopped channel the sender closes as it returns
// (also in a deferred literal, with the sends made through the
// package's interface by a fake only the package calls: flush.go). A
// Wait in the closing function orders nothing by itself: one on a
// group the senders are not in is reported.
package order

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Collector's pollers are counted in c.wg; stop cancels them and
// waits, so the close in Take follows every send.
type Collector struct {
	out    chan int
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func NewCollector(n int) *Collector {
	ctx, cancel := context.WithCancel(context.Background())
	c := &Collector{out: make(chan int), cancel: cancel}
	for i := 0; i < n; i++ {
		c.wg.Add(1)
		go c.poll(ctx, i)
	}
	return c
}

func (c *Collector) poll(ctx context.Context, i int) {
	defer c.wg.Done()
	for {
		select {
		case c.out <- i:
		case <-ctx.Done():
			return
		}
	}
}

func (c *Collector) stop() {
	c.cancel()
	c.wg.Wait()
}

func (c *Collector) Take(k int) []int {
	var got []int
	for v := range c.out {
		got = append(got, v)
		if len(got) == k {
			break
		}
	}
	c.stop()
	close(c.out) // silent: stop waited for every poller
	return got
}

// Hasty cancels its pollers but does not wait for them: a poller
// between its select and the send still sends.
type Hasty struct {
	out    chan int
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func NewHasty(n int) *Hasty {
	ctx, cancel := context.WithCancel(context.Background())
	h := &Hasty{out: make(chan int), cancel: cancel}
	for i := 0; i < n; i++ {
		h.wg.Add(1)
		go h.poll(ctx, i)
	}
	return h
}

func (h *Hasty) poll(ctx context.Context, i int) {
	defer h.wg.Done()
	for {
		select {
		case h.out <- i:
		case <-ctx.Done():
			return
		}
	}
}

func (h *Hasty) stop() { h.cancel() }

func (h *Hasty) Take() int {
	v := <-h.out
	h.stop()
	close(h.out) // want `h.out closed by its receiver while another goroutine sends on it`
	return v
}

// Split waits on the group of its fetchers but its parsers are
// counted in another one.
type Split struct {
	out              chan int
	fetchers, others sync.WaitGroup
	quit             chan struct{}
}

func NewSplit() *Split {
	s := &Split{out: make(chan int), quit: make(chan struct{})}
	s.fetchers.Add(1)
	go s.fetch()
	s.others.Add(1)
	go s.parse()
	return s
}

func (s *Split) fetch() {
	defer s.fetchers.Done()
	select {
	case s.out <- 1:
	case <-s.quit:
	}
}

func (s *Split) parse() {
	defer s.others.Done()
	select {
	case s.out <- 2:
	case <-s.quit:
	}
}

func (s *Split) wait() {
	close(s.quit)
	s.fetchers.Wait()
}

func (s *Split) Take() int {
	v := <-s.out
	s.wait()
	close(s.out) // want `s.out closed by its receiver while another goroutine sends on it`
	return v
}

// Fetcher's workers run in an errgroup.Group that WithContext made and
// a field holds; stop cancels and waits for the group.
type Fetcher struct {
	out    chan string
	cancel context.CancelFunc
	g      *errgroup.Group
}

func StartFetcher(urls []string) *Fetcher {
	ctx, cancel := context.WithCancel(context.Background())
	g, ctx := errgroup.WithContext(ctx)
	f := &Fetcher{out: make(chan string), cancel: cancel, g: g}
	for _, u := range urls {
		g.Go(func() error {
			select {
			case f.out <- u:
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		})
	}
	return f
}

func (f *Fetcher) stop() {
	f.cancel()
	f.g.Wait()
}

func (f *Fetcher) First() string {
	v := <-f.out
	f.stop()
	close(f.out) // silent: every worker of the group has returned
	return v
}

// Straggler starts one sender outside its group: Wait does not wait
// for it.
func Straggler(urls []string, quit chan struct{}) string {
	var g errgroup.Group
	out := make(chan string)
	for _, u := range urls {
		g.Go(func() error {
			select {
			case out <- u:
			case <-quit:
			}
			return nil
		})
	}
	go func() {
		select {
		case out <- "late":
		case <-quit:
		}
	}()
	v := <-out
	close(quit)
	waitAll(&g)
	close(out) // want `out closed by its receiver while another goroutine sends on it`
	return v
}

func waitAll(g *errgroup.Group) { g.Wait() }

// Gather's senders run by WaitGroup.Go, which counts each down as it
// returns.
func Gather(n int, quit chan struct{}) int {
	out := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Go(func() {
			select {
			case out <- i:
			case <-quit:
			}
		})
	}
	v := <-out
	close(quit)
	finish(&wg)
	close(out) // silent: finish waited for every sender
	return v
}

func finish(wg *sync.WaitGroup) { wg.Wait() }

// Tail's follower closes stopped as it returns; Read receives from
// stopped before closing lines.
type Tail struct {
	lines   chan string
	quit    chan struct{}
	stopped chan struct{}
}

func NewTail() *Tail {
	t := &Tail{lines: make(chan string), quit: make(chan struct{}), stopped: make(chan struct{})}
	go t.follow()
	return t
}

func (t *Tail) follow() {
	defer close(t.stopped)
	for {
		select {
		case t.lines <- "x":
		case <-t.quit:
			return
		}
	}
}

func (t *Tail) Read() string {
	s := <-t.lines
	close(t.quit)
	<-t.stopped
	close(t.lines) // silent: the follower closed stopped after its last send
	return s
}

// Early's follower closes stopped before it is done sending.
type Early struct {
	lines   chan string
	quit    chan struct{}
	stopped chan struct{}
}

func NewEarly() *Early {
	e := &Early{lines: make(chan string), quit: make(chan struct{}), stopped: make(chan struct{})}
	go e.follow()
	return e
}

func (e *Early) follow() {
	for {
		select {
		case e.lines <- "x":
		case <-e.quit:
			close(e.stopped)
			e.lines <- "bye"
			return
		}
	}
}

func (e *Early) Read() string {
	s := <-e.lines
	close(e.quit)
	<-e.stopped
	close(e.lines) // want `e.lines closed by its receiver while another goroutine sends on it`
	return s
}
