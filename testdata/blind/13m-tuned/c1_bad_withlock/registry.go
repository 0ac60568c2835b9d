package main

import (
	"errors"
	"fmt"
	"sync"
)

var errClosed = errors.New("registry closed")

type Conn struct {
	ID   int
	Addr string
}

// Registry tracks live client connections.
type Registry struct {
	mu     sync.Mutex
	conns  map[int]*Conn
	nextID int
	closed bool
}

func NewRegistry() *Registry {
	return &Registry{conns: make(map[int]*Conn)}
}

// withLock runs fn as long as the registry is still open.
func (r *Registry) withLock(fn func()) error {
	r.mu.Lock()
	closed := r.closed
	r.mu.Unlock()
	if closed {
		return errClosed
	}
	fn()
	return nil
}

func (r *Registry) add(addr string) *Conn {
	r.nextID++
	c := &Conn{ID: r.nextID, Addr: addr}
	r.conns[c.ID] = c
	return c
}

func (r *Registry) remove(id int) {
	delete(r.conns, id)
}

func (r *Registry) Register(addr string) (*Conn, error) {
	var c *Conn
	err := r.withLock(func() {
		c = r.add(addr)
	})
	return c, err
}

func (r *Registry) Unregister(id int) error {
	return r.withLock(func() { r.remove(id) })
}

func (r *Registry) Count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.conns)
}

func (r *Registry) Close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	for id := range r.conns {
		r.remove(id)
	}
}

func main() {
	r := NewRegistry()
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				c, err := r.Register(fmt.Sprintf("10.0.0.%d:%d", i, j))
				if err != nil {
					return
				}
				if j%2 == 0 {
					r.Unregister(c.ID)
				}
			}
		}(i)
	}
	wg.Wait()
	fmt.Println("conns:", r.Count())
	r.Close()
}
