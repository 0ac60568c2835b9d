package main

import (
	"fmt"
	"sync"
)

// BufferPool hands out fixed-size buffers from a free list.
type BufferPool struct {
	mu     sync.Mutex
	free   [][]byte
	size   int
	closed bool
	shared *sync.Pool
}

func NewBufferPool(n, size int, shared *sync.Pool) *BufferPool {
	p := &BufferPool{size: size, shared: shared}
	for i := 0; i < n; i++ {
		p.free = append(p.free, make([]byte, size))
	}
	return p
}

func (p *BufferPool) Get() ([]byte, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed || len(p.free) == 0 {
		return nil, false
	}
	b := p.free[len(p.free)-1]
	p.free = p.free[:len(p.free)-1]
	return b, true
}

func (p *BufferPool) Put(b []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.free = append(p.free, b[:p.size])
}

// Close hands the remaining buffers back to the shared pool.
func (p *BufferPool) Close() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()

	for _, b := range p.free {
		p.shared.Put(&b)
	}
	p.free = nil
}

func main() {
	shared := &sync.Pool{New: func() any { b := make([]byte, 512); return &b }}
	p := NewBufferPool(8, 512, shared)

	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if b, ok := p.Get(); ok {
				copy(b, fmt.Sprintf("worker %d", i))
				p.Put(b)
			}
			if i%2 == 0 {
				p.Close()
			}
		}(i)
	}
	wg.Wait()
	fmt.Println("done")
}
