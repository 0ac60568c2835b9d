// Class 5, BAD: Close requests the close (SignalAndWait) before it sets closing under q.mu, so a Push that takes q.mu in between still sees closing == false and sends on q.in after drain has closed it: send on closed channel.
package c5_bad_flagafter

import "sync"

// closer lets one goroutine ask another to stop and wait until it has.
type closer struct {
	once sync.Once
	quit chan struct{}
	wg   sync.WaitGroup
}

func newCloser(n int) *closer {
	c := &closer{quit: make(chan struct{})}
	c.wg.Add(n)
	return c
}

func (c *closer) Signal()                        { c.once.Do(func() { close(c.quit) }) }
func (c *closer) HasBeenClosed() <-chan struct{} { return c.quit }
func (c *closer) Done()                          { c.wg.Done() }
func (c *closer) SignalAndWait()                 { c.Signal(); c.wg.Wait() }

type Queue struct {
	mu      sync.Mutex
	closing bool
	in      chan []byte
	sink    func([]byte)
	cl      *closer
}

func NewQueue(sink func([]byte)) *Queue {
	q := &Queue{in: make(chan []byte, 64), sink: sink, cl: newCloser(1)}
	go q.drain()
	return q
}

func (q *Queue) Push(b []byte) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closing {
		return false
	}
	select {
	case q.in <- b:
		return true
	default:
		return false
	}
}

func (q *Queue) drain() {
	defer q.cl.Done()
	for {
		select {
		case b := <-q.in:
			q.sink(b)
		case <-q.cl.HasBeenClosed():
			close(q.in) // WANT closebyreceiver
			for b := range q.in {
				q.sink(b)
			}
			return
		}
	}
}

func (q *Queue) Close() {
	q.cl.SignalAndWait()
	q.mu.Lock()
	q.closing = true
	q.mu.Unlock()
}
