// BAD: serve returns the request context to the pool as soon as the handler returns,
// but the handler started an audit goroutine that keeps calling ctx.Value; the next
// request's Get hands the same object out and reset writes c.values without c.mu.
package main

import (
	"fmt"
	"sync"
	"time"
)

type RequestCtx struct {
	Path string

	mu     sync.Mutex
	values map[string]any
}

func (c *RequestCtx) SetValue(k string, v any) {
	c.mu.Lock()
	c.values[k] = v
	c.mu.Unlock()
}

func (c *RequestCtx) Value(k string) any {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.values[k]
}

func (c *RequestCtx) reset(path string) {
	c.Path = path
	c.values = make(map[string]any) // want "without holding"
}

type HandlerFunc func(*RequestCtx)

type Server struct {
	pool    sync.Pool
	handler HandlerFunc
	audits  sync.WaitGroup
}

func NewServer(h HandlerFunc) *Server {
	s := &Server{handler: h}
	s.pool.New = func() any { return &RequestCtx{values: map[string]any{}} }
	return s
}

func (s *Server) serve(path string) {
	ctx := s.pool.Get().(*RequestCtx)
	ctx.reset(path)
	s.handler(ctx)
	s.pool.Put(ctx)
}

func (s *Server) audit(ctx *RequestCtx) {
	s.audits.Add(1)
	go func() {
		defer s.audits.Done()
		time.Sleep(time.Millisecond)
		fmt.Println("audit:", ctx.Value("user"), ctx.Value("status"))
	}()
}

func main() {
	var srv *Server
	srv = NewServer(func(ctx *RequestCtx) {
		ctx.SetValue("user", "u-"+ctx.Path)
		ctx.SetValue("status", 200)
		srv.audit(ctx)
	})

	var wg sync.WaitGroup
	for i := 0; i < 64; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			srv.serve(fmt.Sprintf("/orders/%d", n))
		}(i)
	}
	wg.Wait()
	srv.audits.Wait()
}
