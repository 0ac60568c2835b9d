package unlockfunc

import (
	"errors"
	"sync"
	"time"
)

type Publisher struct {
	mu      sync.Mutex
	pending map[int]func(error)
	retries int
}

func (p *Publisher) resend(id int) error { return errors.New("no route") }

// ack finishes a publish: fail records the error and unlocks p.mu before
// calling back, and the retry timer's callback takes the lock and calls
// fail, so the lock is released on every path.
func (p *Publisher) ack(id int, empty bool) {
	p.mu.Lock()
	fail := func(err error) {
		cb := p.pending[id]
		delete(p.pending, id)
		p.mu.Unlock()
		if cb != nil {
			cb(err)
		}
	}
	if empty && p.retries < 3 {
		p.retries++
		time.AfterFunc(time.Millisecond, func() {
			p.mu.Lock()
			_, ok := p.pending[id]
			p.mu.Unlock()
			if !ok {
				return
			}
			if err := p.resend(id); err != nil {
				p.mu.Lock()
				fail(err)
			}
		})
		p.mu.Unlock()
		return
	}
	fail(nil)
}

// The timer callback unlocks through fail on the error path only.
func (p *Publisher) ackLeaky(id int) {
	fail := func(err error) {
		delete(p.pending, id)
		p.mu.Unlock()
	}
	time.AfterFunc(time.Millisecond, func() {
		p.mu.Lock()
		if err := p.resend(id); err != nil {
			fail(err)
			return
		}
		p.retries = 0
	}) // want `end of function with p.mu still locked: other paths unlock it`
}

// The callback reaches the unlock through finish, which calls release,
// a closure the callback does not capture itself: the model cannot name
// it in the callback's terms and must simply not follow it.
func (p *Publisher) ackNested(id int) {
	release := func() { p.mu.Unlock() }
	finish := func() { release() }
	time.AfterFunc(time.Millisecond, func() {
		p.mu.Lock()
		delete(p.pending, id)
		finish()
	})
}
