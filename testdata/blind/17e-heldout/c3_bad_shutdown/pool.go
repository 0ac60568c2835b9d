package shutdown

import (
	"net"
	"sync"
)

type ConnPool struct {
	mu      sync.Mutex
	workers map[int]net.Conn
	nextID  int
	quit    chan struct{}
	wg      sync.WaitGroup
	closed  bool
}

func NewConnPool() *ConnPool {
	return &ConnPool{workers: make(map[int]net.Conn), quit: make(chan struct{})}
}

func (p *ConnPool) Serve(c net.Conn, handle func(net.Conn) error) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		c.Close()
		return
	}
	p.nextID++
	id := p.nextID
	p.workers[id] = c
	p.wg.Add(1)
	p.mu.Unlock()

	go p.worker(id, c, handle)
}

func (p *ConnPool) Shutdown() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.closed = true
	close(p.quit)
	for _, c := range p.workers {
		c.Close()
	}
	p.wg.Wait()
}
