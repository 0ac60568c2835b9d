// Correct: both producers and consumers re-check their condition in a for loop around Wait, so a stolen slot or item just sends them back to sleep.
package g3_work_queue

import (
	"errors"
	"sync"
)

// ErrStopped is returned once the buffer has been stopped.
var ErrStopped = errors.New("ring: stopped")

// Ring is a bounded multi-producer, multi-consumer buffer of log lines.
type Ring struct {
	mu       sync.Mutex
	notEmpty sync.Cond
	notFull  sync.Cond
	buf      []string
	head     int
	n        int
	stopped  bool
}

// NewRing returns a buffer holding at most size lines.
func NewRing(size int) *Ring {
	r := &Ring{buf: make([]string, size)}
	r.notEmpty.L = &r.mu
	r.notFull.L = &r.mu
	return r
}

// Put appends line, blocking while the buffer is full.
func (r *Ring) Put(line string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	for r.n == len(r.buf) && !r.stopped {
		r.notFull.Wait()
	}
	if r.stopped {
		return ErrStopped
	}
	r.buf[(r.head+r.n)%len(r.buf)] = line
	r.n++
	r.notEmpty.Signal()
	return nil
}

// Take removes the oldest line, blocking while the buffer is empty. After
// Stop it keeps returning buffered lines until none are left.
func (r *Ring) Take() (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for r.n == 0 {
		if r.stopped {
			return "", ErrStopped
		}
		r.notEmpty.Wait()
	}
	line := r.buf[r.head]
	r.buf[r.head] = ""
	r.head = (r.head + 1) % len(r.buf)
	r.n--
	r.notFull.Signal()
	return line, nil
}

// Stop rejects further Puts and wakes all blocked callers.
func (r *Ring) Stop() {
	r.mu.Lock()
	r.stopped = true
	r.mu.Unlock()
	r.notEmpty.Broadcast()
	r.notFull.Broadcast()
}
