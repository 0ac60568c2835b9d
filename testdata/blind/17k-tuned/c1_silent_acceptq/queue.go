package acceptq

// streamQueue hands accepted streams from the accept loop to the consumer.
// The slice is guarded by a one-slot channel used as a lock.
type streamQueue struct {
	sem   chan struct{}
	items []*Stream
	wake  chan struct{}
}

// Stream is an accepted logical stream.
type Stream struct {
	ID   uint32
	Name string
}

func newStreamQueue() *streamQueue {
	return &streamQueue{
		sem:  make(chan struct{}, 1),
		wake: make(chan struct{}, 1),
	}
}

func (q *streamQueue) lock()   { q.sem <- struct{}{} }
func (q *streamQueue) unlock() { <-q.sem }

func (q *streamQueue) put(s *Stream) {
	q.lock()
	q.items = append(q.items, s)
	q.unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// get returns the next stream, or false once done is closed and the
// queue is empty.
func (q *streamQueue) get(done <-chan struct{}) (*Stream, bool) {
	for {
		q.lock()
		if len(q.items) > 0 {
			s := q.items[0]
			q.items = q.items[1:]
			q.unlock()
			return s, true
		}
		q.unlock()
		select {
		case <-q.wake:
		case <-done:
			q.lock()
			n := len(q.items)
			q.unlock()
			if n == 0 {
				return nil, false
			}
		}
	}
}

// Listener yields streams from a session.
type Listener struct {
	pending chan *Stream
	closed  chan struct{}
}

func NewListener(n int) *Listener {
	return &Listener{pending: make(chan *Stream, n), closed: make(chan struct{})}
}

func (l *Listener) Offer(s *Stream) { l.pending <- s }

func (l *Listener) Close() { close(l.closed) }

type errClosed struct{}

func (errClosed) Error() string { return "listener closed" }

func (l *Listener) Accept() (*Stream, error) {
	select {
	case s := <-l.pending:
		return s, nil
	case <-l.closed:
		return nil, errClosed{}
	}
}
