// Package flaky holds tests that wait for goroutines with time.Sleep, // want package:"analyzed, dependencies too"
// the most common real case of the bug, and their correct variants.
package flaky

import "errors"

func compute() int { return 42 }

type Server struct {
	addr    string
	serving bool
	stop    chan struct{}
}

func (s *Server) Serve() error { // want Serve:`summary\(joins writes=p0.1 reads=p0.2\)`
	s.serving = true
	<-s.stop
	return errors.New("closed")
}

func (s *Server) Close() { close(s.stop) } // want Close:`summary\(reads=p0.2 sends=p0.2\*\)`

// Dial stands for a client connecting to the server.
func Dial(addr string) (chan string, error) { // want Dial:`summary\(\)`
	c := make(chan string, 1)
	c <- addr
	return c, nil
}
