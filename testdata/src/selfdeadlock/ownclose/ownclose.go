// A goroutine that waits for a channel only its own deferred close
// closes: its loop calls Close, which waits for the loop to finish.
// And near-misses that stay silent.
package ownclose

import "sync"

type follower struct {
	quit      chan struct{}
	done      chan struct{}
	closeOnce sync.Once
	err       error
}

func newFollower(next func() (bool, error)) *follower {
	f := &follower{quit: make(chan struct{}), done: make(chan struct{})}
	go f.loop(next)
	return f
}

func (f *follower) loop(next func() (bool, error)) {
	defer close(f.done)
	for {
		select {
		case <-f.quit:
			return
		default:
		}
		more, err := next()
		if err != nil {
			f.err = err
			f.Close()
			return
		}
		if !more {
			return
		}
	}
}

func (f *follower) Close() error {
	f.closeOnce.Do(func() { close(f.quit) })
	<-f.done // want `receive from f.done blocks forever: the goroutine that reaches it is the one whose deferred close would end it, and nothing else sends on or closes it`
	return f.err
}

// Silent: on an error the loop only asks to stop and returns; Close is
// called from outside.

type poller struct {
	quit      chan struct{}
	done      chan struct{}
	fatal     chan struct{}
	closeOnce sync.Once
}

func newPoller(poll func() error) *poller {
	p := &poller{quit: make(chan struct{}), done: make(chan struct{}), fatal: make(chan struct{})}
	go p.loop(poll)
	return p
}

func (p *poller) loop(poll func() error) {
	defer close(p.done)
	for {
		select {
		case <-p.quit:
			return
		default:
		}
		if err := poll(); err != nil {
			close(p.fatal)
			return
		}
	}
}

func (p *poller) Close() {
	p.closeOnce.Do(func() { close(p.quit) })
	<-p.done
}

// Silent: another goroutine may also close the channel the loop waits
// on.

type relay struct {
	done chan struct{}
	stop chan struct{}
}

func (r *relay) run() {
	defer close(r.done)
	<-r.stop
}

func (r *relay) halt() { close(r.stop) }

func (r *relay) wait() {
	defer close(r.stop)
	<-r.stop
}

// Silent: a stage waits for a different stage, the one before it.

type stage struct {
	done chan struct{}
}

func (s *stage) await(prev *stage) {
	defer close(s.done)
	<-prev.done
}

var (
	_ = newFollower
	_ = newPoller
)
