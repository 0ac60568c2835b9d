// Package waitloop: a waiter that checks a queue under a lock made of
// a channel and waits for a wake-up in a loop, and the one goroutine
// that should put something in and wake it.
package waitloop

import "errors"

type queue struct {
	sem   chan struct{} // a lock: lock sends, unlock receives
	items []string
	wake  chan struct{}
}

func newQueue() *queue {
	return &queue{sem: make(chan struct{}, 1), wake: make(chan struct{}, 1)}
}

func (q *queue) lock()   { q.sem <- struct{}{} }
func (q *queue) unlock() { <-q.sem }

// put wakes the getter without waiting: when the buffer is full, a
// wake-up is already pending.
func (q *queue) put(s string) {
	q.lock()
	q.items = append(q.items, s)
	q.unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// get waits in a loop: a partner that never puts leaves its first wait
// waiting for ever. The report is at the wait, with get's callers as
// related information.
func (q *queue) get() string {
	for {
		q.lock()
		if len(q.items) > 0 {
			s := q.items[0]
			q.items = q.items[1:]
			q.unlock()
			return s
		}
		q.unlock()
		<-q.wake // want `receive from q.wake may block forever`
	}
}

func fetch() (string, error) { return "", errors.New("no") }

func Produce() string {
	q := newQueue()
	go func() {
		s, err := fetch()
		if err != nil {
			return
		}
		q.put(s)
	}()
	return q.get()
}

// A queue whose getter also watches a done channel the producer closes
// on every path.
type doneQueue struct {
	sem   chan struct{}
	items []string
	wake  chan struct{}
}

func (q *doneQueue) lock()   { q.sem <- struct{}{} }
func (q *doneQueue) unlock() { <-q.sem }

func (q *doneQueue) put(s string) {
	q.lock()
	q.items = append(q.items, s)
	q.unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// Silent: the wait also selects on done.
func (q *doneQueue) get(done <-chan struct{}) (string, bool) {
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
			return "", false
		}
	}
}

func ProduceOrDone() (string, bool) {
	q := &doneQueue{sem: make(chan struct{}, 1), wake: make(chan struct{}, 1)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		s, err := fetch()
		if err != nil {
			return
		}
		q.put(s)
	}()
	return q.get(done)
}

// A queue whose producer puts on every path.
type allQueue struct {
	sem   chan struct{}
	items []string
	wake  chan struct{}
}

func (q *allQueue) lock()   { q.sem <- struct{}{} }
func (q *allQueue) unlock() { <-q.sem }

func (q *allQueue) put(s string) {
	q.lock()
	q.items = append(q.items, s)
	q.unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// Silent: the producer puts an empty string when the fetch fails.
func (q *allQueue) get() string {
	for {
		q.lock()
		if len(q.items) > 0 {
			s := q.items[0]
			q.items = q.items[1:]
			q.unlock()
			return s
		}
		q.unlock()
		<-q.wake
	}
}

func ProduceAlways() string {
	q := &allQueue{sem: make(chan struct{}, 1), wake: make(chan struct{}, 1)}
	go func() {
		s, err := fetch()
		if err != nil {
			q.put("")
			return
		}
		q.put(s)
	}()
	return q.get()
}

// Silent: a consumer loop over a producer that sends once per item
// (in a loop of its own) is not a one-shot protocol.
func Drain(items []string) {
	ch := make(chan string, 1)
	go func() {
		for _, it := range items {
			if it == "" {
				return
			}
			ch <- it
		}
	}()
	for {
		if s := <-ch; s == "end" {
			return
		}
	}
}
