package solitude

import "sync"

// Feed's Messages succeeds once (started, tested and set under f.mu,
// never reset) and no goroutine of a Feed exists before it returns the
// subscription: its set-up writes precede every later access.
type Feed struct {
	mu      sync.Mutex
	started bool
	sub     *Sub
	buf     []string
}

type Sub struct{ f *Feed }

func (f *Feed) Messages() (*Sub, error) {
	f.mu.Lock()
	if f.started {
		f.mu.Unlock()
		return nil, errStarted
	}
	f.started = true
	f.mu.Unlock()
	f.sub = &Sub{f: f} // silent: once, before any goroutine of the feed exists
	f.buf = make([]string, 0, 8)
	return f.sub, nil
}

func (f *Feed) Push(m string) {
	f.mu.Lock()
	f.buf = append(f.buf, m)
	f.mu.Unlock()
}

func (f *Feed) Stop() {
	f.mu.Lock()
	f.sub = nil
	f.buf = nil
	f.mu.Unlock()
}

func (f *Feed) Pending() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.sub == nil {
		return 0
	}
	return len(f.buf)
}

// Ticker's constructor starts a goroutine that reads the fields under
// the lock: Messages' writes, once only or not, race with it.
type Ticker struct {
	mu      sync.Mutex
	started bool
	sub     *Sub
	buf     []string
}

func NewTicker() *Ticker {
	t := &Ticker{}
	go t.tick()
	return t
}

func (t *Ticker) tick() {
	for {
		t.mu.Lock()
		if t.sub != nil {
			t.buf = append(t.buf, "tick")
		}
		t.mu.Unlock()
	}
}

func (t *Ticker) Messages() (*Sub, error) {
	t.mu.Lock()
	if t.started {
		t.mu.Unlock()
		return nil, errStarted
	}
	t.started = true
	t.mu.Unlock()
	t.sub = &Sub{}               // want `write to t.sub without holding t.mu`
	t.buf = make([]string, 0, 8) // want `write to t.buf without holding t.mu`
	return t.sub, nil
}

func (t *Ticker) Pending() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.sub == nil {
		return 0
	}
	return len(t.buf)
}

func (t *Ticker) Stop() {
	t.mu.Lock()
	t.sub = nil
	t.buf = nil
	t.mu.Unlock()
}
