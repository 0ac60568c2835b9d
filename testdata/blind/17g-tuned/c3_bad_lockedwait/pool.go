package main

import (
	"fmt"
	"sync"
)

// ConnPool hands out connection slots; workers wait until a slot is free.
type ConnPool struct {
	mu      sync.Mutex
	cond    *sync.Cond
	free    int
	served  int
	closing bool
}

func NewConnPool(size int) *ConnPool {
	p := &ConnPool{free: size}
	p.cond = sync.NewCond(&p.mu)
	return p
}

func (p *ConnPool) acquire() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.free == 0 && !p.closing {
		p.cond.Wait()
	}
	if p.closing {
		return false
	}
	p.free--
	p.served++
	return true
}

func (p *ConnPool) release() {
	p.mu.Lock()
	p.free++
	p.mu.Unlock()
	p.cond.Signal()
}

func (p *ConnPool) startClients(n int, wg *sync.WaitGroup) {
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if p.acquire() {
				p.release()
			}
		}()
	}
}

// Drain stops handing out slots and waits until all clients have returned.
func (p *ConnPool) Drain(wg *sync.WaitGroup) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closing = true
	p.cond.Broadcast()
	wg.Wait()
	return p.served
}

func main() {
	p := NewConnPool(2)
	var wg sync.WaitGroup
	p.startClients(8, &wg)
	fmt.Println("served:", p.Drain(&wg))
}
