// Package reply: a requester that closes the channel the responder
// answers on.
package reply

import (
	"context"
	"errors"
	"sync"
	"time"
)

type result struct {
	price int
	err   error
}

type request struct {
	sku  string
	resp chan result
}

// Pricer answers price requests from one backend goroutine.
type Pricer struct {
	reqs   chan request
	lookup func(string) (int, error)
}

func New(lookup func(string) (int, error)) *Pricer {
	p := &Pricer{reqs: make(chan request), lookup: lookup}
	go p.serve()
	return p
}

func (p *Pricer) serve() {
	for r := range p.reqs {
		n, err := p.lookup(r.sku)
		r.resp <- result{n, err}
	}
}

var errSlow = errors.New("slow backend")

// Bad: the deadline passes while serve is still in lookup; its answer
// then goes to a closed channel.
func (p *Pricer) Price(sku string, d time.Duration) (int, error) {
	resp := make(chan result, 1)
	p.reqs <- request{sku: sku, resp: resp}
	select {
	case r := <-resp:
		return r.price, r.err
	case <-time.After(d):
		close(resp) // want `resp closed by its receiver while another goroutine may still send on it`
		return 0, errSlow
	}
}

// Bad: the request travels as a pointer, and the caller's context
// ends the wait.
func (p *Pricer) PriceCtx(ctx context.Context, sku string) (int, error) {
	r := &request{sku: sku, resp: make(chan result)}
	p.reqs <- *r
	select {
	case res := <-r.resp:
		return res.price, res.err
	case <-ctx.Done():
	}
	close(r.resp) // want `r.resp closed by its receiver while another goroutine`
	return 0, ctx.Err()
}

// Near-misses, silent.

// The reply is received before the close: the one answer is in.
func (p *Pricer) PriceWait(sku string) (int, error) {
	resp := make(chan result)
	p.reqs <- request{sku: sku, resp: resp}
	r := <-resp
	close(resp)
	return r.price, r.err
}

// The close is in the reply's own case: serve has answered.
func (p *Pricer) PriceClose(sku string, d time.Duration) (int, error) {
	resp := make(chan result, 1)
	p.reqs <- request{sku: sku, resp: resp}
	select {
	case r := <-resp:
		close(resp)
		return r.price, r.err
	case <-time.After(d):
		return 0, errSlow
	}
}

// The request was never handed over: nobody will answer it.
func (p *Pricer) TryPrice(ctx context.Context, sku string) (int, error) {
	resp := make(chan result, 1)
	select {
	case p.reqs <- request{sku: sku, resp: resp}:
	case <-ctx.Done():
		close(resp)
		return 0, ctx.Err()
	}
	r := <-resp
	return r.price, r.err
}

// A responder that checks, under the requester's mutex, whether the
// request is still wanted; the requester closes under that mutex.
type call struct {
	mu   sync.Mutex
	done bool
	out  chan int
}

type Caller struct{ calls chan *call }

func (c *Caller) answer() {
	for k := range c.calls {
		k.mu.Lock()
		if !k.done {
			k.out <- 1
		}
		k.mu.Unlock()
	}
}

func (c *Caller) Call(d time.Duration) int {
	k := &call{out: make(chan int, 1)}
	c.calls <- k
	select {
	case v := <-k.out:
		return v
	case <-time.After(d):
		k.mu.Lock()
		k.done = true
		close(k.out)
		k.mu.Unlock()
		return 0
	}
}

func (c *Caller) Start() { go c.answer() }
