package main

import (
	"errors"
	"fmt"
	"math/rand"
	"time"
)

type Request struct {
	Method string
	Args   []string
	reply  chan Response
}

type Response struct {
	Result string
	Err    error
}

var ErrTimeout = errors.New("rpc: call timed out")

// Server handles requests on a single dispatch goroutine, handing each to
// a handler goroutine.
type Server struct {
	reqs chan *Request
}

func NewServer() *Server {
	s := &Server{reqs: make(chan *Request)}
	go s.dispatch()
	return s
}

func (s *Server) dispatch() {
	for req := range s.reqs {
		go s.handle(req)
	}
}

func (s *Server) handle(req *Request) {
	// Simulated backend latency.
	time.Sleep(time.Duration(rand.Intn(20)) * time.Millisecond)
	req.reply <- Response{Result: fmt.Sprintf("%s(%v) ok", req.Method, req.Args)}
}

// Client issues calls against a Server with a per-call deadline.
type Client struct {
	srv     *Server
	timeout time.Duration
}

func (c *Client) Call(method string, args ...string) (string, error) {
	req := &Request{Method: method, Args: args, reply: make(chan Response)}
	c.srv.reqs <- req

	t := time.NewTimer(c.timeout)
	defer t.Stop()
	select {
	case resp := <-req.reply:
		return resp.Result, resp.Err
	case <-t.C:
		// Nobody is going to read the reply any more.
		close(req.reply)
		return "", ErrTimeout
	}
}

func main() {
	c := &Client{srv: NewServer(), timeout: 10 * time.Millisecond}
	for i := 0; i < 20; i++ {
		res, err := c.Call("Get", fmt.Sprint(i))
		fmt.Println(res, err)
	}
	time.Sleep(50 * time.Millisecond)
}
