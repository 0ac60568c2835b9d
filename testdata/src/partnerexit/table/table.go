// Package table: handlers reached only through a dispatch table the
// package initialiser fills (syncmodel's table.go): the calls through
// the table are their callers, so a handler runs in the goroutine of
// the loop that dispatches, and its send is a goroutine's.
package table

type session struct {
	out  chan int
	quit chan struct{}
}

var handlers = []func(*session, int){
	0: (*session).onPing,
	1: (*session).onData,
}

func newSession(m int) *session {
	s := &session{out: make(chan int), quit: make(chan struct{})}
	go s.dispatch(m)
	go s.consume()
	return s
}

func (s *session) dispatch(m int) { handlers[m%2](s, m) }

func (s *session) onPing(int) {}

// onData runs only in dispatch's goroutine; consume can return on quit
// first.
func (s *session) onData(m int) {
	s.out <- m // want `send on s.out may block forever: the goroutine that receives from it can return first`
}

func (s *session) consume() {
	select {
	case <-s.out:
	case <-s.quit:
		return
	}
}

func (s *session) stop() { close(s.quit) }

// conn's table is also read into another variable (an alias that code
// the model does not index may call): no table, so onData has no known
// caller and may run in any goroutine; silent.
type conn struct {
	out  chan int
	quit chan struct{}
}

var connHandlers = []func(*conn, int){
	0: (*conn).onPing,
	1: (*conn).onData,
}

var aliased = connHandlers

func newConn(m int) *conn {
	c := &conn{out: make(chan int), quit: make(chan struct{})}
	go c.dispatch(m)
	go c.consume()
	return c
}

func (c *conn) dispatch(m int) { aliased[m%2](c, m) }

func (c *conn) onPing(int) {}

func (c *conn) onData(m int) {
	c.out <- m
}

func (c *conn) consume() {
	select {
	case <-c.out:
	case <-c.quit:
		return
	}
}

func (c *conn) stop() { close(c.quit) }
