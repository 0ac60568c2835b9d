package chat

import "sync"

type Session struct {
	mu      sync.Mutex
	id      string
	srv     *Server
	backlog []string
	closed  bool
}

func (c *Session) expire() {
	c.mu.Lock()
	c.closed = true
	c.backlog = nil
	c.mu.Unlock()
}

func (c *Session) Post(msg string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return false
	}
	c.backlog = append(c.backlog, msg)
	c.srv.touch(c.id)
	return true
}

func (c *Session) Drain() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.backlog
	c.backlog = nil
	return out
}
