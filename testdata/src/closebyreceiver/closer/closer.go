package closer

import (
	"context"
	"sync"

	"closebyreceiver/stopper"
)

// A stream writer (badger's StreamWriter): every send on a worker's
// request channel is made in Write under s.mu, after checking that the
// worker is not gone; Write and Flush stop a worker through its
// stopper, holding s.mu until the worker has closed its channel and
// returned, and Write marks it gone. The close falls inside the
// requester's critical section, and no later send finds the worker.

type request struct{ data []byte }

type Writer struct {
	mu      sync.Mutex
	workers map[int]*worker
}

type worker struct {
	reqs chan *request
	stop *stopper.Stopper
}

func (s *Writer) newWorker() *worker {
	w := &worker{reqs: make(chan *request, 3), stop: stopper.New(1)}
	go w.run()
	return w
}

func (w *worker) run() {
	defer w.stop.Done()
	for {
		select {
		case r := <-w.reqs:
			_ = r
		case <-w.stop.Stopped():
			close(w.reqs) // silent: requested under the senders' lock, waited for, worker marked gone
			for r := range w.reqs {
				_ = r
			}
			return
		}
	}
}

func (s *Writer) Write(id int, r *request, last bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w, ok := s.workers[id]
	if !ok {
		w = s.newWorker()
		s.workers[id] = w
	}
	if w == nil {
		panic("write on a closed stream")
	}
	w.reqs <- r
	if last {
		w.stop.SignalAndWait()
		s.workers[id] = nil
	}
}

func (s *Writer) Flush() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, w := range s.workers {
		if w != nil {
			w.stop.Signal()
		}
	}
	for _, w := range s.workers {
		if w != nil {
			w.stop.Wait()
		}
	}
}

// The same, but one send path takes no lock: it can run after the
// close.

type Pool struct {
	mu      sync.Mutex
	workers map[int]*pworker
}

type pworker struct {
	reqs chan *request
	stop *stopper.Stopper
}

func (p *Pool) newWorker() *pworker {
	w := &pworker{reqs: make(chan *request, 3), stop: stopper.New(1)}
	go w.run()
	return w
}

func (w *pworker) run() {
	defer w.stop.Done()
	for {
		select {
		case r := <-w.reqs:
			_ = r
		case <-w.stop.Stopped():
			close(w.reqs) // want `w.reqs closed by its receiver while another goroutine sends on it`
			return
		}
	}
}

func (p *Pool) Submit(id int, r *request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	w := p.workers[id]
	if w == nil {
		w = p.newWorker()
		p.workers[id] = w
	}
	w.reqs <- r
}

func (p *Pool) SubmitFast(id int, r *request) {
	p.mu.Lock()
	w := p.workers[id]
	p.mu.Unlock()
	if w != nil {
		w.reqs <- r // no lock: may follow the close
	}
}

func (p *Pool) Stop(id int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if w := p.workers[id]; w != nil {
		w.stop.SignalAndWait()
		p.workers[id] = nil
	}
}

// The senders hold the lock but do not check that the worker is gone:
// a Send after Stop reaches the closed channel.

type Feed struct {
	mu sync.Mutex
	w  *fworker
}

type fworker struct {
	reqs chan *request
	stop *stopper.Stopper
}

func NewFeed() *Feed {
	w := &fworker{reqs: make(chan *request, 3), stop: stopper.New(1)}
	go w.run()
	return &Feed{w: w}
}

func (w *fworker) run() {
	defer w.stop.Done()
	for {
		select {
		case r := <-w.reqs:
			_ = r
		case <-w.stop.Stopped():
			close(w.reqs) // want `w.reqs closed by its receiver while another goroutine sends on it`
			return
		}
	}
}

func (f *Feed) Send(r *request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.w.reqs <- r
}

func (f *Feed) Stop() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.w.stop.SignalAndWait()
}

// The stopper is signalled under the lock, but waited for only after
// the unlock: a sender's critical section can come between.

type Queue struct {
	mu      sync.Mutex
	workers map[int]*qworker
}

type qworker struct {
	reqs chan *request
	stop *stopper.Stopper
}

func (q *Queue) newWorker() *qworker {
	w := &qworker{reqs: make(chan *request, 3), stop: stopper.New(1)}
	go w.run()
	return w
}

func (w *qworker) run() {
	defer w.stop.Done()
	for {
		select {
		case r := <-w.reqs:
			_ = r
		case <-w.stop.Stopped():
			close(w.reqs) // want `w.reqs closed by its receiver while another goroutine sends on it`
			return
		}
	}
}

func (q *Queue) Put(id int, r *request) {
	q.mu.Lock()
	defer q.mu.Unlock()
	w := q.workers[id]
	if w == nil {
		w = q.newWorker()
		q.workers[id] = w
	}
	w.reqs <- r
}

func (q *Queue) Stop(id int) {
	q.mu.Lock()
	w := q.workers[id]
	if w != nil {
		w.stop.Signal()
	}
	q.mu.Unlock()
	if w != nil {
		w.stop.Wait()
	}
}

// A stopper whose context the caller may cancel: the close can happen
// outside any requester's critical section.

type Sink struct {
	mu      sync.Mutex
	workers map[int]*sworker
}

type sworker struct {
	reqs chan *request
	stop *stopper.Linked
}

func (k *Sink) newWorker(ctx context.Context) *sworker {
	w := &sworker{reqs: make(chan *request, 3), stop: stopper.NewLinked(ctx)}
	go w.run()
	return w
}

func (w *sworker) run() {
	defer w.stop.Done()
	for {
		select {
		case r := <-w.reqs:
			_ = r
		case <-w.stop.Stopped():
			close(w.reqs) // want `w.reqs closed by its receiver while another goroutine sends on it`
			return
		}
	}
}

func (k *Sink) Put(ctx context.Context, id int, r *request) {
	k.mu.Lock()
	defer k.mu.Unlock()
	w, ok := k.workers[id]
	if !ok {
		w = k.newWorker(ctx)
		k.workers[id] = w
	}
	if w == nil {
		return
	}
	w.reqs <- r
	if r == nil {
		w.stop.SignalAndWait()
		k.workers[id] = nil
	}
}
