// Package handoff tests writes a worker goroutine makes between taking
// a request and answering it, read by the requester once it has the
// answer (syncmodel.Turn).
package handoff

import (
	"errors"
	"io"
	"sync"
	"sync/atomic"
)

// Stdin hands each Read to its I/O loop over one unbuffered channel,
// both ways: Read sends a request on notify and receives the answer on
// it, holding mutex throughout, and the loop writes read and err
// between the two. Both sides may give up on stop; Read then never
// looks at the fields.
type Stdin struct {
	r      io.Reader
	mutex  sync.Mutex
	stop   chan struct{}
	notify chan struct{}
	data   []byte
	read   int
	err    error
	closed int32
}

func NewStdin(r io.Reader) *Stdin {
	c := &Stdin{r: r, notify: make(chan struct{}), stop: make(chan struct{})}
	go c.ioloop()
	return c
}

func (c *Stdin) ioloop() {
loop:
	for {
		select {
		case <-c.notify:
			c.read, c.err = c.r.Read(c.data) // answered below, inside Read's section
			select {
			case c.notify <- struct{}{}:
			case <-c.stop:
				break loop
			}
		case <-c.stop:
			break loop
		}
	}
}

func (c *Stdin) Read(b []byte) (int, error) {
	c.mutex.Lock()
	defer c.mutex.Unlock()
	if atomic.LoadInt32(&c.closed) == 1 {
		return 0, io.EOF
	}
	c.data = b
	select {
	case c.notify <- struct{}{}:
	case <-c.stop:
		return 0, io.EOF
	}
	select {
	case <-c.notify:
		return c.read, c.err
	case <-c.stop:
		return 0, io.EOF
	}
}

func (c *Stdin) Close() error {
	if atomic.CompareAndSwapInt32(&c.closed, 0, 1) {
		close(c.stop)
	}
	return nil
}

// Client's loop answers on a channel of its own. Calls holds the mutex
// every Call holds from its command until the answer, so it never sees
// the loop's writes half done.
type Client struct {
	mu   sync.Mutex
	n    int
	data string
	err  error

	cmds chan string
	resp chan struct{}
}

func NewClient() *Client {
	c := &Client{cmds: make(chan string), resp: make(chan struct{})}
	go c.loop()
	return c
}

func roundTrip(cmd string) (string, error) {
	if cmd == "" {
		return "", errors.New("empty command")
	}
	return cmd, nil
}

func (c *Client) loop() {
	for cmd := range c.cmds {
		line, err := roundTrip(cmd)
		c.n++
		c.data = line
		c.err = err
		c.resp <- struct{}{}
	}
}

func (c *Client) Call(cmd string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cmds <- cmd
	<-c.resp
	return c.data, c.err
}

func (c *Client) Calls() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func (c *Client) Close() { close(c.cmds) }

// Fetcher serialises its round trips with callMu, not mu: Stats takes
// mu at any moment, while the loop counts a fetch.
type Fetcher struct {
	mu   sync.Mutex
	n    int
	body string

	callMu sync.Mutex
	urls   chan string
	reply  chan struct{}
}

func NewFetcher() *Fetcher {
	f := &Fetcher{urls: make(chan string), reply: make(chan struct{})}
	go f.loop()
	return f
}

func (f *Fetcher) loop() {
	for u := range f.urls {
		f.n++ // want `write to f.n without holding f.mu`
		f.body = u
		f.reply <- struct{}{}
	}
}

func (f *Fetcher) Fetch(url string) string {
	f.callMu.Lock()
	defer f.callMu.Unlock()
	f.urls <- url
	<-f.reply
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.body
}

func (f *Fetcher) Stats() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.n
}

// Prober answers before it writes: the requester may read the fields
// while the loop still writes them.
type Prober struct {
	mu     sync.Mutex
	rtt    int
	status string

	reqs chan string
	done chan struct{}
}

func NewProber() *Prober {
	p := &Prober{reqs: make(chan string), done: make(chan struct{})}
	go p.loop()
	return p
}

func (p *Prober) loop() {
	for target := range p.reqs {
		p.done <- struct{}{}
		p.rtt = len(target) // want `write to p.rtt without holding p.mu`
		p.status = "ok"     // want `write to p.status without holding p.mu`
	}
}

func (p *Prober) Probe(target string) (int, string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.reqs <- target
	<-p.done
	return p.rtt, p.status
}

// Echo's callers take no common mutex: two Calls can be in flight, and
// the loop's second write runs while the first caller reads.
type Echo struct {
	mu   sync.Mutex
	last string
	hits int

	in  chan string
	out chan struct{}
}

func NewEcho() *Echo {
	e := &Echo{in: make(chan string), out: make(chan struct{})}
	go e.loop()
	return e
}

func (e *Echo) loop() {
	for s := range e.in {
		e.last = s // want `write to e.last without holding e.mu`
		e.out <- struct{}{}
	}
}

func (e *Echo) Call(s string) string {
	e.in <- s
	<-e.out
	e.mu.Lock()
	defer e.mu.Unlock()
	e.hits++
	return e.last
}

// Pager's Get holds mu over its exchange, but Prefetch makes one
// without it: the loop can write page for Prefetch's request while Get
// reads the page it was answered with.
type Pager struct {
	mu   sync.Mutex
	page string

	keys  chan string
	ready chan struct{}
}

func NewPager() *Pager {
	p := &Pager{keys: make(chan string), ready: make(chan struct{})}
	go p.loop()
	return p
}

func (p *Pager) loop() {
	for k := range p.keys {
		p.page = "page " + k // want `write to p.page without holding p.mu`
		p.ready <- struct{}{}
	}
}

func (p *Pager) Get(key string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.keys <- key
	<-p.ready
	return p.page
}

func (p *Pager) Prefetch(key string) {
	p.keys <- key
	<-p.ready
}

// Resolver's loop writes the answer in a helper it alone calls, at one
// place, inside the turn.
type Resolver struct {
	mu   sync.Mutex
	addr string
	err  error

	names   chan string
	answers chan struct{}
}

func NewResolver() *Resolver {
	r := &Resolver{names: make(chan string), answers: make(chan struct{})}
	go r.loop()
	return r
}

func (r *Resolver) store(addr string, err error) {
	r.addr = addr
	r.err = err
}

func (r *Resolver) loop() {
	for name := range r.names {
		if name == "" {
			r.store("", errors.New("empty name"))
		} else {
			r.store("10.0.0.1", nil)
		}
		r.answers <- struct{}{}
	}
}

func (r *Resolver) Resolve(name string) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names <- name
	<-r.answers
	return r.addr, r.err
}
