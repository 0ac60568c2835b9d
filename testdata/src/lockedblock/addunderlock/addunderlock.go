// Package addunderlock: a client that counts its in-flight requests
// with a WaitGroup and makes each Add under a mutex, so that Shutdown,
// which holds the mutex across Wait, orders every Add before its Wait.
package addunderlock

import "sync"

type client struct {
	wgMu    sync.Mutex
	wg      sync.WaitGroup
	statsMu sync.Mutex
	calls   int
	errs    map[string]error
}

// call takes wgMu only around its Add: blocked on it, the call is not
// counted yet, so Wait does not wait for it.
func (c *client) call(do func() error) error {
	c.wgMu.Lock()
	c.wg.Add(1)
	c.wgMu.Unlock()
	defer c.wg.Done()
	return do()
}

// shutdown drains the in-flight calls under wgMu.
func (c *client) shutdown() {
	go func() {
		c.wgMu.Lock()
		defer c.wgMu.Unlock()
		c.wg.Wait()
	}()
}

type pool struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	results map[int]int
}

// run counts the job first, then records its result under mu before
// Done: a job blocked on mu is counted, and close waits for it.
func (p *pool) run(id int, work func() int) {
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		v := work()
		p.mu.Lock()
		p.results[id] = v
		p.mu.Unlock()
	}()
}

func (p *pool) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.wg.Wait() // want `p.wg.Wait while holding p.mu, which the goroutine that calls Done must lock first \(deadlock\)`
}

type tracker struct {
	mu sync.Mutex
	wg sync.WaitGroup
	n  int
}

// track counts itself under mu, then takes mu again to record that it
// finished, before its Done: the second Lock comes after the Add.
func (t *tracker) track(do func()) {
	t.mu.Lock()
	t.wg.Add(1)
	t.mu.Unlock()
	defer t.wg.Done()
	do()
	t.mu.Lock()
	t.n++
	t.mu.Unlock()
}

func (t *tracker) stop() {
	go func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		t.wg.Wait() // want `t.wg.Wait while holding t.mu, which the goroutine that calls Done must lock first \(deadlock\)`
	}()
}
