package flow

func (c *Conn) pump() {
	for {
		select {
		case p := <-c.writes:
			c.backlog = append(c.backlog, p)
		case n := <-c.credits:
			c.window += n
		case <-c.stop:
			return
		}
		c.drain()
	}
}

func (c *Conn) drain() {
	for len(c.backlog) > 0 && len(c.backlog[0]) <= c.window {
		p := c.backlog[0]
		c.backlog = c.backlog[1:]
		c.window -= len(p)
		if _, err := c.dst.Write(p); err != nil {
			c.mu.Lock()
			c.writeErr = err
			c.backlog = nil
			c.mu.Unlock()
			return
		}
		c.sent += len(p)
	}
}
