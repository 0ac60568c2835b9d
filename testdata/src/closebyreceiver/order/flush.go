package order

import (
	"sync"
	"sync/atomic"
)

// Conn is what a pingPong writes its batches to.
type Conn interface{ Write(n int) }

type batch struct{ conn Conn }

func (b *batch) Flush() { b.conn.Write(1) }

// A pingPong's flusher goroutine is the only caller of its batch's
// Flush, and so of Conn.Write; it closes flushed in a deferred literal
// as it returns, and Close waits for that.
type pingPong struct {
	b       *batch
	ready   chan struct{}
	flushed chan struct{}
	closed  atomic.Bool
}

func newPingPong(c Conn) *pingPong {
	p := &pingPong{b: &batch{conn: c}, ready: make(chan struct{}, 1), flushed: make(chan struct{})}
	go p.flusher()
	return p
}

func (p *pingPong) flusher() {
	defer func() {
		close(p.flushed)
	}()
	for !p.closed.Load() {
		<-p.ready
		p.b.Flush()
	}
}

func (p *pingPong) Close() {
	p.closed.Store(true)
	select {
	case p.ready <- struct{}{}:
	default:
	}
	<-p.flushed
}

// stepConn is a fake connection that reports every Write; only the
// package's calls through Conn reach its Write.
type stepConn struct{ entered chan int }

func (c *stepConn) Write(n int) { c.entered <- n }

func Swap() {
	c := &stepConn{entered: make(chan int)}
	p := newPingPong(c)
	p.ready <- struct{}{}
	<-c.entered
	p.Close()
	close(c.entered) // silent: every Write ran in the flusher, which closed flushed after its last
}

func SwapEarly() {
	c := &stepConn{entered: make(chan int)}
	p := newPingPong(c)
	p.ready <- struct{}{}
	<-c.entered
	close(c.entered) // want `c.entered closed by its receiver while another goroutine sends on it`
	p.Close()
}

// leakyConn is handed out by an exported function: code of another
// package may call its Write at any time.
type leakyConn struct{ entered chan int }

func (c *leakyConn) Write(n int) { c.entered <- n }

func NewLeaky() *leakyConn { return &leakyConn{entered: make(chan int)} }

func SwapLeaky(c *leakyConn) {
	p := newPingPong(c)
	p.ready <- struct{}{}
	<-c.entered
	p.Close()
	close(c.entered) // want `c.entered closed by its receiver while another goroutine sends on it`
}

// Wrong waits for a WaitGroup its senders are not counted in.
func Wrong(n int, quit chan struct{}) int {
	out := make(chan int)
	var senders, others sync.WaitGroup
	for i := 0; i < n; i++ {
		senders.Add(1)
		go func() {
			defer senders.Done()
			select {
			case out <- i:
			case <-quit:
			}
		}()
	}
	v := <-out
	close(quit)
	others.Wait()
	close(out) // want `out closed by its receiver while another goroutine sends on it`
	return v
}

// Right waits for the senders' own WaitGroup.
func Right(n int, quit chan struct{}) int {
	out := make(chan int)
	var senders, others sync.WaitGroup
	for i := 0; i < n; i++ {
		senders.Add(1)
		go func() {
			defer senders.Done()
			select {
			case out <- i:
			case <-quit:
			}
		}()
	}
	v := <-out
	close(quit)
	others.Wait()
	senders.Wait()
	close(out) // silent: every sender is counted in senders
	return v
}

// Pusher's Push starts a goroutine per call, outside the WaitGroup
// Drain waits for.
type Pusher struct {
	out  chan int
	quit chan struct{}
	wg   sync.WaitGroup
}

func (p *Pusher) Push(v int) {
	go func() {
		select {
		case p.out <- v:
		case <-p.quit:
		}
	}()
}

func (p *Pusher) Drain() int {
	v := <-p.out
	close(p.quit)
	p.wg.Wait()
	close(p.out) // want `p.out closed by its receiver while another goroutine sends on it`
	return v
}

// StragglerWait starts one sender outside its group and waits on the
// group in the closing function itself.
func StragglerWait(n int, quit chan struct{}) int {
	var g sync.WaitGroup
	out := make(chan int)
	for i := 0; i < n; i++ {
		g.Go(func() {
			select {
			case out <- i:
			case <-quit:
			}
		})
	}
	go func() {
		select {
		case out <- -1:
		case <-quit:
		}
	}()
	v := <-out
	close(quit)
	g.Wait()
	close(out) // want `out closed by its receiver while another goroutine sends on it`
	return v
}
