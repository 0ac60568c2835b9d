// BAD: each incoming job gets a context derived from the server's long-lived base context with a 10-minute
// timeout; the cancel is parked in the request struct and never called, so timers and parent registrations pile up long after the handler returns.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"
)

type Request struct {
	ID      string
	Body    []byte
	ctx     context.Context
	cancel  context.CancelFunc
	started time.Time
}

type Handler func(ctx context.Context, req *Request) error

type Server struct {
	base    context.Context
	timeout time.Duration
	handler Handler
	logger  *log.Logger
}

func NewServer(base context.Context, h Handler) *Server {
	return &Server{base: base, timeout: 10 * time.Minute, handler: h, logger: log.Default()}
}

func (s *Server) newRequest(id string, body []byte) *Request {
	req := &Request{ID: id, Body: body, started: time.Now()}
	req.ctx, req.cancel = context.WithTimeout(s.base, s.timeout) // want "never called"
	return req
}

func (s *Server) Serve(id string, body []byte) error {
	req := s.newRequest(id, body)
	err := s.handler(req.ctx, req)
	if errors.Is(err, context.DeadlineExceeded) {
		s.logger.Printf("request %s timed out after %s", req.ID, time.Since(req.started))
	}
	return err
}

func (s *Server) ServeBatch(items map[string][]byte) int {
	failed := 0
	for id, body := range items {
		if err := s.Serve(id, body); err != nil {
			failed++
		}
	}
	return failed
}

func echo(ctx context.Context, req *Request) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	default:
	}
	if len(req.Body) == 0 {
		return errors.New("empty body")
	}
	fmt.Printf("%s: %s\n", req.ID, req.Body)
	return nil
}

func main() {
	base, shutdown := context.WithCancel(context.Background())
	defer shutdown()

	srv := NewServer(base, echo)
	failed := srv.ServeBatch(map[string][]byte{
		"r1": []byte("hello"),
		"r2": nil,
		"r3": []byte("world"),
	})
	fmt.Println("failed:", failed)
}
