// A caller fills the buffer of a channel of a struct it has just made,
// then calls a method that sends on it again before starting the
// goroutine that would drain it. And near-misses that stay silent.
package filled

type compactor struct {
	ch   chan struct{}
	stop chan struct{}
}

func (c *compactor) start() {
	c.ch <- struct{}{} // want `send on c.ch blocks forever: its buffer of 1 is already full and no other goroutine can receive from it yet`
	go c.drain()
}

func (c *compactor) drain() {
	for {
		select {
		case <-c.ch:
		case <-c.stop:
			return
		}
	}
}

func run() {
	c := &compactor{ch: make(chan struct{}, 1), stop: make(chan struct{})}
	c.ch <- struct{}{}
	c.start()
	close(c.stop)
}

// Silent: the drainer starts before the send.

type queue struct {
	ch chan int
}

func (q *queue) start(v int) {
	go q.drain()
	q.ch <- v
}

func (q *queue) drain() {
	for range q.ch {
	}
}

func runQueue() {
	q := &queue{ch: make(chan int, 1)}
	q.ch <- 1
	q.start(2)
}

// Silent: the buffer has room for the second value.

type pair struct {
	ch chan int
}

func (p *pair) put(v int) {
	p.ch <- v
	go p.drain()
}

func (p *pair) drain() {
	for range p.ch {
	}
}

func runPair() {
	p := &pair{ch: make(chan int, 2)}
	p.ch <- 1
	p.put(2)
}

// Silent: the caller empties the buffer before the call.

type slot struct {
	ch chan int
}

func (s *slot) put(v int) {
	s.ch <- v
	go s.drain()
}

func (s *slot) drain() {
	for range s.ch {
	}
}

func runEmptied() {
	s := &slot{ch: make(chan int, 1)}
	s.ch <- 1
	<-s.ch
	s.put(2)
}

// Silent: a goroutine that may drain the channel already holds the
// struct.

func runShared() {
	s := &slot{ch: make(chan int, 1)}
	go s.drain()
	s.ch <- 1
	s.put(2)
}

// Silent: the struct is a parameter: whoever made it may drain it.

func runGiven(s *slot) {
	s.ch <- 1
	s.put(2)
}
