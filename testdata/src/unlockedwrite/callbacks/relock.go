package callbacks

import (
	"sync"
	"sync/atomic"
)

// A connector refreshes its credentials from user callbacks, which may
// call the connector's own getters: each helper lets go of the lock
// around the callback and takes it back with a deferred Lock, so the
// writes after it hold c.mu.
type config struct {
	refreshPassword func() (string, bool)
	refreshToken    func() (string, bool)
}

type connector struct {
	mu       sync.Mutex
	cfg      atomic.Pointer[config]
	password string
	token    string
}

func (c *connector) Password() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.password
}

func (c *connector) refresh() bool {
	refreshed := false
	callPassword := func(f func() (string, bool)) (string, bool) {
		defer c.mu.Lock() // lock again before returning
		c.mu.Unlock()     // the callback may call c's getters
		return f()
	}
	callToken := func(f func() (string, bool)) (string, bool) {
		defer c.mu.Lock()
		c.mu.Unlock()
		return f()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	cfg := c.cfg.Load()
	if cfg.refreshPassword != nil {
		if p, ok := callPassword(cfg.refreshPassword); ok && p != c.password {
			c.password = p
			refreshed = true
		}
	}
	if cfg.refreshToken != nil {
		if t, ok := callToken(cfg.refreshToken); ok && t != c.token {
			c.token = t
			refreshed = true
		}
	}
	return refreshed
}

func connectAll(c *connector, n int) {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range n {
		wg.Go(func() {
			<-start
			c.refresh()
		})
	}
	close(start)
	wg.Wait()
}

// The same helper without the deferred Lock: the writes after it run
// unlocked.
type dialer struct {
	mu       sync.Mutex
	password string
}

func (d *dialer) Password() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.password
}

func (d *dialer) refresh(getPassword func() string) {
	callOut := func(f func() string) string {
		d.mu.Unlock()
		return f()
	}
	d.mu.Lock()
	if p := callOut(getPassword); p != d.password {
		d.password = p // want `write to d.password`
	}
}

func dialAll(d *dialer, n int, getPassword func() string) {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range n {
		wg.Go(func() {
			<-start
			d.refresh(getPassword)
		})
	}
	close(start)
	wg.Wait()
}
