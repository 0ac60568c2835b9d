package same

import "sync"

func doubleClose(ch chan int) {
	close(ch)
	close(ch) // want `ch closed a second time`
}

func deferThenClose(done chan struct{}, fail bool) {
	defer close(done) // want `done closed a second time`
	if fail {
		close(done)
		return
	}
}

func deferredSendAfterClose(ch chan int) {
	defer func() { ch <- 1 }() // want `call to func literal: send on ch after it was closed`
	defer close(ch)
}

// Deferred calls run last in, first out: the send runs first. Correct.
func deferredOrderOK(ch chan int) {
	defer close(ch)
	defer func() { ch <- 1 }()
}

func loopSend(ch chan int) {
	for i := 0; i < 3; i++ {
		ch <- i   // want `send on ch after it was closed`
		close(ch) // want `ch closed a second time`
	}
}

func branchAfter(ch chan int, c bool) {
	close(ch)
	if c {
		ch <- 1 // want `send on ch after it was closed`
	}
}

// A new channel per iteration. Correct.
func newPerIteration() {
	for i := 0; i < 3; i++ {
		ch := make(chan int, 1)
		ch <- i
		close(ch)
	}
}

// Correlated branches: close and send are never on one path. Correct.
func exclusive(ch chan int, c bool) {
	if c {
		close(ch)
	} else {
		ch <- 1
	}
}

// The closed flag in a loop. Correct.
func flagged(ch chan int, in []int) {
	closed := false
	for _, v := range in {
		if v < 0 && !closed {
			close(ch)
			closed = true
			continue
		}
		if !closed {
			ch <- v
		}
	}
}

// select with default after close: the receive case is always ready
// once ch is closed, so the default never closes twice. Correct.
func closeOnce(ch chan struct{}) {
	close(ch)
	select {
	case <-ch:
	default:
		close(ch)
	}
}

type Conn struct {
	out  chan []byte
	mu   sync.Mutex
	once sync.Once
	shut bool
}

// Field of the same receiver, closed by a helper on every path.
func (c *Conn) kill() { close(c.out) }

func (c *Conn) Reset() {
	c.kill()
	c.out <- nil // want `send on c.out after it was closed`
}

// A new channel is assigned after the close. Correct.
func (c *Conn) Reopen() {
	close(c.out)
	c.out = make(chan []byte, 1)
	c.out <- nil
}

// Two different connections: the same field of different instances. Correct.
func closeBoth(a, b *Conn) {
	close(a.out)
	close(b.out)
}

// Closing the field of every element of a slice. Correct.
func closeAll(cs []*Conn) {
	for _, c := range cs {
		close(c.out)
	}
}

// Guarded closes may be called twice. Correct.
func (c *Conn) CloseOnce() { c.once.Do(func() { close(c.out) }) }

func (c *Conn) CloseFlag() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.shut {
		c.shut = true
		close(c.out)
	}
}

func twice(c *Conn) {
	c.CloseOnce()
	c.CloseOnce()
	c.CloseFlag()
	c.CloseFlag()
}

func twiceUnguarded(c *Conn) {
	c.kill()
	c.kill() // want `call to c.kill: c.out closed a second time`
}

// Closures stored in variables.
func storedClosure() {
	ch := make(chan int, 1)
	stop := func() { close(ch) }
	send := func() { ch <- 1 }
	send()
	stop()
	send() // want `call to send: send on ch after it was closed`
}

// A close on one branch, then a close every path goes on to.
func shutdown(quit chan struct{}, err error) {
	if err != nil {
		close(quit)
	}
	close(quit) // want `quit closed a second time`
}

// A close on one branch, then a send that always follows.
func finish(out chan int, failed bool) {
	if failed {
		close(out)
	}
	out <- 0 // want `send on out after it was closed`
}

// The branch returns after closing. Correct.
func shutdownReturns(quit chan struct{}, err error) {
	if err != nil {
		close(quit)
		return
	}
	close(quit)
}

// The later close is guarded by the same condition, negated. Correct.
func shutdownEither(quit chan struct{}, err error) {
	if err != nil {
		close(quit)
	}
	if err == nil {
		close(quit)
	}
}

// A new channel before the second close. Correct.
func (c *Conn) restart(err error) {
	if err != nil {
		close(c.out)
		c.out = make(chan []byte)
	}
	close(c.out)
}
