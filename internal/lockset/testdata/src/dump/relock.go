package dump

import "sync"

// A helper that lets go of its caller's lock around a callback and
// takes it back with a deferred Lock: it releases mu and acquires it
// again, so the caller still holds it after the call.
type connector struct {
	mu       sync.Mutex
	password string
}

func (c *connector) refresh(cb func() string) {
	call := func() string {
		defer c.mu.Lock()
		c.mu.Unlock()
		return cb()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if p := call(); p != c.password {
		c.password = p
	}
}
