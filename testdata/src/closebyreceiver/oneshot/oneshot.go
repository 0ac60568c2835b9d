// Package oneshot covers a close request made by a single send: the
// closer receives it and then closes the channel it came on.
package oneshot

import (
	"sync"
	"time"
)

// Close sends on closeC at most once, under mu, after setting closed;
// drain receives that send and only then closes closeC and the pool
// channels, whose senders check closed under mu too (goleveldb's
// util.BufferPool): silent.
type Pool struct {
	mu     sync.RWMutex
	closed bool
	closeC chan struct{}
	pool   chan []byte
}

func NewPool() *Pool {
	p := &Pool{closeC: make(chan struct{}, 1), pool: make(chan []byte, 4)}
	go p.drain()
	return p
}

func (p *Pool) Put(b []byte) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.closed {
		return
	}
	select {
	case p.pool <- b:
	default:
	}
}

func (p *Pool) Close() {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		p.closeC <- struct{}{}
	}
	p.mu.Unlock()
}

func (p *Pool) drain() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			select {
			case <-p.pool:
			default:
			}
		case <-p.closeC:
			close(p.closeC)
			close(p.pool)
			return
		}
	}
}

// The flag is checked under mu, but the send comes after Unlock: two
// Close calls can both pass the check before either sets the flag...
// here the flag is set only after the send, so a second Close sends
// after drain closed closeC.
type LatePool struct {
	mu     sync.Mutex
	closed bool
	closeC chan struct{}
}

func NewLatePool() *LatePool {
	p := &LatePool{closeC: make(chan struct{}, 1)}
	go p.drain()
	return p
}

func (p *LatePool) Close() {
	p.mu.Lock()
	closed := p.closed
	p.mu.Unlock()
	if !closed {
		p.closeC <- struct{}{}
		p.mu.Lock()
		p.closed = true
		p.mu.Unlock()
	}
}

func (p *LatePool) drain() {
	<-p.closeC
	close(p.closeC) // want `p.closeC closed by its receiver while another goroutine sends on it`
}

// A second sender that does not check the flag: Kick can send after
// drain closed closeC.
type KickPool struct {
	mu     sync.Mutex
	closed bool
	closeC chan struct{}
}

func NewKickPool() *KickPool {
	p := &KickPool{closeC: make(chan struct{}, 1)}
	go p.drain()
	return p
}

func (p *KickPool) Close() {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		p.closeC <- struct{}{}
	}
	p.mu.Unlock()
}

func (p *KickPool) Kick() {
	select {
	case p.closeC <- struct{}{}:
	default:
	}
}

func (p *KickPool) drain() {
	<-p.closeC
	close(p.closeC) // want `p.closeC closed by its receiver while another goroutine sends on it`
}
