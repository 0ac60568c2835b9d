// BAD: each accepted request is handled in a fresh goroutine that calls s.handle,
// and handle is what does s.wg.Add(1). Close can already be blocked in (or past)
// s.wg.Wait() when such a goroutine first runs, so in-flight requests escape the drain.
package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

type request struct {
	id    int
	body  string
	reply chan<- string
}

// EchoServer upper-cases request bodies.
type EchoServer struct {
	incoming chan request
	done     chan struct{}
	wg       sync.WaitGroup
	once     sync.Once
}

var errServerClosed = errors.New("echo: server closed")

func NewEchoServer() *EchoServer {
	return &EchoServer{
		incoming: make(chan request),
		done:     make(chan struct{}),
	}
}

// Serve accepts requests until Close is called.
func (s *EchoServer) Serve() error {
	for {
		select {
		case req := <-s.incoming:
			go func(r request) {
				s.handle(r) // want "WaitGroup.Add called"
			}(req)
		case <-s.done:
			return errServerClosed
		}
	}
}

func (s *EchoServer) handle(r request) {
	s.wg.Add(1)
	defer s.wg.Done()
	r.reply <- fmt.Sprintf("#%d %s", r.id, strings.ToUpper(r.body))
}

// Submit hands a request to the server.
func (s *EchoServer) Submit(id int, body string, reply chan<- string) bool {
	select {
	case s.incoming <- request{id: id, body: body, reply: reply}:
		return true
	case <-s.done:
		return false
	}
}

// Close stops accepting and waits for in-flight handlers.
func (s *EchoServer) Close() {
	s.once.Do(func() { close(s.done) })
	s.wg.Wait()
}

func main() {
	srv := NewEchoServer()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve() }()

	replies := make(chan string, 8)
	for i, word := range []string{"alpha", "beta", "gamma"} {
		srv.Submit(i, word, replies)
	}

	srv.Close()
	fmt.Println("serve:", <-errc)
	for n := len(replies); n > 0; n-- {
		fmt.Println(<-replies)
	}
}
