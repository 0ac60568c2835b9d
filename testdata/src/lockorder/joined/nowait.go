package logship

import (
	"sync"
	"time"
)

// Pusher is Shipper whose Close flushes without waiting for its loops:
// a loop can still hold sink.mu and want Pusher.mu.
type Pusher struct {
	mu   sync.Mutex
	buf  []string
	out  *sink
	stop chan struct{}
	wg   sync.WaitGroup
}

func NewPusher(out *sink, every time.Duration) *Pusher {
	p := &Pusher{out: out, stop: make(chan struct{})}
	p.wg.Add(1)
	go p.loop(every)
	return p
}

func (p *Pusher) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	b := p.buf
	p.buf = nil
	return b
}

func (p *Pusher) loop(every time.Duration) {
	defer p.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.out.mu.Lock()
			p.out.writeLocked(p.take()) // want `lock order inversion: Pusher.mu is locked while sink.mu is held, and elsewhere sink.mu while Pusher.mu is held`
			p.out.mu.Unlock()
		}
	}
}

func (p *Pusher) Close() {
	close(p.stop)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.out.write(p.buf)
	p.buf = nil
}
