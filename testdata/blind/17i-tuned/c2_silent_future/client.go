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
	time.Sleep(time.Duration(rand.Intn(20)) * time.Millisecond)
	// The reply channel has room for exactly one answer, so this never
	// blocks even if the caller has given up.
	req.reply <- Response{Result: fmt.Sprintf("%s(%v) ok", req.Method, req.Args)}
}

type Client struct {
	srv     *Server
	timeout time.Duration
}

func (c *Client) Call(method string, args ...string) (string, error) {
	req := &Request{Method: method, Args: args, reply: make(chan Response, 1)}
	c.srv.reqs <- req

	t := time.NewTimer(c.timeout)
	defer t.Stop()
	select {
	case resp := <-req.reply:
		return resp.Result, resp.Err
	case <-t.C:
		// Abandon the call; the late answer lands in the buffer and is
		// collected with req.
		return "", ErrTimeout
	}
}

func main() {
	c := &Client{srv: NewServer(), timeout: 10 * time.Millisecond}
	ok, late := 0, 0
	for i := 0; i < 20; i++ {
		if _, err := c.Call("Get", fmt.Sprint(i)); err != nil {
			late++
		} else {
			ok++
		}
	}
	fmt.Println("ok", ok, "timed out", late)
	time.Sleep(30 * time.Millisecond)
}
