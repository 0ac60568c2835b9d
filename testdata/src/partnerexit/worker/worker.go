// Package worker: closures run in goroutines by a helper, not by a go
// statement of their own.
package worker

type stopper struct {
	stopper chan struct{}
}

// runWorker starts f in a new goroutine.
func (s *stopper) runWorker(f func()) {
	go func() {
		f()
	}()
}

func (s *stopper) shouldStop() <-chan struct{} { return s.stopper }

func (s *stopper) stop() { close(s.stopper) }

type transport struct {
	events  chan int
	stopper *stopper
}

func newTransport(s *stopper) *transport {
	t := &transport{events: make(chan int), stopper: s}
	t.start()
	t.process()
	return t
}

// start's worker polls the stopper, then sends; the receiver returns on
// the same signal, which can come between the poll and the send.
func (t *transport) start() {
	t.stopper.runWorker(func() {
		for {
			select {
			case <-t.stopper.shouldStop():
				return
			default:
				t.events <- 1 // want `send on t.events may block forever: the goroutine that receives from it can return first`
			}
		}
	})
}

func (t *transport) process() {
	t.stopper.runWorker(func() {
		for {
			select {
			case <-t.events:
			case <-t.stopper.shouldStop():
				return
			}
		}
	})
}

type link struct {
	events  chan int
	stopper *stopper
}

func newLink(s *stopper) *link {
	l := &link{events: make(chan int), stopper: s}
	l.start()
	l.process()
	return l
}

// link's worker sends in a select with the stopper: silent.
func (l *link) start() {
	l.stopper.runWorker(func() {
		for {
			select {
			case <-l.stopper.shouldStop():
				return
			case l.events <- 1:
			}
		}
	})
}

func (l *link) process() {
	l.stopper.runWorker(func() {
		for {
			select {
			case <-l.events:
			case <-l.stopper.shouldStop():
				return
			}
		}
	})
}

type feed struct {
	items   chan int
	stopper *stopper
}

func newFeed(s *stopper, xs []int) *feed {
	f := &feed{items: make(chan int), stopper: s}
	f.produce(xs)
	f.consume()
	return f
}

// produce's loop sends a fixed number of items without polling the
// stopper: it may be done before the consumer stops; silent.
func (f *feed) produce(xs []int) {
	f.stopper.runWorker(func() {
		for _, x := range xs {
			f.items <- x
		}
	})
}

func (f *feed) consume() {
	f.stopper.runWorker(func() {
		for {
			select {
			case <-f.items:
			case <-f.stopper.shouldStop():
				return
			}
		}
	})
}
