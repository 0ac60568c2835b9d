// Operations on channels that the program never makes ready, seen
// through accessors, constructors and fields: whichever goroutine
// reaches them blocks for good. And near-misses that stay silent.
package dead

import "errors"

// A stopper whose quit channel nothing ever closes.

type stopper struct {
	quit chan struct{}
}

func newStopper() *stopper { return &stopper{quit: make(chan struct{})} }

// shouldStop is an accessor: a call of it is s.quit.
func (s *stopper) shouldStop() <-chan struct{} {
	if s == nil {
		return nil
	}
	return s.quit
}

type store struct {
	stopper *stopper
	pending []string
}

func (s *store) stopperOf() *stopper { return s.stopper }

func (s *store) flushAndWait(flush func(string)) {
	for _, p := range s.pending {
		flush(p)
	}
	<-s.stopperOf().shouldStop() // want `receive from s.stopperOf\(\).shouldStop\(\) blocks forever: nothing sends on or closes it`
}

func runStore(flush func(string)) {
	s := &store{stopper: newStopper(), pending: []string{"a", "b"}}
	s.flushAndWait(flush)
}

// A watcher that reports its result on a channel nobody reads.

type watcher struct {
	errc   chan error
	result chan bool
}

func newWatcher() *watcher {
	return &watcher{errc: make(chan error), result: make(chan bool)}
}

func (w *watcher) run(done <-chan struct{}) {
	select {
	case err := <-w.errc:
		w.result <- err == nil // want `send on unbuffered channel w.result blocks forever: nothing receives from it`
	case <-done:
	}
}

func (w *watcher) stop() { w.errc <- errors.New("stopped") }

func watch(done <-chan struct{}) *watcher {
	w := newWatcher()
	go w.run(done)
	return w
}

// Near-misses, all silent.

// The accessor's channel is closed by Stop.
type closer struct{ done chan struct{} }

func newCloser() *closer                  { return &closer{done: make(chan struct{})} }
func (c *closer) doneCh() <-chan struct{} { return c.done }
func (c *closer) stop()                   { close(c.done) }

func waitClosed(c *closer) { <-c.doneCh() }

// An exported accessor of a bidirectional channel: other packages may
// close it.
type Server struct{ done chan struct{} }

func NewServer() *Server              { return &Server{done: make(chan struct{})} }
func (s *Server) Done() chan struct{} { return s.done }
func (s *Server) waitDone()           { <-s.Done() }

// The accessor's type is used through an interface: unseen code may
// get the channel and send on it.
type doner interface{ doneChan() chan int }

type job struct{ c chan int }

func (j *job) doneChan() chan int { return j.c }

func newJob() doner { return &job{c: make(chan int)} }

func (j *job) wait() int { return <-j.doneChan() }

// A test hook: a nil channel unless a test sets it.
type loop struct{ testHook chan struct{} }

func (l *loop) step() {
	if l.testHook != nil {
		<-l.testHook
	}
}

// A buffered result channel nobody reads: sends complete until the
// buffer is full, and the analyzer does not count them.
type collector struct{ out chan int }

func newCollector() *collector { return &collector{out: make(chan int, 16)} }
func (c *collector) add(v int) { c.out <- v }

// A send whose receiver runs in another goroutine.
type pump struct{ in chan int }

func newPump() *pump      { return &pump{in: make(chan int)} }
func (p *pump) put(v int) { p.in <- v }
func (p *pump) loop() {
	for v := range p.in {
		println(v)
	}
}
func startPump() *pump { p := newPump(); go p.loop(); return p }

// The receive is in a select with another way out.
func (s *store) waitOrGiveUp(giveUp <-chan struct{}) {
	select {
	case <-s.stopper.shouldStop():
	case <-giveUp:
	}
}

// A test fake's canned replies: buffered, for a test to load before it
// calls the method; no test here calls it.
type fakeIndex struct{ rangeResp chan []string }

func newFakeIndex() *fakeIndex { return &fakeIndex{rangeResp: make(chan []string, 1)} }

func (f *fakeIndex) Range(key string) []string { return <-f.rangeResp }
