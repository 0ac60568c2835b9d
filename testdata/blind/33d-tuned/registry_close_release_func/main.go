// BAD: Close holds the registry's write lock while release() nils b.conn without b.mu.
// Callers of Send fetched the backend earlier and use it after dropping r.mu, guarded
// only by b.mu, so the registry lock does not keep them out.
package main

import (
	"errors"
	"fmt"
	"io"
	"sync"
)

var errClosed = errors.New("backend closed")

type nopConn struct{ name string }

func (c *nopConn) Write(p []byte) (int, error) { return len(p), nil }
func (c *nopConn) Close() error                { return nil }

type backend struct {
	name string

	mu   sync.Mutex
	conn io.WriteCloser
	sent int
}

func (b *backend) Send(msg []byte) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.conn == nil {
		return errClosed
	}
	n, err := b.conn.Write(msg)
	b.sent += n
	return err
}

func (b *backend) Reconnect(c io.WriteCloser) {
	b.mu.Lock()
	old := b.conn
	b.conn = c
	b.mu.Unlock()
	if old != nil {
		old.Close()
	}
}

func (b *backend) Connected() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.conn != nil
}

// release closes the backend's connection and forgets it.
func release(b *backend) {
	if b.conn != nil {
		b.conn.Close()
	}
	b.conn = nil // want "without holding"
}

type Registry struct {
	mu       sync.RWMutex
	backends map[string]*backend
	closed   bool
}

func NewRegistry() *Registry {
	return &Registry{backends: make(map[string]*backend)}
}

func (r *Registry) Register(name string, c io.WriteCloser) {
	r.mu.Lock()
	b, ok := r.backends[name]
	if !ok {
		b = &backend{name: name}
		r.backends[name] = b
	}
	r.mu.Unlock()
	b.Reconnect(c)
}

func (r *Registry) get(name string) (*backend, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	b, ok := r.backends[name]
	return b, ok && !r.closed
}

func (r *Registry) Send(name string, msg []byte) error {
	b, ok := r.get(name)
	if !ok {
		return fmt.Errorf("unknown backend %q", name)
	}
	return b.Send(msg)
}

// Close shuts every backend down. It may run while Send calls are in flight.
func (r *Registry) Close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	for _, b := range r.backends {
		release(b)
	}
}

func main() {
	r := NewRegistry()
	r.Register("a", &nopConn{"a"})
	r.Register("b", &nopConn{"b"})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			name := []string{"a", "b"}[i%2]
			_ = r.Send(name, []byte("ping"))
		}(i)
	}
	r.Close()
	wg.Wait()
	b, _ := r.get("a")
	fmt.Println("a connected:", b.Connected())
}
