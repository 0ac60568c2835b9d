package owned

import (
	"context"
	"errors"
	"sync"
	"time"
)

// A refresher whose loop the constructor starts and SetPeriod starts
// again. SetPeriod signals the old loop but does not wait for it: its
// write of period runs beside the old loop's read.
type Refresher struct {
	mu      sync.Mutex
	tokens  map[string]string
	period  time.Duration
	stop    chan struct{}
	renewed int
}

func NewRefresher(period time.Duration) *Refresher {
	r := &Refresher{tokens: map[string]string{}, period: period, stop: make(chan struct{})}
	go r.loop(r.stop)
	return r
}

func (r *Refresher) loop(stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		case <-time.After(r.period):
			r.mu.Lock()
			r.tokens["k"] = "v"
			r.mu.Unlock()
			r.renewed++
		}
	}
}

func (r *Refresher) SetPeriod(d time.Duration) {
	close(r.stop)
	r.period = d // want `write to r.period in SetPeriod without a lock, while the goroutine running loop accesses it`
	r.stop = make(chan struct{})
	go r.loop(r.stop)
}

// A checker whose SetInterval stops the loop and waits for it to
// return before it rewrites the settings and starts the next: one loop
// at a time, and the writes come after the old one ended.
type Checker struct {
	mu       sync.Mutex
	status   map[string]bool
	interval time.Duration
	rounds   int
	cancel   context.CancelFunc
	wg       sync.WaitGroup
}

func NewChecker(interval time.Duration) *Checker {
	c := &Checker{status: map[string]bool{}, interval: interval}
	c.start()
	return c
}

func (c *Checker) start() {
	ctx, cancel := context.WithCancel(context.Background())
	c.cancel = cancel
	c.wg.Add(1)
	go c.run(ctx)
}

func (c *Checker) run(ctx context.Context) {
	defer c.wg.Done()
	t := time.NewTicker(c.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			c.mu.Lock()
			c.status["db"] = true
			c.mu.Unlock()
			c.rounds++
		}
	}
}

func (c *Checker) SetInterval(d time.Duration) {
	c.cancel()
	c.wg.Wait()
	c.interval = d
	c.rounds = 0
	c.start()
}

// The same restart, called by the package itself on a checker it has
// already shared: still one more goroutine among any.
func retune(c *Checker) {
	c.SetInterval(time.Second)
}

// A goroutine per call of Index, one at a time: Index takes the busy
// token and the goroutine gives it back when done. Count reads what
// the goroutines write without taking the token; Drain takes it first.
type Indexer struct {
	busy  chan struct{}
	terms []string
	docs  int
}

func NewIndexer() *Indexer { return &Indexer{busy: make(chan struct{}, 1)} }

func (x *Indexer) Index(doc []string) {
	x.busy <- struct{}{}
	go func() {
		defer func() { <-x.busy }()
		x.terms = append(x.terms, doc...) // want `write to x.terms in the goroutine running Index\$1, while Count, which any goroutine may run, reads it without the lock that goroutine holds`
		x.docs++
	}()
}

func (x *Indexer) Count() int {
	return len(x.terms)
}

func (x *Indexer) Drain() (int, []string) {
	x.busy <- struct{}{}
	defer func() { <-x.busy }()
	terms := x.terms
	x.terms = nil
	return x.docs, terms
}

// A future: the listener sets the result under the lock with the
// triggered flag; GetResult reads it once it has seen the flag under
// that lock, or after the Wait. Silent.
type Future struct {
	triggered bool
	item      any
	err       error
	lock      sync.Mutex
	wg        sync.WaitGroup
}

func NewFuture(ch <-chan any) *Future {
	f := &Future{}
	f.wg.Add(1)
	go f.listen(ch)
	return f
}

func (f *Future) listen(ch <-chan any) {
	item := <-ch
	f.lock.Lock()
	f.triggered = true
	f.item = item
	f.err = nil
	f.lock.Unlock()
	f.wg.Done()
}

func (f *Future) GetResult() (any, error) {
	f.lock.Lock()
	if f.triggered {
		f.lock.Unlock()
		return f.item, f.err
	}
	f.lock.Unlock()
	f.wg.Wait()
	return f.item, f.err
}

// An RPC link: the router, when the link fails, stores the error in
// the critical section that clears the response map; RPC reads the
// error only after addWaiter found the map cleared under that lock.
// Silent. Tally reads it after a section of another mutex only:
// reported.
type Link struct {
	mu      sync.Mutex
	waiters map[string]chan string
	failure error
	in      <-chan string
	statsMu sync.Mutex
	calls   int
}

func NewLink(in <-chan string) *Link {
	l := &Link{waiters: map[string]chan string{}, in: in}
	go l.route()
	return l
}

func (l *Link) route() {
	for msg := range l.in {
		l.mu.Lock()
		ch := l.waiters[msg]
		delete(l.waiters, msg)
		l.mu.Unlock()
		if ch != nil {
			ch <- msg
		}
	}
	l.fail(errClosed)
}

var errClosed = errors.New("link closed")

func (l *Link) fail(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, ch := range l.waiters {
		close(ch)
	}
	l.failure = err // want `write to l.failure in the goroutine running route, while Tally, which any goroutine may run, reads it without the lock that goroutine holds`
	l.waiters = nil
}

func (l *Link) addWaiter(id string) chan string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.waiters == nil {
		return nil
	}
	ch := make(chan string, 1)
	l.waiters[id] = ch
	return ch
}

func (l *Link) RPC(id string) (string, error) {
	ch := l.addWaiter(id)
	if ch == nil {
		return "", l.failure
	}
	return <-ch, nil
}

// count takes statsMu, not mu: it orders nothing with fail's section.
func (l *Link) count() {
	l.statsMu.Lock()
	l.calls++
	l.statsMu.Unlock()
}

func (l *Link) Tally() error {
	l.count()
	return l.failure
}
