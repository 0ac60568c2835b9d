package shutdown

import (
	"context"
	"sync"
)

// A goroutine handed the WaitGroup it marks done: the Wait on the
// field is the Wait on what work was handed. Silent.
type Merger struct {
	out chan int
	wg  sync.WaitGroup
}

func NewMerger(n int) *Merger {
	m := &Merger{out: make(chan int, n)}
	m.wg.Add(1)
	go m.work(&m.wg, n)
	return m
}

func (m *Merger) work(wg *sync.WaitGroup, n int) {
	defer wg.Done()
	for i := 0; i < n; i++ {
		m.out <- i
	}
}

func (m *Merger) Close() {
	m.wg.Wait()
	close(m.out)
}

// closer is a small closer object: a cancel and a WaitGroup.
type closer struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func newCloser(n int) *closer {
	c := &closer{}
	c.ctx, c.cancel = context.WithCancel(context.Background())
	c.wg.Add(n)
	return c
}

func (c *closer) Done()                          { c.wg.Done() }
func (c *closer) Signal()                        { c.cancel() }
func (c *closer) HasBeenClosed() <-chan struct{} { return c.ctx.Done() }
func (c *closer) Wait()                          { c.wg.Wait() }
func (c *closer) SignalAndWait()                 { c.Signal(); c.Wait() }

// Tailer's followers are handed its closer and mark it done as they
// return; Close signals and waits before it closes lines. Silent.
type Tailer struct {
	lines  chan string
	closer *closer
}

func NewTailer(srcs []string) *Tailer {
	t := &Tailer{lines: make(chan string, 16), closer: newCloser(len(srcs))}
	for _, s := range srcs {
		go t.follow(t.closer, s)
	}
	return t
}

func (t *Tailer) follow(c *closer, src string) {
	defer c.Done()
	for {
		select {
		case <-c.HasBeenClosed():
			return
		case t.lines <- src:
		}
	}
}

func (t *Tailer) Close() {
	t.closer.SignalAndWait()
	close(t.lines)
}

// Relay only signals before it closes: a follower may be in the middle
// of its send when the close runs.
type Relay struct {
	lines  chan string
	closer *closer
}

func NewRelay(srcs []string) *Relay {
	r := &Relay{lines: make(chan string, 16), closer: newCloser(len(srcs))}
	for _, s := range srcs {
		go r.follow(r.closer, s)
	}
	return r
}

func (r *Relay) follow(c *closer, src string) {
	defer c.Done()
	for {
		select {
		case <-c.HasBeenClosed():
			return
		case r.lines <- src:
		}
	}
}

func (r *Relay) Close() {
	r.closer.Signal()
	close(r.lines) // want `r.lines closed while another goroutine may still send on it`
}

// A helper starts each borrower for its caller, handed the caller's
// WaitGroup; every borrower sends before its Done, and the caller
// drains and closes after the Wait. Silent.
func borrower(objects chan int, wait *sync.WaitGroup, v int) {
	go func() {
		if v > 0 {
			objects <- v
		}
		wait.Done()
	}()
}

func borrowAll() {
	objects := make(chan int, 10)
	wait := sync.WaitGroup{}
	wait.Add(5)
	for i := 0; i < 5; i++ {
		borrower(objects, &wait, i)
	}
	wait.Wait()
	for i := 0; i < len(objects); i++ {
		<-objects
	}
	close(objects)
}

// The same with the close before the Wait.
func borrowAllEarly() {
	objects := make(chan int, 10)
	wait := sync.WaitGroup{}
	wait.Add(5)
	for i := 0; i < 5; i++ {
		borrower(objects, &wait, i)
	}
	for i := 0; i < len(objects); i++ {
		<-objects
	}
	close(objects) // want `objects closed by its receiver while another goroutine sends on it`
	wait.Wait()
}
