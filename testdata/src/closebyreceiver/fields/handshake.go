package fields

import "sync"

// A write-ahead log (Prometheus's wlog): writers hand work to the run
// loop under mtx while the log is open; Close, under mtx, asks the loop
// to stop and waits for its answer, and the loop closes the work
// channel meanwhile. Every send checks closed under the lock Close
// holds throughout: no send can follow the close. Silent.
type wal struct {
	mtx    sync.Mutex
	closed bool
	actorc chan func()
	stopc  chan chan struct{}
}

func newWAL() *wal {
	w := &wal{actorc: make(chan func(), 8), stopc: make(chan chan struct{})}
	go w.run()
	return w
}

func (w *wal) run() {
loop:
	for {
		select {
		case f := <-w.actorc:
			f()
		case donec := <-w.stopc:
			close(w.actorc)
			defer close(donec)
			break loop
		}
	}
	for f := range w.actorc {
		f()
	}
}

func (w *wal) nextSegment(f func()) {
	w.mtx.Lock()
	defer w.mtx.Unlock()
	if w.closed {
		return
	}
	w.actorc <- f
}

func (w *wal) Close() {
	w.mtx.Lock()
	defer w.mtx.Unlock()
	donec := make(chan struct{})
	w.stopc <- donec
	<-donec
	w.closed = true
}

// The same loop, but the stop request does not wait for the close.
// Stop still sends it inside the critical section that sets closed: a
// writer's section comes before Stop's (so before the request and the
// close) or after it, and then it finds closed set. Silent.
type queue struct {
	mtx    sync.Mutex
	closed bool
	work   chan func()
	stopc  chan struct{}
}

func newQueue() *queue {
	q := &queue{work: make(chan func(), 8), stopc: make(chan struct{})}
	go q.run()
	return q
}

func (q *queue) run() {
	for {
		select {
		case f := <-q.work:
			f()
		case <-q.stopc:
			close(q.work)
			return
		}
	}
}

func (q *queue) Add(f func()) {
	q.mtx.Lock()
	defer q.mtx.Unlock()
	if q.closed {
		return
	}
	q.work <- f
}

func (q *queue) Stop() {
	q.mtx.Lock()
	defer q.mtx.Unlock()
	q.stopc <- struct{}{}
	q.closed = true
}

// Stop requests the close in one critical section and sets closed in
// a later one: a writer can take the lock in between, find the queue
// open and send after the close.
type gapQueue struct {
	mtx    sync.Mutex
	closed bool
	work   chan func()
	stopc  chan struct{}
}

func newGapQueue() *gapQueue {
	q := &gapQueue{work: make(chan func(), 8), stopc: make(chan struct{})}
	go q.run()
	return q
}

func (q *gapQueue) run() {
	for {
		select {
		case f := <-q.work:
			f()
		case <-q.stopc:
			close(q.work) // want `q.work closed by its receiver while another goroutine sends on it`
			return
		}
	}
}

func (q *gapQueue) Add(f func()) {
	q.mtx.Lock()
	defer q.mtx.Unlock()
	if q.closed {
		return
	}
	q.work <- f
}

func (q *gapQueue) Stop() {
	q.mtx.Lock()
	q.stopc <- struct{}{}
	q.mtx.Unlock()
	q.mtx.Lock()
	q.closed = true
	q.mtx.Unlock()
}

// Callers see Close's request as a call: the same send, judged where
// it is written.
func restart(w *wal) *wal {
	w.Close()
	return newWAL()
}
