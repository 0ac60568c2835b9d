// GOOD: serve takes the context from the pool and resets it before any handler or
// goroutine can see it; goroutines the handler starts are tracked by ctx.Go and
// serve waits for them before putting the context back, so reset never overlaps a user.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Context struct {
	Method string
	Path   string

	mu     sync.Mutex
	keys   map[string]any
	errors []error

	wg sync.WaitGroup
}

func (c *Context) Set(k string, v any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.keys[k] = v
}

func (c *Context) Get(k string) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.keys[k]
	return v, ok
}

func (c *Context) Error(err error) {
	c.mu.Lock()
	c.errors = append(c.errors, err)
	c.mu.Unlock()
}

// Go runs fn in a goroutine that serve will wait for before recycling c.
func (c *Context) Go(fn func()) {
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		fn()
	}()
}

func (c *Context) reset(method, path string) {
	c.Method = method
	c.Path = path
	c.keys = make(map[string]any)
	c.errors = c.errors[:0]
}

type Engine struct {
	pool   sync.Pool
	routes map[string]func(*Context)
}

func NewEngine() *Engine {
	e := &Engine{routes: make(map[string]func(*Context))}
	e.pool.New = func() any { return new(Context) }
	return e
}

func (e *Engine) Handle(path string, h func(*Context)) { e.routes[path] = h }

func (e *Engine) serve(method, path string) int {
	c := e.pool.Get().(*Context)
	c.reset(method, path)

	if h, ok := e.routes[path]; ok {
		h(c)
	}
	c.wg.Wait()

	c.mu.Lock()
	n := len(c.errors)
	c.mu.Unlock()
	e.pool.Put(c)
	return n
}

func main() {
	e := NewEngine()
	e.Handle("/search", func(c *Context) {
		for _, shard := range []string{"a", "b", "c"} {
			shard := shard
			c.Go(func() {
				if strings.HasSuffix(shard, "b") {
					c.Error(fmt.Errorf("shard %s timed out", shard))
					return
				}
				c.Set("shard-"+shard, 42)
			})
		}
	})

	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("errors:", e.serve("GET", "/search"))
		}()
	}
	wg.Wait()
}
