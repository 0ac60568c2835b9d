package helpers

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Shape 3: a guarded field written in a helper (another file) that a
// goroutine reaches without the lock.
type HostCache struct {
	mu    sync.Mutex
	addrs []string
	next  int
}

func (c *HostCache) Pick() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.addrs) == 0 {
		return ""
	}
	c.next++
	return c.addrs[c.next%len(c.addrs)]
}

func (c *HostCache) Pin(addrs []string) {
	c.mu.Lock()
	c.addrs = addrs
	c.mu.Unlock()
}

func (c *HostCache) Run(ctx context.Context) {
	go c.loop(ctx)
}

func (c *HostCache) loop(ctx context.Context) {
	for ctx.Err() == nil {
		c.refresh()
	}
}

// Silent: a helper whose every caller holds the lock.
type Sessions struct {
	mu   sync.Mutex
	byID map[string]int
	last time.Time
}

func (s *Sessions) Get(id string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sweep()
	return s.byID[id]
}

func (s *Sessions) Put(id string, v int) {
	s.mu.Lock()
	s.byID[id] = v
	s.mu.Unlock()
}

func (s *Sessions) janitor(ctx context.Context) {
	for ctx.Err() == nil {
		s.mu.Lock()
		s.sweep()
		s.mu.Unlock()
	}
}

func (s *Sessions) Start(ctx context.Context) { go s.janitor(ctx) }

// Silent: a constructor fills in its own value through helpers before
// any goroutine exists.
type Pool struct {
	mu      sync.Mutex
	size    int
	pending []func()
}

func NewPool(n int) *Pool {
	p := &Pool{}
	p.applyDefaults(n)
	go p.work()
	return p
}

func (p *Pool) work() {
	p.mu.Lock()
	p.pending = nil
	p.mu.Unlock()
}

func (p *Pool) Submit(f func()) {
	p.mu.Lock()
	p.pending = append(p.pending, f)
	p.mu.Unlock()
}

func (p *Pool) Size() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.size
}

// Shape 4: Reset run from a ticker goroutine while the other methods
// lock.
type Counter struct {
	mu     sync.Mutex
	counts map[string]int
}

func (c *Counter) Record(k string) {
	c.mu.Lock()
	c.counts[k]++
	c.mu.Unlock()
}

func (c *Counter) Top() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.counts)
}

func (c *Counter) RotateEvery(d time.Duration) {
	t := time.NewTicker(d)
	go func() {
		for range t.C {
			c.reset()
		}
	}()
}

// Silent: Swap takes the lock and detaches the slice; the ticker loop
// encodes the detached slice.
type Batch struct {
	mu    sync.Mutex
	items []string
	sent  int
}

func (b *Batch) Add(s string) {
	b.mu.Lock()
	b.items = append(b.items, s)
	b.mu.Unlock()
}

func (b *Batch) Swap() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := b.items
	b.items = nil
	return out
}

func (b *Batch) Run(ctx context.Context) {
	t := time.NewTicker(time.Second)
	for ctx.Err() == nil {
		<-t.C
		items := b.Swap()
		_ = len(items)
	}
}

// Shape 5: guarded by the struct layout (fields after the mutex, up
// to a blank line).
type Uploader struct {
	endpoint string

	mu       sync.Mutex
	inFlight int
	lastErr  error
}

// Upload is safe to call from many goroutines.
func (u *Uploader) Upload(put func() error) error {
	u.mu.Lock()
	u.inFlight++
	u.mu.Unlock()
	err := put()
	if err != nil {
		u.lastErr = err // want `write to u.lastErr without holding u.mu, declared after it in the struct`
	}
	u.mu.Lock()
	u.inFlight--
	u.mu.Unlock()
	return err
}

func (u *Uploader) Status() (int, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.inFlight, u.lastErr
}

// Silent: fields after a blank line are outside the mutex's section,
// and written before the goroutines start.
type Scraper struct {
	mu      sync.Mutex
	scrapes int

	timeout time.Duration
	verbose bool
}

func (s *Scraper) scrape() {
	_ = s.timeout
	s.mu.Lock()
	s.scrapes++
	s.mu.Unlock()
}

func (s *Scraper) Run(targets []string, timeout time.Duration) {
	s.timeout = timeout
	s.verbose = true
	var wg sync.WaitGroup
	for range targets {
		wg.Go(s.scrape)
	}
	wg.Wait()
}

// Silent: the field after the mutex is written only after the method
// waited for the workers.
type Closer struct {
	mu     sync.Mutex
	state  int
	wg     sync.WaitGroup
	closed atomic.Bool
}

func (c *Closer) Poke() {
	c.mu.Lock()
	_ = c.state
	c.mu.Unlock()
}

func (c *Closer) Close() {
	c.mu.Lock()
	c.closed.Store(true)
	c.mu.Unlock()
	c.wg.Wait()
	c.state = 0
}

// A Reset that calls only quiet functions (time.Now) is as bare as one
// that calls nothing; a Stop that waits first is not.
type Window struct {
	mu    sync.Mutex
	hits  int
	since time.Time
	wg    sync.WaitGroup
}

func (w *Window) Hit() {
	w.mu.Lock()
	w.hits++
	w.mu.Unlock()
}

func (w *Window) Rate() float64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return float64(w.hits) / time.Since(w.since).Seconds()
}

func (w *Window) Add(n int) {
	w.mu.Lock()
	w.hits += n
	w.mu.Unlock()
}

func (w *Window) Reset() {
	w.hits = 0           // want `write to w.hits without holding w.mu, which guards it in 3 of 5 functions`
	w.since = time.Now() // want `write to w.since without holding w.mu, which guards it in 2 of 3 functions`
}

func (w *Window) Stop() {
	w.mu.Lock()
	w.since = time.Time{}
	w.mu.Unlock()
	w.wg.Wait()
	w.hits = 0
}

// Clear with the builtin clear, run from a housekeeping goroutine.
type Seen struct {
	mu   sync.Mutex
	keys map[string]bool
}

func (s *Seen) Mark(k string) {
	s.mu.Lock()
	s.keys[k] = true
	s.mu.Unlock()
}

func (s *Seen) Has(k string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.keys[k]
}

func (s *Seen) Housekeep(ctx context.Context) {
	go func() {
		for ctx.Err() == nil {
			s.clearAll()
		}
	}()
}

func (s *Seen) clearAll() {
	clear(s.keys) // want `write to s.keys without holding s.mu, which guards it in 2 of 3 functions`
}

// Silent: the same, with the lock.
type SeenOK struct {
	mu   sync.Mutex
	keys map[string]bool
}

func (s *SeenOK) Mark(k string) {
	s.mu.Lock()
	s.keys[k] = true
	s.mu.Unlock()
}

func (s *SeenOK) Has(k string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.keys[k]
}

func (s *SeenOK) Housekeep(ctx context.Context) {
	go func() {
		for ctx.Err() == nil {
			s.mu.Lock()
			clear(s.keys)
			s.mu.Unlock()
		}
	}()
}
